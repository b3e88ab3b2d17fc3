/** Which case a mail belongs to (mirrors ThreadHintDto of the contract). */
export interface ThreadHint {
  ticketId?: string;
  ticketNumber?: string;
  reason: 'subject' | 'references' | 'subject-and-references' | 'stranger-reply';
  /** A stranger replied to an old thread without its ticket number: new case, referencing the old one. */
  newCase?: boolean;
}

/** Attached to an existing case (as opposed to opening a new one). */
export function attachesToCase(hint: ThreadHint | undefined): boolean {
  return hint !== undefined && !hint.newCase;
}
