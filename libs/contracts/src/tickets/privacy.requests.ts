import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsActor } from './validators';

/** `d115.tickets.privacy.anonymize`: anonymise closed cases now (the scheduler does it daily). */
export class AnonymizeRequest {
  @IsActor()
  actor!: string;

  /** Closed longer than this many days; default from env (90). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  olderThanDays?: number;
}

export interface AnonymizeReply {
  runId: string;
  cutoff: string;
  anonymized: number;
}
