import type { OpenAPIObject } from '@nestjs/swagger';
import generated from './api-schemas.generated.json' with { type: 'json' };

const ERROR_RESPONSE = 'Error';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * Completes the document Nest builds from the controllers: the response types of `shared/src/api`
 * become `components.schemas` (what `@ApiResult` points at), and every operation answers its
 * errors in the one shape `{statusCode, message, code?, errors?}`.
 */
export function withApiSchemas(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  for (const [name, schema] of Object.entries(generated.schemas)) {
    // A request DTO of the same name would silently take the place of the response type.
    if (name in schemas) throw new Error(`OpenAPI: the DTO ${name} has the name of a shared/src/api type; rename the DTO`);
    schemas[name] = schema;
  }
  components.responses = {
    ...components.responses,
    [ERROR_RESPONSE]: {
      description: 'An error: 4xx for a refused request (naming what is wrong), 5xx without details',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
    },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = path[method];
      if (operation) operation.responses = { ...operation.responses, default: operation.responses?.default ?? { $ref: `#/components/responses/${ERROR_RESPONSE}` } };
    }
  }
  return document;
}
