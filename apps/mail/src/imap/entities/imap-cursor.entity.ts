import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far a mailbox folder has been imported: UIDVALIDITY and the last imported UID. */
@Entity({ name: 'imap_cursor' })
export class ImapCursorEntity {
  @PrimaryColumn('text')
  mailbox!: string;

  @PrimaryColumn('text')
  folder!: string;

  /** bigint: returned as a string by the driver. */
  @Column('bigint')
  uidValidity!: string;

  @Column('bigint')
  lastUid!: string;

  @Column('timestamptz')
  updatedAt!: Date;
}
