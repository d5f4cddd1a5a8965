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

/**
 * The dashboard's running totals of one agent's evaluations of one local call day in one team: the
 * row with code '' sums the evaluations themselves (count, fatal ones, score sum and sum of squares
 * with fatal ones as 0, failed items); the row of an item code sums its verdicts (`scored` not null,
 * `evaluated` not N/A, `failures`). Submitted, non-calibration evaluations only. Recomputed for the
 * agent and day whenever one of its evaluations is submitted or amended
 * (`ReportsRepository.recordEvaluation`); `score_team_days` follows by the difference.
 */
@Entity('score_agent_days')
@Index('IDX_score_agent_days_team_code_day', ['teamId', 'code', 'callDate'])
export class ScoreAgentDayEntity {
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

  /** Code '': evaluations; an item code: evaluations that gave it a verdict. */
  @Column({ type: 'integer' })
  scored!: number;

  /** Item code: verdicts other than N/A. */
  @Column({ type: 'integer' })
  evaluated!: number;

  /** Code '': failed items of the evaluations; an item code: its failures. */
  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'integer' })
  fatal!: number;

  @Column({ type: 'double precision' })
  scoreSum!: number;

  @Column({ type: 'double precision' })
  scoreSquares!: number;
}

/** The same totals per team and local call day (the sum of `score_agent_days`), what the summary, trend and teams read. */
@Entity('score_team_days')
@Index('IDX_score_team_days_project_code_day', ['projectId', 'code', 'callDate'])
export class ScoreTeamDayEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'date' })
  callDate!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  scored!: number;

  @Column({ type: 'integer' })
  evaluated!: number;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'integer' })
  fatal!: number;

  @Column({ type: 'double precision' })
  scoreSum!: number;

  @Column({ type: 'double precision' })
  scoreSquares!: number;
}

/** The same totals per team and calendar month (`month` its first day), so a year is twelve rows a team and code. */
@Entity('score_team_months')
@Index('IDX_score_team_months_project_month', ['projectId', 'month'])
export class ScoreTeamMonthEntity {
  @PrimaryColumn({ type: 'uuid' })
  teamId!: string;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  scored!: number;

  @Column({ type: 'integer' })
  evaluated!: number;

  @Column({ type: 'integer' })
  failures!: number;

  @Column({ type: 'integer' })
  fatal!: number;

  @Column({ type: 'double precision' })
  scoreSum!: number;

  @Column({ type: 'double precision' })
  scoreSquares!: number;
}

/**
 * One inspector's submitted, non-calibration evaluations of one local call day in one project,
 * split by the local day they were submitted on: counts and score sums, how many a supervisor
 * amended, and for the medians the seconds each workspace evaluation took from opening the draft to
 * submitting it and the length of each call evaluated. Recomputed for the inspector and call day
 * whenever one of them is submitted or amended.
 */
@Entity('inspector_days')
@Index('IDX_inspector_days_project_day', ['projectId', 'callDate'])
export class InspectorDayEntity {
  @PrimaryColumn({ type: 'uuid' })
  inspectorId!: string;

  @PrimaryColumn({ type: 'date' })
  callDate!: string;

  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'date' })
  submittedDate!: string;

  @Column({ type: 'integer' })
  evaluations!: number;

  @Column({ type: 'integer' })
  fatal!: number;

  @Column({ type: 'double precision' })
  scoreSum!: number;

  @Column({ type: 'double precision' })
  scoreSquares!: number;

  @Column({ type: 'integer' })
  amended!: number;

  @Column({ type: 'double precision', array: true })
  workSeconds!: number[];

  @Column({ type: 'double precision', array: true })
  callSeconds!: number[];

  /** The evaluations counted here: a new submission is added to the row, anything else recomputes it. */
  @Column({ type: 'uuid', array: true })
  evaluationIds!: string[];
}
