import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A message a consumer gave up on, as ops see it. */
export interface DeadLetterView {
  sequence: number;
  subject: string;
  storedAt: string;
  originalSubject: string;
  consumer: string;
  errorCode: string;
  error: string;
  deliveries: number;
  /** The original message body (JSON text). */
  body: string;
}

export class ListDeadLettersQuery {
  /** Dead letters listed at most (default 100). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
