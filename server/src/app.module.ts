import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { AutocheckModule } from './autocheck/autocheck.module.js';
import { DomainEventsModule } from './common/domain-events.js';
import { JobsModule } from './jobs/jobs.module.js';
import { SamplingModule } from './sampling/sampling.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RectificationModule } from './rectification/rectification.module.js';
import { AnalysisReportsModule } from './analysis-reports/analysis-reports.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ScopeModule } from './auth/scope.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { OrgModule } from './org/org.module.js';
import { RecordingsModule } from './recordings/recordings.module.js';
import { ChecklistsModule } from './checklists/checklists.module.js';
import { EvaluationsModule } from './evaluations/evaluations.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { KpiModule } from './kpi/kpi.module.js';
import { FaqModule } from './faq/faq.module.js';
import { DisputesModule } from './disputes/disputes.module.js';
import { ExamplesModule } from './examples/examples.module.js';
import { CalibrationModule } from './calibration/calibration.module.js';
import { RetentionModule } from './retention/retention.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, { migrationsRun: true })),
        DatabaseModule,
        DomainEventsModule,
        JobsModule,
        AuditModule,
        AuthModule,
        ScopeModule,
        HealthModule,
        OrgModule,
        RecordingsModule,
        ChecklistsModule,
        EvaluationsModule,
        ExportsModule,
        AutocheckModule,
        SamplingModule,
        ReportsModule,
        RectificationModule,
        AnalysisReportsModule,
        KpiModule,
        FaqModule,
        DisputesModule,
        ExamplesModule,
        CalibrationModule,
        RetentionModule,
        DemoModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
