import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { RuleResult } from '#shared/rules/types.js';
import { RecordingEntity } from '#server/recordings/recording.entity.js';

/** The automatic verdicts on one call under one checklist version, written whole or not at all. */
@Entity('recording_auto_checks')
@Index('IDX_recording_auto_checks_version', ['checklistVersionId'])
export class RecordingAutoCheckEntity {
  @PrimaryColumn({ type: 'uuid' })
  recordingId!: string;

  @ManyToOne(() => RecordingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @PrimaryColumn({ type: 'uuid' })
  checklistVersionId!: string;

  @Column({ type: 'jsonb' })
  results!: RuleResult[];

  /** Codes that failed, for "every call that failed FORBIDDEN yesterday" without reading the JSON. */
  @Column({ type: 'varchar', length: 32, array: true })
  failedCodes!: string[];

  /** The transcript these verdicts were computed from; an older result never overwrites a newer one. */
  @Column({ type: 'timestamptz' })
  transcriptUpdatedAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  checkedAt!: Date;
}

/** A background re-check of past calls, e.g. after a new checklist version is published. */
@Entity('autocheck_runs')
export class AutocheckRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  checklistVersionId!: string;

  @Column({ type: 'varchar', length: 16 })
  reason!: 'publish' | 'startup';

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  done!: number;

  @Column({ type: 'varchar', length: 16, default: 'running' })
  status!: 'running' | 'done' | 'superseded';

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/**
 * The machine's verdicts per team, local call day and rule code, over each call's latest check:
 * `results` verdicts of any kind, `calls` other than N/A, `failures`. Kept by the difference between
 * a call's latest check before and after each store, in the store's transaction, so a re-check
 * replaces the call's verdicts and never counts it twice.
 */
@Entity('auto_check_days')
@Index('IDX_auto_check_days_project_day', ['projectId', 'callDate'])
export class AutoCheckDayEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'date' })
  callDate!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  results!: number;

  @Column({ type: 'integer' })
  calls!: number;

  @Column({ type: 'integer' })
  failures!: number;
}

/** The same verdicts per team and calendar month (`month` its first day). */
@Entity('auto_check_months')
@Index('IDX_auto_check_months_project_month', ['projectId', 'month'])
export class AutoCheckMonthEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  results!: number;

  @Column({ type: 'integer' })
  calls!: number;

  @Column({ type: 'integer' })
  failures!: number;
}
