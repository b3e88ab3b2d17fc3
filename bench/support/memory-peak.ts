import { fixed } from './stats';

const MB = 1024 * 1024;

export interface MemoryReport {
  idle: NodeJS.MemoryUsage;
  peak: NodeJS.MemoryUsage;
  /** Peak RSS of the process since it started (getrusage), in bytes. */
  maxRss: number;
}

/** Samples this process's memory while it runs; keeps the sample with the highest RSS. */
export class MemoryPeak {
  private timer?: NodeJS.Timeout;
  private idle = process.memoryUsage();
  private peak = this.idle;

  start(intervalMs = 20): void {
    this.idle = this.peak = process.memoryUsage();
    this.timer = setInterval(() => {
      const now = process.memoryUsage();
      if (now.rss > this.peak.rss) this.peak = now;
    }, intervalMs);
  }

  stop(): MemoryReport {
    clearInterval(this.timer);
    return { idle: this.idle, peak: this.peak, maxRss: process.resourceUsage().maxRSS * 1024 };
  }
}

/** Where the memory is: RSS, the V8 heap (used of total) and memory outside it (Buffers, external strings, native). */
export function memoryBreakdown(usage: NodeJS.MemoryUsage): string {
  const mb = (bytes: number) => fixed(bytes / MB, 0);
  return `RSS ${mb(usage.rss)} MB = V8 heap ${mb(usage.heapUsed)} of ${mb(usage.heapTotal)} MB, external ${mb(usage.external)} MB (array buffers ${mb(usage.arrayBuffers)} MB), rest ${mb(usage.rss - usage.heapTotal - usage.external)} MB`;
}
