/**
 * GIFT (Moodle's plain-text question format) import and export for the question bank.
 * Pure functions: no I/O, no Nest. The user-facing description with examples is
 * docs/question-bank-gift.md; this comment is the exact contract.
 *
 * File layout
 * - Questions are separated by one or more blank (or whitespace-only) lines. LF, CRLF and
 *   CR line endings all work; a leading UTF-8 BOM is dropped.
 * - A line whose first non-space characters are `//` is a comment and is ignored, except
 *   these metadata comments, which must come before the question text in the same block:
 *     // competency: <CODE>                      → competencyCode
 *     // difficulty: easy|medium|hard            → difficulty (default medium)
 *     // points: <number>                        → points (default 1; an essay with a rubric: the rubric's
 *                                                  total, and a different number is an error)
 *     // scoring: all_or_nothing|partial         → scoring, multiple response only (default partial)
 *     // case-sensitive: true|false              → caseSensitive, short answer only (default false)
 *     // type: ordering                          → makes `{=a =b =c}` an ordering question; any other
 *                                                  type name is an assertion checked against the answers
 *     // rubric: <points> | <criterion>          → one essay rubric criterion per line, in order
 *   A recognised metadata comment after the question text, in a block without a question,
 *   with an unknown value, or given twice (except rubric) is an error. Other comments, such
 *   as Moodle's `// question: 12  name: …`, are ignored, except that a block holding that
 *   comment and no question (what Moodle writes for Cloze, calculated, drag-and-drop…) is an
 *   error naming the question.
 * - A `$CATEGORY: …` line (Moodle exports start with one) is skipped; it ends a block by itself,
 *   so a question written directly under or over it is still read.
 *
 * One question
 * - `::Title::` at the start is accepted and dropped (QuestionInput has no title).
 * - The stem is the text before `{`. If text follows `}`, the block is a Moodle "missing word"
 *   question and the stem becomes `before _____ after` (Moodle's own rule), so the sentence
 *   keeps its meaning. Exactly one `{…}` block per question.
 * - Text formats, as in Moodle: a leading `[html]`, `[moodle]`, `[markdown]` or `[plain]` on a
 *   text is stripped and gives that text's format. The stem's format (default `moodle`) is the
 *   default of the question's other texts: options, option feedback, general feedback,
 *   matching prompts and ordering items. Short answers and the match side of a pair are typed
 *   text in Moodle: their marker is stripped, they are never converted.
 *   `[html]` text is converted to plain text after escapes are resolved (gift-html.ts: blocks
 *   and <br> become line breaks, list items "- "/"1. ", other tags removed, entities decoded,
 *   whitespace tidied); one holding an image or other embedded media is an error, since the
 *   picture cannot come along. `[markdown]`, `[moodle]` and `[plain]` text is kept as written
 *   (markdown reads well as plain text; `<` in unmarked text is just a character).
 *   A text in any format naming a Moodle file (`@@PLUGINFILE@@/…`) is an error too.
 * - `####text` at the end of the block is the general feedback.
 * - Escapes: `\~ \= \# \{ \} \:` give the character, `\n` a line break, `\\` a backslash and
 *   `\->` a literal `->`. Other backslashes are kept as they are (as Moodle does).
 *
 * Answer block → type
 * - `{}`                        essay; rubric from `// rubric:` lines.
 * - `{#3.5:0.1}` `{#3.5}`       numeric (answer, tolerance; default 0); `{#1..5}` is answer 3
 *                               tolerance 2. Moodle's `{#=%100%3.5:0.1#feedback ~#wrong}` form
 *                               with a single answer is accepted; feedback there is ignored.
 * - `{T}` `{TRUE}` `{F}` `{FALSE}`  true_false, any case. Moodle's `#wrong#right` answer
 *                               feedback is ignored (QuestionInput has nowhere to keep it).
 * - `{=right ~wrong#why}`       single: exactly one `=`; `#text` is option feedback. A `~` option
 *                               may carry `%0%`, no other weight. Two or more `=` with a `~` is
 *                               an error (use `~%n%` weights for multiple response).
 * - `{~%50%a ~%50%b ~%-100%c}`  multiple (no `=`): options with a positive weight are correct,
 *                               the others wrong. Positive weights must be equal (every correct
 *                               option counts the same here); weights outside -100..100 are an
 *                               error; the exact negative weight is not kept (scoring `partial`
 *                               charges each wrong choice one correct option's worth).
 * - `{=jawaban =alternatif}`    short (only `=`, no `~`, no `->`): accepted answers, where `*` is
 *                               Moodle's wildcard and `\*` a star (short-answer.ts). `%100%` is
 *                               allowed; a `%0%` answer is dropped (no accepted answer matching
 *                               scores 0 anyway) unless an accepted answer after it would accept it
 *                               (Moodle takes the first match): an error. Other weights are an
 *                               error; answer feedback is ignored.
 * - `{=a -> 1 =b -> 2}`         matching pairs (split at the first `->`).
 * - `// type: ordering` + `{=first =second =third}`  ordering, items in the correct order
 *                               (same rules as short answers).
 *
 * A block that does not parse, or whose QuestionInput fails questionProblems() (text lengths
 * included), is reported as { line, title?, message } with the line of its first non-comment
 * line and its ::title:: (or Moodle's name); the others are still parsed, and the bank service
 * imports nothing unless there is no error.
 *
 * Canonical form and export
 * parseGift returns every question in the canonical form of canonicalQuestion(): points,
 * difficulty, competencyCode (or null) and feedback (or null) always present; texts trimmed
 * with line breaks as `\n`; option `correct` always a boolean, option feedback only when not
 * empty; the type's own fields with their defaults (scoring, caseSensitive, tolerance, rubric)
 * and no fields of other types. It is the shape toInput() gives back from storage.
 * toGift writes that form back, metadata comments only when not default, and escapes every
 * reserved character. The bank's texts are plain, so it writes no format marker (`[plain]` only
 * before a text that would otherwise start with one); an unmarked text is read back as written.
 * So parseGift(toGift(qs)).questions deep-equals qs.map(canonicalQuestion) for valid questions.
 * Multiple-response weights are written as Moodle does (`%33.33333%`): each correct option
 * 100/n, each wrong one -100/n, which is exactly what `partial` scoring means, so Moodle grades
 * an exported question the same way.
 */
