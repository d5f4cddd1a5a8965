import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AgentGrade, AgentStatus } from '#shared/org.js';
import type { TeamEntity } from '../teams/team.entity.js';

/** 座席: the person whose calls are scored. Not a user of the product. */
@Entity('agents')
export class AgentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_agents_employee_no', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  employeeNo!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Index('IDX_agents_team')
  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne('TeamEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamId' })
  team!: Relation<TeamEntity>;

  @Column({ type: 'date' })
  hiredAt!: string;

  @Column({ type: 'enum', enum: AgentGrade, enumName: 'agent_grade' })
  grade!: AgentGrade;

  @Column({ type: 'enum', enum: AgentStatus, enumName: 'agent_status', default: AgentStatus.Active })
  status!: AgentStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
