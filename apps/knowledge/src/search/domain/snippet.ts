/**
 * A highlighted snippet: the window of the service's plain text with the most
 * matched words, HTML-escaped, matched words in `<mark>…</mark>`. A text word
 * matches when it is one of the catalogue words of a matched term, or contains
 * a matched term of five letters or more (the piece of a compound).
 */
const WINDOW_WORDS = 28;
const TEXT_WORD = /[\p{L}\p{N}]+/gu;

export function snippet(text: string, matchedWords: Set<string>, matchedTerms: string[]): string {
  const words = [...text.matchAll(TEXT_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0].toLowerCase() }));
  if (words.length === 0) return '';
  const pieces = matchedTerms.filter((term) => term.length >= 5);
  const marked = words.map(({ word }) => matchedWords.has(word) || pieces.some((piece) => foldLight(word).includes(piece)));
  let bestStart = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (marked[i]) count++;
    if (i >= WINDOW_WORDS && marked[i - WINDOW_WORDS]) count--;
    const start = Math.max(0, i - WINDOW_WORDS + 1);
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  const last = Math.min(words.length, bestStart + WINDOW_WORDS) - 1;
  let out = bestStart > 0 ? '… ' : '';
  let cursor = words[bestStart].start;
  for (let i = bestStart; i <= last; i++) {
    out += escapeHtml(text.slice(cursor, words[i].start));
    const word = escapeHtml(text.slice(words[i].start, words[i].end));
    out += marked[i] ? `<mark>${word}</mark>` : word;
    cursor = words[i].end;
  }
  if (last < words.length - 1) out += ' …';
  else out += escapeHtml(text.slice(cursor).trim());
  return out;
}

function foldLight(word: string): string {
  return word.replace(/ß/g, 'ss').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
