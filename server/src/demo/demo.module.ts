import { Module } from '@nestjs/common';
import { OrgModule } from '#server/org/org.module.js';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { SamplingModule } from '#server/sampling/sampling.module.js';
import { DemoCallsService } from './demo-calls.service.js';
import { DemoService } from './demo.service.js';

@Module({ imports: [OrgModule, RecordingsModule, SamplingModule], providers: [DemoService, DemoCallsService] })
export class DemoModule {}
