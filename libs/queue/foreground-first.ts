/**
 * Work a person is waiting on goes before the work it fans out, within one worker process.
 * At the end of an exam every grade starts a chain of background jobs (course progress,
 * JP credit, certificates, notifications, rollups), about a dozen per attempt; run side by
 * side with the grading they take most of the machine, and the last grade comes out two to
 * three times later. So while foreground jobs run, a background job waits before it starts,
 * never longer than `maxWaitMs`: nothing starves, and the fan-out catches up seconds later.
 *
 * Foreground counts as busy while its queue still has jobs waiting (`foregroundWaiting`), not
 * only while one runs: the worker that takes them may hold none for tens of milliseconds while
 * it fills its lanes, and a background job let in then runs on through the grading.
 *
 * Deployments that give grading its own worker processes get the same effect from the
 * operating system; this keeps a single process (the embedded default, a small BKPSDM
 * server) fair to the learners who are waiting.
 */
export const FOREGROUND_FIRST_TIMING = { quietMs: 50, maxWaitMs: 10_000, pollMs: 10 } as const;

export class ForegroundFirst {
  private running = 0;
  private lastActivity = Number.NEGATIVE_INFINITY;
  /** Background jobs waiting, released by one ticker (not one timer each: a worker holds dozens). */
  private waiting: Array<{ release: () => void; giveUpAt: number }> = [];
  private ticking = false;

  constructor(
    private readonly options: {
      /** Foreground counts as busy this long after its last job ended (BullMQ fetches the next one in between). */
      quietMs: number;
      /** The longest a background job waits. */
      maxWaitMs: number;
      /** How often a waiting background job looks again. */
      pollMs: number;
      /** Are foreground jobs waiting to be taken (none may be running yet)? */
      foregroundWaiting?: () => boolean;
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
    } = FOREGROUND_FIRST_TIMING,
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : performance.now();
  }

  /** Runs a job a person is waiting on, marking the process busy with it. */
  async foreground<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    this.lastActivity = this.now();
    try {
      return await work();
    } finally {
      this.running--;
      this.lastActivity = this.now();
    }
  }

  /** Runs background work once no foreground job has run for `quietMs`, or after `maxWaitMs` at most. */
  async background<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy()) {
      await new Promise<void>((release) => {
        this.waiting.push({ release, giveUpAt: this.now() + this.options.maxWaitMs });
        this.tick();
      });
    }
    return work();
  }

  /** Every pollMs while jobs wait: all go once foreground is quiet, each on its own at its limit. */
  private tick(): void {
    if (this.ticking) return;
    this.ticking = true;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    void sleep(this.options.pollMs).then(() => {
      this.ticking = false;
      const quiet = !this.busy();
      const now = this.now();
      const still = this.waiting.filter((w) => !quiet && now < w.giveUpAt);
      for (const w of this.waiting) if (!still.includes(w)) w.release();
      this.waiting = still;
      if (still.length > 0) this.tick();
    });
  }

  /** Is foreground work running or waiting to be taken, or did some end within `quietMs`? */
  busy(): boolean {
    return (
      this.running > 0 ||
      this.now() - this.lastActivity < this.options.quietMs ||
      (this.options.foregroundWaiting?.() ?? false)
    );
  }
}
