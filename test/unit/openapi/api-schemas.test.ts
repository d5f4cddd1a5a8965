import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { API_SCHEMAS_FILE, API_TYPES_DIR, generateApiSchemas } from '#scripts/openapi-schemas.js';

// Building a TypeScript program over shared/src/api takes a few seconds on a busy machine.
const SLOW = 60_000;

describe('the committed API schemas', () => {
  it(
    'are what shared/src/api says today (else: npm run openapi:schemas)',
    () => {
      const committed = JSON.parse(readFileSync(API_SCHEMAS_FILE, 'utf8'));
      expect(generateApiSchemas(process.cwd())).toEqual(committed);
    },
    SLOW,
  );
});

describe('generateApiSchemas', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'api-schemas-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const project = (files: Record<string, string>) => {
    mkdirSync(path.join(root, API_TYPES_DIR), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
    return generateApiSchemas(root);
  };

  it(
    'keeps names, references, nullability, optional fields, enums, generics and comments',
    () => {
      const result = project({
        'shared/src/kinds.ts': `export enum Colour { Red = 'red', Blue = 'blue' }\nexport type Verdict = 'pass' | 'fail';\n`,
        [`${API_TYPES_DIR}/page.ts`]: `export interface Page<T> { total: number; items: T[] }\n`,
        [`${API_TYPES_DIR}/things.ts`]: [
          `import type { Colour, Verdict } from '../kinds.js';`,
          `/** A thing. */`,
          `export interface Thing {`,
          `  /** Its name. */`,
          `  name: string;`,
          `  colour: Colour;`,
          `  verdict: Verdict | null;`,
          `  note?: string;`,
          `  extra: Record<string, unknown> | null;`,
          `  size: 'S' | 'M';`,
          `  flags: boolean[];`,
          `}`,
          `export interface ThingRow extends Omit<Thing, 'extra'> { rank: number }`,
          ``,
        ].join('\n'),
      });
      expect(Object.keys(result.schemas)).toEqual(['Colour', 'Thing', 'ThingRow', 'Verdict']);
      expect(result.schemas.Colour).toEqual({ type: 'string', enum: ['red', 'blue'] });
      expect(result.schemas.Thing).toEqual({
        description: 'A thing.',
        type: 'object',
        properties: {
          name: { description: 'Its name.', type: 'string' },
          colour: { $ref: '#/components/schemas/Colour' },
          verdict: { nullable: true, allOf: [{ $ref: '#/components/schemas/Verdict' }] },
          note: { type: 'string' },
          extra: { type: 'object', additionalProperties: true, nullable: true },
          size: { type: 'string', enum: ['S', 'M'] },
          flags: { type: 'array', items: { type: 'boolean' } },
        },
        required: ['name', 'colour', 'verdict', 'extra', 'size', 'flags'],
      });
      expect(Object.keys((result.schemas.ThingRow as { properties: object }).properties)).toEqual(['rank', 'name', 'colour', 'verdict', 'note', 'size', 'flags']);
      expect(result.generics.Page).toEqual({
        parameters: ['T'],
        schema: { type: 'object', properties: { total: { type: 'number' }, items: { type: 'array', items: { 'x-type-parameter': 'T' } } }, required: ['total', 'items'] },
      });
    },
    SLOW,
  );

  it(
    'refuses two different types of one name, which would share one schema',
    () => {
      expect(() =>
        project({
          'shared/src/a.ts': `export type Speaker = 'agent' | 'customer';\n`,
          'shared/src/b.ts': `export type Speaker = 'agent' | 'robot';\n`,
          [`${API_TYPES_DIR}/page.ts`]: `export interface Page<T> { total: number; items: T[] }\n`,
          [`${API_TYPES_DIR}/things.ts`]: `import type { Speaker as A } from '../a.js';\nimport type { Speaker as B } from '../b.js';\nexport interface Line { a: A; b: B }\n`,
        }),
      ).toThrow(/Two different API types are named Speaker/);
    },
    SLOW,
  );
});
