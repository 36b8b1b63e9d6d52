/**
 * HTML to plain text, for question texts that arrive in GIFT marked `[html]` (what Moodle writes
 * for every text saved in its HTML editor). The bank stores plain text and the pages escape it,
 * so a stem must not keep `<p dir="ltr">…</p>`, `&nbsp;` and the like. Pure: no I/O.
 *
 * - Block elements (p, div, li, h1–h6, tr, blockquote, pre, table…) and <br> become line breaks;
 *   list items start with "- " or their number ("1. "), nested lists indented by two spaces;
 *   table cells of a row are joined with " | ".
 * - Every other tag is removed and its text kept; script, style, noscript, template and title
 *   are removed with their content. Comments, CDATA and processing instructions are dropped.
 * - Entities are decoded (all HTML named ones, `&#NNN;`, `&#xHH;`); a no-break space becomes a
 *   space. `<`, `>` and `&` that are text stay as those characters.
 * - Whitespace is collapsed as a browser would (except inside <pre>); lines lose trailing
 *   spaces, at most one blank line is kept in a row, and the whole is trimmed.
 * - A link keeps its text, followed by its address in parentheses when that differs from the
 *   text (http, https and mailto only).
 * - Images and other embedded media (img, svg, video, audio, iframe, object, embed) cannot become
 *   text: they are reported in `media` (by file name where there is one) for the caller to refuse.
 *
 * The tokenising is htmlparser2's, through sanitize-html's documented parse hooks (onOpenTag,
 * onCloseTag, textFilter): quoted attribute values holding `>` and unclosed tags are read as a
 * browser reads them. sanitize-html's own output (always empty here) is not used.
 */
import sanitizeHtml from 'sanitize-html';

export interface HtmlText {
  text: string;
  /** Embedded images and media found, each as its file name, or '' when it has none. */
  media: string[];
}

/** Removed together with their content. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'title'];
const MEDIA = new Set(['img', 'image', 'svg', 'video', 'audio', 'iframe', 'object', 'embed']);
/** Elements that stand on a line of their own. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

export function htmlToText(html: string): HtmlText {
  const media: string[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  const links: Array<{ href: string; start: number }> = [];
  let out = '';
  let dropped = 0;
  let pre = 0;
  let cell = 0;

  const trimEnd = () => {
    out = out.replace(/[ \t]+$/, '');
  };
  /** A line break unless the output is empty or already at the start of a line. */
  const softBreak = () => {
    trimEnd();
    if (out && !out.endsWith('\n')) out += '\n';
  };
  const appendText = (text: string) => {
    if (pre) {
      out += text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
      return;
    }
    const collapsed = text.replace(/\s+/g, ' ');
    out += out === '' || /[ \n]$/.test(out) ? collapsed.replace(/^ /, '') : collapsed;
  };
  const closeLink = (link: { href: string; start: number }) => {
    const href = link.href.trim();
    if (!/^(https?|mailto):/i.test(href)) return;
    const address = href.replace(/^mailto:/i, '');
    const shown = out.slice(link.start).trim();
    if (shown.includes(address) || shown === href) return;
    trimEnd();
    out += shown ? ` (${address})` : address;
  };

  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED,
    onOpenTag: (name, attribs) => {
      if (DROPPED.includes(name)) dropped++;
      if (dropped) return;
      if (MEDIA.has(name)) media.push(fileName(attribs.src ?? attribs.data ?? attribs.href ?? ''));
      switch (name) {
        case 'br':
          trimEnd();
          out += '\n';
          break;
        case 'pre':
          softBreak();
          pre++;
          break;
        case 'ul':
        case 'ol':
          softBreak();
          lists.push({ ordered: name === 'ol', next: /^\d+$/.test(attribs.start ?? '') ? Number(attribs.start) : 1 });
          break;
        case 'li': {
          softBreak();
          const list = lists[lists.length - 1];
          out += '  '.repeat(Math.max(0, lists.length - 1)) + (list?.ordered ? `${list.next++}. ` : '- ');
          break;
        }
        case 'tr':
          softBreak();
          cell = 0;
          break;
        case 'td':
        case 'th':
          if (cell++ > 0) {
            trimEnd();
            out += ' | ';
          }
          break;
        case 'a':
          links.push({ href: attribs.href ?? '', start: out.length });
          break;
        default:
          if (BLOCKS.has(name)) softBreak();
      }
    },
    onCloseTag: (name) => {
      if (DROPPED.includes(name)) {
        dropped = Math.max(0, dropped - 1);
        return;
      }
      if (dropped) return;
      switch (name) {
        case 'pre':
          pre = Math.max(0, pre - 1);
          softBreak();
          break;
        case 'ul':
        case 'ol':
          lists.pop();
          softBreak();
          break;
        case 'a': {
          const link = links.pop();
          if (link) closeLink(link);
          break;
        }
        default:
          if (BLOCKS.has(name)) softBreak();
      }
    },
    // The text comes decoded, then escaped again for HTML (&, < and > only): undo that escaping.
    textFilter: (escaped) => {
      if (!dropped) appendText(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      return '';
    },
  });

  const text = out
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, media };
}

/**
 * The Moodle files a text refers to: `@@PLUGINFILE@@/name` is where Moodle puts the address of a
 * file stored with the question, which GIFT does not carry. Found in any format (an HTML
 * attribute, a markdown image, plain text), by file name ('' when there is none).
 */
export function moodleFileReferences(text: string): string[] {
  return [...text.matchAll(/@@PLUGINFILE@@([^\s"'<>)]*)/g)].map((m) => fileName(m[1]));
}

/** The decoded last path segment of an address ('' for a data: URI or none). */
function fileName(address: string): string {
  const path = address.trim();
  if (/^data:/i.test(path)) return '';
  const last = path.split(/[?#]/)[0].split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
