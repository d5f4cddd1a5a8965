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
  /** Audio without a recording row is removed by the hourly sweep once it is this many minutes old (AUDIO_SWEEP_MINUTES, default 60). */
  audioSweepMinutes: number;
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
  /** Where the audio lives (AUDIO_STORAGE and the S3_* variables, CONTRACT.md "Starting"). */
  audioStorage: AudioStorageConfig;
}

/** `local`: files under DATA_DIR/audio; `s3`: the S3-compatible store the S3_* variables name. */
export type AudioStorageConfig = { kind: 'local'; root: string } | { kind: 's3'; s3: S3Config };

export interface S3Config {
  /** S3_ENDPOINT: the store's URL (MinIO, Ceph RGW, OSS, COS…); unset for AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, both or neither (neither: the SDK's own chain, an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** S3_FORCE_PATH_STYLE=1: `endpoint/bucket/key` rather than `bucket.endpoint/key` (MinIO-like servers). */
  forcePathStyle: boolean;
}

export const AUDIO_STORAGES = ['local', 's3'] as const;

/** AUDIO_STORAGE, unset meaning `local`; `s3` needs the S3_* variables (readS3Config). */
export function parseAudioStorage(env: NodeJS.ProcessEnv, dataDir: string): AudioStorageConfig {
  const v = env.AUDIO_STORAGE?.trim() || 'local';
  if (v === 'local') return { kind: 'local', root: path.join(dataDir, 'audio') };
  if (v === 's3') return { kind: 's3', s3: readS3Config(env) };
  throw new Error(`AUDIO_STORAGE=${JSON.stringify(env.AUDIO_STORAGE)} is not an audio storage: use one of ${AUDIO_STORAGES.join(', ')} (unset means local).`);
}

/** The S3_* variables, each missing or wrong one named (also read by `npm run audio:move -- --to s3`). */
export function readS3Config(env: NodeJS.ProcessEnv): S3Config {
  const get = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];
  const endpoint = get('S3_ENDPOINT');
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) problems.push(`S3_ENDPOINT=${JSON.stringify(endpoint)} is not an http(s) URL`);
  }
  const region = get('S3_REGION');
  if (!region) problems.push('S3_REGION is not set (us-east-1 for MinIO-like servers)');
  const bucket = get('S3_BUCKET');
  if (!bucket) problems.push('S3_BUCKET is not set');
  else if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`S3_BUCKET=${JSON.stringify(bucket)} is not a bucket name (3–63 of a-z, 0-9, '.' and '-')`);
  const accessKeyId = get('S3_ACCESS_KEY_ID');
  const secretAccessKey = get('S3_SECRET_ACCESS_KEY');
  if (!accessKeyId !== !secretAccessKey)
    problems.push(`${accessKeyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'} is not set: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither`);
  const pathStyle = get('S3_FORCE_PATH_STYLE') ?? '0';
  if (!['0', '1', 'true', 'false'].includes(pathStyle)) problems.push(`S3_FORCE_PATH_STYLE=${JSON.stringify(pathStyle)} is not 1 or 0`);
  if (problems.length) throw new Error(`AUDIO_STORAGE=s3: ${problems.join('; ')}.`);
  return {
    endpoint,
    region: region!,
    bucket: bucket!,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: pathStyle === '1' || pathStyle === 'true',
  };
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
  const dataDir = path.resolve(env.DATA_DIR ?? defaults.dataDir ?? './data');
  const audioStorage = parseAudioStorage(env, dataDir);
  return {
    port: Number(env.PORT ?? defaults.port ?? 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
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
    audioSweepMinutes: parseSweepMinutes(env.AUDIO_SWEEP_MINUTES),
    faqSearchIndex: env.FAQ_SEARCH_INDEX !== '0',
    audioStorage,
  };
}

/** AUDIO_SWEEP_MINUTES: a whole number of minutes, at least 1 (an ingest in flight has stored its audio but not yet its row). */
function parseSweepMinutes(value: string | undefined): number {
  if (value === undefined || value === '') return 60;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new Error(`AUDIO_SWEEP_MINUTES=${JSON.stringify(value)} is not a whole number of minutes of at least 1 (unset means 60).`);
  return Number(value);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
