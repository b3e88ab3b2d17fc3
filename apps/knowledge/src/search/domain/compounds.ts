/**
 * Compound splitting against the catalogue's own vocabulary: "bewohnerparkausweis"
 * is "bewohner" + "park" + "ausweis" when those are words (or stems) the catalogue
 * uses. The split with the fewest pieces wins; a linking "s" (Fugen-s) may end a
 * piece ("geburts" + "urkunde").
 */
export interface PieceLookup {
  /** The term a piece stands for, when the vocabulary knows it. */
  termOf(piece: string): string | undefined;
}

const MIN_PIECE = 3;
const MAX_WORD = 40;

export function splitCompound(word: string, vocabulary: PieceLookup): string[] | undefined {
  if (word.length < 2 * MIN_PIECE || word.length > MAX_WORD) return undefined;
  const best = new Map<number, string[] | null>();
  const from = (start: number): string[] | null => {
    if (start === word.length) return [];
    const known = best.get(start);
    if (known !== undefined) return known;
    let result: string[] | null = null;
    for (let end = word.length; end - start >= MIN_PIECE; end--) {
      if (start === 0 && end === word.length) continue; // the word itself is no split
      const term = pieceTerm(word.slice(start, end), vocabulary);
      if (!term) continue;
      const rest = from(end);
      if (rest && (!result || rest.length + 1 < result.length)) result = [term, ...rest];
    }
    best.set(start, result);
    return result;
  };
  const pieces = from(0);
  return pieces && pieces.length > 1 ? pieces : undefined;
}

function pieceTerm(piece: string, vocabulary: PieceLookup): string | undefined {
  const direct = vocabulary.termOf(piece);
  if (direct) return direct;
  if (piece.length > MIN_PIECE && piece.endsWith('s')) return vocabulary.termOf(piece.slice(0, -1));
  return undefined;
}

/** Every piece a split of `word` could use (what to look up before splitting a query word). */
export function candidatePieces(word: string): string[] {
  if (word.length < 2 * MIN_PIECE || word.length > MAX_WORD) return [];
  const pieces = new Set<string>();
  for (let start = 0; start <= word.length - MIN_PIECE; start++)
    for (let end = start + MIN_PIECE; end <= word.length; end++) if (end - start < word.length) pieces.add(word.slice(start, end));
  return [...pieces];
}
