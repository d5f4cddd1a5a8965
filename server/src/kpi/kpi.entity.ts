import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { GradeThreshold } from '#shared/kpi/grades.js';
import { AgentGrade } from '#shared/org.js';
import type { KpiPartWeight } from '#shared/kpi/scheme.js';
import type { AgentEntity } from '#server/org/agents/agent.entity.js';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';

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
 * A version of the grade table, in force from its quarter on until a later version's (the latest
 * version set for the same quarter wins; the earlier ones are kept). Without any row the seed's
 * table (DEFAULT_GRADE_TABLE, version 0) applies.
 */
@Entity('kpi_grade_tables')
@Index('IDX_kpi_grade_tables_from_quarter', ['fromQuarter', 'version'])
export class GradeTableEntity {
  @PrimaryGeneratedColumn('increment')
  version!: number;

  /** YYYY-Qn. */
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

/** A new-hire (入职) or probation (转正) exam of an agent. */
@Entity('kpi_exams')
@Index('IDX_kpi_exams_agent', ['agentId', 'kind'])
export class ExamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'new-hire' | 'probation';

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** An application to promote an agent, approved in turn by four named approvers. */
@Entity('kpi_promotions')
@Index('IDX_kpi_promotions_agent', ['agentId'])
@Index('UQ_kpi_promotions_pending_agent', ['agentId'], { unique: true, where: `"status" = 'pending'` })
export class PromotionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  @Column({ type: 'enum', enum: AgentGrade, enumName: 'agent_grade' })
  fromGrade!: AgentGrade;

  @Column({ type: 'enum', enum: AgentGrade, enumName: 'agent_grade' })
  toGrade!: AgentGrade;

  @Column({ type: 'varchar', length: 7 })
  quarter!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: 'pending' | 'approved' | 'rejected';

  /** Users of the steps supervisor, deputy manager, manager, director, in turn. */
  @Column({ type: 'uuid', array: true })
  approverIds!: string[];

  /** How many steps have approved (0…4). */
  @Column({ type: 'integer', default: 0 })
  approvedSteps!: number;

  @Column({ type: 'uuid' })
  appliedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'date', nullable: true })
  effectiveOn!: string | null;
}

/** Each approver's decision on a promotion, kept. */
@Entity('kpi_promotion_decisions')
@Index('UQ_kpi_promotion_decisions_step', ['promotionId', 'step'], { unique: true })
export class PromotionDecisionEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  promotionId!: string;

  @ManyToOne(() => PromotionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'promotionId' })
  promotion!: Relation<PromotionEntity>;

  /** 0 supervisor, 1 deputy manager, 2 manager, 3 director. */
  @Column({ type: 'integer' })
  step!: number;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 8 })
  action!: 'approve' | 'reject';

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/** Every change of an agent's grade, with the day it took effect. */
@Entity('agent_grade_history')
@Index('IDX_agent_grade_history_agent', ['agentId', 'effectiveOn'])
export class GradeChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  @Column({ type: 'enum', enum: AgentGrade, enumName: 'agent_grade' })
  fromGrade!: AgentGrade;

  @Column({ type: 'enum', enum: AgentGrade, enumName: 'agent_grade' })
  toGrade!: AgentGrade;

  @Column({ type: 'date' })
  effectiveOn!: string;

  @Column({ type: 'uuid', nullable: true })
  promotionId!: string | null;

  @Column({ type: 'uuid' })
  changedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/**
 * A version of a project's KPI scheme: the QA score's weight and the imported parts' (issue 13).
 * At most one draft per project; a published version never changes and is kept.
 */
@Entity('kpi_schemes')
@Index('UQ_kpi_schemes_project_version', ['projectId', 'version'], { unique: true })
@Index('UQ_kpi_schemes_project_draft', ['projectId'], { unique: true, where: `"status" = 'draft'` })
export class KpiSchemeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne('ProjectEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: 'draft' | 'published';

  /** YYYY-Qn: the first quarter reviewed with it. */
  @Column({ type: 'varchar', length: 7 })
  fromQuarter!: string;

  @Column({ type: 'double precision' })
  qaWeight!: number;

  @Column({ type: 'jsonb' })
  parts!: KpiPartWeight[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** An agent's value of one KPI part (attendance, sales target…) in a quarter, replaced when imported again. */
@Entity('kpi_part_values')
@Index('IDX_kpi_part_values_quarter', ['quarter'])
export class KpiPartValueEntity {
  @PrimaryColumn({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  @PrimaryColumn({ type: 'varchar', length: 7 })
  quarter!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  part!: string;

  /** 0…100, as the QA score. */
  @Column({ type: 'double precision' })
  value!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
