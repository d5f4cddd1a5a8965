import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalibrationModule } from '#server/calibration/calibration.module.js';
import { DisputeFiguresModule } from '#server/disputes/dispute-figures.module.js';
import { ConsistencyRepository } from './consistency.repository.js';
import { ConsistencyService } from './consistency.service.js';
import { ReportsController } from './reports.controller.js';
import {
  InspectorDayEntity,
  ProblemDayEntity,
  ProblemMonthEntity,
  ProblemPlanEntity,
  ProblemSettingsEntity,
  ScoreAgentDayEntity,
  ScoreTeamDayEntity,
  ScoreTeamMonthEntity,
} from './reports.entity.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ProblemSettingsEntity,
      ProblemPlanEntity,
      ProblemDayEntity,
      ProblemMonthEntity,
      ScoreAgentDayEntity,
      ScoreTeamDayEntity,
      ScoreTeamMonthEntity,
      InspectorDayEntity,
    ]),
    DisputeFiguresModule,
    CalibrationModule,
  ],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService, ConsistencyRepository, ConsistencyService],
  exports: [ReportsService],
})
export class ReportsModule {}
