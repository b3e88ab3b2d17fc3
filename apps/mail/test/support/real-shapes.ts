import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REAL_SHAPES_DIR = join(__dirname, '..', 'fixtures', 'real-shapes');

/** What a helpdesk shows for one real-shape fixture (written by make-real-shapes.py). */
export interface RealShapeExpectation {
  from: string;
  fromName: string | null;
  to: string[];
  subject: string;
  /** Key sentences the text must keep; null = the mail has no text. */
  text: string[] | null;
  attachments: string[];
}

/** The expectations by fixture file name. */
export function realShapes(): Record<string, RealShapeExpectation> {
  return JSON.parse(readFileSync(join(REAL_SHAPES_DIR, 'expected.json'), 'utf8')) as Record<string, RealShapeExpectation>;
}
