/** Turns a service's JSON log line into one short, readable, prefixed line. */
const COLORS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m', '\x1b[91m', '\x1b[96m'];
const RESET = '\x1b[0m';
const LEVEL_COLORS: Record<string, string> = { error: '\x1b[31m', fatal: '\x1b[31m', warn: '\x1b[33m' };
const SKIP = new Set(['level', 'time', 'service', 'pid', 'msg', 'context', 'hostname']);

export function prefixer(name: string, index: number, width: number, color: boolean): (line: string) => string {
  const tag = `[${name}]`.padEnd(width + 2);
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const prefix = paint(COLORS[index % COLORS.length], tag);
  return (line: string) => {
    let entry: Record<string, unknown>;
    try {
      entry = JSON.parse(line);
    } catch {
      return `${prefix} ${line}`;
    }
    const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
    const level = String(entry.level ?? 'info');
    const extras = Object.entries(entry)
      .filter(([key]) => !SKIP.has(key))
      .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      .join(' ');
    const levelText = level === 'info' ? '' : `${paint(LEVEL_COLORS[level] ?? '', level.toUpperCase())} `;
    return `${prefix} ${time} ${levelText}${String(entry.msg ?? '')}${extras ? `  ${extras}` : ''}`;
  };
}