import {
  DIFFICULTIES,
  Difficulty,
  MULTIPLE_SCORING,
  MultipleScoring,
  OptionInput,
  pointsOf,
  QUESTION_TYPES,
  QuestionInput,
  QuestionType,
  questionProblems,
} from './questions';
import { htmlToText, moodleFileReferences } from './gift-html';
import { answerMatches, hasWildcard } from './short-answer';

export interface GiftError {
  /** 1-based line where the question (its first non-comment line) starts. */
  line: number;
  /** The question's `::title::`, or the name in Moodle's `// question: 12  name: …` comment. */
  title?: string;
  message: string;
}

export interface GiftParseResult {
  questions: QuestionInput[];
  errors: GiftError[];
}

/** Where each question came from: what an error found after parsing (a competency) names. */
export interface GiftOrigin {
  line: number;
  title?: string;
}

class GiftSyntaxError extends Error {}

const fail = (message: string): never => {
  throw new GiftSyntaxError(message);
};

interface Line {
  n: number;
  text: string;
}

interface Metadata {
  competencyCode?: string;
  difficulty?: Difficulty;
  points?: number;
  scoring?: MultipleScoring;
  caseSensitive?: boolean;
  type?: QuestionType;
  rubric: Array<{ criterion: string; points: number }>;
}

const METADATA = /^\/\/\s*(competency|difficulty|points|scoring|case-sensitive|type|rubric)\s*:(.*)$/i;
const FORMAT_PREFIX = /^\[(html|moodle|markdown|plain)\]/;
/** A text's format (Moodle's); `typed` is a short answer or match, never converted. */
type TextFormat = 'html' | 'moodle' | 'markdown' | 'plain';
type FieldFormat = TextFormat | 'typed';
/** Moodle's comment above each exported question. */
const MOODLE_NAME = /^\/\/\s*question:\s*\d+\s+name:(.*)$/i;
const WEIGHT = /^%(-?\d+(?:\.\d+)?)%/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_FALSE = /^(t|true|f|false)$/i;
const BLANK = '_____';

