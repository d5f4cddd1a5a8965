import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { TeamLead } from '../../../../shared/src/api/org.js';
import { TeamEntity } from './team.entity.js';

@Injectable()
export class TeamRepository {
  constructor(@InjectRepository(TeamEntity) readonly orm: Repository<TeamEntity>) {}

  list(filter: { ids: string[] | null; projectId?: string }): Promise<TeamEntity[]> {
    const qb = this.orm.createQueryBuilder('t').innerJoinAndSelect('t.project', 'p').orderBy('p.code').addOrderBy('t.code');
    if (filter.ids) qb.andWhere('t.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000'] });
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
}
