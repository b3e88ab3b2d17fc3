interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** How large one group may get: items, and bytes as `sizeOf` counts them. */
export interface GroupLimits<T> {
  maxItems: number;
  maxBytes: number;
  sizeOf: (item: T) => number;
}

/**
 * Group commit: while one group is being written, new items wait and then go
 * together in the next group, so N concurrent callers share one transaction
 * instead of queueing N of them. No added latency when idle (a lone item is
 * written at once). A group holds at most `maxItems` items and `maxBytes` bytes
 * (an item larger than that goes alone), so a burst of large mails does not
 * become one transaction — and one protocol message — holding all of them.
 * When a group fails, its items are retried one by one, so one bad item cannot
 * fail the others.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private running = false;
  private readonly limits: GroupLimits<T>;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    limits: Partial<GroupLimits<T>> = {},
  ) {
    this.limits = { maxItems: 64, maxBytes: Infinity, sizeOf: () => 0, ...limits };
  }

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
        const group = this.queue.splice(0, this.nextGroupLength());
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

  /** How many of the waiting items the next group takes (at least one). */
  private nextGroupLength(): number {
    const { maxItems, maxBytes, sizeOf } = this.limits;
    let bytes = sizeOf(this.queue[0].item);
    let length = 1;
    while (length < Math.min(maxItems, this.queue.length)) {
      bytes += sizeOf(this.queue[length].item);
      if (bytes > maxBytes) break;
      length++;
    }
    return length;
  }
}
