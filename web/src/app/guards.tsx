import type { ReactNode } from 'react';
import { Navigate, Outlet } from 'react-router';
import type { Role } from '../../../shared/src/org';
import { Forbidden } from '../components/errors/forbidden';
import { LoadError } from '../components/errors/load-error';
import { PageSpin } from '../components/page-spin';
import { paths } from '../config/paths';
import { getToken } from '../lib/api-client';
import { hasAnyRole, useUser } from '../lib/auth';

/** Signed-in pages: no token goes to /login; otherwise wait for who the user is. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useUser();
  if (!getToken()) return <Navigate to={paths.login.getHref()} replace />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <PageSpin />;
  return children;
}

/** A page some roles may not see: they get the 403 page, as the server would answer them. */
export function RequireRoles({ roles }: { roles: readonly Role[] }) {
  const { data: user } = useUser();
  return hasAnyRole(user, roles) ? <Outlet /> : <Forbidden />;
}
