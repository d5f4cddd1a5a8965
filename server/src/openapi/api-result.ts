import { STATUS_CODES } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { ApiResponse } from '@nestjs/swagger';
import generated from './api-schemas.generated.json' with { type: 'json' };

/** A response type of `shared/src/api`, as `npm run openapi:schemas` names it. */
export type ApiSchemaName = keyof typeof generated.schemas;
/** A generic response type such as `Page`, filled in with a schema name. */
export type ApiGenericName = keyof typeof generated.generics;

type Schema = Record<string, unknown>;

export interface ApiResultOptions {
  /** Default: the route's own (201 for POST, 200 otherwise, or its @HttpCode). Several when the route picks one. */
  status?: number | number[];
  description?: string;
  /** An array of the type rather than one. */
  isArray?: boolean;
  /** Media types the same status also answers with, as a file download (e.g. `text/csv`). */
  downloads?: string[];
}

const schemaRef = (name: ApiSchemaName): Schema => ({ $ref: `#/components/schemas/${name}` });
const BINARY: Schema = { type: 'string', format: 'binary' };

/**
 * Describes the route's success body by a type of `shared/src/api`: `@ApiResult('RecordingDetail')`,
 * `@ApiResult('Page', 'Evaluation')`. Stands above the route decorator (`@Get`, `@Post`…), whose
 * status it reads.
 */
export function ApiResult(name: ApiSchemaName, options?: ApiResultOptions): MethodDecorator;
export function ApiResult(generic: ApiGenericName, argument: ApiSchemaName, options?: ApiResultOptions): MethodDecorator;
export function ApiResult(name: string, argumentOrOptions?: string | ApiResultOptions, maybeOptions?: ApiResultOptions): MethodDecorator {
  const options = (typeof argumentOrOptions === 'object' ? argumentOrOptions : maybeOptions) ?? {};
  let schema: Schema;
  if (typeof argumentOrOptions === 'string') {
    const generic = generated.generics[name as ApiGenericName];
    if (!generic) throw new Error(`@ApiResult: no generic API type ${name}`);
    schema = instantiate(generic.schema, { [generic.parameters[0]]: schemaRef(argumentOrOptions as ApiSchemaName) });
  } else {
    if (!(name in generated.schemas)) throw new Error(`@ApiResult: no API type ${name}; run npm run openapi:schemas`);
    schema = schemaRef(name as ApiSchemaName);
  }
  if (options.isArray) schema = { type: 'array', items: schema };
  const content: Record<string, { schema: Schema }> = { 'application/json': { schema } };
  for (const type of options.downloads ?? []) content[type] = { schema: BINARY };
  return respond('@ApiResult', options.status, options.description, content);
}

/** A binary body such as audio or a spreadsheet, in any of `mediaTypes`. */
export function ApiFileResult(mediaTypes: string[], options: { status?: number | number[]; description?: string } = {}): MethodDecorator {
  return respond('@ApiFileResult', options.status, options.description, Object.fromEntries(mediaTypes.map((type) => [type, { schema: BINARY }])));
}

/** A success without a body: 204. */
export function ApiNoContent(description = 'No content'): MethodDecorator {
  return respond('@ApiNoContent', 204, description, undefined);
}

function respond(
  decorator: string,
  status: number | number[] | undefined,
  description: string | undefined,
  content: Record<string, { schema: Schema }> | undefined,
): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const statuses = status === undefined ? [routeStatus(decorator, target, key, handler)] : [status].flat();
    for (const code of statuses) {
      ApiResponse({ status: code, description: description ?? STATUS_CODES[code] ?? String(code), ...(content ? { content } : {}) })(target, key, descriptor);
    }
    return descriptor;
  };
}

/** What Nest answers by default: @HttpCode, else 201 for POST and 200 for the rest. */
function routeStatus(decorator: string, target: object, key: string | symbol, handler: object): number {
  const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
  // Decorators apply bottom-up: above the route decorator, its metadata is already there.
  if (method === undefined) throw new Error(`${decorator} on ${target.constructor.name}.${String(key)} must stand above @Get, @Post…, or name its status`);
  return (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (method === RequestMethod.POST ? 201 : 200);
}

/** Replaces each `{"x-type-parameter": "T"}` of a generic schema by the given schema. */
function instantiate(schema: unknown, parameters: Record<string, Schema>): Schema {
  const fill = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fill);
    if (node === null || typeof node !== 'object') return node;
    const parameter = (node as Schema)['x-type-parameter'];
    if (typeof parameter === 'string') return parameters[parameter];
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
  };
  return fill(schema) as Schema;
}
