import { Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Role } from '#shared/org.js';
import type { ProjectEntity } from '../projects/project.entity.js';
import type { TeamEntity } from '../teams/team.entity.js';

/**
 * A person who signs in: admin, supervisor, inspector, team lead or FAQ maintainer (several roles allowed).
 * Usernames are case-insensitive: the migration UsernameCaseInsensitive adds a unique index on lower(username).
 */
@Entity('users')
@Index('UQ_users_username_lower', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role', array: true })
  roles!: Role[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * Sees every project, whatever the bindings: explicit, for roles holding `scope.allProjects`
   * (a supervisor of the whole centre). Without it a user bound to nothing sees nothing.
   */
  @Column({ type: 'boolean', default: false })
  allProjects!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** Projects this user is bound to: they see every team of these projects. */
  @ManyToMany('ProjectEntity')
  @JoinTable({ name: 'user_projects', joinColumn: { name: 'userId' }, inverseJoinColumn: { name: 'projectId' } })
  projects!: Relation<ProjectEntity[]>;

  /** Teams this user is bound to (a team lead's own teams). */
  @ManyToMany('TeamEntity')
  @JoinTable({ name: 'user_teams', joinColumn: { name: 'userId' }, inverseJoinColumn: { name: 'teamId' } })
  teams!: Relation<TeamEntity[]>;
}
