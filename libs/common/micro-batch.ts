/**
 * Group commit for job handlers: calls arriving within a short window (or until the
 * batch is full) are handed to one `run` together, and each caller gets its own outcome.
 * A worker with many jobs in flight then pays one transaction per batch instead of one
 * per job; a lone job waits at most the window.
 */
export class MicroBatch<K, R = void> {
  private pending: Array<{ key: K; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private timer: { cancel(): void } | null = null;

  constructor(
    /** Runs a batch; returns one outcome per key (an Error rejects that key's caller only). */
    private readonly run: (keys: K[]) => Promise<Array<R | Error>>,
    /**
     * windowMs 0: the calls of one turn of the event loop (the requests read from the network
     * together), handed over right after it, so a lone call waits for nothing.
     */
    private readonly options: { maxSize: number; windowMs: number },
  ) {}

  add(key: K): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ key, resolve, reject });
      if (this.pending.length >= this.options.maxSize) this.flush();
      else if (!this.timer) this.timer = this.schedule();
    });
  }

  private schedule(): { cancel(): void } {
    if (this.options.windowMs === 0) {
      const immediate = setImmediate(() => this.flush());
      return { cancel: () => clearImmediate(immediate) };
    }
    const timeout = setTimeout(() => this.flush(), this.options.windowMs);
    return { cancel: () => clearTimeout(timeout) };
  }

  private flush(): void {
    this.timer?.cancel();
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
