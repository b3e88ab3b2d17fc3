import { ARS } from '@d115/contracts';

/**
 * Digits of the ARS that a region really fixes: the key without the trailing
 * levels that are zero (Land 2, Regierungsbezirk 3, Kreis 5, Gemeindeverband 9,
 * Gemeinde 12 digits). A responsibility for region R covers every ARS that starts
 * with R's significant prefix: 130030000000 → "13003" covers all of Rostock.
 */
export function significantPrefix(ars: string): string {
  if (!ARS.test(ars)) throw new Error(`not an ARS: ${ars}`);
  const levels = [12, 9, 5, 3, 2];
  for (let i = 0; i < levels.length - 1; i++) {
    const length = levels[i];
    const shorter = levels[i + 1];
    if (!/^0+$/.test(ars.slice(shorter, length))) return ars.slice(0, length);
  }
  return ars.slice(0, 2);
}

/** Pads an AGS (8 digits) or a shorter regional key to the 12-digit ARS it stands for. */
export function normaliseArs(value: string): string | undefined {
  const digits = value.trim();
  if (/^\d{12}$/.test(digits)) return digits;
  // AGS: Land(2) RB(1) Kreis(2) Gemeinde(3) → ARS with Verband 0000
  if (/^\d{8}$/.test(digits)) return `${digits.slice(0, 5)}0000${digits.slice(5)}`;
  if (/^\d{2}$|^\d{3}$|^\d{5}$|^\d{9}$/.test(digits)) return digits.padEnd(12, '0');
  return undefined;
}
