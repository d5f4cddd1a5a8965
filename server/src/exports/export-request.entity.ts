import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ExportStatusValue = 'pending' | 'approved' | 'refused' | 'downloaded';

/** An export waiting for, or given, a supervisor's approval; downloadable once by its requester. */
@Entity('export_requests')
@Index('IDX_export_requests_requester', ['requesterId', 'createdAt'])
@Index('IDX_export_requests_status', ['status', 'createdAt'])
export class ExportRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid' })
  requesterId!: string;

  @Column({ type: 'varchar', length: 64 })
  requester!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'evaluations';

  @Column({ type: 'varchar', length: 8 })
  format!: 'csv' | 'xlsx';

  /** The filters as given: `from`, `to`, `team`, `agent`. */
  @Column({ type: 'jsonb' })
  query!: { from?: string; to?: string; team?: string; agent?: string };

  /** The teams the requester could see when asking: who may approve it (a supervisor whose scope overlaps). */
  @Column({ type: 'uuid', array: true })
  teamIds!: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  purpose!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ExportStatusValue;

  @Column({ type: 'varchar', length: 64, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  downloadedAt!: Date | null;
}
