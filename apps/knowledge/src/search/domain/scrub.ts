/**
 * What the search log keeps of a query: no personal data. E-mail addresses,
 * anything with digits (phone, case, IBAN, date of birth, house number) and a
 * name after a form of address or "ich heiße / mein Name ist" are replaced by
 * placeholders; the rest is lower-cased.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const WITH_DIGITS = /[\p{L}]*\d[\p{L}\p{N}/.+()-]*(?:[\s/-]*\d[\p{N}/.-]*)*/gu;
const NAME_AFTER = /(?<![\p{L}])([Hh]errn?|[Ff]rau|[Ff]amilie|[Ff]am\.|[Nn]ame ist|[Hh]ei(?:ß|ss)e|[Ii]ch bin)\s+(\p{Lu}[\p{L}'-]+)(\s+\p{Lu}[\p{L}'-]+)?/gu;

export function scrubQuery(query: string): string {
  return query
    .replace(EMAIL, '‹email›')
    .replace(NAME_AFTER, (_, cue: string) => `${cue} ‹name›`)
    .replace(WITH_DIGITS, '‹zahl›')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}
