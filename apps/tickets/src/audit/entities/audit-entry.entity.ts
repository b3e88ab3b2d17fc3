import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_entry')
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { nullable: true }) ticketId!: string | null;
  @Column('text') subjectType!: string;
  @Column('text') subjectId!: string;
  @Column('text') actor!: string;
  @Column('text') action!: string;
  @Column('text', { nullable: true }) field!: string | null;
  @Column('text', { nullable: true }) oldValue!: string | null;
  @Column('text', { nullable: true }) newValue!: string | null;
  /** The values are personal data (removed by anonymisation). */
  @Column('boolean') personal!: boolean;
  @Column('timestamptz') at!: Date;
}
