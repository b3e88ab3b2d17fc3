import { BounceDto, MailClassification } from '@d115/contracts';

/** A failed recipient reported by a bounce. */
export interface FailedRecipient {
  recipient: string;
  status?: string;
  kind: BounceDto['kind'];
  diagnostic?: string;
}

export interface ClassificationResult {
  classification: MailClassification;
  /** Why, in words, for the record and for ops. */
  reasons: string[];
  bounce?: BounceDto;
  /** Every failed recipient of a bounce (BounceDto names the first). */
  failedRecipients: FailedRecipient[];
  /** Message-ID (normalized) of the mail a bounce or report is about. */
  originalMessageId?: string;
}
