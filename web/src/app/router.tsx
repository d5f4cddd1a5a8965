import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound } from '../components/errors/not-found';
import { RouteError } from '../components/errors/route-error';
import { AppShell } from '../components/layout/app-shell';
import { PageSpin } from '../components/page-spin';
import { NAVIGATION, type NavKey } from '../config/navigation';
import { RequireRoles, RequireSignIn } from './guards';

type Lazy = NonNullable<RouteObject['lazy']>;
const page = (load: () => Promise<{ default: ComponentType }>): Lazy => async () => ({ Component: (await load()).default });

/** Each nav key's page, loaded on first visit. Keyed by NavKey: a row in NAVIGATION without a page fails the type check. */
const PAGES: Record<NavKey, Lazy> = {
  home: page(() => import('../features/home/routes/home')),
  projects: page(() => import('../features/org/routes/projects')),
  teams: page(() => import('../features/org/routes/teams')),
  agents: page(() => import('../features/org/routes/agents')),
  users: page(() => import('../features/org/routes/users')),
  audit: page(() => import('../features/audit/routes/audit-log')),
};

const guarded: RouteObject[] = NAVIGATION.map((item) => ({
  element: <RequireRoles roles={item.roles} />,
  children: [item.path === '/' ? { index: true, lazy: PAGES[item.key] } : { path: item.path, lazy: PAGES[item.key] }],
}));

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: page(() => import('../features/auth/routes/login')),
    HydrateFallback: PageSpin,
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireSignIn>
        <AppShell />
      </RequireSignIn>
    ),
    HydrateFallback: PageSpin,
    errorElement: <RouteError />,
    children: [{ errorElement: <RouteError />, children: [...guarded, { path: '*', element: <NotFound /> }] }],
  },
]);
