import { sanitiseHtml } from './html-sanitiser';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<img src="https://ok.example/a.png" onerror="alert(1)">',
  '<p onclick="alert(1)">x</p>',
  '<a href="#" onmouseover="alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;vascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><script>alert(1)</script></mtext></math>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<input autofocus onfocus=alert(1)>',
];

describe('sanitiseHtml', () => {
  it.each(PAYLOADS)('neutralises %s', (payload) => {
    const clean = sanitiseHtml(payload);
    expect(clean).not.toMatch(/<script/i);
    expect(clean).not.toMatch(/\son\w+\s*=/i);
    expect(clean).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(clean).not.toMatch(/srcdoc|<iframe|<svg|<math|<object|<embed|<meta|<base|<form|<link|<style|style=/i);
  });

  it('keeps the markup a lesson needs', () => {
    const html =
      '<h2>Judul</h2><p><strong>Tebal</strong> dan <em>miring</em></p><ul><li>satu</li></ul><ol><li>dua</li></ol>' +
      '<blockquote>kutipan</blockquote><pre><code>kode</code></pre>' +
      '<table><thead><tr><th colspan="2">A</th></tr></thead><tbody><tr><td rowspan="1">1</td></tr></tbody></table>';
    expect(sanitiseHtml(html)).toBe(html);
  });

  it('opens links in a new tab without giving the target page a handle on ours', () => {
    expect(sanitiseHtml('<a href="https://lan.go.id" title="LAN">LAN</a>')).toBe(
      '<a href="https://lan.go.id" title="LAN" rel="noopener noreferrer" target="_blank">LAN</a>',
    );
    expect(sanitiseHtml('<a href="mailto:bkpsdm@tangerangselatankota.go.id">surel</a>')).toContain('href="mailto:');
  });

  it('keeps images from https and from our own /files/, and drops others', () => {
    expect(sanitiseHtml('<img src="https://cdn.example/a.png" alt="a" width="10">')).toBe(
      '<img src="https://cdn.example/a.png" alt="a" width="10" />',
    );
    expect(sanitiseHtml('<img src="/files/lesson/ab/cd.png" alt="b">')).toBe(
      '<img src="/files/lesson/ab/cd.png" alt="b" />',
    );
    expect(sanitiseHtml('<img src="//evil.example/a.png">')).toBe('');
  });

  it('keeps the text of unknown tags but drops the content of dangerous ones', () => {
    expect(sanitiseHtml('<div><span>teks</span></div>')).toBe('teks');
    expect(sanitiseHtml('<p>a</p><script>b</script><style>c</style>')).toBe('<p>a</p>');
  });
});
