import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { ProjectEntity } from './project.entity.js';

@Injectable()
export class ProjectRepository {
  constructor(@InjectRepository(ProjectEntity) readonly orm: Repository<ProjectEntity>) {}

  list(ids: string[] | null): Promise<ProjectEntity[]> {
    return this.orm.find({ where: ids ? { id: In(ids) } : {}, order: { code: 'ASC' } });
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
}
