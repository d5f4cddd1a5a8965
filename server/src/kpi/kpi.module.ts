import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KpiController } from './kpi.controller.js';
import { GradeTableEntity, GradingRequestEntity, OperationalDayEntity } from './kpi.entity.js';
import { KpiRepository } from './kpi.repository.js';
import { KpiService } from './kpi.service.js';

/** Quarterly KPI grading: operational figures, the review, the grade table; exports the service the daily sampling asks whose calls grading needs. */
@Module({
  imports: [TypeOrmModule.forFeature([OperationalDayEntity, GradeTableEntity, GradingRequestEntity])],
  controllers: [KpiController],
  providers: [KpiRepository, KpiService],
  exports: [KpiService],
})
export class KpiModule {}
