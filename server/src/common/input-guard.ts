import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { FieldProblem } from '#shared/api/errors.js';
import { invalid } from './domain-error.js';

/** Deeper JSON than any request of ours needs; a body of nested brackets stops here, not in a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** A NUL (PostgreSQL's text cannot hold it) or a UTF-16 surrogate without its other half (not a character). */
// eslint-disable-next-line no-control-regex
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isBadText = (text: string) => BAD_TEXT.test(text);

/**
 * The first thing in `value` no request may carry: text that is not text, or nesting deeper than
 * MAX_JSON_DEPTH. Walks without recursion, so the walk itself cannot overflow the stack.
 */
export function findBadInput(value: unknown, field = ''): { field: string; problem: FieldProblem } | null {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value, field, depth: 0 }];
  while (stack.length) {
    const { value: v, field: f, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (isBadText(v)) return { field: f, problem: 'badCharacters' };
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_JSON_DEPTH) return { field: f, problem: 'tooDeep' };
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, field: `${f}[${i}]`, depth: depth + 1 }));
      else
        for (const [k, item] of Object.entries(v)) {
          const key = isBadText(k) ? '?' : k;
          if (key !== k) return { field: f, problem: 'badCharacters' };
          stack.push({ value: item, field: f ? `${f}.${k}` : k, depth: depth + 1 });
        }
    }
  }
  return null;
}

/** Throws 400 VALIDATION_FAILED naming the field when `value` carries what findBadInput refuses. */
export function refuseBadInput(value: unknown, field = ''): void {
  const bad = findBadInput(value, field);
  if (!bad) return;
  const where = bad.field || 'body';
  throw invalid(
    where,
    bad.problem === 'tooDeep' ? `is nested deeper than ${MAX_JSON_DEPTH} levels` : 'contains a NUL character or a broken (lone surrogate) character',
    bad.problem,
  );
}

/**
 * The global pipe that runs before validation on every body, query and route parameter: the one
 * place that refuses NUL characters, lone surrogates and absurd nesting with a 400 naming the field.
 */
@Injectable()
export class InputGuardPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') refuseBadInput(value, metadata.data ?? '');
    return value;
  }
}
