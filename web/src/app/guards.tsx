import type { ReactNode } from 'react';
import { Navigate, Outlet } from 'react-router';
import { Forbidden } from '#web/components/errors/forbidden';
import { LoadError } from '#web/components/errors/load-error';
import { PageSpin } from '#web/components/page-spin';
import { paths } from '#web/config/paths';
import { getToken } from '#web/lib/api-client';
import { useUser } from '#web/lib/auth';
import { type Permission, useCan } from '#web/lib/authorization';

/** Signed-in pages: no token goes to /login; otherwise wait for who the user is. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useUser();
  if (!getToken()) return <Navigate to={paths.login.getHref()} replace />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <PageSpin />;
  return children;
}

/** A page opened by a permission: whoever lacks it gets the 403 page, as the server would answer them. */
export function RequirePermission({ permission }: { permission: Permission }) {
  return useCan(permission) ? <Outlet /> : <Forbidden />;
}
