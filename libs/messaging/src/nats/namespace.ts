/**
 * An optional prefix for every subject and stream name, so that several
 * independent d115 installations (or test runs) can share one NATS server.
 * Empty in production: subjects are then exactly as documented.
 */
export class Namespace {
  constructor(readonly prefix: string = '') {
    if (prefix && !/^[a-z0-9_-]+$/i.test(prefix)) {
      throw new Error(`namespace "${prefix}" may only contain letters, digits, "-" and "_"`);
    }
  }

  subject(subject: string): string {
    return this.prefix ? `${this.prefix}.${subject}` : subject;
  }

  /** The documented subject of a namespaced one. */
  strip(subject: string): string {
    const head = `${this.prefix}.`;
    return this.prefix && subject.startsWith(head) ? subject.slice(head.length) : subject;
  }

  stream(name: string): string {
    return this.prefix ? `${this.prefix.replace(/-/g, '_').toUpperCase()}_${name}` : name;
  }
}
