/**
 * Admits work by its size, so that at most `capacity` bytes of it are in
 * progress at once — a bound on memory that holds however many clients deliver
 * at the same time. First come, first served (a large job is not overtaken
 * forever by small ones); a job larger than the capacity runs alone.
 */
export class ByteBudget {
  private inProgress = 0;
  private readonly waiting: { bytes: number; start: () => void }[] = [];

  constructor(private readonly capacity: number) {}

  async run<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    await this.admit(bytes);
    try {
      return await work();
    } finally {
      this.inProgress -= bytes;
      this.startWaiting();
    }
  }

  private admit(bytes: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(bytes)) {
      this.inProgress += bytes;
      return Promise.resolve();
    }
    return new Promise((start) => this.waiting.push({ bytes, start }));
  }

  private startWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
      const next = this.waiting.shift()!;
      this.inProgress += next.bytes;
      next.start();
    }
  }

  private fits(bytes: number): boolean {
    return this.inProgress === 0 || this.inProgress + bytes <= this.capacity;
  }
}
