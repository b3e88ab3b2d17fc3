import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OpeningHoursEntry } from '@d115/contracts';

/** An authority or office (Organisationseinheit) with its functional address and opening hours. */
@Entity('organisation_unit')
export class OrganisationUnit {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') catalogueKey!: string;
  @Column('text') source!: string;
  @Column('text') sourceId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) phone!: string | null;
  @Column('jsonb', { nullable: true }) address!: Record<string, string> | null;
  @Column('text', { nullable: true }) addressText!: string | null;
  @Column('jsonb') openingHours!: OpeningHoursEntry[];
  @Column('text', { nullable: true }) openingHoursNote!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