export function parseGift(text: string): GiftParseResult {
  const { questions, errors } = parseGiftFile(text);
  return { questions, errors };
}

/** parseGift, with the origin (line, title) of each question, in the same order. */
export function parseGiftFile(text: string): GiftParseResult & { origins: GiftOrigin[] } {
  const questions: QuestionInput[] = [];
  const errors: GiftError[] = [];
  const origins: GiftOrigin[] = [];
  for (const block of blocks(text.replace(/^\uFEFF/, ''))) {
    const start = (block.find((l) => !isComment(l.text)) ?? block.find((l) => MOODLE_NAME.test(l.text)) ?? block[0]).n;
    const title = titleOf(block);
    const origin = title ? { line: start, title } : { line: start };
    try {
      const q = parseBlock(block);
      if (!q) continue;
      const problems = questionProblems(q);
      if (problems.length)
        errors.push({ ...origin, message: problems.map((p) => `${p.field}: ${p.message}`).join('; ') });
      else {
        questions.push(q);
        origins.push(origin);
      }
    } catch (e) {
      if (!(e instanceof GiftSyntaxError)) throw e;
      errors.push({ ...origin, message: e.message });
    }
  }
  return { questions, errors, origins };
}

export function toGift(questions: QuestionInput[]): string {
  return questions.map((q) => writeQuestion(canonicalQuestion(q)).join('\n') + '\n').join('\n');
}

/**
 * The normal form parseGift produces (see the comment at the top): what a question
 * becomes after a trip through GIFT.
 */
export function canonicalQuestion(q: QuestionInput): QuestionInput {
  const base: QuestionInput = {
    type: q.type,
    stem: clean(q.stem),
    points: pointsOf(q),
    competencyCode: q.competencyCode ? clean(q.competencyCode) || null : null,
    difficulty: q.difficulty ?? 'medium',
    feedback: q.feedback ? clean(q.feedback) || null : null,
  };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const options = (q.options ?? []).map((o) =>
        option(clean(o.text), !!o.correct, o.feedback ? clean(o.feedback) : ''),
      );
      return q.type === 'single' ? { ...base, options } : { ...base, options, scoring: q.scoring ?? 'partial' };
    }
    case 'true_false':
      return { ...base, correct: q.correct };
    case 'short':
      return { ...base, answers: (q.answers ?? []).map(clean), caseSensitive: q.caseSensitive ?? false };
    case 'numeric':
      return { ...base, answer: noNegativeZero(q.answer), tolerance: noNegativeZero(q.tolerance ?? 0) };
    case 'matching':
      return { ...base, pairs: (q.pairs ?? []).map((p) => ({ prompt: clean(p.prompt), match: clean(p.match) })) };
    case 'ordering':
      return { ...base, items: (q.items ?? []).map(clean) };
    case 'essay':
      return { ...base, rubric: (q.rubric ?? []).map((r) => ({ criterion: clean(r.criterion), points: r.points })) };
  }
}

// ---------------------------------------------------------------------------------------
// Import

function blocks(text: string): Line[][] {
  const result: Line[][] = [];
  let current: Line[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = { n: i + 1, text: raw.trimEnd() };
    if (raw.trimStart().startsWith('$CATEGORY:')) {
      // A category line is a block of its own (with the comments just above it), so a
      // question written directly under it, or over it, is read and not dropped with it.
      // Comments just above it (Moodle's "// question: 0  name: Switch category…") go with it.
      if (current.some((l) => !isComment(l.text))) result.push(current, [line]);
      else result.push([...current, line]);
      current = [];
    } else if (raw.trim()) {
      current.push(line);
    } else if (current.length) {
      result.push(current);
      current = [];
    }
  });
  if (current.length) result.push(current);
  return result;
}

