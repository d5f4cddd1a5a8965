import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error.js';

/**
 * A path id, which must be a UUID: otherwise 400 VALIDATION_FAILED naming the parameter, with the
 * code class-validator gives the same check (`isUuid`), so the web says which value is wrong.
 */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('VALIDATION_FAILED', `${name}: must be a UUID`, [{ field: name, code: 'isUuid', message: 'must be a UUID' }]),
    }),
  );
