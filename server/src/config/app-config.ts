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
  /**
   * PROCESS_ROLE: `all` HTTP and background jobs (default); `api` HTTP only, enqueueing jobs for a
   * worker; `worker` job handlers and schedules, its HTTP port answering only GET /api/health.
   */
  processRole: ProcessRole;
  /**
   * How often idle job workers look for work (JOB_POLL_SECONDS, default 5): only a fallback, as a
   * job sent by any process wakes the workers at once through PostgreSQL NOTIFY.
   */
  jobPollSeconds: number;
  /** Whether this process runs job handlers and schedules: not with PROCESS_ROLE=api, nor with JOB_WORKERS=0. */
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

export const PROCESS_ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/** PROCESS_ROLE, unset meaning `all`; anything else is refused with the values it may take. */
export function parseProcessRole(value: string | undefined): ProcessRole {
  const v = value?.trim() || 'all';
  if ((PROCESS_ROLES as readonly string[]).includes(v)) return v as ProcessRole;
  throw new Error(`PROCESS_ROLE=${JSON.stringify(value)} is not a process role: use one of ${PROCESS_ROLES.join(', ')} (unset means all).`);
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
  const processRole = parseProcessRole(env.PROCESS_ROLE);
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
    processRole,
    jobPollSeconds: Number(env.JOB_POLL_SECONDS ?? 5),
    jobWorkers: processRole !== 'api' && env.JOB_WORKERS !== '0',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    playbackLogMinutes: Number(env.PLAYBACK_LOG_MINUTES ?? 30),
    numberSearchesPerHour: Number(env.NUMBER_SEARCHES_PER_HOUR ?? 20),
    maxAudioSeconds: Number(env.MAX_AUDIO_HOURS ?? 4) * 3600,
    faqSearchIndex: env.FAQ_SEARCH_INDEX !== '0',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
