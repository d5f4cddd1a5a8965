import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module.js';
import { RecordingsModule } from '../recordings/recordings.module.js';
import { SamplingModule } from '../sampling/sampling.module.js';
import { DemoCallsService } from './demo-calls.service.js';
import { DemoService } from './demo.service.js';

@Module({ imports: [OrgModule, RecordingsModule, SamplingModule], providers: [DemoService, DemoCallsService] })
export class DemoModule {}
