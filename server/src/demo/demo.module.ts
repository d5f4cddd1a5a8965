import { Module } from '@nestjs/common';
import { RecordingsModule } from '../recordings/recordings.module.js';
import { DemoCallsService } from './demo-calls.service.js';
import { DemoService } from './demo.service.js';

@Module({ imports: [RecordingsModule], providers: [DemoService, DemoCallsService] })
export class DemoModule {}
