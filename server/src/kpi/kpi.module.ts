import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KpiController } from './kpi.controller.js';
import {
  ExamEntity,
  GradeChangeEntity,
  GradeTableEntity,
  GradingRequestEntity,
  KpiPartValueEntity,
  KpiSchemeEntity,
  OperationalDayEntity,
  PromotionDecisionEntity,
  PromotionEntity,
} from './kpi.entity.js';
import { KpiSchemeController } from './kpi-scheme.controller.js';
import { KpiSchemeRepository } from './kpi-scheme.repository.js';
import { KpiSchemeService } from './kpi-scheme.service.js';
import { KpiRepository } from './kpi.repository.js';
import { KpiService } from './kpi.service.js';
import { PromotionsController } from './promotions.controller.js';
import { PromotionsRepository } from './promotions.repository.js';
import { PromotionsService } from './promotions.service.js';

/** Quarterly KPI grading: operational figures, the review, the grade table; exports the service the daily sampling asks whose calls grading needs. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      OperationalDayEntity,
      GradeTableEntity,
      GradingRequestEntity,
      ExamEntity,
      PromotionEntity,
      PromotionDecisionEntity,
      GradeChangeEntity,
      KpiSchemeEntity,
      KpiPartValueEntity,
    ]),
  ],
  controllers: [KpiController, KpiSchemeController, PromotionsController],
  providers: [KpiRepository, KpiService, KpiSchemeRepository, KpiSchemeService, PromotionsRepository, PromotionsService],
  exports: [KpiService, KpiSchemeService],
})
export class KpiModule {}
