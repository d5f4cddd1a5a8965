import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { EvaluationEntity } from '#server/evaluations/evaluation.entity.js';

/**
 * One failed item of one submitted evaluation (not a calibration one), with the call, agent, team and
 * project copied so that roll-ups need no joins. An amendment replaces an evaluation's defects.
 */
@Entity('defects')
@Index('IDX_defects_evaluation', ['evaluationId'])
@Index('IDX_defects_team_created', ['teamId', 'createdAt'])
@Index('IDX_defects_agent_code', ['agentId', 'code'])
export class DefectEntity {
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
  agentId!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  /** A critical item failed: the evaluation is fatal. */
  @Column({ type: 'boolean' })
  critical!: boolean;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** Seconds into the call where the defect is. */
  @Column({ type: 'real', nullable: true })
  at!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * `open` until the lead records a one-to-one (`coached`); `resolved` when an amendment leaves no failed
 * item. After coaching the agent's next evaluations decide (effect-check.ts): `improved` when the next K
 * pass the item's codes, back to `open` (with `reopenedAt` and the evaluation that failed) when one fails.
 */
export const COACHING_STATUSES = ['open', 'coached', 'improved', 'resolved'] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];

/** What the agent's team lead is to go over with the agent after an evaluation with failed items. */
@Entity('coaching_items')
@Index('UQ_coaching_items_evaluation', ['evaluationId'], { unique: true })
@Index('IDX_coaching_items_team_status', ['teamId', 'status', 'createdAt'])
@Index('IDX_coaching_items_agent', ['agentId', 'createdAt'])
export class CoachingItemEntity {
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
  agentId!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** The failed item codes, in checklist order. */
  @Column({ type: 'varchar', length: 32, array: true })
  codes!: string[];

  /** One of them is critical. */
  @Column({ type: 'boolean' })
  fatal!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: CoachingStatus;

  /** Bumped on every change: a change carrying an older revision is a conflict. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  acknowledgedBy!: string | null;

  /** When the effect check reopened the item (a later evaluation failed one of its codes again); null otherwise. */
  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  /** The evaluation that reopened it, its call and the codes it failed again. */
  @Column({ type: 'uuid', nullable: true })
  reopenedByEvaluationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reopenedByRecordingId!: string | null;

  @Column({ type: 'varchar', length: 32, array: true, nullable: true })
  reopenedCodes!: string[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A team lead's one-to-one with the agent on a coaching item. */
@Entity('coaching_sessions')
@Index('IDX_coaching_sessions_item', ['coachingItemId', 'createdAt'])
export class CoachingSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  coachingItemId!: string;

  @ManyToOne(() => CoachingItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coachingItemId' })
  coachingItem!: Relation<CoachingItemEntity>;

  /** The day it was held, YYYY-MM-DD. */
  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  said!: string;

  @Column({ type: 'text' })
  commitment!: string;

  /** A later call of the same agent listened to again together. */
  @Column({ type: 'uuid', nullable: true })
  relistenRecordingId!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** What the effect check decided, kept so that an item's history survives re-decisions. */
export const COACHING_EVENT_KINDS = ['improved', 'reopened', 'checking'] as const;
export type CoachingEventKind = (typeof COACHING_EVENT_KINDS)[number];

/**
 * One decision of the effect check on a coaching item: `improved`, `reopened` (with the evaluation that
 * failed a code again and those codes), or `checking` (an amendment took a decision back: pending again).
 */
@Entity('coaching_events')
@Index('IDX_coaching_events_item', ['coachingItemId', 'createdAt'])
export class CoachingEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  coachingItemId!: string;

  @ManyToOne(() => CoachingItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coachingItemId' })
  coachingItem!: Relation<CoachingItemEntity>;

  @Column({ type: 'varchar', length: 16 })
  kind!: CoachingEventKind;

  /** The evaluation that decided it (null for `checking`). */
  @Column({ type: 'uuid', nullable: true })
  evaluationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordingId!: string | null;

  /** For `reopened`: the item's codes that evaluation failed. */
  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  codes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
