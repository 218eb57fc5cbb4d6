/**
 * Runs jobs that arrive together in one transaction: on SQLite with synchronous=FULL every commit
 * waits for the disk, so committing a group at once lets signups outrun the disk's fsync rate.
 * Each caller still hears back only after the commit that holds its job.
 */
export class GroupCommit<T, R> {
  private queue: { job: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly commit: (jobs: T[]) => Promise<R[]>,
    private readonly maxGroup = 256,
  ) {}

  run(job: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Let the requests already in this turn of the event loop join the group.
    await new Promise((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxGroup);
      try {
        const results = await this.commit(group.map((g) => g.job));
        group.forEach((g, i) => g.resolve(results[i]));
      } catch (error) {
        group.forEach((g) => g.reject(error));
      }
    }
    this.flushing = false;
  }
}
