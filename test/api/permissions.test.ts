import { Controller, Get, type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { APP_FILTER, APP_GUARD, DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/org.js';
import { isPermission } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { AuthGuard } from '#server/auth/auth.guard.js';
import { Can, PERMISSION_KEY, Public, PUBLIC_KEY } from '#server/auth/decorators.js';
import { SessionService } from '#server/auth/session.service.js';
import { AllExceptionsFilter } from '#server/common/exception.filter.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RouteSeen {
  route: string;
  permission: unknown;
  isPublic: boolean;
}

/** Every handler of every controller Nest registered, with what it states to the guard. */
function registeredRoutes(app: INestApplication): RouteSeen[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: RouteSeen[] = [];
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    for (const name of scanner.getAllMethodNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      routes.push({
        route: `${method} /api/${[prefix, String(path)].filter((p) => p && p !== '/').join('/')}`,
        permission: reflector.getAllAndOverride(PERMISSION_KEY, [handler, controller]),
        isPublic: !!reflector.getAllAndOverride(PUBLIC_KEY, [handler, controller]),
      });
    }
  }
  return routes;
}

/** The routes Express actually serves under /api, as "METHOD /api/path" (OpenAPI's own pages aside). */
function expressRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack
    .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/\/$/, '')}`));
}

describe('every route states one permission or is public (deny by default)', () => {
  let t: TestApp;
  let routes: RouteSeen[];
  beforeAll(async () => {
    t = await startTestApp();
    routes = registeredRoutes(t.app);
  });
  afterAll(() => t?.close());

  it('walks every route the application serves', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => r.route).sort()).toEqual([...new Set(expressRoutes(t.app))].sort());
  });

  it('finds no route with neither @Can nor @Public', () => {
    expect(routes.filter((r) => !r.isPublic && r.permission === undefined).map((r) => r.route)).toEqual([]);
  });

  it('names only permissions the shared table holds', () => {
    expect(routes.filter((r) => r.permission !== undefined && !isPermission(r.permission)).map((r) => `${r.route}: ${String(r.permission)}`)).toEqual([]);
  });

  it('leaves only signing in and health public', () => {
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => r.route)
        .sort(),
    ).toEqual(['GET /api/health', 'POST /api/auth/login']);
  });
});

@Controller('probe')
class ProbeController {
  @Get('forgotten')
  forgotten() {
    return { ok: true };
  }

  @Can('sampling.spotCheck')
  @Get('lead')
  lead() {
    return { ok: true };
  }

  @Public()
  @Get('open')
  open() {
    return { ok: true };
  }
}

describe('the global guard', () => {
  let app: INestApplication;
  let roles: Role[] = [];
  beforeAll(async () => {
    const sessions = {
      resolve: async (): Promise<AuthUser> => ({
        id: 'u',
        username: 'u',
        displayName: 'u',
        roles,
        projectCodes: [],
        teamCodes: [],
        seesAll: false,
        visibleTeamIds: [],
        visibleProjectIds: [],
        wholeProjectIds: [],
      }),
    };
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeController],
      // The real app's filter too: the guard raises domain errors, which the filter turns into statuses.
      providers: [
        { provide: SessionService, useValue: sessions },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });
  afterAll(() => app?.close());
  const get = (path: string) => request(app.getHttpServer()).get(path).set('Authorization', 'Bearer any');

  it('refuses a route that states no permission, even to an admin', async () => {
    roles = [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead, Role.FaqMaintainer];
    expect((await get('/probe/forgotten')).status).toBe(403);
  });

  it('lets in the roles that hold the route’s permission and no others', async () => {
    roles = [Role.TeamLead];
    expect((await get('/probe/lead')).status).toBe(200);
    roles = [Role.Admin, Role.Supervisor, Role.Inspector];
    expect((await get('/probe/lead')).status).toBe(403);
  });

  it('opens a @Public route without a token', async () => {
    expect((await request(app.getHttpServer()).get('/probe/open')).status).toBe(200);
    expect((await request(app.getHttpServer()).get('/probe/lead')).status).toBe(401);
  });
});
