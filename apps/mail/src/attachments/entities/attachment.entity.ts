import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file of a received mail; its content is in the blob store under `blobKey`. */
@Entity({ name: 'attachment' })
export class AttachmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  messageId!: string;

  @Column('int')
  position!: number;

  @Column('text')
  filename!: string;

  @Column('text')
  contentType!: string;

  @Column('int')
  size!: number;

  @Column('char', { length: 64 })
  sha256!: string;

  @Column('text', { nullable: true })
  contentId!: string | null;

  @Column('boolean')
  inline!: boolean;

  @Column('text')
  blobKey!: string;
}
