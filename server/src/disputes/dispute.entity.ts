import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { DisputeOutcome, DisputeStatus } from '#shared/api/disputes.js';
import type { EvaluationEntity } from '#server/evaluations/evaluation.entity.js';
import type { UserEntity } from '#server/org/users/user.entity.js';

/** A team lead's acceptance of a submitted evaluation on behalf of the agent (agents are not users): once. */
@Entity('evaluation_acknowledgements')
export class EvaluationAcknowledgementEntity {
  @PrimaryColumn({ type: 'uuid' })
  evaluationId!: string;

  @ManyToOne('EvaluationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation!: Relation<EvaluationEntity>;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user!: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/**
 * A team lead's dispute of an evaluation's items (issue 15): at most one per evaluation, ever. Team,
 * project and inspector are copied from the evaluation so that lists and summaries need no joins to scope.
 */
@Entity('disputes')
@Index('UQ_disputes_evaluation', ['evaluationId'], { unique: true })
@Index('IDX_disputes_project_date', ['projectId', 'raisedDate'])
@Index('IDX_disputes_inspector_status', ['inspectorId', 'status'])
@Index('IDX_disputes_team_status', ['teamId', 'status'])
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  evaluationId!: string;

  @ManyToOne('EvaluationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation!: Relation<EvaluationEntity>;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  inspectorId!: string;

  @Column({ type: 'uuid' })
  raisedBy!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raisedBy' })
  raiser!: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 24 })
  status!: DisputeStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt!: Date;

  /** The centre's local day it was raised: what the summary's from/to mean. */
  @Column({ type: 'date' })
  raisedDate!: string;
}

/** One disputed item with each decision taken on it. */
@Entity('dispute_items')
export class DisputeItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  disputeId!: string;

  @ManyToOne(() => DisputeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'disputeId' })
  dispute!: Relation<DisputeEntity>;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 4 })
  fromVerdict!: 'pass' | 'fail' | 'na';

  @Column({ type: 'varchar', length: 4 })
  toVerdict!: 'pass' | 'fail' | 'na';

  @Column({ type: 'varchar', length: 8, nullable: true })
  inspectorDecision!: 'accept' | 'reject' | null;

  @Column({ type: 'text', nullable: true })
  inspectorReason!: string | null;

  @Column({ type: 'boolean', default: false })
  escalated!: boolean;

  @Column({ type: 'varchar', length: 8, nullable: true })
  ruling!: 'uphold' | 'reject' | null;

  @Column({ type: 'text', nullable: true })
  rulingReason!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  outcome!: DisputeOutcome;
}

/** Every step of a dispute: who, when, what and why. */
@Entity('dispute_steps')
@Index('IDX_dispute_steps_dispute', ['disputeId', 'at'])
export class DisputeStepEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  disputeId!: string;

  @ManyToOne(() => DisputeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'disputeId' })
  dispute!: Relation<DisputeEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user!: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 16 })
  action!: 'raise' | 'answer' | 'escalate' | 'rule';

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The decision on each item: `[{code, decision, reason}]`. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  items!: { code: string; decision: string; reason: string | null }[];
}