/** A block's `::title::`, else the name Moodle's `// question: 12  name: …` comment gives it. */
function titleOf(block: Line[]): string | undefined {
  const content = block.find((l) => !isComment(l.text))?.text.trim() ?? '';
  if (content.startsWith('::')) {
    const end = indexOfUnescaped(content, '::', 2);
    const title = end < 0 ? '' : unescape(content.slice(2, end)).trim();
    if (title) return title;
  }
  for (const l of block) {
    const name = MOODLE_NAME.exec(l.text.trim())?.[1].trim();
    if (name) return name;
  }
  return undefined;
}

function isComment(line: string): boolean {
  return line.trimStart().startsWith('//');
}

function parseBlock(block: Line[]): QuestionInput | null {
  const firstContent = block.findIndex((l) => !isComment(l.text));
  const leading = firstContent < 0 ? block : block.slice(0, firstContent);
  const meta = readMetadata(leading.map((l) => l.text.trim()));
  const hasMeta = leading.some((l) => METADATA.test(l.text.trim()));
  if (firstContent < 0) {
    if (hasMeta) fail('metadata comments must be directly followed by their question (no blank line between)');
    // Moodle exports a question GIFT cannot carry (Cloze, calculated, drag-and-drop…) as its name alone.
    if (block.some((l) => MOODLE_NAME.test(l.text.trim())))
      fail(
        'this question type cannot be carried by GIFT (Moodle wrote only its name, as it does for Cloze, calculated or drag-and-drop questions): write it again here, or leave it out of the file',
      );
    return null;
  }
  const content: string[] = [];
  for (const line of block.slice(firstContent)) {
    if (!isComment(line.text)) content.push(line.text);
    else if (METADATA.test(line.text.trim()))
      fail(`metadata comment "${line.text.trim()}" (line ${line.n}) must come before the question text`);
  }
  const text = content.join('\n').trim();
  if (text.startsWith('$CATEGORY:')) {
    if (hasMeta) fail('metadata comments cannot apply to a $CATEGORY line');
    return null;
  }
  return parseQuestion(text, meta);
}

function readMetadata(comments: string[]): Metadata {
  const meta: Metadata = { rubric: [] };
  const seen = new Set<string>();
  for (const comment of comments) {
    const m = METADATA.exec(comment);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key !== 'rubric' && seen.has(key)) fail(`"// ${key}:" is given twice`);
    seen.add(key);
    switch (key) {
      case 'competency':
        meta.competencyCode = unescape(value).trim() || fail('"// competency:" needs a competency code');
        break;
      case 'difficulty':
        meta.difficulty = oneOf(DIFFICULTIES, value.toLowerCase(), 'difficulty');
        break;
      case 'points':
        meta.points = NUMBER.test(value) ? Number(value) : fail(`"// points: ${value}" is not a number (use 2 or 2.5)`);
        break;
      case 'scoring':
        meta.scoring = oneOf(MULTIPLE_SCORING, value.toLowerCase(), 'scoring');
        break;
      case 'case-sensitive':
        meta.caseSensitive = oneOf(['true', 'false'] as const, value.toLowerCase(), 'case-sensitive') === 'true';
        break;
      case 'type':
        meta.type = oneOf(QUESTION_TYPES, value.toLowerCase(), 'type');
        break;
      case 'rubric': {
        const bar = value.indexOf('|');
        const points = bar < 0 ? '' : value.slice(0, bar).trim();
        const criterion = bar < 0 ? '' : unescape(value.slice(bar + 1)).trim();
        if (!NUMBER.test(points) || !criterion)
          fail(`"// rubric: ${value}" must look like "// rubric: <points> | <criterion>"`);
        meta.rubric.push({ criterion, points: Number(points) });
        break;
      }
    }
  }
  return meta;
}

