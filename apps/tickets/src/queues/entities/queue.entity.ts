import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('queue')
export class Queue {
  @PrimaryColumn('text') id!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) targetExpression!: string | null;
  @Column('int') reservationTimeoutSeconds!: number;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz') updatedAt!: Date;
}
