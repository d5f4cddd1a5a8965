import { Module } from '@nestjs/common';
import { AutocheckModule } from '#server/autocheck/autocheck.module.js';
import { CalibrationModule } from '#server/calibration/calibration.module.js';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { CoachingModule } from '#server/coaching/coaching.module.js';
import { EvaluationsModule } from '#server/evaluations/evaluations.module.js';
import { ExamplesModule } from '#server/examples/examples.module.js';
import { KpiModule } from '#server/kpi/kpi.module.js';
import { FaqModule } from '#server/faq/faq.module.js';
import { OrgModule } from '#server/org/org.module.js';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { RectificationModule } from '#server/rectification/rectification.module.js';
import { SamplingModule } from '#server/sampling/sampling.module.js';
import { DemoCalibrationService } from './demo-calibration.service.js';
import { DemoCallsService } from './demo-calls.service.js';
import { DemoExamplesService } from './demo-examples.service.js';
import { DemoFaqService } from './demo-faq.service.js';
import { DemoFollowUpService } from './demo-follow-up.service.js';
import { DemoHistoryService } from './demo-history.service.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [
    OrgModule,
    RecordingsModule,
    SamplingModule,
    ChecklistsModule,
    EvaluationsModule,
    RectificationModule,
    AutocheckModule,
    CoachingModule,
    KpiModule,
    FaqModule,
    ExamplesModule,
    CalibrationModule,
  ],
  providers: [DemoService, DemoCallsService, DemoHistoryService, DemoFollowUpService, DemoFaqService, DemoExamplesService, DemoCalibrationService],
})
export class DemoModule {}
