import path from 'node:path';

/** Everything the server reads from its environment, read once at start (CONTRACT.md "Starting"). */
export interface AppConfig {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  adminPassword?: string;
  demoData: boolean;
  /** DEMO_PASSWORD: every demo user's password when the demo centre is created; unset, each gets a random one, printed once. */
  demoPassword?: string;
  /** How long a bearer token stays valid. */
  tokenTtlSeconds: number;
  /** Where the built web app lives; absent in API tests. */
  webDir?: string;
  logLevel: 'info' | 'silent';
  maxUploadBytes: number;
  /**
   * Days of calls the demo centre gets (DEMO_CALL_DAYS, default four weeks: demo-history.ts says how
   * many a day and how long); tests use one.
   */
  demoCallDays: number;
  /** How often idle job workers look for work (JOB_POLL_SECONDS). */
  jobPollSeconds: number;
  /** JOB_WORKERS=0 runs no background workers here (a web-only process; jobs wait for another). */
  jobWorkers: boolean;
  /** A playback is logged once per user, recording and sitting: the first request in this many minutes (PLAYBACK_LOG_MINUTES). */
  playbackLogMinutes: number;
  /** Customer-number searches an inspector or team lead may make per hour (NUMBER_SEARCHES_PER_HOUR). */
  numberSearchesPerHour: number;
  /** Longest call accepted, in seconds (MAX_AUDIO_HOURS, default 4 h): longer ones answer 413. */
  maxAudioSeconds: number;
  /**
   * Which proxies' X-Forwarded-For/-Proto to believe (TRUST_PROXY, Express's `trust proxy`): unset
   * trusts none, so a client cannot choose the address the sign-in throttle counts.
   */
  trustProxy: boolean | number | string;
  /**
   * FAQ_SEARCH_INDEX=0 searches the FAQ in the database every time instead of in each process's
   * in-memory copy (for an FAQ too large to hold, or to compare the two).
   */
  faqSearchIndex: boolean;
}

/** TRUST_PROXY: unset or `false` none; a number of hops; `loopback`, addresses or subnets, comma-separated. */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = value?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Why the server will not start with the demo centre here, or null when it may. */
export function demoRefusal(env: NodeJS.ProcessEnv, demoData: boolean): string | null {
  if (!demoData || env.NODE_ENV !== 'production') return null;
  return 'DEMO_DATA=1 (or --demo, which `npm start` passes) creates demo users with known roles: refused when NODE_ENV=production. Start with DEMO_DATA=0 (`node dist/server/src/main.js`), or unset NODE_ENV for a demo.';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: Partial<AppConfig> = {}): AppConfig {
  const demo = env.DEMO_DATA ?? (defaults.demoData ? '1' : '0');
  const demoData = demo === '1' || demo === 'true';
  const refusal = demoRefusal(env, demoData);
  if (refusal) throw new Error(refusal);
  return {
    port: Number(env.PORT ?? defaults.port ?? 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? defaults.dataDir ?? './data'),
    adminPassword: env.QA_ADMIN_PASSWORD || undefined,
    demoData,
    demoPassword: env.DEMO_PASSWORD || undefined,
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 12 * 3600),
    webDir: defaults.webDir,
    logLevel: env.LOG_LEVEL === 'silent' ? 'silent' : 'info',
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 200) * 1024 * 1024,
    demoCallDays: Number(env.DEMO_CALL_DAYS ?? 28),
    jobPollSeconds: Number(env.JOB_POLL_SECONDS ?? 1),
    jobWorkers: env.JOB_WORKERS !== '0',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    playbackLogMinutes: Number(env.PLAYBACK_LOG_MINUTES ?? 30),
    numberSearchesPerHour: Number(env.NUMBER_SEARCHES_PER_HOUR ?? 20),
    maxAudioSeconds: Number(env.MAX_AUDIO_HOURS ?? 4) * 3600,
    faqSearchIndex: env.FAQ_SEARCH_INDEX !== '0',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
