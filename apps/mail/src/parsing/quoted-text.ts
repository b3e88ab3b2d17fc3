export interface SplitText {
  /** What the sender wrote now. */
  text: string;
  /** The history they quoted below it, when recognised. */
  quoted?: string;
}

/**
 * Lines that introduce the quoted history of a reply in German and English mail
 * clients. Only well-known reply headers count: a line of underscores or dashes
 * alone is a signature or layout separator, and a forwarded message is what the
 * citizen wants us to read, not history.
 */
const INTRODUCERS: RegExp[] = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Original-Nachricht)\s*-{2,}/i,
  /^(Am|On)\s.{4,200}\s(schrieb|wrote|hat .{0,80} geschrieben)\s?.{0,200}:\s*$/i,
];
const FORWARD =
  /^-{2,}\s*(Weitergeleitete Nachricht|Forwarded message|Original-Nachricht weitergeleitet)\s*-{2,}|^Begin forwarded message:|^Anfang der weitergeleiteten Nachricht:/i;
/** A separator line directly above an Outlook header block belongs to the history. */
const SEPARATOR = /^(_{5,}|-{5,})\s*$/;
const OUTLOOK_FROM = /^\*?(Von|From)\s?:\*?\s+\S/i;
const OUTLOOK_FOLLOWING = /^\*?(Gesendet|Sent|Datum|Date|An|To|Betreff|Subject)\s?:/i;

/** The text above the first forwarded-message marker line, or undefined when the text forwards nothing. */
export function textBeforeForward(body: string): string | undefined {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const marker = lines.findIndex((line) => FORWARD.test(line.trim()));
  return marker < 0 ? undefined : lines.slice(0, marker).join('\n').trim();
}

/**
 * Separates the quoted history at the end of a reply from the new text. Only a
 * trailing history is cut (inline answers and text below a quote stay whole),
 * and never everything: when nothing new precedes the history, the whole text
 * is the text.
 */
export function splitQuotedText(body: string): SplitText {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = findHistoryStart(lines);
  if (start === undefined || writtenBelowQuote(lines.slice(start))) return { text: body };
  const text = lines.slice(0, start).join('\n').replace(/\s+$/, '');
  if (!text.trim()) return { text: body };
  return { text, quoted: lines.slice(start).join('\n').trim() };
}

function findHistoryStart(lines: string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (INTRODUCERS.some((pattern) => pattern.test(line))) return i;
    // "Am 3. März 2026 um 10:12 schrieb Erika Muster" wrapped onto a second line ending in ":".
    if (/^(Am|On)\s/i.test(line) && i + 1 < lines.length && /(schrieb|wrote)\b.*:\s*$/i.test(`${line} ${lines[i + 1].trim()}`)) return i;
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 5).some((next) => OUTLOOK_FOLLOWING.test(next.trim()))) {
      // The header block of a forwarded message is not a reply's history.
      if (FORWARD.test(previousLine(lines, i))) continue;
      return i > 0 && SEPARATOR.test(lines[i - 1].trim()) ? i - 1 : i;
    }
  }
  // A block of "> " lines that runs to the end (blank lines allowed) is a bottom quote too.
  let end = lines.length - 1;
  while (end >= 0 && !lines[end].trim()) end--;
  let begin = end;
  while (begin >= 0 && (lines[begin].startsWith('>') || !lines[begin].trim())) begin--;
  return begin < end && lines[end].startsWith('>') ? begin + 1 : undefined;
}

/**
 * True when the sender answered below (or between) the quoted lines: after
 * the last "> " line comes text of their own. Cutting there would cut what
 * they wrote, so the text stays whole.
 */
function writtenBelowQuote(history: string[]): boolean {
  let last = -1;
  history.forEach((line, i) => {
    if (line.startsWith('>')) last = i;
  });
  if (last < 0) return false;
  const below = history
    .slice(last + 1)
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
  return below.length >= 5;
}

function previousLine(lines: string[], index: number): string {
  for (let i = index - 1; i >= 0; i--) if (lines[i].trim()) return lines[i].trim();
  return '';
}
