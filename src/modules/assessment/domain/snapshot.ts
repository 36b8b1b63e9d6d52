import { FrozenQuestion } from './attempt-score';
import { Difficulty, QuestionContent, QuestionKey, QuestionType } from './questions';

/** A question of the bank as the draw sees it. */
export interface BankQuestion {
  id: string;
  type: QuestionType;
  stem: string;
  points: number;
  feedback: string | null;
  competencyCode: string | null;
  difficulty: Difficulty;
  content: QuestionContent;
  key: QuestionKey;
}

/** A slot of a quiz: one fixed question, or a number of random ones matching a filter. */
export type SlotRule =
  | { kind: 'fixed'; questionId: string }
  | { kind: 'draw'; count: number; competencyCode: string | null; difficulty: Difficulty | null };

/** Does a bank question fit a draw slot (its competency and difficulty, where the slot names them)? */
export function drawMatches(
  rule: Extract<SlotRule, { kind: 'draw' }>,
  q: Pick<BankQuestion, 'competencyCode' | 'difficulty'>,
): boolean {
  return (
    (rule.competencyCode === null || q.competencyCode === rule.competencyCode) &&
    (rule.difficulty === null || q.difficulty === rule.difficulty)
  );
}

/** A question of the bank as the slot rules see it (which slots it can fill). */
export type PoolQuestion = Pick<BankQuestion, 'id' | 'competencyCode' | 'difficulty'>;

/**
 * A slot of a quiz against the questions a start may serve: how many questions it needs
 * (`count`: 1 for a fixed slot) and how many it can count on at every start (`left`: for a
 * fixed slot 1 while its question is served, 0 once retired). A slot with left < count is
 * one a start can fail on. The one rule for the quiz form, the quiz list and the bank's retire.
 */
export interface SlotCheck {
  /** From 0, as the slots are stored. */
  index: number;
  rule: SlotRule;
  count: number;
  left: number;
}

export function slotChecks(rules: SlotRule[], live: PoolQuestion[]): SlotCheck[] {
  const liveIds = new Set(live.map((q) => q.id));
  const fixedIds = new Set(rules.flatMap((r) => (r.kind === 'fixed' ? [r.questionId] : [])));
  // Each draw's pool once: a quiz may have many slots and the bank thousands of questions.
  const pools = rules.map((r) =>
    r.kind === 'draw' ? new Set(live.filter((q) => !fixedIds.has(q.id) && drawMatches(r, q)).map((q) => q.id)) : null,
  );
  return rules.map((rule, index) =>
    rule.kind === 'fixed'
      ? { index, rule, count: 1, left: liveIds.has(rule.questionId) ? 1 : 0 }
      : { index, rule, count: rule.count, left: questionsLeftForDraw(rules, pools, index) },
  );
}

/**
 * The questions a draw slot can count on at every start. An attempt draws slot by slot and
 * never repeats a question (buildSnapshot), so an earlier draw may take questions this slot
 * matches too: at worst as many as it draws, or as many as both match. A quiz saved with
 * that many left for every slot can always be started.
 */
function questionsLeftForDraw(rules: SlotRule[], pools: Array<Set<string> | null>, index: number): number {
  const mine = pools[index]!;
  let taken = 0;
  rules.slice(0, index).forEach((earlier, i) => {
    if (earlier.kind !== 'draw') return;
    const shared = [...pools[i]!].filter((id) => mine.has(id)).length;
    taken += Math.min(earlier.count, shared);
  });
  return mine.size - taken;
}

export interface SnapshotOptions {
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Uniform in [0, 1); injected so that tests can fix it. */
  random: () => number;
}

export class NotEnoughQuestions extends Error {
  constructor(
    readonly slotIndex: number,
    readonly wanted: number,
    readonly available: number,
  ) {
    super(`slot ${slotIndex + 1} wants ${wanted} questions, the bank has ${available}`);
  }
}

/** A fixed slot's question is not in the bank given (retired since the quiz was saved). */
export class WithdrawnQuestion extends Error {
  constructor(
    readonly slotIndex: number,
    readonly questionId: string,
  ) {
    super(`slot ${slotIndex + 1} holds a question that was withdrawn from the bank`);
  }
}

/**
 * Freezes the questions of a new attempt: fixed ones, then draws (never repeating a
 * question already in the attempt), optionally shuffled. Everything a grader needs is
 * copied in, so the attempt no longer depends on the bank. `bank` holds the questions that
 * may be served: a fixed question missing from it refuses the attempt (WithdrawnQuestion)
 * rather than serving fewer questions than the quiz promises.
 */
export function buildSnapshot(rules: SlotRule[], bank: BankQuestion[], options: SnapshotOptions): FrozenQuestion[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const used = new Set<string>();
  const picked: BankQuestion[] = [];
  rules.forEach((rule, index) => {
    if (rule.kind === 'fixed') {
      const q = byId.get(rule.questionId);
      if (!q) throw new WithdrawnQuestion(index, rule.questionId);
      if (!used.has(q.id)) {
        used.add(q.id);
        picked.push(q);
      }
    }
  });
  rules.forEach((rule, index) => {
    if (rule.kind !== 'draw') return;
    const pool = bank.filter((q) => !used.has(q.id) && drawMatches(rule, q));
    if (pool.length < rule.count) throw new NotEnoughQuestions(index, rule.count, pool.length);
    for (const q of shuffle(pool, options.random).slice(0, rule.count)) {
      used.add(q.id);
      picked.push(q);
    }
  });
  const ordered = options.shuffleQuestions ? shuffle(picked, options.random) : picked;
  return ordered.map((q, slot) => {
    const { content, key, labels } = relabel(q.content, q.key, options.random);
    return {
      slot,
      questionId: q.id,
      type: q.type,
      stem: q.stem,
      points: q.points,
      feedback: q.feedback,
      content: presentOrdering(
        options.shuffleOptions ? shuffleContent(content, options.random) : content,
        options.random,
      ),
      key,
      ...(labels ? { labels } : {}),
    };
  });
}

