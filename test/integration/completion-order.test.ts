import fc from 'fast-check';
import { In } from 'typeorm';
import { OutboxMessage } from '../../libs/queue';
import { createTestApp, givenDirectEnrolments, givenPublishedCourse, givenUser, TestApp } from '../../libs/testing';
import { CompetencyEvidence, Enrolment, JpLedgerEntry, LessonProgress } from '../../src/modules/learning/entities';
import { CompletionRecorder } from '../../src/modules/learning/progress/completion-recorder';

const LEARNERS = 3;
const RUNS = 200;

/** One lesson completion: who, which lesson, and whether it races the event before it. */
const event = fc.record({
  learner: fc.nat(LEARNERS - 1),
  lesson: fc.nat(3),
  concurrent: fc.boolean(),
});

describe('lesson completions are order-independent (property)', () => {
  let t: TestApp;
  let course: Awaited<ReturnType<typeof givenPublishedCourse>>;
  // Lessons 0-2 are required, lesson 3 optional; JP 2.5; two competencies.
  const required = [0, 1, 2];

  beforeAll(async () => {
    t = await createTestApp();
    const instructor = await givenUser(t, { role: 'instructor' });
    course = await givenPublishedCourse(t, instructor.auth, {
      jp: 2.5,
      competencies: [
        { code: 'M.01', level: 2 },
        { code: 'M.05', level: 3 },
      ],
      lessons: [true, true, true, false],
    });
  });
  afterAll(() => t.close());

  /** Fresh learners enrolled on the course for one run. */
  function enrolLearners(): Promise<Enrolment[]> {
    return givenDirectEnrolments(t, course, LEARNERS);
  }

  /** What the platform holds for these learners, without timestamps or ids. */
  async function stateOf(enrolments: Enrolment[]) {
    const users = enrolments.map((e) => e.userId);
    const db = t.dataSource;
    const index = (userId: string) => users.indexOf(userId);
    const progress = await db.getRepository(LessonProgress).findBy({ userId: In(users) });
    const ledger = await db.getRepository(JpLedgerEntry).findBy({ userId: In(users) });
    const evidence = await db.getRepository(CompetencyEvidence).findBy({ userId: In(users) });
    const completed = await db.getRepository(Enrolment).findBy({ id: In(enrolments.map((e) => e.id)) });
    const events = await db.getRepository(OutboxMessage).findBy({
      jobId: In(enrolments.map((e) => `learning.course-completed:${e.id}`)),
    });
    return {
      lessons: progress
        .filter((p) => p.completedAt !== null)
        .map((p) => `${index(p.userId)}:${course.lessonIds.indexOf(p.lessonId)}`)
        .sort(),
      completedLearners: completed
        .filter((e) => e.status === 'completed' && e.completedAt !== null)
        .map((e) => index(e.userId))
        .sort(),
      ledger: ledger.map((l) => `${index(l.userId)}:${l.jpTenths}:${l.source}`).sort(),
      evidence: evidence.map((e) => `${index(e.userId)}:${e.competencyCode}:${e.level}`).sort(),
      events: events.length,
    };
  }

  /** The state a single clean, ordered delivery of each distinct completion would give. */
  function expected(events: Array<{ learner: number; lesson: number }>) {
    const lessons = [...new Set(events.map((e) => `${e.learner}:${e.lesson}`))].sort();
    const completedLearners = [...Array(LEARNERS).keys()].filter((l) =>
      required.every((r) => lessons.includes(`${l}:${r}`)),
    );
    return {
      lessons,
      completedLearners,
      ledger: completedLearners.map((l) => `${l}:25:course`).sort(),
      evidence: completedLearners.flatMap((l) => [`${l}:M.01:2`, `${l}:M.05:3`]).sort(),
      events: completedLearners.length,
    };
  }

  it(`gives the same completions, ledger and evidence for any order, duplicates and races (${RUNS} runs)`, async () => {
    const recorder = t.get(CompletionRecorder);
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 14 }), async (events) => {
        const enrolments = await enrolLearners();
        // Consecutive events marked concurrent are delivered at the same moment.
        const waves: Array<typeof events> = [];
        for (const e of events) {
          if (e.concurrent && waves.length) waves[waves.length - 1].push(e);
          else waves.push([e]);
        }
        for (const wave of waves) {
          await Promise.all(
            wave.map((e) => recorder.completeLesson(enrolments[e.learner].id, course.lessonIds[e.lesson])),
          );
        }
        expect(await stateOf(enrolments)).toEqual(expected(events));
      }),
      { numRuns: RUNS },
    );
  });
});
