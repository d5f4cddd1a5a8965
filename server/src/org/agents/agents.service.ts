import { Injectable } from '@nestjs/common';
import type { Agent, AgentImportResult } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import { AgentStatus } from '#shared/org.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, duplicate, invalid } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { TeamRepository } from '../teams/team.repository.js';
import type { AgentQueryDto, CreateAgentDto, UpdateAgentDto } from './agent.dto.js';
import { toAgentResponse } from './agent.mapper.js';
import { AgentRepository, type AgentValues } from './agent.repository.js';
import { readAgentSheet } from './agent-sheet.js';

@Injectable()
export class AgentsService {
  constructor(
    private readonly agents: AgentRepository,
    private readonly teams: TeamRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: AgentQueryDto): Promise<Page<Agent>> {
    const team = query.team ? await this.scope.team(user, query.team, { filter: true }) : undefined;
    const project = query.project ? await this.scope.project(user, query.project, { filter: true }) : undefined;
    const [rows, total] = await this.agents.list({
      teamIds: this.scope.visibleTeamIds(user),
      teamId: team?.id,
      projectId: project?.id,
      status: query.status,
      q: query.q,
      sort: query.sort,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { total, items: rows.map(toAgentResponse) };
  }

  async get(user: AuthUser, id: string): Promise<Agent> {
    return toAgentResponse(await this.scope.agentById(user, id));
  }

  async create(user: AuthUser, dto: CreateAgentDto): Promise<Agent> {
    const team = await this.scope.team(user, dto.team);
    if (await this.agents.byEmployeeNo(dto.employeeNo)) throw duplicate(`Agent with employee number ${dto.employeeNo}`);
    const id = await this.transaction.run(async (tx) => {
      const created = await this.agents.create({ employeeNo: dto.employeeNo, name: dto.name.trim(), teamId: team.id, hiredAt: dto.hiredAt, grade: dto.grade }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'agent.create', detail: { employeeNo: dto.employeeNo, team: team.code } }, tx);
      return created;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: string, dto: UpdateAgentDto): Promise<Agent> {
    const agent = await this.scope.agentById(user, id);
    const changes: Partial<AgentValues> = {};
    if (dto.team !== undefined) changes.teamId = (await this.scope.team(user, dto.team)).id;
    if (dto.name !== undefined) changes.name = dto.name.trim();
    if (dto.hiredAt !== undefined) changes.hiredAt = dto.hiredAt;
    if (dto.grade !== undefined) changes.grade = dto.grade;
    if (dto.status !== undefined) changes.status = dto.status;
    await this.transaction.run(async (tx) => {
      if (Object.keys(changes).length) await this.agents.update(agent.id, changes, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'agent.update', detail: { employeeNo: agent.employeeNo, ...dto } }, tx);
    });
    return this.get(user, id);
  }

  /** Imports an HR sheet all or nothing: new employee numbers are created, known ones updated. */
  async importSheet(user: AuthUser, bytes: Uint8Array | undefined): Promise<AgentImportResult> {
    if (!bytes?.length) throw invalid('file', 'attach the CSV file as the multipart field "file"', 'required');
    const { rows, errors } = readAgentSheet(bytes);
    const teamCodes = [...new Set(rows.map((r) => r.team))];
    const teams = new Map((await this.teams.byCodes(teamCodes)).map((t) => [t.code, t]));
    const existing = new Map((await this.agents.byEmployeeNos(rows.map((r) => r.employeeNo))).map((a) => [a.employeeNo, a]));
    for (const row of rows) {
      const team = teams.get(row.team);
      const known = existing.get(row.employeeNo);
      const line = row.line;
      if (!team) errors.push({ line, field: 'team', code: 'unknown', params: { value: row.team }, message: `班组 (team) ${row.team} does not exist` });
      else if (!this.scope.sees(user, { teamId: team.id }))
        errors.push({ line, field: 'team', code: 'outOfScope', params: { value: row.team }, message: `班组 (team) ${row.team} is outside your projects and teams` });
      else if (known && !this.scope.sees(user, { teamId: known.teamId }))
        errors.push({
          line,
          field: 'employeeNo',
          code: 'outOfScope',
          params: { value: row.employeeNo },
          message: `工号 (employeeNo) ${row.employeeNo} belongs to a team outside your scope`,
        });
    }
    if (errors.length) {
      errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      const first = errors[0];
      const rowsRefused = new Set(errors.map((e) => e.line)).size;
      throw new DomainError('IMPORT_ROWS_INVALID', `${rowsRefused} row(s) refused, nothing imported; line ${first.line}: ${first.message}`, errors.slice(0, 200), {
        params: { rows: rowsRefused },
      });
    }
    let created = 0;
    await this.transaction.run(async (tx) => {
      for (const row of rows) {
        const values = { name: row.name, teamId: teams.get(row.team)!.id, hiredAt: row.hiredAt, grade: row.grade, status: row.status ?? AgentStatus.Active };
        const known = existing.get(row.employeeNo);
        if (known) await this.agents.update(known.id, values, tx);
        else {
          await this.agents.insert([{ employeeNo: row.employeeNo, ...values }], tx);
          created++;
        }
      }
      await this.audit.record({ userId: user.id, username: user.username, action: 'agent.import', detail: { rows: rows.length, created } }, tx);
    });
    return { created, updated: rows.length - created };
  }
}