function oneOf<T extends string>(allowed: readonly T[], value: string, key: string): T {
  return (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fail(`"// ${key}: ${value}" is not one of ${allowed.join(', ')}`);
}

function parseQuestion(text: string, meta: Metadata): QuestionInput {
  let body = text;
  if (body.startsWith('::')) {
    const end = indexOfUnescaped(body, '::', 2);
    if (end < 0) fail('the title ::…:: is not closed');
    body = body.slice(end + 2);
  }
  const open = indexOfUnescaped(body, '{');
  const close = indexOfUnescaped(body, '}');
  if (open < 0 && close < 0) fail('no answer block {…} (write \\{ for a literal brace)');
  if (open < 0 || (close >= 0 && close < open)) fail('"}" without an opening "{"');
  if (close < 0) fail('the answer block is not closed with "}"');
  const inner = body.slice(open + 1, close);
  if (indexOfUnescaped(inner, '{') >= 0) fail('"{" inside the answer block (write \\{ for a literal brace)');
  const after = body.slice(close + 1);
  if (indexOfUnescaped(after, '{') >= 0 || indexOfUnescaped(after, '}') >= 0)
    fail('only one answer block {…} per question');
  const before = body.slice(0, open);
  // Moodle: the question text's format is the default of all the question's other texts.
  const format = (FORMAT_PREFIX.exec(before.trim())?.[1] ?? 'moodle') as TextFormat;
  const stem = textOf(after.trim() ? before + BLANK + after : before, format);

  let answerText = inner;
  let feedback: string | null = null;
  const general = lastIndexOfUnescaped(inner, '####');
  if (general >= 0) {
    feedback = textOf(inner.slice(general + 4), format) || null;
    answerText = inner.slice(0, general);
  }
  answerText = answerText.trim();

  const base: QuestionInput = {
    type: 'essay',
    stem,
    ...(meta.points !== undefined ? { points: meta.points } : {}),
    competencyCode: meta.competencyCode ?? null,
    difficulty: meta.difficulty ?? 'medium',
    feedback,
  };
  const q = parseAnswers(answerText, meta, base, format);
  if (meta.type && meta.type !== q.type) fail(`"// type: ${meta.type}" but the answer block is a ${q.type} question`);
  if (meta.scoring && q.type !== 'multiple') fail('"// scoring:" applies only to multiple-response questions');
  if (meta.caseSensitive !== undefined && q.type !== 'short')
    fail('"// case-sensitive:" applies only to short-answer questions');
  if (meta.rubric.length && q.type !== 'essay') fail('"// rubric:" applies only to essay questions');
  // Without "// points:" an essay with a rubric is worth the rubric's total (pointsOf).
  return { ...q, points: pointsOf(q) };
}

function parseAnswers(text: string, meta: Metadata, base: QuestionInput, format: TextFormat): QuestionInput {
  if (text === '') return { ...base, type: 'essay', rubric: meta.rubric };
  if (text.startsWith('#')) return { ...base, type: 'numeric', ...parseNumeric(text.slice(1)) };
  if (indexOfUnescaped(text, '~') >= 0) return parseChoice(text, meta, base, format);
  if (indexOfUnescaped(text, '=') >= 0 && indexOfUnescaped(text, '->') >= 0) {
    if (meta.type === 'ordering') fail('an ordering question lists its items as {=first =second =third}');
    return { ...base, type: 'matching', pairs: parseMatching(text, format) };
  }
  const hash = indexOfUnescaped(text, '#');
  const tf = (hash < 0 ? text : text.slice(0, hash)).trim();
  if (TRUE_FALSE.test(tf)) return { ...base, type: 'true_false', correct: tf[0].toLowerCase() === 't' };
  const entries = answerList(text, meta.type === 'ordering', format);
  if (meta.type === 'ordering') return { ...base, type: 'ordering', items: entries.map((a) => a.text) };
  const caseSensitive = meta.caseSensitive ?? false;
  return { ...base, type: 'short', answers: acceptedAnswers(entries, caseSensitive), caseSensitive };
}

/**
 * `=answer` entries of a short-answer or ordering block, feedback dropped. `%100%` is allowed;
 * a short answer may also be `%0%` (Moodle's "anything else" line `=%0%*#Salah`).
 */
function answerList(text: string, ordering: boolean, format: TextFormat): Array<{ text: string; weight: number }> {
  return splitAnswers(text).map(({ raw }) => {
    // Feedback on an accepted answer or ordering item has nowhere to go: not read at all.
    const a = parseEntry(raw, true, ordering ? format : 'typed', false);
    const weight = a.weight ?? 100;
    if (weight !== 100 && (ordering || weight !== 0))
      fail(`"%${a.weight}%": partial credit for one answer is not supported (every accepted answer is fully right)`);
    return { text: a.text, weight };
  });
}

/**
 * The accepted answers of a short-answer block. A `%0%` answer is dropped: a response no
 * accepted answer matches scores 0 anyway. Moodle takes the first answer that matches, so a
 * `%0%` answer listed before an accepted answer that would also match it (`=%0%Soekarno Hatta`
 * before `=Soekarno*`) keeps that response at 0 there; here it would score, so it is refused.
 */
function acceptedAnswers(entries: Array<{ text: string; weight: number }>, caseSensitive: boolean): string[] {
  entries.forEach((zero, i) => {
    if (zero.weight !== 0) return;
    const later = entries
      .slice(i + 1)
      .find((a) => a.weight === 100 && (hasWildcard(zero.text) || answerMatches(a.text, zero.text, caseSensitive)));
    if (later)
      fail(
        `"=%0%${zero.text}" comes before "=${later.text}", which also accepts such answers: Moodle scores them 0 by the earlier line, Bina would accept them; narrow the accepted answer or remove the %0% line`,
      );
  });
  return entries.filter((a) => a.weight === 100).map((a) => a.text);
}

function parseChoice(text: string, meta: Metadata, base: QuestionInput, format: TextFormat): QuestionInput {
  const answers = splitAnswers(text);
  const rights = answers.filter((a) => a.marker === '=').length;
  if (rights > 1) fail('more than one "=" in a choice question: use ~%n% weights for multiple response');
  const parsed = answers.map((a) => ({ marker: a.marker, ...parseEntry(a.raw, a.marker === '~', format) }));
  if (rights === 1) {
    const weighted = parsed.find((a) => a.weight !== undefined && a.weight !== 0);
    if (weighted)
      fail(
        `"%${weighted.weight}%" in a single-choice question: single choice is right or wrong; for multiple response use ~%n% weights and no "="`,
      );
    return {
      ...base,
      type: 'single',
      options: parsed.map((a) => option(a.text, a.marker === '=', a.feedback)),
    };
  }
  const positive = parsed.map((a) => a.weight ?? 0).filter((w) => w > 0);
  if (positive.length && Math.max(...positive) - Math.min(...positive) > 0.01)
    fail(
      `correct options must carry equal weights (found ${positive.map((w) => `%${w}%`).join(', ')}): each counts the same here`,
    );
  return {
    ...base,
    type: 'multiple',
    options: parsed.map((a) => option(a.text, (a.weight ?? 0) > 0, a.feedback)),
    scoring: meta.scoring ?? 'partial',
  };
}

function parseMatching(text: string, format: TextFormat): Array<{ prompt: string; match: string }> {
  return splitAnswers(text).map(({ raw }) => {
    const arrow = indexOfUnescaped(raw, '->');
    if (arrow < 0) fail(`every matching pair needs "prompt -> match" (found "=${raw.trim()}")`);
    return { prompt: textOf(raw.slice(0, arrow), format), match: textOf(raw.slice(arrow + 2), 'typed') };
  });
}

function parseNumeric(text: string): { answer: number; tolerance: number } {
  let body = text;
  const wrong = indexOfUnescaped(body, '~');
  if (wrong >= 0) body = body.slice(0, wrong); // Moodle's feedback for any wrong answer: nowhere to keep it.
  body = body.trim();
  let value: string;
  if (body.startsWith('=')) {
    const answers = splitAnswers(body);
    if (answers.length !== 1) fail('a numeric question takes one answer (partial credit is not supported)');
    const raw = answers[0].raw.trim();
    const weight = WEIGHT.exec(raw);
    if (weight && Number(weight[1]) !== 100)
      fail(`"%${weight[1]}%": partial credit for a numeric answer is not supported`);
    value = weight ? raw.slice(weight[0].length) : raw;
  } else value = body;
  const hash = indexOfUnescaped(value, '#');
  if (hash >= 0) value = value.slice(0, hash); // answer feedback: nowhere to keep it.
  value = value.trim();
  const range = value.indexOf('..');
  if (range > 0) {
    const [min, max] = [value.slice(0, range).trim(), value.slice(range + 2).trim()];
    if (!NUMBER.test(min) || !NUMBER.test(max)) fail(`"${value}" is not a numeric range like 1..5`);
    if (Number(min) > Number(max)) fail(`the range "${value}" starts above its end`);
    return { answer: (Number(min) + Number(max)) / 2, tolerance: (Number(max) - Number(min)) / 2 };
  }
  const colon = value.indexOf(':');
  const answer = (colon < 0 ? value : value.slice(0, colon)).trim();
  const tolerance = colon < 0 ? '0' : value.slice(colon + 1).trim();
  if (!NUMBER.test(answer) || !NUMBER.test(tolerance))
    fail(`"${value}" is not a numeric answer like 3.5, 3.5:0.1 or 1..5 (use a dot for decimals)`);
  return { answer: noNegativeZero(Number(answer)), tolerance: noNegativeZero(Number(tolerance)) };
}

/** One `=`/`~` entry: optional `%weight%` (when allowed), text, optional `#feedback` (when read). */
function parseEntry(
  raw: string,
  weights: boolean,
  format: FieldFormat,
  readFeedback = true,
): { weight?: number; text: string; feedback: string } {
  let rest = raw.trim();
  let weight: number | undefined;
  const m = weights ? WEIGHT.exec(rest) : null;
  if (m) {
    weight = Number(m[1]);
    if (weight < -100 || weight > 100) fail(`the weight "%${m[1]}%" is outside -100..100`);
    rest = rest.slice(m[0].length);
  }
  const hash = indexOfUnescaped(rest, '#');
  return {
    ...(weight !== undefined ? { weight } : {}),
    text: textOf(hash < 0 ? rest : rest.slice(0, hash), format),
    feedback: hash < 0 || !readFeedback ? '' : textOf(rest.slice(hash + 1), format),
  };
}

/** Entries starting at each unescaped `=` or `~`; text before the first one is an error. */
function splitAnswers(text: string): Array<{ marker: '=' | '~'; raw: string }> {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '=' || text[i] === '~') starts.push(i);
  }
  const lead = (starts.length ? text.slice(0, starts[0]) : text).trim();
  if (lead)
    fail(`"${lead}" in the answer block: start each answer with "=" (right) or "~" (wrong), or use T/F or #number`);
  return starts.map((s, i) => ({
    marker: text[s] as '=' | '~',
    raw: text.slice(s + 1, i + 1 < starts.length ? starts[i + 1] : text.length),
  }));
}

function indexOfUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

function lastIndexOfUnescaped(text: string, needle: string): number {
  let last = -1;
  for (let i = indexOfUnescaped(text, needle); i >= 0; i = indexOfUnescaped(text, needle, i + 1)) last = i;
  return last;
}

/**
 * A text field: trimmed, its format marker dropped, escapes resolved, then in its format (its own
 * marker, else `format`): HTML made plain text. A picture or file it refers to is an error.
 */
function textOf(raw: string, format: FieldFormat): string {
  const trimmed = raw.trim();
  const marker = FORMAT_PREFIX.exec(trimmed);
  const text = unescape(marker ? trimmed.slice(marker[0].length) : trimmed).trim();
  const files = moodleFileReferences(text);
  if (format === 'typed' || (marker?.[1] ?? format) !== 'html') return refuseFiles(files, text);
  const html = htmlToText(text);
  return refuseFiles([...files, ...html.media], html.text);
}

/** `text`, unless it refers to pictures or files, which GIFT cannot carry. */
function refuseFiles(files: string[], text: string): string {
  if (!files.length) return text;
  const names = [...new Set(files.filter(Boolean))].slice(0, 3);
  return fail(
    `images and files cannot be imported with GIFT${names.length ? ` (${names.join(', ')})` : ''}: describe the picture in words, or leave the question out of the file`,
  );
}