/**
 * Options, matching choices and ordering items get fresh ids per attempt: the bank's ids
 * can follow the answer (a bank written the GIFT way puts the right option first, so "a";
 * prompt pa ↔ choice ma; items a, b, c in the right order), so showing them would hand the
 * key to anyone who reads the page source. `labels` maps the bank's ids to the attempt's.
 */
export function relabel(
  content: QuestionContent,
  key: QuestionKey,
  random: () => number,
): { content: QuestionContent; key: QuestionKey; labels?: Record<string, string> } {
  if (content.type === 'single' || content.type === 'multiple') {
    const labels = freshIds(
      content.options.map((o) => o.id),
      random,
    );
    return { ...applyLabels(content, key, labels), labels };
  }
  if (content.type === 'matching' && key.type === 'matching') {
    const labels = freshIds(
      content.choices.map((c) => c.id),
      random,
    );
    return {
      content: { ...content, choices: content.choices.map((c) => ({ id: labels[c.id], text: c.text })) },
      key: { type: 'matching', pairs: Object.fromEntries(Object.entries(key.pairs).map(([p, c]) => [p, labels[c]])) },
      labels,
    };
  }
  if (content.type === 'ordering' && key.type === 'ordering') {
    const labels = freshIds(
      content.items.map((i) => i.id),
      random,
    );
    return {
      content: { ...content, items: content.items.map((i) => ({ id: labels[i.id], text: i.text })) },
      key: { type: 'ordering', order: key.order.map((id) => labels[id]) },
      labels,
    };
  }
  return { content, key };
}

/** Short random ids, distinct within the question. */
function freshIds(ids: string[], random: () => number): Record<string, string> {
  const used = new Set<string>();
  const out: Record<string, string> = {};
  for (const id of ids) {
    let fresh =
      'x' +
      Math.floor(random() * 36 ** 5)
        .toString(36)
        .padStart(5, '0');
    // A poor random source must not loop for ever: a clash gets a counter.
    if (used.has(fresh)) fresh += `-${used.size}`;
    used.add(fresh);
    out[id] = fresh;
  }
  return out;
}

/** Options are shuffled, never true/false; matching shuffles only the choices, so prompts keep their order. */
function shuffleContent(content: QuestionContent, random: () => number): QuestionContent {
  switch (content.type) {
    case 'single':
    case 'multiple':
      return { ...content, options: shuffle(content.options, random) };
    case 'matching':
      return { ...content, choices: shuffle(content.choices, random) };
    default:
      return content;
  }
}

/**
 * Ordering items and matching choices are always shown shuffled, whatever the quiz says of
 * option order: in their stored order they would give the answer away (the k-th choice
 * answers the k-th prompt).
 */
export function presentOrdering(content: QuestionContent, random: () => number): QuestionContent {
  if (content.type === 'matching') return { ...content, choices: shuffle(content.choices, random) };
  if (content.type !== 'ordering') return content;
  let items = shuffle(content.items, random);
  // A shuffle that lands on the answer is shuffled again (a 2-item list can only be reversed).
  for (let i = 0; i < 5 && items.every((item, j) => item.id === content.items[j].id); i++) {
    items = shuffle(content.items, random);
  }
  if (items.every((item, j) => item.id === content.items[j].id)) items = [...content.items].reverse();
  return { ...content, items };
}

/** Fisher-Yates over a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The bank's current content and key in an attempt's ids (for a regrade); unknown ids stay as they are. */
export function applyLabels(
  content: QuestionContent,
  key: QuestionKey,
  labels: Record<string, string> | undefined,
): { content: QuestionContent; key: QuestionKey } {
  if (!labels) return { content, key };
  const to = (id: string) => labels[id] ?? id;
  if (content.type === 'single' || content.type === 'multiple') {
    const options = content.options.map((o) => ({ ...o, id: to(o.id) }));
    const feedbackOf = (feedback: Record<string, string>) =>
      Object.fromEntries(Object.entries(feedback).map(([id, text]) => [to(id), text]));
    if (key.type === 'single') {
      return {
        content: { ...content, options },
        key: { ...key, correct: to(key.correct), feedback: feedbackOf(key.feedback) },
      };
    }
    if (key.type === 'multiple') {
      return {
        content: { ...content, options },
        key: { ...key, correct: key.correct.map(to), feedback: feedbackOf(key.feedback) },
      };
    }
    return { content: { ...content, options }, key };
  }
  if (content.type === 'matching' && key.type === 'matching') {
    return {
      content: { ...content, choices: content.choices.map((c) => ({ id: to(c.id), text: c.text })) },
      key: { type: 'matching', pairs: Object.fromEntries(Object.entries(key.pairs).map(([p, c]) => [p, to(c)])) },
    };
  }
  if (content.type === 'ordering' && key.type === 'ordering') {
    return {
      content: { ...content, items: content.items.map((i) => ({ id: to(i.id), text: i.text })) },
      key: { type: 'ordering', order: key.order.map(to) },
    };
  }
  return { content, key };
}
