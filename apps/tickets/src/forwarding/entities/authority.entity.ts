import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organisation unit with a functional address that cases are forwarded to. */
@Entity('authority')
export class Authority {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text', { nullable: true }) ars!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
