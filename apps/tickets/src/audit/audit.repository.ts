import { Injectable } from '@nestjs/common';
import { EntityManager, Not } from 'typeorm';
import { AuditEntry } from './entities/audit-entry.entity';

export interface NewAuditEntry {
  ticketId?: string;
  /** Default 'ticket'; also 'agent', 'queue', 'routing-rule', 'sla-policy', 'authority', 'privacy-run'. */
  subjectType?: string;
  subjectId: string;
  actor: string;
  action: string;
  field?: string;
  oldValue?: unknown;
  newValue?: unknown;
  personal?: boolean;
  at: Date;
}

/** The action recorded for every read of a case. */
export const READ = 'read';

/** The audit history: who did what when, old → new. Append-only (anonymisation redacts values). */
@Injectable()
export class AuditRepository {
  async record(manager: EntityManager, entries: NewAuditEntry | NewAuditEntry[]): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length === 0) return;
    await manager.insert(
      AuditEntry,
      list.map((entry) => ({
        ticketId: entry.ticketId ?? null,
        subjectType: entry.subjectType ?? 'ticket',
        subjectId: entry.subjectId,
        actor: entry.actor,
        action: entry.action,
        field: entry.field ?? null,
        oldValue: text(entry.oldValue),
        newValue: text(entry.newValue),
        personal: entry.personal ?? false,
        at: entry.at,
      })),
    );
  }

  forTicket(manager: EntityManager, ticketId: string): Promise<AuditEntry[]> {
    return manager.find(AuditEntry, { where: { ticketId }, order: { id: 'ASC' } });
  }

  /** The changes of a case: its history without the reads (who opened it is for supervisors). */
  changesOf(manager: EntityManager, ticketId: string): Promise<AuditEntry[]> {
    return manager.find(AuditEntry, { where: { ticketId, action: Not(READ) }, order: { id: 'ASC' } });
  }

  forSubject(manager: EntityManager, subjectType: string, subjectId: string): Promise<AuditEntry[]> {
    return manager.find(AuditEntry, { where: { subjectType, subjectId }, order: { id: 'ASC' } });
  }
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? value : JSON.stringify(value);
}
