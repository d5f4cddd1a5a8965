import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { GradeThreshold } from '#shared/kpi/grades.js';
import type { AgentEntity } from '#server/org/agents/agent.entity.js';

/**
 * What the telephony and sales systems count for one agent on one local day (CONTRACT.md "KPI
 * grading"): one row per agent and date, replaced when pushed again.
 */
@Entity('kpi_operational_days')
@Index('IDX_kpi_operational_days_date', ['date'])
export class OperationalDayEntity {
  @PrimaryColumn({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  /** Calls handled. */
  @Column({ type: 'integer' })
  calls!: number;

  /** Hours logged in. */
  @Column({ type: 'double precision' })
  hours!: number;

  /** Successful calls (sales made, issues solved), at most `calls`. */
  @Column({ type: 'integer' })
  successes!: number;

  /** Who pushed or uploaded the figures last. */
  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A version of the grade table, in force from its quarter on until a later version's. Without any
 * row the seed's table (DEFAULT_GRADE_TABLE, version 0) applies.
 */
@Entity('kpi_grade_tables')
export class GradeTableEntity {
  @PrimaryGeneratedColumn('increment')
  version!: number;

  /** YYYY-Qn. */
  @Index('UQ_kpi_grade_tables_from_quarter', { unique: true })
  @Column({ type: 'varchar', length: 7 })
  fromQuarter!: string;

  @Column({ type: 'jsonb' })
  grades!: GradeThreshold[];

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
/**
 * "Not enough evidence": the agent's calls are added to the daily sampling runs of the days from
 * `from` to `to`, one more each day, with reason `grading`.
 */
@Entity('kpi_grading_requests')
@Index('IDX_kpi_grading_requests_project_dates', ['projectId', 'from', 'to'])
export class GradingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  /** The agent's project when requested: what the daily sampling looks requests up by. */
  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'date' })
  from!: string;

  @Column({ type: 'date' })
  to!: string;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
