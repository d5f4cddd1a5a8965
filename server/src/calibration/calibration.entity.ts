import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';
import type { RecordingEntity } from '#server/recordings/recording.entity.js';
import type { UserEntity } from '#server/org/users/user.entity.js';

/**
 * A calibration session (issue 15): a supervisor has inspectors score the same calls of one project
 * blind, optionally beside an expert whose evaluations are the benchmark, then reveals them side by side.
 * Evaluations taking part point at it (`evaluations.calibrationSessionId`).
 */
@Entity('calibration_sessions')
@Index('IDX_calibration_sessions_project', ['projectId', 'createdAt'])
export class CalibrationSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne('ProjectEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  /** The local day by which participants should have scored. */
  @Column({ type: 'date' })
  deadline!: string;

  /** Whose evaluations are the benchmark, if anybody's. */
  @Column({ type: 'uuid', nullable: true })
  expertId!: string | null;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expertId' })
  expert!: Relation<UserEntity> | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'createdBy' })
  creator!: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Null while blind. */
  @Column({ type: 'timestamptz', nullable: true })
  revealedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revealedBy!: string | null;
}

/** A call of the session, in the order the supervisor gave. */
@Entity('calibration_calls')
@Index('IDX_calibration_calls_recording', ['recordingId'])
export class CalibrationCallEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CalibrationSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session!: Relation<CalibrationSessionEntity>;

  @PrimaryColumn({ type: 'uuid' })
  recordingId!: string;

  @ManyToOne('RecordingEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @Column({ type: 'smallint' })
  position!: number;
}

/** An inspector taking part (the expert is on the session, not here). */
@Entity('calibration_participants')
@Index('IDX_calibration_participants_user', ['userId'])
export class CalibrationParticipantEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CalibrationSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session!: Relation<CalibrationSessionEntity>;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user!: Relation<UserEntity>;

  @Column({ type: 'smallint' })
  position!: number;
}

/** The discussion's outcome for one item, written by the supervisor after the reveal. */
@Entity('calibration_guidance')
export class CalibrationGuidanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CalibrationSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session!: Relation<CalibrationSessionEntity>;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('UserEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user!: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** The checklist draft version it went into as the item's scoring note (null: the draft lacks the item). */
  @Column({ type: 'integer', nullable: true })
  draftVersion!: number | null;
}
