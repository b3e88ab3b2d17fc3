export interface SplitText {
  /** What the sender wrote now. */
  text: string;
  /** The history they quoted below it, when recognised. */
  quoted?: string;
}

/** Lines that introduce a quoted or forwarded history in German and English mail clients. */
const INTRODUCERS: RegExp[] = [
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Weitergeleitete Nachricht|Forwarded message|Original-Nachricht)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^(Am|On)\s.{4,200}\s(schrieb|wrote|hat .{0,80} geschrieben)\s?.{0,200}:\s*$/i,
];
const OUTLOOK_FROM = /^\*?(Von|From)\s?:\*?\s+\S/i;
const OUTLOOK_FOLLOWING = /^\*?(Gesendet|Sent|Datum|Date|An|To|Betreff|Subject)\s?:/i;

/**
 * Separates the quoted history at the end of a reply from the new text. Only a
 * trailing history is cut (inline answers stay whole), and never everything:
 * when nothing new precedes the history, the whole text is the text.
 */
export function splitQuotedText(body: string): SplitText {
  const lines = body.replace(/\r\n/g, '\n').split('\n');
  const start = findHistoryStart(lines);
  if (start === undefined) return { text: body };
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
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 5).some((next) => OUTLOOK_FOLLOWING.test(next.trim()))) return i;
  }
  // A block of "> " lines that runs to the end (blank lines allowed) is a bottom quote too.
  let end = lines.length - 1;
  while (end >= 0 && !lines[end].trim()) end--;
  let begin = end;
  while (begin >= 0 && (lines[begin].startsWith('>') || !lines[begin].trim())) begin--;
  return begin < end && lines[end].startsWith('>') ? begin + 1 : undefined;
}
