import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';
import type { TeamEntity } from '#server/org/teams/team.entity.js';

/** A project's thresholds for a common problem (共性); a project without a row uses the defaults. */
@Entity('problem_settings')
export class ProblemSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @ManyToOne('ProjectEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  @Column({ type: 'integer' })
  minAgents!: number;

  /** A fraction, kept as double precision so 0.3 reads back as 0.3. */
  @Column({ type: 'double precision' })
  minShare!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The improvement plan of one common problem of a team over one whole week or month. */
@Entity('problem_plans')
@Index('UQ_problem_plans_team_code_period', ['teamId', 'code', 'period', 'periodStart'], { unique: true })
export class ProblemPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne('TeamEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teamId' })
  team!: Relation<TeamEntity>;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: 'week' | 'month';

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 64 })
  owner!: string;

  @Column({ type: 'date' })
  due!: string;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @Column({ type: 'varchar', length: 64 })
  updatedByName!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * The problems report's running totals, one row per agent, local call day, team and item code:
 * `n` is how many of the agent's submitted evaluations (calibration aside) of that day failed the
 * item, and the row with code '' counts all of them (so agents without failures are still evaluated).
 * Recomputed from the evaluations for the agent and day whenever one of them is recorded
 * (`ReportsService.recordEvaluation`), so the report reads totals instead of every failed item.
 */
@Entity('problem_days')
@Index('IDX_problem_days_project_day', ['projectId', 'callDate'])
export class ProblemDayEntity {
  @PrimaryColumn({ type: 'uuid' })
  agentId!: string;

  @PrimaryColumn({ type: 'date' })
  callDate!: string;

  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  n!: number;
}

/** The same totals per calendar month (`month` its first day), summed from `problem_days`: a year is twelve of them. */
@Entity('problem_months')
@Index('IDX_problem_months_project_month', ['projectId', 'month'])
export class ProblemMonthEntity {
  @PrimaryColumn({ type: 'uuid' })
  agentId!: string;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  n!: number;
}
