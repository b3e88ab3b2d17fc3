/**
 * Form fields (`application/x-www-form-urlencoded`, or the text parts of `multipart/form-data`)
 * as an object. A name sent more than once becomes a list, and so does every `name[]` — the
 * list convention of PHP and Rails that telephone systems' webhooks follow (`user[]=Alice`),
 * a list even when sent once. More than `maxFields` fields is undefined: not a form we take.
 */
export function formFields(entries: Iterable<[string, string]>, maxFields: number): Record<string, string | string[]> | undefined {
  const fields: Record<string, string | string[]> = {};
  let count = 0;
  for (const [sent, value] of entries) {
    if (++count > maxFields) return undefined;
    const list = sent.endsWith('[]');
    const name = list ? sent.slice(0, -2) : sent;
    const seen = fields[name];
    fields[name] = seen === undefined ? (list ? [value] : value) : [seen, value].flat();
  }
  return fields;
}
