import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { CalibrationSessionEntity } from '#server/calibration/calibration.entity.js';
import type { ChecklistVersionEntity } from '#server/checklists/checklist-version.entity.js';
import type { UserEntity } from '#server/org/users/user.entity.js';
import type { RecordingEntity } from '#server/recordings/recording.entity.js';

export enum EvaluationStatus {
  Draft = 'draft',
  Submitted = 'submitted',
}

/**
 * One inspector's scoring of one call against one checklist version. Agent, team and project are
 * copied from the recording so that roll-ups and scope filters need no joins.
 */
@Entity('evaluations')
@Index('IDX_evaluations_team_date', ['teamId', 'submittedDate'])
@Index('IDX_evaluations_agent_date', ['agentId', 'submittedDate'])
@Index('IDX_evaluations_project_date', ['projectId', 'submittedDate'])
@Index('IDX_evaluations_team_call_date', ['teamId', 'callDate'])
@Index('IDX_evaluations_agent_call_date', ['agentId', 'callDate'])
@Index('IDX_evaluations_project_call_date', ['projectId', 'callDate'])
@Index('IDX_evaluations_recording', ['recordingId'])
@Index('IDX_evaluations_inspector_call_date', ['inspectorId', 'callDate'])
@Index('IDX_evaluations_calibration_session', ['calibrationSessionId'])
@Index('UQ_evaluations_open_draft', ['recordingId', 'inspectorId'], { unique: true, where: `"status" = 'draft'` })
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  recordingId!: string;

  @ManyToOne('RecordingEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @Column({ type: 'uuid' })
  agentId!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  /** The centre's local day of the call scored: what from/to in reports mean. */
  @Column({ type: 'date' })
  callDate!: string;

  @Column({ type: 'uuid' })
  inspectorId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inspectorId' })
  inspector!: Relation<UserEntity>;

  @Column({ type: 'uuid' })
  checklistVersionId!: string;

  @ManyToOne('ChecklistVersionEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'checklistVersionId' })
  checklistVersion!: Relation<ChecklistVersionEntity>;

  @Column({ type: 'varchar', length: 16 })
  source!: string;

  /** Scored blind (issue 15): the machine's verdicts and evidence stay hidden from the inspector until submit. */
  @Column({ type: 'boolean', default: false })
  blind!: boolean;

  /** The calibration session a `calibration` evaluation was scored for (issue 15), when it was started in one. */
  @Column({ type: 'uuid', nullable: true })
  calibrationSessionId!: string | null;

  @ManyToOne('CalibrationSessionEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'calibrationSessionId' })
  calibrationSession!: Relation<CalibrationSessionEntity> | null;

  @Column({ type: 'enum', enum: EvaluationStatus, enumName: 'evaluation_status', default: EvaluationStatus.Draft })
  status!: EvaluationStatus;

  /** Bumped on every save: a save carrying an older revision is a conflict, never an overwrite. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'real', nullable: true })
  score!: number | null;

  @Column({ type: 'boolean', nullable: true })
  fatal!: boolean | null;

  @Column({ type: 'real', nullable: true })
  earned!: number | null;

  @Column({ type: 'real', nullable: true })
  possible!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** The centre's local day of submission, which from/to filters mean. */
  @Column({ type: 'date', nullable: true })
  submittedDate!: string | null;
}

/** The verdict on one checklist item, with the item's points and criticality as they were scored. */
@Entity('evaluation_items')
export class EvaluationItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation!: Relation<EvaluationEntity>;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'real' })
  points!: number;

  @Column({ type: 'boolean' })
  critical!: boolean;

  /** Null while a draft has not scored it yet. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  verdict!: 'pass' | 'fail' | 'na' | null;

  @Column({ type: 'real', nullable: true })
  earned!: number | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** Where in the call the defect is (seconds): a moment, or a region from `at` to `until`. */
  @Column({ type: 'real', nullable: true })
  at!: number | null;

  @Column({ type: 'real', nullable: true })
  until!: number | null;

  /** What the automatic check said, kept beside the inspector's verdict to measure agreement. */
  @Column({ type: 'varchar', length: 4, nullable: true })
  autoVerdict!: 'pass' | 'fail' | 'na' | null;
}

/** Every change after creation: submission and each supervisor amendment with its reason. */
@Entity('evaluation_history')
@Index('IDX_evaluation_history_evaluation', ['evaluationId', 'at'])
export class EvaluationHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => EvaluationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluationId' })
  evaluation!: Relation<EvaluationEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 32 })
  action!: 'created' | 'submitted' | 'amended';

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** Score and verdicts before and after the change. */
  @Column({ type: 'jsonb', nullable: true })
  change!: Record<string, unknown> | null;
}
