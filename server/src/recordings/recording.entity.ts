import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AgentEntity } from '#server/org/agents/agent.entity.js';
import { CallDirection, ChannelLayout } from '#shared/recordings.js';

/**
 * One call as recorded. Team and project are copied from the agent at ingestion: a call belongs to
 * the team the agent was in that day, and scope filters need them without a join on millions of rows.
 */
@Entity('recordings')
@Index('IDX_recordings_agent_day', ['agentId', 'localDate', 'startedAt'])
@Index('IDX_recordings_team_day', ['teamId', 'localDate', 'startedAt'])
@Index('IDX_recordings_project_day', ['projectId', 'localDate', 'startedAt'])
@Index('IDX_recordings_day', ['localDate', 'startedAt'])
@Index('IDX_recordings_customer', ['customerNumber', 'startedAt'])
/** The calls whose audio is still kept, by project and day: what the daily retention run walks (issue 16). */
@Index('IDX_recordings_audio_kept', ['projectId', 'localDate'], { where: `"audioRemovedAt" IS NULL` })
export class RecordingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The recording system's own id: posting it twice stores one recording. */
  @Index('UQ_recordings_external_id', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  externalId!: string;

  @Column({ type: 'uuid' })
  agentId!: string;

  @ManyToOne('AgentEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agentId' })
  agent!: Relation<AgentEntity>;

  @Column({ type: 'uuid' })
  teamId!: string;

  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  /** The centre's calendar day of startedAt (TZ), which every "day" filter means. */
  @Column({ type: 'date' })
  localDate!: string;

  @Column({ type: 'enum', enum: CallDirection, enumName: 'call_direction' })
  direction!: CallDirection;

  @Column({ type: 'varchar', length: 32, nullable: true })
  customerNumber!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  businessType!: string | null;

  @Column({ type: 'enum', enum: ChannelLayout, enumName: 'channel_layout', default: ChannelLayout.Mono })
  channels!: ChannelLayout;

  @Column({ type: 'real' })
  durationSeconds!: number;

  @Column({ type: 'varchar', length: 16 })
  audioFormat!: string;

  @Column({ type: 'integer' })
  sampleRate!: number;

  @Column({ type: 'smallint' })
  channelCount!: number;

  @Column({ type: 'varchar', length: 200 })
  audioKey!: string;

  @Column({ type: 'integer' })
  audioBytes!: number;

  @Column({ type: 'char', length: 64 })
  audioSha256!: string;

  @Column({ type: 'boolean', default: false })
  hasTranscript!: boolean;

  /** When the project's retention policy deleted the audio (issue 16); the row, transcript and peaks stay. */
  @Column({ type: 'timestamptz', nullable: true })
  audioRemovedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Waveform peaks, apart from the recording row so that searches over millions of rows stay narrow. */
@Entity('recording_peaks')
export class RecordingPeaksEntity {
  @Column({ type: 'uuid', primary: true })
  recordingId!: string;

  @OneToOne(() => RecordingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @Column({ type: 'jsonb' })
  peaks!: { duration: number; sampleRate: number; channels: number[][] };
}

@Entity('recording_transcripts')
export class RecordingTranscriptEntity {
  @Column({ type: 'uuid', primary: true })
  recordingId!: string;

  @OneToOne(() => RecordingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recordingId' })
  recording!: Relation<RecordingEntity>;

  @Column({ type: 'jsonb' })
  transcript!: { language?: string; segments: { speaker: 'agent' | 'customer'; start: number; end: number; text: string }[] };

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/** Every playback and download: who, which call, when (DOMAIN.md confidentiality). */
@Entity('recording_access_log')
@Index('IDX_recording_access_at', ['at'])
@Index('IDX_recording_access_recording', ['recordingId', 'at'])
export class RecordingAccessEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'uuid' })
  recordingId!: string;

  @Column({ type: 'varchar', length: 16 })
  action!: 'play' | 'download';

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}

/**
 * Every search by customer number (issue 11 finding 4): who searched which number and what came of
 * it. The log a supervisor reads, and what the per-user rate limit counts (in PostgreSQL, so every
 * server process shares it).
 */
@Entity('customer_number_searches')
@Index('IDX_customer_number_searches_user', ['userId', 'at'])
export class NumberSearchEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('IDX_customer_number_searches_at')
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** The number as searched, normalised (spaces and dashes removed). */
  @Column({ type: 'varchar', length: 40 })
  number!: string;

  /** `answered`, or why not: `partial` (not a whole number), `throttled` (over the rate limit). */
  @Column({ type: 'varchar', length: 16 })
  outcome!: 'answered' | 'partial' | 'throttled';

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
