import { isRouteErrorResponse, useRouteError } from 'react-router';
import { LoadError } from './load-error';
import { NotFound } from './not-found';

/** The router's error element: a 404 from the router, or a page that threw (a stale chunk after a deploy, say). */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return <LoadError error={error} onRetry={() => window.location.reload()} />;
}
