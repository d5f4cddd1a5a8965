import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KpiController } from './kpi.controller.js';
import { GradeTableEntity, OperationalDayEntity } from './kpi.entity.js';
import { KpiRepository } from './kpi.repository.js';
import { KpiService } from './kpi.service.js';

/** Quarterly KPI grading: operational figures, the review, the grade table. */
@Module({
  imports: [TypeOrmModule.forFeature([OperationalDayEntity, GradeTableEntity])],
  controllers: [KpiController],
  providers: [KpiRepository, KpiService],
  exports: [KpiService],
})
export class KpiModule {}
