import set from './questions.de.json';

export interface EvaluationQuestion {
  style: string;
  q: string;
  /** sourceIds in the Rostock demo catalogue; a question is answered when any of them is ranked. */
  expect: string[];
}

export interface Figures {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export interface Evaluation {
  overall: Figures;
  byStyle: Record<string, Figures>;
  /** Questions whose expected service is not in the top 5, with what came first. */
  misses: { question: EvaluationQuestion; got: string[] }[];
}

export const EVALUATION_QUESTIONS: EvaluationQuestion[] = set.questions;

/** Recall@1, recall@5 and MRR (over the top 10) of a search, per style and overall. */
export async function evaluate(search: (query: string) => Promise<string[]>, questions = EVALUATION_QUESTIONS): Promise<Evaluation> {
  const ranks: { question: EvaluationQuestion; rank: number; got: string[] }[] = [];
  for (const question of questions) {
    const got = await search(question.q);
    const index = got.slice(0, 10).findIndex((id) => question.expect.includes(id));
    ranks.push({ question, rank: index < 0 ? Infinity : index + 1, got });
  }
  const figures = (subset: typeof ranks): Figures => ({
    questions: subset.length,
    recallAt1: subset.filter((entry) => entry.rank <= 1).length / subset.length,
    recallAt5: subset.filter((entry) => entry.rank <= 5).length / subset.length,
    mrr: subset.reduce((sum, entry) => sum + (Number.isFinite(entry.rank) ? 1 / entry.rank : 0), 0) / subset.length,
  });
  const styles = [...new Set(questions.map((question) => question.style))];
  return {
    overall: figures(ranks),
    byStyle: Object.fromEntries(styles.map((style) => [style, figures(ranks.filter((entry) => entry.question.style === style))])),
    misses: ranks.filter((entry) => entry.rank > 5).map(({ question, got }) => ({ question, got: got.slice(0, 5) })),
  };
}
