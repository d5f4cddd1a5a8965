import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutocheckModule } from '#server/autocheck/autocheck.module.js';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { CoachingModule } from '#server/coaching/coaching.module.js';
import { KpiModule } from '#server/kpi/kpi.module.js';
import { RectificationModule } from '#server/rectification/rectification.module.js';
import { ConfidenceService } from './confidence.service.js';
import { SamplingAssignmentEntity, SamplingPlanEntity, SamplingRunEntity } from './sampling.entity.js';
import { SamplingController } from './sampling.controller.js';
import { SamplingRepository } from './sampling.repository.js';
import { SamplingSchedule } from './sampling-schedule.js';
import { SamplingService } from './sampling.service.js';
import { SamplingPlanRepository } from './sampling-plan.repository.js';
import { SamplingPlanService } from './sampling-plan.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SamplingPlanEntity, SamplingRunEntity, SamplingAssignmentEntity]),
    AutocheckModule,
    ChecklistsModule,
    RectificationModule,
    CoachingModule,
    KpiModule,
  ],
  controllers: [SamplingController],
  providers: [SamplingRepository, SamplingPlanRepository, SamplingPlanService, SamplingService, ConfidenceService, SamplingSchedule],
  exports: [SamplingService, SamplingPlanService, SamplingSchedule, SamplingRepository],
})
export class SamplingModule {}
