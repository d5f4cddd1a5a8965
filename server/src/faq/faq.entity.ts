import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { RecordingEntity } from '#server/recordings/recording.entity.js';

export const FAQ_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type FaqStatusValue = (typeof FAQ_STATUSES)[number];

/**
 * One FAQ entry's working copy, with what it is about and who answers for it. What agents see is the
 * published version `publishedVersion` (faq_versions), so editing a published entry changes nothing
 * for them until it is published again. The `search*` columns hold the working copy's text through
 * the rule engine's normaliser (shared/src/text/normalise.ts); a trigram GIN index on each serves
 * `LIKE '%…%'` (created in the migration: TypeORM cannot describe an operator class).
 */
@Entity('faq_entries')
@Index('IDX_faq_entries_status_updated', ['status', 'updatedAt'])
@Index('IDX_faq_entries_key_question_trgm', { synchronize: false })
@Index('IDX_faq_entries_key_alternatives_trgm', { synchronize: false })
@Index('IDX_faq_entries_key_answer_trgm', { synchronize: false })
export class FaqEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: FAQ_STATUSES, enumName: 'faq_status', default: 'draft' })
  status!: FaqStatusValue;

  @Column({ type: 'text' })
  question!: string;

  /** Simple markup (paragraphs, lists, bold, links), never HTML. */
  @Column({ type: 'text' })
  answer!: string;

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  tags!: string[];

  /** Other ways customers ask the same question. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  alternatives!: string[];

  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  businessType!: string | null;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'varchar', length: 64 })
  ownerName!: string;

  /** Bumped on every change: a change carrying an older revision is a conflict. */
  @Column({ type: 'int', default: 1 })
  revision!: number;

  /** The version agents see; null before the first publication. */
  @Column({ type: 'int', nullable: true })
  publishedVersion!: number | null;

  @Column({ type: 'text' })
  searchQuestion!: string;

  /** Each alternative normalised, joined with `|` (which normalised text never holds). */
  @Column({ type: 'text' })
  searchAlternatives!: string;

  @Column({ type: 'text' })
  searchAnswer!: string;

  /** Trigram keys of the three search columns (shared/src/faq/search.ts `trigramKey`), which the GIN indexes serve. */
  @Column({ type: 'text', default: '' })
  keyQuestion!: string;

  @Column({ type: 'text', default: '' })
  keyAlternatives!: string;

  @Column({ type: 'text', default: '' })
  keyAnswer!: string;

  @Column({ type: 'text', nullable: true })
  retiredReason!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  retiredBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** One publication of an entry: what agents saw from then on, who published it, when and why. */
@Entity('faq_versions')
@Index('UQ_faq_versions_entry_version', ['entryId', 'version'], { unique: true })
@Index('IDX_faq_versions_key_question_trgm', { synchronize: false })
@Index('IDX_faq_versions_key_alternatives_trgm', { synchronize: false })
@Index('IDX_faq_versions_key_answer_trgm', { synchronize: false })
export class FaqVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  entryId!: string;

  @ManyToOne('FaqEntryEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entryId' })
  entry!: Relation<FaqEntryEntity>;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text' })
  answer!: string;

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  alternatives!: string[];

  @Column({ type: 'text' })
  searchQuestion!: string;

  @Column({ type: 'text' })
  searchAlternatives!: string;

  @Column({ type: 'text' })
  searchAnswer!: string;

  /** Trigram keys of the three search columns (shared/src/faq/search.ts `trigramKey`), which the GIN indexes serve. */
  @Column({ type: 'text', default: '' })
  keyQuestion!: string;

  @Column({ type: 'text', default: '' })
  keyAlternatives!: string;

  @Column({ type: 'text', default: '' })
  keyAnswer!: string;

  @Column({ type: 'uuid' })
  publishedById!: string;

  @Column({ type: 'varchar', length: 64 })
  publishedBy!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt!: Date;
}

export const FAQ_PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type FaqProposalStatusValue = (typeof FAQ_PROPOSAL_STATUSES)[number];

/** An inspector's proposal from a call's defect: a new entry (`entryId` null) or a change to one. */
@Entity('faq_proposals')
@Index('IDX_faq_proposals_status_created', ['status', 'createdAt'])
export class FaqProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: FAQ_PROPOSAL_STATUSES, enumName: 'faq_proposal_status', default: 'pending' })
  status!: FaqProposalStatusValue;

  @Column({ type: 'uuid', nullable: true })
  entryId!: string | null;

  @ManyToOne('FaqEntryEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'entryId' })
  entry!: Relation<FaqEntryEntity> | null;

  @Column({ type: 'text' })
  question!: string;

  @Column({ type: 'text', default: '' })
  answer!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The proposal's question normalised: proposals with the same one show the same gap. */
  @Column({ type: 'text' })
  searchQuestion!: string;

  @Column({ type: 'uuid' })
  recordingId!: string;

  @ManyToOne('RecordingEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @Column({ type: 'uuid', nullable: true })
  evaluationId!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  code!: string | null;

  /** Seconds into the call. */
  @Column({ type: 'real', nullable: true })
  at!: number | null;

  @Column({ type: 'uuid' })
  proposedById!: string;

  @Column({ type: 'varchar', length: 64 })
  proposedBy!: string;

  @Column({ type: 'uuid', nullable: true })
  acceptedEntryId!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One row counting the FAQ's changes: every write to an entry or a version bumps it in the same
 * transaction, so each process's in-memory search index (faq-search-index.ts) knows, by one indexed
 * read, whether what it holds is still what the database holds.
 */
@Entity('faq_search_generation')
export class FaqSearchGenerationEntity {
  @PrimaryColumn('smallint')
  id!: number;

  @Column('bigint')
  generation!: string;
}
