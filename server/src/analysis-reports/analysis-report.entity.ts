import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AnalysisReportContent, AnalysisReportKind } from '#shared/api/analysis-reports.js';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';
import type { UserEntity } from '#server/org/users/user.entity.js';

/**
 * One analysis report (seed 11.9): the snapshot of a project's figures for one day, week or month,
 * made by the schedule or on demand, then published to the teams (11.10). One per kind, project and period.
 */
@Entity('analysis_reports')
@Index('UQ_analysis_reports_kind_project_period', ['kind', 'projectId', 'periodStart'], { unique: true })
export class AnalysisReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: AnalysisReportKind;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne('ProjectEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'jsonb' })
  content!: AnalysisReportContent;

  @Column({ type: 'timestamptz' })
  generatedAt!: Date;

  /** Null when the schedule made it. */
  @Column({ type: 'uuid', nullable: true })
  generatedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;
}

/** Who opened a published report, and when (the team lead's unread count). */
@Entity('analysis_report_reads')
export class AnalysisReportReadEntity {
  @PrimaryColumn({ type: 'uuid' })
  reportId!: string;

  @ManyToOne('AnalysisReportEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reportId' })
  report!: Relation<AnalysisReportEntity>;

  @PrimaryColumn({ type: 'uuid' })
  @Index('IDX_analysis_report_reads_user')
  userId!: string;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user!: Relation<UserEntity>;

  @Column({ type: 'timestamptz' })
  readAt!: Date;
}
