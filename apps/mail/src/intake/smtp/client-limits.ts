/**
 * Per-client limits of the SMTP listener: simultaneous connections and
 * messages per minute, keyed by the client's address.
 */
export class ClientLimits {
  private readonly connections = new Map<string, number>();
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly maxConnections: number,
    private readonly maxMessagesPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a new connection; false (and not counted) when the client already has the maximum. */
  openConnection(client: string): boolean {
    const open = this.connections.get(client) ?? 0;
    if (open >= this.maxConnections) return false;
    this.connections.set(client, open + 1);
    return true;
  }

  closeConnection(client: string): void {
    const open = (this.connections.get(client) ?? 1) - 1;
    if (open <= 0) this.connections.delete(client);
    else this.connections.set(client, open);
  }

  /** Counts a message (MAIL FROM); false when the client has used up this minute's allowance. */
  takeMessage(client: string): boolean {
    const now = this.now();
    const window = this.windows.get(client);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.forgetOldWindows(now);
      this.windows.set(client, { start: now, count: 1 });
      return true;
    }
    if (window.count >= this.maxMessagesPerMinute) return false;
    window.count++;
    return true;
  }

  private forgetOldWindows(now: number): void {
    for (const [client, window] of this.windows) if (now - window.start >= 60_000) this.windows.delete(client);
  }
}
