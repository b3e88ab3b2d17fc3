import { writeFileSync } from 'node:fs';
import { ROSTOCK_DEMO_CATALOGUE } from '../../apps/knowledge/src/demo/rostock-demo';

/**
 * A d115 catalogue of `count` generated services plus the Rostock demo services,
 * for search latency: names and texts drawn from the demo catalogue's own German
 * words with a skewed distribution (a few words in most services, most words
 * rare), generated compounds, and request words ("beantragen", "Termin", the city)
 * in a third of the services — the shape that makes rarity weights matter.
 */
export function writeSearchCatalogue(file: string, count: number): number {
  const random = seeded(115);
  const words = vocabulary();
  const pick = () => words[Math.floor(words.length * random() ** 2.5)];
  const noun = () => capitalised(words.filter((word) => word.length > 5)[Math.floor(random() * words.length * 0.5) % words.length] ?? pick());
  const verbs = ['beantragen', 'anmelden', 'abmelden', 'ändern', 'verlängern', 'melden', 'anzeigen', 'erteilen'];
  const services = Array.from({ length: count }, (_, i) => {
    const compound = `${noun()}${pick().toLowerCase()}`;
    const text = Array.from({ length: 40 + Math.floor(random() * 80) }, pick).join(' ');
    const common = random() < 0.33 ? ' Termin in Rostock beantragen, Unterlagen mitbringen.' : '';
    return {
      id: `gen-${i}`,
      name: `${compound} ${verbs[i % verbs.length]}`,
      keywords: random() < 0.5 ? [noun(), noun()] : [],
      modules: { shortText: `${capitalised(text.slice(0, 120))}.`, fullText: `<p>${text}.${common}</p>`, fees: `${(random() * 100).toFixed(2)} Euro` },
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
