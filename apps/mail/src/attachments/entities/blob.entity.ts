import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Content of attachments in Postgres, keyed by SHA-256 (see PostgresBlobStore). */
@Entity({ name: 'blob' })
export class BlobEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('int')
  size!: number;

  @Column('bytea')
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
