import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { OpenAPIV3 } from 'openapi-types';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let document: OpenAPIV3.Document;
const dir = mkdtempSync(path.join(os.tmpdir(), 'openapi-client-'));
beforeAll(async () => {
  t = await startTestApp();
  const res = await t.anonymous.get('/api/docs/json');
  expect(res.status).toBe(200);
  document = res.body;
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(): { name: string; operation: OpenAPIV3.OperationObject }[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ name: `${method.toUpperCase()} ${route}`, operation: item[method]! }] : [])),
  );
}

/** A body a client can type: a reference, a described object or array, a scalar, or a file. */
function describesBody(schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): boolean {
  if (!schema) return false;
  if ('$ref' in schema) return true;
  if (schema.format === 'binary') return true;
  if (schema.allOf ?? schema.oneOf ?? schema.anyOf) return true;
  if (schema.type === 'array') return describesBody(schema.items);
  if (schema.type === 'object') return !!schema.properties || !!schema.additionalProperties;
  return !!schema.type;
}

describe('GET /api/docs/json', () => {
  it('is a valid OpenAPI document', async () => {
    const result = await validate(structuredClone(document));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('describes the success body of every operation: a schema, a file, or no content', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(50);
    const undescribed: string[] = [];
    for (const { name, operation } of all) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^[23]\d\d$/.test(status));
      if (successes.length === 0) undescribed.push(`${name}: no 2xx or 3xx response`);
      for (const [status, response] of successes) {
        if ('$ref' in response) continue;
        const content = Object.entries(response.content ?? {});
        if (status === '204' || status === '304') {
          if (content.length) undescribed.push(`${name} ${status}: a body on a no-content answer`);
          continue;
        }
        if (content.length === 0) undescribed.push(`${name} ${status}: no body described`);
        for (const [type, media] of content) if (!describesBody(media.schema)) undescribed.push(`${name} ${status} ${type}: no schema`);
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('describes errors once, as {statusCode, message, code?, params?, errors?}', () => {
    const error = document.components?.schemas?.ApiErrorBody as OpenAPIV3.SchemaObject;
    expect(Object.keys(error.properties ?? {})).toEqual(['statusCode', 'message', 'code', 'params', 'errors']);
    expect(error.required).toEqual(['statusCode', 'message']);
    for (const { name, operation } of operations()) expect(operation.responses.default, name).toEqual({ $ref: '#/components/responses/Error' });
  });

  it('generates a typed client (openapi-typescript) that reads response bodies by their shared types', async () => {
    // A .ts rather than a .d.ts, so that skipLibCheck (which keeps this quick) still checks the generated types.
    writeFileSync(path.join(dir, 'api.ts'), astToString(await openapiTS(document as never)));
    const usage = (body: string) => [`import type { components, paths } from './api.js';`, body].join('\n');
    writeFileSync(
      path.join(dir, 'good.ts'),
      usage(
        [
          `declare const recording: paths['/api/recordings/{id}']['get']['responses']['200']['content']['application/json'];`,
          `export const duration: number = recording.duration;`,
          `export const segments: string[] = (recording.transcript?.segments ?? []).map((s) => s.text + s.speaker);`,
          `declare const page: paths['/api/evaluations']['get']['responses']['200']['content']['application/json'];`,
          `export const scores: (number | null)[] = page.items.map((e) => e.score);`,
          `declare const run: paths['/api/sampling/runs']['post']['responses']['201']['content']['application/json'];`,
          `export const reasons: string[] = run.assignments.map((a) => a.reason);`,
          `declare const error: components['schemas']['ApiErrorBody'];`,
          `export const code: string | undefined = error.code;`,
        ].join('\n'),
      ),
    );
    // The control: a wrong reading must not compile, or the check above proves nothing.
    writeFileSync(
      path.join(dir, 'bad.ts'),
      usage(
        [
          `declare const recording: paths['/api/recordings/{id}']['get']['responses']['200']['content']['application/json'];`,
          `export const duration: string = recording.duration;`,
        ].join('\n'),
      ),
    );
    const program = ts.createProgram([path.join(dir, 'good.ts'), path.join(dir, 'bad.ts')], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2023,
      types: [],
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${path.basename(d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(problems.filter((p) => !p.startsWith('bad.ts'))).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^bad\.ts: Type 'number' is not assignable to type 'string'/)]);
  }, 120_000);
});

describe('GET /api/docs', () => {
  it('still serves the browsable documentation', async () => {
    const res = await t.anonymous.get('/api/docs').redirects(1);
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});
