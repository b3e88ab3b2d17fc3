/** One AMI message: headers with lower-cased names (Asterisk's spelling varies between versions). */
export type AmiFrame = Record<string, string>;

export interface ParseResult {
  frames: AmiFrame[];
  /** Lines that were neither a header nor a frame end (garbage on the wire). */
  garbage: number;
}

const MAX_LINE = 8192;
const MAX_HEADERS = 256;

/**
 * Incremental AMI reader: feed it socket chunks in any sizes, get whole frames back. Lines end
 * in CRLF or LF; a blank line ends a frame; the banner (`Asterisk Call Manager/5.0.1`) becomes
 * a frame `{ banner }`. Garbage lines are counted and skipped; an overlong line or frame is
 * dropped rather than buffered forever. Never throws.
 */
export class AmiFrameParser {
  private pending = '';
  private current: AmiFrame = {};
  private headers = 0;
  private bannerSeen = false;

  feed(chunk: string): ParseResult {
    const frames: AmiFrame[] = [];
    let garbage = 0;
    this.pending += chunk;
    let start = 0;
    for (;;) {
      const end = this.pending.indexOf('\n', start);
      if (end < 0) break;
      const line = this.pending.slice(start, end).replace(/\r$/, '');
      start = end + 1;
      garbage += this.line(line, frames);
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > MAX_LINE) {
      this.pending = '';
      garbage++;
    }
    return { frames, garbage };
  }

  private line(line: string, frames: AmiFrame[]): number {
    if (line.length === 0) {
      if (this.headers > 0) frames.push(this.current);
      this.current = {};
      this.headers = 0;
      return 0;
    }
    if (!this.bannerSeen && this.headers === 0 && /^Asterisk Call Manager\//i.test(line)) {
      this.bannerSeen = true;
      frames.push({ banner: line });
      return 0;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || line.length > MAX_LINE || !/^[A-Za-z0-9_\-()]+$/.test(line.slice(0, colon))) return 1;
    if (this.headers >= MAX_HEADERS) return 1;
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    // Repeated headers (ChanVariable, Output): the first one stays.
    if (!(name in this.current)) this.current[name] = value;
    this.headers++;
    return 0;
  }
}
