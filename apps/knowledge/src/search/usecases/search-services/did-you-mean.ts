/** The query as typed, with each corrected word replaced by the catalogue word (capitalised like the typed one). */
export function didYouMean(query: string, corrections: Map<string, string>): string {
  let result = query;
  for (const [typed, word] of corrections) {
    const replacement = typed[0] === typed[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
    result = result.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(typed)}(?![\\p{L}])`, 'gu'), replacement);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
