import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address a permanent bounce reported as undeliverable; acknowledgments skip it. */
@Entity({ name: 'undeliverable_address' })
export class UndeliverableAddressEntity {
  @PrimaryColumn('text')
  address!: string;

  @Column('text', { nullable: true })
  status!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('uuid', { nullable: true })
  bounceMessageId!: string | null;

  @Column('timestamptz')
  detectedAt!: Date;
}
