import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentEntity } from './agents/agent.entity.js';
import { AgentRepository } from './agents/agent.repository.js';
import { AgentsController } from './agents/agents.controller.js';
import { AgentsService } from './agents/agents.service.js';
import { ProjectEntity } from './projects/project.entity.js';
import { ProjectRepository } from './projects/project.repository.js';
import { ProjectsController } from './projects/projects.controller.js';
import { ProjectsService } from './projects/projects.service.js';
import { TeamEntity } from './teams/team.entity.js';
import { TeamRepository } from './teams/team.repository.js';
import { TeamsController } from './teams/teams.controller.js';
import { TeamsService } from './teams/teams.service.js';
import { UserEntity } from './users/user.entity.js';
import { UserRepository } from './users/user.repository.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';

/** 项目组, 班组, 座席 and the users who sign in. */
@Module({
  imports: [TypeOrmModule.forFeature([ProjectEntity, TeamEntity, AgentEntity, UserEntity])],
  controllers: [ProjectsController, TeamsController, AgentsController, UsersController],
  providers: [ProjectRepository, TeamRepository, AgentRepository, UserRepository, ProjectsService, TeamsService, AgentsService, UsersService],
  exports: [ProjectRepository, TeamRepository, AgentRepository, UserRepository],
})
export class OrgModule {}
