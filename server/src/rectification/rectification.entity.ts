import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { RectificationStatus } from '#shared/api/rectification.js';
import type { TeamEntity } from '#server/org/teams/team.entity.js';

/** A written rectification notice to a team (书面整改通知书): what to fix, by when, and where it stands. */
@Entity('rectification_notices')
@Index('IDX_rectification_notices_project_status', ['projectId', 'status'])
@Index('IDX_rectification_notices_team', ['teamId'])
export class RectificationNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne('TeamEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamId' })
  team!: Relation<TeamEntity>;

  /** The team's project when issued: what the daily sampling looks notices up by. */
  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'varchar', length: 32, array: true })
  codes!: string[];

  @Column({ type: 'uuid', array: true, default: () => `'{}'` })
  evaluationIds!: string[];

  @Column({ type: 'text' })
  actions!: string;

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'date' })
  recheckFrom!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RectificationStatus;

  @Column({ type: 'text', nullable: true })
  actionPlan!: string | null;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'uuid' })
  issuedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Every step of a notice's life, with who took it (null: the daily sampling) and when. */
@Entity('rectification_notice_history')
@Index('IDX_rectification_notice_history_notice', ['noticeId', 'at'])
export class RectificationNoticeHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  noticeId!: string;

  @ManyToOne(() => RectificationNoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'noticeId' })
  notice!: Relation<RectificationNoticeEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  action!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus!: RectificationStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus!: RectificationStatus;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
