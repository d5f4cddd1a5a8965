import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { TeamLead } from '#shared/api/org.js';
import type { Transaction } from '#server/database/transaction.js';
import { TeamEntity } from './team.entity.js';

@Injectable()
export class TeamRepository {
  constructor(@InjectRepository(TeamEntity) private readonly orm: Repository<TeamEntity>) {}

  private repo(tx?: Transaction): Repository<TeamEntity> {
    return tx ? tx.getRepository(TeamEntity) : this.orm;
  }

  /** `teamIds`: the teams the caller may see (`ScopeService.visibleTeamIds`), null for all. */
  list(filter: { teamIds: string[] | null; projectId?: string }): Promise<TeamEntity[]> {
    const qb = this.orm.createQueryBuilder('t').innerJoinAndSelect('t.project', 'p').orderBy('p.code').addOrderBy('t.code');
    if (filter.teamIds) qb.andWhere('t.id = ANY(:teamIds)', { teamIds: filter.teamIds });
    if (filter.projectId) qb.andWhere('t.projectId = :pid', { pid: filter.projectId });
    return qb.getMany();
  }

  byId(id: string) {
    return this.orm.findOne({ where: { id }, relations: { project: true } });
  }

  byCode(code: string) {
    return this.orm.findOne({ where: { code }, relations: { project: true } });
  }

  byCodes(codes: string[]) {
    return this.orm.find({ where: { code: In(codes) }, relations: { project: true } });
  }

  /** Team leads are users with the team_lead role bound to the team. */
  async leadsOf(teamIds: string[]): Promise<Map<string, TeamLead[]>> {
    const rows: (TeamLead & { teamId: string })[] = teamIds.length
      ? await this.orm.query(
          `SELECT ut."teamId", u.id, u.username, u."displayName"
             FROM user_teams ut JOIN users u ON u.id = ut."userId"
            WHERE ut."teamId" = ANY($1) AND u.active AND 'team_lead' = ANY(u.roles)
            ORDER BY u.username`,
          [teamIds],
        )
      : [];
    const byTeam = new Map<string, TeamLead[]>();
    for (const { teamId, ...lead } of rows) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), lead]);
    return byTeam;
  }

  create(values: { code: string; name: string; projectId: string }, tx?: Transaction): Promise<TeamEntity> {
    return this.repo(tx).save(values);
  }

  async update(id: string, changes: { name: string; active: boolean }, tx?: Transaction): Promise<void> {
    await this.repo(tx).update(id, changes);
  }
}
