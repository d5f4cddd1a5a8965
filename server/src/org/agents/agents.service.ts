import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Agent, AgentImportResult } from '../../../../shared/src/api/org.js';
import type { Page } from '../../../../shared/src/api/page.js';
import { AgentStatus } from '../../../../shared/src/org.js';
import { AuditService } from '../../audit/audit.service.js';
import { canAccess, requireAccess, visibleTeams } from '../../auth/access.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { DomainError, duplicate, invalid, notFound } from '../../common/domain-error.js';
import { ProjectRepository } from '../projects/project.repository.js';
import { TeamEntity } from '../teams/team.entity.js';
import { TeamRepository } from '../teams/team.repository.js';
import type { AgentQueryDto, CreateAgentDto, UpdateAgentDto } from './agent.dto.js';
import { AgentEntity } from './agent.entity.js';
import { AgentRepository } from './agent.repository.js';
import { readAgentSheet } from './agent-sheet.js';

export const toAgentResponse = (a: AgentEntity): Agent => ({
  id: a.id,
  employeeNo: a.employeeNo,
  name: a.name,
  team: a.team.code,
  teamName: a.team.name,
  project: a.team.project.code,
  hiredAt: a.hiredAt,
  grade: a.grade,
  status: a.status,
});

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentRepository,
    private readonly teams: TeamRepository,
    private readonly projects: ProjectRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: AgentQueryDto): Promise<Page<Agent>> {
    let teamId: string | undefined;
    let projectId: string | undefined;
    if (query.team) {
      const team = await this.teams.byCode(query.team);
      if (!team) throw invalid('team', `unknown team ${query.team}`);
      requireAccess(user, { teamId: team.id });
      teamId = team.id;
    }
    if (query.project) {
      const project = await this.projects.byCode(query.project);
      if (!project) throw invalid('project', `unknown project ${query.project}`);
      requireAccess(user, { projectId: project.id });
      projectId = project.id;
    }
    const [rows, total] = await this.agents.list({ teamIds: visibleTeams(user), teamId, projectId, status: query.status, q: query.q, sort: query.sort, page: query.page, pageSize: query.pageSize });
    return { total, items: rows.map(toAgentResponse) };
  }

  async get(user: AuthUser, id: string): Promise<Agent> {
    const agent = await this.agents.byId(id);
    if (!agent) throw notFound('Agent');
    requireAccess(user, { teamId: agent.teamId });
    return toAgentResponse(agent);
  }

  private async teamFor(user: AuthUser, code: string): Promise<TeamEntity> {
    const team = await this.teams.byCode(code);
    if (!team) throw invalid('team', `unknown team ${code}`);
    requireAccess(user, { teamId: team.id });
    return team;
  }

  async create(user: AuthUser, dto: CreateAgentDto): Promise<Agent> {
    const team = await this.teamFor(user, dto.team);
    if (await this.agents.byEmployeeNo(dto.employeeNo)) throw duplicate(`Agent with employee number ${dto.employeeNo}`);
    const id = await this.db.transaction(async (m) => {
      const saved = await m.getRepository(AgentEntity).save({ employeeNo: dto.employeeNo, name: dto.name.trim(), teamId: team.id, hiredAt: dto.hiredAt, grade: dto.grade });
      await this.audit.record({ userId: user.id, username: user.username, action: 'agent.create', detail: { employeeNo: dto.employeeNo, team: team.code } }, m);
      return saved.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateAgentDto): Promise<Agent> {
    const agent = await this.agents.byId(id);
    if (!agent) throw notFound('Agent');
    requireAccess(user, { teamId: agent.teamId });
    const changes: Partial<AgentEntity> = {};
    if (dto.team !== undefined) changes.teamId = (await this.teamFor(user, dto.team)).id;
    if (dto.name !== undefined) changes.name = dto.name.trim();
    if (dto.hiredAt !== undefined) changes.hiredAt = dto.hiredAt;
    if (dto.grade !== undefined) changes.grade = dto.grade;
    if (dto.status !== undefined) changes.status = dto.status;
    await this.db.transaction(async (m) => {
      if (Object.keys(changes).length) await m.getRepository(AgentEntity).update(agent.id, changes);
      await this.audit.record({ userId: user.id, username: user.username, action: 'agent.update', detail: { employeeNo: agent.employeeNo, ...dto } }, m);
    });
    return this.get(user, id);
  }

  /** Imports an HR sheet all or nothing: new employee numbers are created, known ones updated. */
  async importSheet(user: AuthUser, bytes: Uint8Array | undefined): Promise<AgentImportResult> {
    if (!bytes?.length) throw invalid('file', 'attach the CSV file as the multipart field "file"', 'required');
    const { rows, errors } = readAgentSheet(bytes);
    const teamCodes = [...new Set(rows.map((r) => r.team))];
    const teams = new Map((await this.teams.byCodes(teamCodes)).map((t) => [t.code, t]));
    const existing = new Map(
      (rows.length ? await this.agents.orm.find({ where: { employeeNo: In(rows.map((r) => r.employeeNo)) } }) : []).map((a) => [a.employeeNo, a]),
    );
    for (const row of rows) {
      const team = teams.get(row.team);
      const known = existing.get(row.employeeNo);
      const line = row.line;
      if (!team) errors.push({ line, field: 'team', code: 'unknown', params: { value: row.team }, message: `班组 (team) ${row.team} does not exist` });
      else if (!canAccess(user, { teamId: team.id })) errors.push({ line, field: 'team', code: 'outOfScope', params: { value: row.team }, message: `班组 (team) ${row.team} is outside your projects and teams` });
      else if (known && !canAccess(user, { teamId: known.teamId })) errors.push({ line, field: 'employeeNo', code: 'outOfScope', params: { value: row.employeeNo }, message: `工号 (employeeNo) ${row.employeeNo} belongs to a team outside your scope` });
    }
    if (errors.length) {
      errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const first = errors[0];
      const rowsRefused = new Set(errors.map((e) => e.line)).size;
      throw new DomainError('IMPORT_ROWS_INVALID', `${rowsRefused} row(s) refused, nothing imported; line ${first.line}: ${first.message}`, errors.slice(0, 200), { params: { rows: rowsRefused } });
    }
    let created = 0;
    await this.db.transaction(async (m) => {
      const repo = m.getRepository(AgentEntity);
      for (const row of rows) {
        const values = { name: row.name, teamId: teams.get(row.team)!.id, hiredAt: row.hiredAt, grade: row.grade, status: row.status ?? AgentStatus.Active };
        const known = existing.get(row.employeeNo);
        if (known) await repo.update(known.id, values);
        else {
          await repo.insert({ employeeNo: row.employeeNo, ...values });
          created++;
        }
      }
      await this.audit.record({ userId: user.id, username: user.username, action: 'agent.import', detail: { rows: rows.length, created } }, m);
    });
    return { created, updated: rows.length - created };
  }
}
