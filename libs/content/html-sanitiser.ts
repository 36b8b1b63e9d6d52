import sanitizeHtml from 'sanitize-html';

/**
 * The one allowlist for HTML that instructors write and learners read. Anything not
 * listed is dropped: scripts, event handlers, styles, frames, forms, SVG and MathML,
 * and every URL scheme but http(s) and mailto (images: http(s) and our own /files/).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'figure',
    'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Content of these is dropped with the tag; other unknown tags keep their text.
  nonTextTags: ['script', 'style', 'iframe', 'object', 'embed', 'textarea', 'noscript', 'title', 'svg', 'math'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer', target: '_blank' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSource(frame.attribs.src),
};

function isAllowedImageSource(src: string | undefined): boolean {
  if (!src) return false;
  return /^https?:\/\//i.test(src) || /^\/files\/[\w./-]+$/.test(src);
}

export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
