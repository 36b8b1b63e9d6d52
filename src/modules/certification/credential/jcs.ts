/**
 * JSON Canonicalization Scheme (RFC 8785): one exact text for one JSON value, so that a
 * signature over it survives any re-serialisation by the holder's software. The rules:
 * no whitespace; object keys sorted by their UTF-16 code units; strings escaped as
 * ECMAScript's JSON.stringify does; numbers written as ECMAScript writes a double.
 * Written here because the `canonicalize` package needs Node 22.
 *
 * Only I-JSON is accepted (RFC 7493): anything else throws, so that nothing is signed that
 * another implementation would canonicalize differently.
 */
export function canonicalize(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`JCS: ${value} is not a JSON number`);
    // ECMAScript's Number-to-String is exactly RFC 8785's number format (and -0 prints "0").
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return canonicalString(value);
  if (Array.isArray(value)) return `[${value.map(canonicalize).join(',')}]`;
  if (isPlainObject(value)) {
    // Array.prototype.sort without a comparator compares UTF-16 code units: what RFC 8785 asks.
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${canonicalString(key)}:${canonicalize(value[key])}`).join(',')}}`;
  }
  throw new TypeError(`JCS: a ${typeof value === 'object' ? 'non-plain object' : typeof value} is not JSON`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function canonicalString(text: string): string {
  // I-JSON forbids lone surrogates; JSON.stringify would write them as \udxxx escapes that
  // other canonicalizers reject or replace.
  if (LONE_SURROGATE.test(text)) throw new TypeError('JCS: a string holds a lone surrogate');
  return JSON.stringify(text);
}

/** An object literal or JSON.parse result, from this realm or another (structuredClone, vm). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return (
    proto === null ||
    (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]')
  );
}
