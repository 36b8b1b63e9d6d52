/**
 * Group commit for job handlers: calls arriving within a short window (or until the
 * batch is full) are handed to one `run` together, and each caller gets its own outcome.
 * A worker with many jobs in flight then pays one transaction per batch instead of one
 * per job; a lone job waits at most the window.
 */
export class MicroBatch<K, R = void> {
  private pending: Array<{ key: K; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    /** Runs a batch; returns one outcome per key (an Error rejects that key's caller only). */
    private readonly run: (keys: K[]) => Promise<Array<R | Error>>,
    private readonly options: { maxSize: number; windowMs: number },
  ) {}

  add(key: K): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else if (!this.timer) this.timer = setTimeout(() => this.flush(), this.options.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((b) => b.key)).then(
      (outcomes) =>
        batch.forEach((b, i) => {
          const outcome = outcomes[i];
          if (outcome instanceof Error) b.reject(outcome);
          else b.resolve(outcome);
        }),
      (err) => batch.forEach((b) => b.reject(err)),
    );
  }
}
