import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ErrorDetail } from './domain-error.js';

/** Flattens nested class-validator errors into `field.path: reason` entries. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

export function validationException(errors: ValidationError[], prefix = ''): BadRequestException {
  const details = flattenValidationErrors(errors, prefix);
  const message = details.map((d) => (d.message.startsWith(d.field ?? '') ? d.message : `${d.field}: ${d.message}`)).join('; ');
  return new BadRequestException({ message, errors: details });
}

/** Unknown fields are refused rather than silently dropped, so a typo in a field name is visible. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationException(errors),
  });
}
