import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
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
  ],
  controllers: [ReportsController],
  providers: [ReportsRepository, ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
