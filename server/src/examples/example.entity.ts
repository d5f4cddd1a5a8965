import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { ExampleKind, ExampleRegion } from '#shared/api/examples.js';
import type { EvaluationEntity } from '#server/evaluations/evaluation.entity.js';
import type { FaqEntryEntity } from '#server/faq/faq.entity.js';
import type { UserEntity } from '#server/org/users/user.entity.js';

/**
 * A scored call marked as a good or bad example of some of its checklist items (issue 14, seed 11.5).
 * Recording, project and team are copied from the evaluation so that lists scope without joins.
 */
@Entity('call_examples')
@Index('IDX_call_examples_project_created', ['projectId', 'createdAt'])
@Index('IDX_call_examples_team', ['teamId'])
@Index('IDX_call_examples_evaluation', ['evaluationId'])
export class CallExampleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  evaluationId!: string;

  @ManyToOne('EvaluationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation!: Relation<EvaluationEntity>;

  @Column({ type: 'uuid' })
  recordingId!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: ExampleKind;

  /** Item codes of the evaluation's checklist version. */
  @Column({ type: 'varchar', length: 32, array: true })
  items!: string[];

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  tags!: string[];

  /** `[{start, end}]` in seconds, sorted by start. */
  @Column({ type: 'jsonb' })
  regions!: ExampleRegion[];

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author!: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A dated sharing session of one project: its presenter and its ordered playlist. */
@Entity('sharing_sessions')
@Index('IDX_sharing_sessions_project_date', ['projectId', 'date'])
export class SharingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'uuid' })
  presenterId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'presenterId' })
  presenter!: Relation<UserEntity>;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One example in a session's playlist, at its place. */
@Entity('sharing_session_examples')
export class SharingSessionExampleEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SharingSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session!: Relation<SharingSessionEntity>;

  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @Column({ type: 'uuid' })
  exampleId!: string;

  @ManyToOne(() => CallExampleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exampleId' })
  example!: Relation<CallExampleEntity>;
}

/** An example call an FAQ entry links as showing the right answer. */
@Entity('faq_entry_examples')
export class FaqEntryExampleEntity {
  @PrimaryColumn({ type: 'uuid' })
  entryId!: string;

  @ManyToOne('FaqEntryEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entryId' })
  entry!: Relation<FaqEntryEntity>;

  @PrimaryColumn({ type: 'uuid' })
  exampleId!: string;

  @ManyToOne(() => CallExampleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exampleId' })
  example!: Relation<CallExampleEntity>;

  @Column({ type: 'smallint' })
  position!: number;
}
