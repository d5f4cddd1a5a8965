import { Global, Module } from '@nestjs/common';
import { EvaluationsModule } from '../evaluations/evaluations.module.js';
import { OrgModule } from '../org/org.module.js';
import { RecordingsModule } from '../recordings/recordings.module.js';
import { SamplingModule } from '../sampling/sampling.module.js';
import { ScopeService } from './scope.service.js';

/** Gives every domain the one scope service; it reads the repositories of the things it looks up. */
@Global()
@Module({
  imports: [OrgModule, RecordingsModule, EvaluationsModule, SamplingModule],
  providers: [ScopeService],
  exports: [ScopeService],
})
export class ScopeModule {}
