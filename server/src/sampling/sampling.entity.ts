import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { SamplingRules } from '#shared/api/sampling.js';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';
import { RecordingEntity } from '#server/recordings/recording.entity.js';

@Entity('sampling_plans')
@Index('UQ_sampling_plans_project_from', ['projectId', 'effectiveFrom'], { unique: true })
export class SamplingPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne('ProjectEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  /** The first sampled day (local) this version applies to. */
  @Column({ type: 'date' })
  effectiveFrom!: string;

  @Column({ type: 'jsonb' })
  rules!: SamplingRules;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One project's sampling of one day. A day is sampled once: (project, date) is unique. */
@Entity('sampling_runs')
@Index('UQ_sampling_runs_project_date', ['projectId', 'date'], { unique: true })
export class SamplingRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'date' })
  date!: string;

  /** The random draw's seed, so the run can be explained and reproduced. */
  @Column({ type: 'bigint' })
  seed!: string;

  @Column({ type: 'jsonb' })
  rules!: SamplingRules;

  @Column({ type: 'integer' })
  candidates!: number;

  /** Picks no active inspector could open (none covers the call's team): left unassigned, reported with the run. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  uncovered!: { recordingId: string; reason: string }[];

  /** Null when the schedule ran it. */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * One call given to one listener, with why it was picked. A call is given once per source: once to
 * the daily sample and once to a team lead's spot checks, so spot checks never empty the daily run.
 */
@Entity('sampling_assignments')
@Index('UQ_sampling_assignments_recording_source', ['recordingId', 'source'], { unique: true })
@Index('IDX_sampling_assignments_inspector', ['inspectorId', 'date'])
@Index('IDX_sampling_assignments_run', ['runId'])
export class SamplingAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null for a team lead's spot check. */
  @Column({ type: 'uuid', nullable: true })
  runId!: string | null;

  @ManyToOne(() => SamplingRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'runId' })
  run!: Relation<SamplingRunEntity>;

  @Column({ type: 'uuid' })
  recordingId!: string;

  @ManyToOne(() => RecordingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @Column({ type: 'uuid' })
  inspectorId!: string;

  @Column({ type: 'uuid' })
  agentId!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 48 })
  reason!: string;

  /** The evaluation source this listening produces: daily, or spot-check for a team lead. */
  @Column({ type: 'varchar', length: 16 })
  source!: 'daily' | 'spot-check';

  /** Drawn with the run's seed: the inspector scores this call without the machine's verdicts until he submits. */
  @Column({ type: 'boolean', default: false })
  blind!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
