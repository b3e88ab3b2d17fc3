import { writeFileSync } from 'node:fs';
import { ROSTOCK_DEMO_CATALOGUE } from '../../apps/knowledge/src/demo/rostock-demo';

/**
 * A d115 catalogue of `count` generated services plus the Rostock demo services,
 * for search latency: names (two-word compounds and a verb) and texts drawn with a
 * Zipf-like distribution from the demo catalogue's own German words mixed with
 * 20,000 pronounceable non-words (a real catalogue's vocabulary size), and request
 * words ("beantragen", "Termin", the city) in a third of the services — the shape
 * that makes rarity weights and candidate pruning matter.
 */
export function writeSearchCatalogue(file: string, count: number): number {
  const random = seeded(115);
  const words = shuffled([...vocabulary(), ...syntheticWords(20000, random)], random);
  // Zipf-like: the word at rank r is drawn with a probability about 1/r
  const pick = () => words[Math.min(words.length - 1, Math.floor(Math.exp(random() * Math.log(words.length + 1))) - 1)];
  const common = ['beantragen', 'Antrag', 'Unterlagen', 'Termin', 'Rostock', 'Bürgeramt', 'Gebühr', 'Nachweis', 'Formular', 'online'];
  const word = () => (random() < 0.1 ? common[Math.floor(random() * common.length)] : pick());
  const verbs = ['beantragen', 'anmelden', 'abmelden', 'ändern', 'verlängern', 'melden', 'anzeigen', 'erteilen'];
  const services = Array.from({ length: count }, (_, i) => {
    const text = Array.from({ length: 40 + Math.floor(random() * 80) }, word).join(' ');
    const request = random() < 0.33 ? ' Termin in Rostock beantragen, Unterlagen mitbringen.' : '';
    return {
      id: `gen-${i}`,
      name: `${capitalised(pick())}${pick().toLowerCase()} ${verbs[i % verbs.length]}`,
      keywords: random() < 0.5 ? [capitalised(pick()), capitalised(pick())] : [],
      modules: { shortText: `${capitalised(text.slice(0, 120))}.`, fullText: `<p>${text}.${request}</p>`, fees: `${(random() * 100).toFixed(2)} Euro` },
      onlineServices: random() < 0.2 ? [{ title: 'Online', url: `https://example.org/${i}` }] : [],
    };
  });
  const demo = ROSTOCK_DEMO_CATALOGUE;
  writeFileSync(file, JSON.stringify({ ...demo, source: 'bench-search', services: [...demo.services, ...services], responsibilities: demo.responsibilities }));
  return services.length + demo.services.length;
}

function vocabulary(): string[] {
  const text = JSON.stringify(ROSTOCK_DEMO_CATALOGUE.services).replace(/<[^>]+>/g, ' ');
  return [...new Set(text.match(/\p{L}{3,}/gu) ?? [])].filter((word) => !/^(id|name|keywords|synonyms|modules|shortText|fullText|fees)$/.test(word));
}

/** Pronounceable non-words, so the vocabulary has the size of a real catalogue's. */
function syntheticWords(count: number, random: () => number): string[] {
  const syllables = ['ber', 'ga', 'lun', 'tis', 'mo', 'ren', 'sta', 'kel', 'vor', 'ung', 'heim', 'dor', 'fal', 'pri', 'nest', 'wa'];
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
  );
}

function shuffled<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A small deterministic generator (mulberry32), so every run measures the same catalogue. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
