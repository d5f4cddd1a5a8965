import { Module } from '@nestjs/common';
import { ChecklistsModule } from '#server/checklists/checklists.module.js';
import { EvaluationsModule } from '#server/evaluations/evaluations.module.js';
import { FaqModule } from '#server/faq/faq.module.js';
import { OrgModule } from '#server/org/org.module.js';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { RectificationModule } from '#server/rectification/rectification.module.js';
import { SamplingModule } from '#server/sampling/sampling.module.js';
import { DemoCallsService } from './demo-calls.service.js';
import { DemoFaqService } from './demo-faq.service.js';
import { DemoFollowUpService } from './demo-follow-up.service.js';
import { DemoService } from './demo.service.js';

@Module({
  imports: [OrgModule, RecordingsModule, SamplingModule, ChecklistsModule, EvaluationsModule, RectificationModule, FaqModule],
  providers: [DemoService, DemoCallsService, DemoFollowUpService, DemoFaqService],
})
export class DemoModule {}
