import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ArticleKind, MailClassification, ReplyChannel } from '@d115/contracts';

@Entity('article')
export class Article {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') ticketId!: string;
  @Column('text') kind!: ArticleKind;
  @Column('text') author!: string;
  @Column('text', { nullable: true }) channel!: ReplyChannel | null;
  @Column('text', { nullable: true }) fromAddress!: string | null;
  @Column('text', { array: true, nullable: true }) toAddresses!: string[] | null;
  @Column('text', { nullable: true }) subject!: string | null;
  @Column('text') body!: string;
  @Column('text', { nullable: true }) classification!: MailClassification | null;
  @Column('uuid', { nullable: true }) mailMessageId!: string | null;
  @Column('text', { nullable: true }) rfcMessageId!: string | null;
  @Column('uuid', { array: true, nullable: true }) attachmentIds!: string[] | null;
  @Column('uuid', { nullable: true }) replyRequestId!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
