import { Global, Module } from '@nestjs/common';
import { EvaluationsModule } from '#server/evaluations/evaluations.module.js';
import { OrgModule } from '#server/org/org.module.js';
import { RecordingsModule } from '#server/recordings/recordings.module.js';
import { SamplingModule } from '#server/sampling/sampling.module.js';
import { ScopeService } from './scope.service.js';

/** Gives every domain the one scope service; it reads the repositories of the things it looks up. */
@Global()
@Module({
  imports: [OrgModule, RecordingsModule, EvaluationsModule, SamplingModule],
  providers: [ScopeService],
  exports: [ScopeService],
})
export class ScopeModule {}
