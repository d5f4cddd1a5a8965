import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';

/**
 * How long a project keeps its calls' audio (issue 16). No row, or null days, keep it for ever: a
 * project deletes nothing until someone sets its policy. Transcripts, peaks and scores are kept for good.
 */
@Entity('retention_policies')
export class RetentionPolicyEntity {
  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @OneToOne('ProjectEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  /** Days a call's audio is kept after its local call day; null: for ever. */
  @Column({ type: 'integer', nullable: true })
  audioDays!: number | null;

  /** Days an evaluated call's audio is kept (at least audioDays); null: for ever. */
  @Column({ type: 'integer', nullable: true })
  evaluatedAudioDays!: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedById!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;
}
