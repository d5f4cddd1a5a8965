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
