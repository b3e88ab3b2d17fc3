import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let counter = 0;

/** The recordings live beside the sources; a build (dist/, the bench) reads them from there. */
const FIXTURES = [join(__dirname, '..', 'fixtures', 'ami'), join(__dirname.replace(/([\\/])dist([\\/])/, '$1'), '..', 'fixtures', 'ami')].find((dir) =>
  existsSync(dir),
);

/**
 * A recorded AMI stream from `test/fixtures/ami`, with its Uniqueids and Linkedids moved into
 * a range of their own (so one test's calls never meet another's); everything else unchanged.
 * Returns the text and a function mapping an id of the recording to the id sent.
 */
export function amiFixture(name: string): { text: string; id: (recorded: string) => string } {
  const prefix = `${process.pid % 1000}${++counter}${Date.now() % 100000}`;
  const id = (recorded: string) => `${prefix}${recorded}`;
  const raw = readFileSync(join(FIXTURES ?? '.', `${name}.ami`), 'utf8');
  const text = raw.replace(/^([A-Za-z]*(?:uniqueid|linkedid)): (\S+)/gim, (_, header: string, value: string) => `${header}: ${id(value)}`);
  return { text, id };
}
