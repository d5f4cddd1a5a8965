import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ChecklistSection } from '#shared/checklists/types.js';

export enum ChecklistStatus {
  Draft = 'draft',
  Published = 'published',
}

/**
 * One version of the service-standard checklist. A published version never changes: evaluations
 * point at the version they were scored with, and new evaluations use the latest published one.
 */
@Entity('checklist_versions')
export class ChecklistVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_checklist_versions_version', { unique: true })
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'enum', enum: ChecklistStatus, enumName: 'checklist_status', default: ChecklistStatus.Draft })
  status!: ChecklistStatus;

  @Column({ type: 'jsonb' })
  sections!: ChecklistSection[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
