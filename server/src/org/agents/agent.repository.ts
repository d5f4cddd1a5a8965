import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { AgentGrade, AgentStatus } from '#shared/org.js';
import type { Transaction } from '#server/database/transaction.js';
import { AgentEntity } from './agent.entity.js';

export interface AgentFilter {
  /** The teams the caller may see (`ScopeService.visibleTeamIds`), null for all. */
  teamIds: string[] | null;
  teamId?: string;
  projectId?: string;
  status?: AgentStatus;
  q?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export interface AgentValues {
  name: string;
  teamId: string;
  hiredAt: string;
  grade: AgentGrade;
  status?: AgentStatus;
}

const SORT_COLUMNS: Record<string, string> = { employeeNo: 'a.employeeNo', name: 'a.name', hiredAt: 'a.hiredAt', grade: 'a.grade', team: 't.code' };

@Injectable()
export class AgentRepository {
  constructor(@InjectRepository(AgentEntity) private readonly orm: Repository<AgentEntity>) {}

  private repo(tx?: Transaction): Repository<AgentEntity> {
    return tx ? tx.getRepository(AgentEntity) : this.orm;
  }

  async list(f: AgentFilter): Promise<[AgentEntity[], number]> {
    const qb = this.orm.createQueryBuilder('a').innerJoinAndSelect('a.team', 't').innerJoinAndSelect('t.project', 'p');
    if (f.teamIds) qb.andWhere('a.teamId = ANY(:teamIds)', { teamIds: f.teamIds });
    if (f.teamId) qb.andWhere('a.teamId = :teamId', { teamId: f.teamId });
    if (f.projectId) qb.andWhere('t.projectId = :projectId', { projectId: f.projectId });
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f.q) qb.andWhere('(a.name ILIKE :q OR a.employeeNo ILIKE :q)', { q: `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    qb.orderBy(SORT_COLUMNS[f.sort ?? 'employeeNo'] ?? 'a.employeeNo').addOrderBy('a.id');
    return qb
      .skip((f.page - 1) * f.pageSize)
      .take(f.pageSize)
      .getManyAndCount();
  }

  byId(id: string): Promise<AgentEntity | null> {
    return this.withTeamAndProject().where('a.id = :id', { id }).getOne();
  }

  byEmployeeNo(employeeNo: string): Promise<AgentEntity | null> {
    return this.withTeamAndProject().where('a.employeeNo = :employeeNo', { employeeNo }).getOne();
  }

  /** One statement (`findOne` with relations adds a DISTINCT sub-select first: two, on every search by agent). */
  private withTeamAndProject() {
    return this.orm.createQueryBuilder('a').innerJoinAndSelect('a.team', 't').innerJoinAndSelect('t.project', 'p');
  }

  byEmployeeNos(employeeNos: string[]): Promise<AgentEntity[]> {
    return employeeNos.length ? this.orm.find({ where: { employeeNo: In(employeeNos) } }) : Promise.resolve([]);
  }

  /** Active agents with their project's code, by employee number. */
  activeWithProject(): Promise<{ employeeNo: string; project: string }[]> {
    return this.orm.query(
      `SELECT a."employeeNo", p.code AS project FROM agents a JOIN teams t ON t.id = a."teamId" JOIN projects p ON p.id = t."projectId" WHERE a.status = 'active' ORDER BY a."employeeNo"`,
    );
  }

  async create(values: AgentValues & { employeeNo: string }, tx?: Transaction): Promise<string> {
    return (await this.repo(tx).save(values)).id;
  }

  async insert(rows: (AgentValues & { employeeNo: string })[], tx?: Transaction): Promise<void> {
    await this.repo(tx).insert(rows);
  }

  async update(id: string, changes: Partial<AgentValues>, tx?: Transaction): Promise<void> {
    await this.repo(tx).update(id, changes);
  }
}
