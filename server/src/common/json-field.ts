import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, invalid } from './domain-error.js';
import { refuseBadInput } from './input-guard.js';
import { flattenValidationErrors } from './validation.js';

/**
 * Parses and validates a JSON string sent as a multipart field (or any untyped object), naming the
 * offending path as `field.sub.path` in the 400 it raises.
 */
export async function validateJsonField<T extends object>(field: string, raw: unknown, cls: new () => T): Promise<T> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new DomainError('MALFORMED_JSON', `${field}: is not valid JSON`, [{ field, message: 'is not valid JSON' }]);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(field, 'must be a JSON object', 'notObject');
  refuseBadInput(value, field);
  const instance = plainToInstance(cls, value);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const details = flattenValidationErrors(errors, field);
    throw new DomainError('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
  }
  return instance;
}
