import { D115Error, KnowledgeErrorCode } from '@d115/contracts';

/** A domain failure of the knowledge service; the platform's filter answers it with its code. */
export class KnowledgeException extends D115Error {
  constructor(code: KnowledgeErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = 'KnowledgeException';
  }
}
