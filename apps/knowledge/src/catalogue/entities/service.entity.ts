import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OnlineServiceLink, ServiceTextModules } from '@d115/contracts';

/** A Leistung with its description; the text modules are one jsonb of named modules (docs/knowledge.md). */
@Entity('service')
export class Service {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') catalogueKey!: string;
  @Column('text', { nullable: true }) leikaKey!: string | null;
  @Column('text') source!: string;
  @Column('text') sourceId!: string;
  @Column('text') name!: string;
  @Column('text', { array: true }) synonyms!: string[];
  @Column('text', { array: true }) keywords!: string[];
  @Column('jsonb') modules!: ServiceTextModules;
  @Column('jsonb') onlineServices!: OnlineServiceLink[];
  @Column('boolean') appointmentBookable!: boolean;
  @Column('date', { nullable: true }) validFrom!: string | null;
  @Column('date', { nullable: true }) validUntil!: string | null;
  @Column('text') plainText!: string;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
