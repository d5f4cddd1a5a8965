import { AsyncLocalStorage } from 'node:async_hooks';

/** What the logs may know about the request being served: its id, never its content. */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** The id of the request being served (also its `X-Request-Id` answer header), if any. */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;
