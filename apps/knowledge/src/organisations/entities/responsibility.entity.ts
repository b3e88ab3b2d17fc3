import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Zuständigkeit: service × organisation unit × region; covers every ARS starting with `regionPrefix`. */
@Entity('responsibility')
export class Responsibility {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') serviceId!: string;
  @Column('uuid') organisationUnitId!: string;
  @Column('text') regionArs!: string;
  @Column('text') regionPrefix!: string;
  @Column('text') source!: string;
  @Column('boolean', { nullable: true }) appointmentBookable!: boolean | null;
  @Column('text', { nullable: true }) appointmentUrl!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
