import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ProjectEntity } from '../projects/project.entity.js';

/** 班组: a team of agents under a team lead, inside one project. */
@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_teams_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('IDX_teams_project')
  @Column({ type: 'uuid' })
  projectId!: string;

  @ManyToOne('ProjectEntity', (project: ProjectEntity) => project.teams, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'projectId' })
  project!: Relation<ProjectEntity>;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
