import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '#server/app.factory.js';
import { readConfig } from '#server/config/app-config.js';
import { createTestDatabase } from './database.js';

export const ADMIN_PASSWORD = 'admin-test-pass';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  databaseUrl: string;
  /** A supertest agent signed in with this token. */
  as(token: string): Api;
  anonymous: Api;
  login(username: string, password: string): Promise<string>;
  adminToken: string;
  close(): Promise<void>;
}

export type Api = {
  get(url: string): request.Test;
  post(url: string): request.Test;
  put(url: string): request.Test;
  patch(url: string): request.Test;
  delete(url: string): request.Test;
};

/** The real application on its own fresh database, as a test file's fixture. */
export async function startTestApp(env: Record<string, string> = {}, existing?: { url: string }): Promise<TestApp> {
  const db = existing ? { url: existing.url, drop: async () => undefined } : await createTestDatabase();
  const config = readConfig({ LOG_LEVEL: 'silent', QA_ADMIN_PASSWORD: ADMIN_PASSWORD, DATA_DIR: '/tmp/qa-test-data', ...env });
  const app = await createApp({ ...config, databaseUrl: db.url });
  await app.init();
  const http = app.getHttpServer();
  const withToken = (token?: string): Api => {
    const auth = <T extends request.Test>(t: T) => (token ? t.set('Authorization', `Bearer ${token}`) : t);
    return {
      get: (url) => auth(request(http).get(url)),
      post: (url) => auth(request(http).post(url)),
      put: (url) => auth(request(http).put(url)),
      patch: (url) => auth(request(http).patch(url)),
      delete: (url) => auth(request(http).delete(url)),
    };
  };
  const login = async (username: string, password: string) => {
    const res = await request(http).post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login('admin', ADMIN_PASSWORD);
  return {
    app,
    http,
    databaseUrl: db.url,
    as: withToken,
    anonymous: withToken(),
    login,
    adminToken,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/**
 * Runs `use` against the application on a fresh database of its own, closed afterwards: for a test
 * that changes what a centre has only one of (the active checklist), so that the other tests of its
 * file never see the change, whatever order they run in.
 */
export async function withOwnApp<T>(use: (own: TestApp) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const own = await startTestApp(env);
  try {
    return await use(own);
  } finally {
    await own.close();
  }
}
