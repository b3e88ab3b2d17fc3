import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ImapCursorEntity } from './entities/imap-cursor.entity';

export interface ImapCursor {
  uidValidity: bigint;
  lastUid: number;
}

@Injectable()
export class ImapRepository {
  async cursor(manager: EntityManager, mailbox: string, folder: string): Promise<ImapCursor | undefined> {
    const row = await manager.getRepository(ImapCursorEntity).findOne({ where: { mailbox, folder } });
    return row ? { uidValidity: BigInt(row.uidValidity), lastUid: Number(row.lastUid) } : undefined;
  }

  async saveCursor(manager: EntityManager, mailbox: string, folder: string, cursor: ImapCursor): Promise<void> {
    await manager.query(
      `INSERT INTO imap_cursor (mailbox, folder, uid_validity, last_uid) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mailbox, folder) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid, updated_at = now()`,
      [mailbox, folder, cursor.uidValidity.toString(), cursor.lastUid],
    );
  }
}
