import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Transaction } from '#server/database/transaction.js';
import { ProjectEntity } from './project.entity.js';

@Injectable()
export class ProjectRepository {
  constructor(@InjectRepository(ProjectEntity) private readonly orm: Repository<ProjectEntity>) {}

  private repo(tx?: Transaction): Repository<ProjectEntity> {
    return tx ? tx.getRepository(ProjectEntity) : this.orm;
  }

  /** `projectIds`: the projects the caller may see (`ScopeService.visibleProjectIds`), null for all. */
  list(projectIds: string[] | null): Promise<ProjectEntity[]> {
    return this.orm.find({ where: projectIds ? { id: In(projectIds) } : {}, order: { code: 'ASC' } });
  }

  listActive(): Promise<ProjectEntity[]> {
    return this.orm.find({ where: { active: true }, order: { code: 'ASC' } });
  }

  byId(id: string) {
    return this.orm.findOne({ where: { id } });
  }

  byCode(code: string) {
    return this.orm.findOne({ where: { code } });
  }

  byCodes(codes: string[]) {
    return this.orm.find({ where: { code: In(codes) } });
  }

  any(tx?: Transaction): Promise<boolean> {
    return this.repo(tx).exists();
  }

  create(values: { code: string; name: string }, tx?: Transaction): Promise<ProjectEntity> {
    return this.repo(tx).save(values);
  }

  save(project: ProjectEntity, tx?: Transaction): Promise<ProjectEntity> {
    return this.repo(tx).save(project);
  }
}
