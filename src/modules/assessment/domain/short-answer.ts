/**
 * Accepted short answers follow Moodle's rule, so a bank moved in from Moodle scores the
 * same: an unescaped `*` matches any run of characters (also none), `\*` is a literal star,
 * and every other character is itself. Case and spaces are normalised first, as for any
 * short answer (normaliseText).
 */
export function answerMatches(pattern: string, response: string, caseSensitive: boolean): boolean {
  return matchesNormalised(pattern, normaliseText(response, caseSensitive), caseSensitive);
}

/**
 * answerMatches for a response already put through normaliseText with the same
 * caseSensitive: grading normalises a response once, not once per accepted answer.
 */
export function matchesNormalised(pattern: string, normalisedResponse: string, caseSensitive: boolean): boolean {
  const given = normalisedResponse;
  const parts = wildcardParts(normaliseText(pattern, caseSensitive));
  if (parts.length === 1) return given === parts[0];
  // Segment by segment, each at its leftmost place: linear, where a regex built from a
  // pattern of many stars can backtrack for a long time on a 500-character answer.
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (given.length < first.length + last.length || !given.startsWith(first) || !given.endsWith(last)) return false;
  let at = first.length;
  const end = given.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = given.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

// These read an answer's stars as the matcher does, after NFKC: a full-width `＊` (or a
// small `﹡`) is a star there too, so that an answer of only `＊` is refused like `*`.

/** True when an answer holds an unescaped `*`. */
export function hasWildcard(pattern: string): boolean {
  return wildcardParts(pattern.normalize('NFKC')).length > 1;
}

/** True when an answer is nothing but stars (and spaces): it would accept any response. */
export function acceptsAnything(pattern: string): boolean {
  const parts = wildcardParts(pattern.normalize('NFKC'));
  return parts.length > 1 && parts.every((p) => !p.trim());
}

/**
 * An accepted answer as a person reads it (the review's "correct answer"): the stars left
 * out and `\*` shown as `*`, as Moodle shows it. `Soekarno*` reads `Soekarno`.
 */
export function shownAnswer(pattern: string): string {
  return wildcardParts(pattern.normalize('NFKC')).join(' ').trim().replace(/\s+/g, ' ');
}

/** The literal texts between unescaped runs of `*`, with `\*` turned into `*`. */
function wildcardParts(pattern: string): string[] {
  return pattern.split(/(?<!\\)\*+/).map((part) => part.replace(/\\\*/g, '*'));
}

/** Case (unless asked), surrounding and repeated spaces, and Unicode forms do not matter. */
export function normaliseText(value: string, caseSensitive: boolean): string {
  const spaced = value.normalize('NFKC').trim().replace(/\s+/g, ' ');
  return caseSensitive ? spaced : spaced.toLocaleLowerCase('id');
}
