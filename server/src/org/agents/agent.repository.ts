import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AgentStatus } from '../../../../shared/src/org.js';
import { AgentEntity } from './agent.entity.js';

export interface AgentFilter {
  teamIds: string[] | null;
  teamId?: string;
  projectId?: string;
  status?: AgentStatus;
  q?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

const SORT_COLUMNS: Record<string, string> = { employeeNo: 'a.employeeNo', name: 'a.name', hiredAt: 'a.hiredAt', grade: 'a.grade', team: 't.code' };

@Injectable()
export class AgentRepository {
  constructor(@InjectRepository(AgentEntity) readonly orm: Repository<AgentEntity>) {}

  async list(f: AgentFilter): Promise<[AgentEntity[], number]> {
    const qb = this.orm.createQueryBuilder('a').innerJoinAndSelect('a.team', 't').innerJoinAndSelect('t.project', 'p');
    if (f.teamIds) qb.andWhere('a.teamId = ANY(:teamIds)', { teamIds: f.teamIds });
    if (f.teamId) qb.andWhere('a.teamId = :teamId', { teamId: f.teamId });
    if (f.projectId) qb.andWhere('t.projectId = :projectId', { projectId: f.projectId });
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f.q) qb.andWhere('(a.name ILIKE :q OR a.employeeNo ILIKE :q)', { q: `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    qb.orderBy(SORT_COLUMNS[f.sort ?? 'employeeNo'] ?? 'a.employeeNo').addOrderBy('a.id');
    return qb.skip((f.page - 1) * f.pageSize).take(f.pageSize).getManyAndCount();
  }

  byId(id: string) {
    return this.orm.findOne({ where: { id }, relations: { team: { project: true } } });
  }

  byEmployeeNo(employeeNo: string) {
    return this.orm.findOne({ where: { employeeNo }, relations: { team: { project: true } } });
  }
}
