import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReportsModule } from '#server/reports/reports.module.js';
import { AnalysisReportEntity, AnalysisReportReadEntity } from './analysis-report.entity.js';
import { AnalysisReportRepository } from './analysis-report.repository.js';
import { AnalysisReportSchedule } from './analysis-report-schedule.js';
import { AnalysisReportsController } from './analysis-reports.controller.js';
import { AnalysisReportsService } from './analysis-reports.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AnalysisReportEntity, AnalysisReportReadEntity]), ReportsModule],
  controllers: [AnalysisReportsController],
  providers: [AnalysisReportRepository, AnalysisReportsService, AnalysisReportSchedule],
  exports: [AnalysisReportsService],
})
export class AnalysisReportsModule {}