function unescape(text: string): string {
  return text.replace(/\\([\\~=#{}:n]|-(?=>))/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

// ---------------------------------------------------------------------------------------
// Export

function writeQuestion(q: QuestionInput): string[] {
  const lines: string[] = [];
  if (q.competencyCode) lines.push(`// competency: ${escapeComment(q.competencyCode)}`);
  if (q.difficulty !== 'medium') lines.push(`// difficulty: ${q.difficulty}`);
  // Only when it differs from what a missing line means (1, or an essay's rubric total).
  if (q.points !== pointsOf({ ...q, points: undefined })) lines.push(`// points: ${q.points}`);
  if (q.type === 'multiple' && q.scoring === 'all_or_nothing') lines.push('// scoring: all_or_nothing');
  if (q.type === 'short' && q.caseSensitive) lines.push('// case-sensitive: true');
  if (q.type === 'ordering') lines.push('// type: ordering');
  for (const r of q.type === 'essay' ? (q.rubric ?? []) : [])
    lines.push(`// rubric: ${r.points} | ${escapeComment(r.criterion)}`);

  const stem = escapeText(q.stem);
  const general = q.feedback ? `####${escapeText(q.feedback)}` : '';
  const block = (entries: string[]) => [
    `${stem} {`,
    ...entries.map((e) => `  ${e}`),
    ...(general ? [`  ${general}`] : []),
    '}',
  ];
  const feedback = (o: OptionInput) => (o.feedback ? `#${escapeText(o.feedback)}` : '');
  switch (q.type) {
    case 'single':
      return [
        ...lines,
        ...block(
          (q.options ?? []).map((o) =>
            o.correct ? `=${escapeText(o.text)}${feedback(o)}` : `~${guardWeight(o.text, '%0%')}${feedback(o)}`,
          ),
        ),
      ];
    case 'multiple': {
      const options = q.options ?? [];
      const share = formatWeight(100 / Math.max(1, options.filter((o) => o.correct).length));
      return [
        ...lines,
        ...block(options.map((o) => `~%${o.correct ? '' : '-'}${share}%${escapeText(o.text)}${feedback(o)}`)),
      ];
    }
    case 'true_false':
      return [...lines, `${stem} {${q.correct ? 'TRUE' : 'FALSE'}${general}}`];
    case 'short':
      return [...lines, ...block((q.answers ?? []).map((a) => `=${guardWeight(a, '%100%')}`))];
    case 'numeric': {
      const tolerance = q.tolerance ? `:${q.tolerance}` : '';
      return [...lines, `${stem} {#${q.answer}${tolerance}${general}}`];
    }
    case 'matching':
      return [...lines, ...block((q.pairs ?? []).map((p) => `=${escapeText(p.prompt)} -> ${escapeText(p.match)}`))];
    case 'ordering':
      return [...lines, ...block((q.items ?? []).map((i) => `=${guardWeight(i, '%100%')}`))];
    case 'essay':
      return [...lines, `${stem} {${general}}`];
  }
}

/** Escapes every reserved character; a text that would read as a format tag or comment gets `[plain]`. */
function escapeText(text: string): string {
  const escaped = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\~=#{}:]/g, (c) => `\\${c}`)
    .replace(/->/g, '\\->')
    .replace(/\n/g, '\\n');
  return FORMAT_PREFIX.test(escaped) || escaped.startsWith('//') ? `[plain]${escaped}` : escaped;
}

/** An entry whose text starts like `%50%` gets an explicit neutral weight so the text survives. */
function guardWeight(text: string, neutral: string): string {
  const escaped = escapeText(text);
  return WEIGHT.test(escaped) ? neutral + escaped : escaped;
}

function escapeComment(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\r\n?|\n/g, '\\n');
}

/** Moodle's style: at most five decimals, no trailing zeros (33.33333, 50, 100). */
function formatWeight(weight: number): string {
  return String(Number(weight.toFixed(5)));
}

// ---------------------------------------------------------------------------------------

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function option(text: string, correct: boolean, feedback: string): OptionInput {
  return feedback ? { text, correct, feedback } : { text, correct };
}

function noNegativeZero<T extends number | undefined>(n: T): T {
  return (n === 0 ? 0 : n) as T;
}
