import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { TeamEntity } from '../teams/team.entity.js';

/** 项目组: a client line of business, the widest unit of data scope. */
@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_projects_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Days after submission a team lead may dispute an evaluation (issue 15). */
  @Column({ type: 'smallint', default: 7 })
  disputeWindowDays!: number;

  /** Share of each day's daily sampled calls scored blind, the machine's verdicts hidden until submit (issue 15). */
  @Column({ type: 'real', default: 0.1 })
  blindShare!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany('TeamEntity', (team: TeamEntity) => team.project)
  teams!: Relation<TeamEntity[]>;
}
