import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ErrorParams } from '#shared/api/errors.js';
import { DomainError, type ErrorDetail } from './domain-error.js';

/** Constraints whose first argument is a limit the client shows (至多 64 个字符, 不小于 0…). */
const LIMITED = new Set(['maxLength', 'minLength', 'min', 'max', 'arrayMaxSize', 'arrayMinSize']);

/** The arguments of the decorator behind a failed constraint, as params for the client's sentence. */
function constraintParams(error: ValidationError, constraint: string): ErrorParams | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const args = meta?.constraints;
  if (!args?.length) return undefined;
  if (LIMITED.has(constraint) && typeof args[0] === 'number') return { limit: args[0] };
  if (constraint === 'isIn' && Array.isArray(args[0])) return { values: args[0].map(String) };
  if (constraint === 'isEnum' && Array.isArray(args[1])) return { values: args[1].map(String) };
  return undefined;
}

/**
 * Flattens nested class-validator errors into `field.path: reason` entries, each with the
 * constraint's name as its code (`isNotEmpty`, `maxLength`, `whitelistValidation`…) and its limits.
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [code, message] of Object.entries(e.constraints ?? {})) {
      const params = constraintParams(e, code);
      out.push({ field, code, ...(params ? { params } : {}), message });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function validationException(errors: ValidationError[], prefix = ''): DomainError {
  const details = flattenValidationErrors(errors, prefix);
  const message = details.map((d) => (d.message.startsWith(d.field ?? '') ? d.message : `${d.field}: ${d.message}`)).join('; ');
  return new DomainError('VALIDATION_FAILED', message, details);
}

/** Unknown fields are refused rather than silently dropped, so a typo in a field name is visible. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target (never sent) lets flattenValidationErrors read each constraint's limits.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => validationException(errors),
  });
}
