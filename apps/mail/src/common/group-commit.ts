interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: while one group is being written, new items wait and then go
 * together in the next group, so N concurrent callers share one transaction
 * instead of queueing N of them. No added latency when idle (a lone item is
 * written at once). When a group fails, its items are retried one by one, so
 * one bad item cannot fail the others.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxGroup = 64,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        try {
          const results = await this.write(group.map((p) => p.item));
          group.forEach((p, i) => p.resolve(results[i]));
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          else for (const pending of group) await this.write([pending.item]).then(([result]) => pending.resolve(result), pending.reject);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
