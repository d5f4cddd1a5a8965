import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutocheckModule } from '#server/autocheck/autocheck.module.js';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { CoachingModule } from '#server/coaching/coaching.module.js';
import { EvaluationEntity, EvaluationHistoryEntity, EvaluationItemEntity } from './evaluation.entity.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { EvaluationQueryService } from './evaluation-query.service.js';
import { EvaluationsController } from './evaluations.controller.js';
import { EvaluationsService } from './evaluations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([EvaluationEntity, EvaluationItemEntity, EvaluationHistoryEntity]), ChecklistsModule, AutocheckModule, CoachingModule],
  controllers: [EvaluationsController],
  providers: [EvaluationRepository, EvaluationsService, EvaluationQueryService],
  exports: [EvaluationRepository, EvaluationsService, EvaluationQueryService],
})
export class EvaluationsModule {}
