import { htmlToText, moodleFileReferences } from './gift-html';

const text = (html: string) => {
  const result = htmlToText(html);
  expect(result.media).toEqual([]);
  return result.text;
};

describe('htmlToText', () => {
  it("reads Moodle's editor output as its words", () => {
    expect(text('<p dir="ltr" style="text-align: left;">Ibu kota <b>Indonesia</b>?<br></p>')).toBe(
      'Ibu kota Indonesia?',
    );
    expect(text('<p>Jakarta</p>')).toBe('Jakarta');
  });

  it('removes nested and unknown tags, keeping their text in place', () => {
    expect(
      text('<div><p><span class="x"><strong>Pancasila</strong> <em>dan <u>UUD</u></em></span> 1945</p></div>'),
    ).toBe('Pancasila dan UUD 1945');
    expect(text('<o:p></o:p>Sila <font face="Arial">pertama</font>')).toBe('Sila pertama');
  });

  it('is not fooled by ">" or "<" inside quoted attribute values', () => {
    expect(text('<span title="a > b" data-x=\'<p>\'>teks</span> lanjut')).toBe('teks lanjut');
    expect(text('<a title=">>" href="#">tautan</a>')).toBe('tautan');
  });

  it('turns blocks and <br> into line breaks, never more than one blank line in a row', () => {
    expect(text('<p>Satu</p><p>Dua</p><h3>Judul</h3><div>Tiga<br>Empat</div>')).toBe('Satu\nDua\nJudul\nTiga\nEmpat');
    expect(text('<p>a</p><p><br></p><p><br></p><p><br></p><p>b</p>')).toBe('a\n\nb');
    expect(text('<blockquote>kutipan</blockquote>sesudah')).toBe('kutipan\nsesudah');
    expect(text('baris<br/>baru<br />lagi')).toBe('baris\nbaru\nlagi');
  });

  it('marks list items with "- " or their number, nested lists indented', () => {
    expect(text('<p>Nilai:</p><ul><li>Akuntabel</li><li>Kompeten</li></ul>')).toBe('Nilai:\n- Akuntabel\n- Kompeten');
    expect(text('<ol><li>Perencanaan</li><li>Pelaksanaan<ol><li>Tahap A</li></ol></li><li>Evaluasi</li></ol>')).toBe(
      '1. Perencanaan\n2. Pelaksanaan\n  1. Tahap A\n3. Evaluasi',
    );
    expect(text('<ol start="4"><li>empat<li>lima</ol>')).toBe('4. empat\n5. lima');
  });

  it('puts a table row on a line, cells joined with " | "', () => {
    expect(
      text('<table>\n<tr>\n<th>Gol</th>\n<th>Pangkat</th></tr>\n<tr><td>III/a</td> <td>Penata Muda</td></tr></table>'),
    ).toBe('Gol | Pangkat\nIII/a | Penata Muda');
  });

  it('decodes named and numeric entities, and keeps <, > and & as characters', () => {
    expect(text('Tom&nbsp;&amp;&nbsp;Jerry &lt;b&gt; &quot;kutip&quot; &#39;satu&#39; &apos;dua&apos;')).toBe(
      "Tom & Jerry <b> \"kutip\" 'satu' 'dua'",
    );
    expect(text('&#65;&#x42;&#X43; &eacute;l&egrave;ve &ndash; Rp&nbsp;1.000')).toBe('ABC élève – Rp 1.000');
    expect(text('a < b, c > d & e; x &unknown; y')).toBe('a < b, c > d & e; x &unknown; y');
  });

  it('drops script and style with everything in them', () => {
    expect(text('<style>p { color: red }</style><p>Isi</p><script>alert("<p>x</p>")</script>')).toBe('Isi');
    expect(text('a<noscript><p>tanpa skrip</p></noscript>b<!-- komentar --> c')).toBe('ab c');
  });

  it('collapses whitespace as a browser does, except inside <pre>', () => {
    expect(text('  <p>\n  Ibu   kota\n\tIndonesia </p>  ')).toBe('Ibu kota Indonesia');
    expect(text('<p>Kode:</p><pre>if (a) {\n  b();\n}</pre>')).toBe('Kode:\nif (a) {\n  b();\n}');
  });

  it('keeps math for the TeX filter as typed', () => {
    expect(text('<p>Hitung $$\\frac{1}{2} &lt; x$$ dan \\(x^2 + y^2\\)</p>')).toBe(
      'Hitung $$\\frac{1}{2} < x$$ dan \\(x^2 + y^2\\)',
    );
  });

  it('keeps the address of a link after its text, when the text does not show it', () => {
    expect(text('Baca <a href="https://jdih.go.id/uu-5">UU ASN</a>.')).toBe('Baca UU ASN (https://jdih.go.id/uu-5).');
    expect(text('<a href="https://lan.go.id">https://lan.go.id</a>')).toBe('https://lan.go.id');
    expect(text('<a href="mailto:admin@lan.go.id">admin@lan.go.id</a>')).toBe('admin@lan.go.id');
    expect(text('<a href="javascript:alert(1)">klik</a>')).toBe('klik');
  });

  it('reports images and embedded media by file name', () => {
    expect(htmlToText('<p>Peta <img src="https://x.id/img/peta%20indonesia.png?v=2" alt="peta"></p>')).toEqual({
      text: 'Peta',
      media: ['peta indonesia.png'],
    });
    expect(htmlToText('<img src="data:image/png;base64,AAAA"><video src="/v/a.mp4"></video>').media).toEqual([
      '',
      'a.mp4',
    ]);
    expect(htmlToText('<svg><circle r="1"/></svg>').media).toEqual(['']);
  });
});

describe('moodleFileReferences', () => {
  it("finds Moodle's @@PLUGINFILE@@ addresses in any text, by file name", () => {
    expect(moodleFileReferences('<img src="@@PLUGINFILE@@/peta%20indonesia.png" alt="Peta">')).toEqual([
      'peta indonesia.png',
    ]);
    expect(moodleFileReferences('![peta](@@PLUGINFILE@@/peta.png) dan @@PLUGINFILE@@')).toEqual(['peta.png', '']);
    expect(moodleFileReferences('Tidak ada berkas')).toEqual([]);
  });
});
