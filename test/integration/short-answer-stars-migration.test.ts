import { randomUUID } from 'node:crypto';
import { ShortAnswerLiteralStars1764870000000 } from '../../migrations/1764870000000-ShortAnswerLiteralStars';
import { createTestApp, TestApp } from '../../libs/testing';
import { FrozenQuestion, scoreAttempt } from '../../src/modules/assessment/domain/attempt-score';
import { grade } from '../../src/modules/assessment/domain/grading';
import { QuestionContent, QuestionKey } from '../../src/modules/assessment/domain/questions';
import { withFixedKeys } from '../../src/modules/assessment/grading/regrades.service';
import { shownAnswer } from '../../src/modules/assessment/domain/short-answer';

type ShortKey = Extract<QuestionKey, { type: 'short' }>;
const AT = '2026-03-02 01:00:00.000';

/** Stars typed in accepted answers before `*` became a wildcard were plain stars. */
describe('migration: stars in existing short answers stay plain stars', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const question = async (key: QuestionKey, content: QuestionContent = { type: 'short' }) => {
    const id = randomUUID();
    await t.dataSource.query(
      'INSERT INTO question (id, course_id, type, stem, points_hundredths, feedback, competency_code, difficulty, ' +
        'content_json, key_json, revision, retired_at, created_at, updated_at) ' +
        "VALUES (?, ?, ?, 'Berapa 5 kali 3 (tulis dengan *)?', 100, NULL, NULL, 'medium', ?, ?, 3, NULL, ?, ?)",
      [id, randomUUID(), key.type, JSON.stringify(content), JSON.stringify(key), AT, AT],
    );
    return id;
  };
  const frozen = (questionId: string, key: QuestionKey): FrozenQuestion => ({
    slot: 1,
    questionId,
    type: key.type,
    stem: 'Berapa 5 kali 3 (tulis dengan *)?',
    points: 1,
    feedback: null,
    content: key.type === 'short' ? { type: 'short' } : { type: 'true_false' },
    key,
  });
  const attempt = async (status: string, snapshot: FrozenQuestion[], response: string, score: number | null) => {
    const id = randomUUID();
    const marks = score === null ? null : JSON.stringify({ 1: { scored: score, max: 100 } });
    await t.dataSource.query(
      'INSERT INTO quiz_attempt (id, quiz_id, course_id, user_id, number, status, started_at, due_at, submitted_at, ' +
        'closed_by, snapshot_json, responses_json, revision, score_hundredths, max_hundredths, percent_hundredths, ' +
        'marks_json, graded_at, grade_version, grading_error, updated_at) ' +
        'VALUES (?, ?, ?, ?, 1, ?, ?, NULL, NULL, NULL, ?, ?, 1, ?, 100, ?, ?, NULL, 0, NULL, ?)',
      [
        id,
        randomUUID(),
        randomUUID(),
        randomUUID(),
        status,
        AT,
        JSON.stringify(snapshot),
        JSON.stringify({ 1: response }),
        score,
        score,
        marks,
        AT,
      ],
    );
    return id;
  };
  const keyOf = async (id: string): Promise<QuestionKey> =>
    JSON.parse((await t.dataSource.query('SELECT key_json FROM question WHERE id = ?', [id]))[0].key_json);
  const snapshotOf = async (id: string): Promise<FrozenQuestion[]> =>
    JSON.parse(
      (await t.dataSource.query('SELECT snapshot_json FROM quiz_attempt WHERE id = ?', [id]))[0].snapshot_json,
    );
  const up = async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      // Batches of two questions and one attempt, so that every batch edge is crossed.
      await new ShortAnswerLiteralStars1764870000000({ questions: 2, attempts: 1 }).up(runner);
    } finally {
      await runner.release();
    }
  };
  const short = (answers: string[]): ShortKey => ({ type: 'short', answers, caseSensitive: false });

  it('escapes every star of bank keys and of frozen attempts, and scores as before', async () => {
    const times = await question(short(['5*3', 'A\\*B', 'plain']));
    const onlyStar = await question(short(['*']));
    const wide = await question(short(['5\uff0a3', 'x**y']));
    const noStar = await question(short(['Jakarta']));
    const trueFalse = await question({ type: 'true_false', correct: true }, { type: 'true_false' });
    const inProgress = await attempt('in_progress', [frozen(times, short(['5*3']))], '5 kali 3', null);
    const submitted = await attempt('submitted', [frozen(onlyStar, short(['*']))], 'apa saja', null);
    const failed = await attempt('failed', [frozen(times, short(['5*3']))], '5*3', null);
    // Graded under the old reading: "5 kali 3" is not "5*3", so 0; the marks are final.
    const graded = await attempt('graded', [frozen(times, short(['5*3']))], '5 kali 3', 0);

    await up();

    // A backslash before a star was a plain character too: `A\*B` still means the text `A\*B`.
    expect(await keyOf(times)).toEqual(short(['5\\*3', 'A\\\\*B', 'plain']));
    expect(await keyOf(onlyStar)).toEqual(short(['\\*']));
    expect(await keyOf(wide)).toEqual(short(['5\\\uff0a3', 'x\\*\\*y']));
    expect(await keyOf(noStar)).toEqual(short(['Jakarta']));
    expect(await keyOf(trueFalse)).toEqual({ type: 'true_false', correct: true });
    const bank = (await keyOf(times)) as ShortKey;
    expect(grade(bank, '5*3').fraction).toBe(1);
    expect(grade(bank, '5 anything 3').fraction).toBe(0);
    expect(grade(bank, 'A\\*B').fraction).toBe(1);
    expect(grade(bank, 'A and B').fraction).toBe(0);
    expect(grade((await keyOf(onlyStar)) as ShortKey, 'apa saja').fraction).toBe(0);
    expect(grade((await keyOf(wide)) as ShortKey, '5 kali 3').fraction).toBe(0);
    expect(grade((await keyOf(wide)) as ShortKey, '5\uff0a3').fraction).toBe(1);

    for (const id of [inProgress, failed]) {
      const [frozenKey] = (await snapshotOf(id)).map((q) => q.key as ShortKey);
      expect(frozenKey.answers).toEqual(['5\\*3']);
      expect(grade(frozenKey, '5*3').fraction).toBe(1);
      expect(grade(frozenKey, '5 anything 3').fraction).toBe(0);
    }
    expect((await snapshotOf(submitted))[0].key).toEqual(short(['\\*']));
    // A graded attempt's review shows the answer it was graded against; its marks are untouched,
    // and a regrade with the escaped bank key keeps its score.
    const gradedSnapshot = await snapshotOf(graded);
    expect(gradedSnapshot[0].key).toEqual(short(['5\\*3']));
    expect(shownAnswer((gradedSnapshot[0].key as ShortKey).answers[0])).toBe('5*3');
    const current = new Map([[times, { content: { type: 'short' } as QuestionContent, key: bank, points: 1 }]]);
    expect(scoreAttempt(withFixedKeys(gradedSnapshot, current), { 1: '5 kali 3' }).scoreHundredths).toBe(0);
  });
});
