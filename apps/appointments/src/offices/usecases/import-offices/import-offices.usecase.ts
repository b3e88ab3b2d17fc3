import { Injectable } from '@nestjs/common';
import { D115Error, ImportOfficesReply, ImportOfficesRequest } from '@d115/contracts';
import { Transactions } from '@d115/database';
import { UpsertOfficeUsecase } from '../upsert-office/upsert-office.usecase';
import { dldbOffices } from './dldb-locations';

/** Imports the offices of a DLDB locations export; each office in its own transaction, a bad one is reported, not fatal. */
@Injectable()
export class ImportOfficesUsecase {
  constructor(
    private readonly upsert: UpsertOfficeUsecase,
    private readonly transactions: Transactions,
  ) {}

  async execute(cmd: ImportOfficesRequest): Promise<ImportOfficesReply> {
    const parsed = dldbOffices(cmd.document, {
      ars: cmd.ars,
      state: cmd.state,
      counters: cmd.counters ?? 1,
      durationMinutes: cmd.defaultDurationMinutes ?? 15,
    });
    const reply: ImportOfficesReply = { applied: 0, rejected: [] };
    for (const [i, outcome] of parsed.entries()) {
      if (!outcome.ok) {
        reply.rejected.push({ position: outcome.position, reason: outcome.reason });
        continue;
      }
      if (cmd.dryRun) {
        reply.applied++;
        continue;
      }
      try {
        await this.transactions.run((manager) => this.upsert.save(manager, cmd.actor, outcome.office));
        reply.applied++;
      } catch (error) {
        if (!(error instanceof D115Error)) throw error;
        reply.rejected.push({ position: `data[${i}]`, reason: error.message });
      }
    }
    return reply;
  }
}
