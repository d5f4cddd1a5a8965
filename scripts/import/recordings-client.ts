import type { CallUpload } from './call-files.js';

/** What became of one call sent to POST /api/recordings. */
export type SendOutcome = { outcome: 'imported' | 'skipped'; recordingId: string } | { outcome: 'refused'; reason: string };

export interface RetryPolicy {
  /** The pause before each retry; as many retries as pauses. */
  delaysMs: number[];
  /** A request with no answer by then counts as a network failure (a stalled upload must not hang the night's import). */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [1_000, 3_000, 9_000], timeoutMs: 120_000 };

/** Signing in failed: nothing can be imported, so the command stops before it starts. */
export class SignInError extends Error {}

const apiUrl = (baseUrl: string, route: string) => `${baseUrl.replace(/\/+$/, '')}/api${route}`;

/** POST /api/auth/login → the bearer token (CONTRACT.md "Signing in"). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(apiUrl(baseUrl, '/auth/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new SignInError(`cannot reach the server at ${baseUrl}: ${networkFailure(e)}`);
  }
  if (res.status === 401) throw new SignInError(`user ${username} could not sign in: ${await serverMessage(res)}`);
  if (res.status !== 200) throw new SignInError(`signing in answered ${res.status}: ${await serverMessage(res)}`);
  const token = ((await res.json().catch(() => ({}))) as { accessToken?: unknown }).accessToken;
  if (typeof token !== 'string') throw new SignInError(`signing in at ${baseUrl} answered no accessToken: is QA_URL this platform?`);
  return token;
}

/**
 * Posts one call. 201 is a new recording, 200 one the server already holds (a re-run after a break),
 * 4xx a refusal worth reading. 5xx, 429 and network failures are the server's or the line's
 * trouble, not the call's, so they are retried: safe because the server stores an externalId once.
 */
export async function sendRecording(baseUrl: string, token: string, call: CallUpload, retry: RetryPolicy = DEFAULT_RETRY): Promise<SendOutcome> {
  let failure = '';
  for (let attempt = 0; attempt <= retry.delaysMs.length; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, retry.delaysMs[attempt - 1]));
    let res: Response;
    try {
      res = await fetch(apiUrl(baseUrl, '/recordings'), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: recordingForm(call),
        signal: AbortSignal.timeout(retry.timeoutMs),
      });
    } catch (e) {
      failure = `network failure: ${networkFailure(e)}`;
      continue;
    }
    if (res.status === 201 || res.status === 200) {
      const { id } = (await res.json().catch(() => ({}))) as { id?: string };
      return { outcome: res.status === 201 ? 'imported' : 'skipped', recordingId: id ?? '' };
    }
    failure = `${res.status} ${await serverMessage(res)}`;
    if (res.status < 500 && res.status !== 429) return { outcome: 'refused', reason: failure };
  }
  const attempts = retry.delaysMs.length + 1;
  return { outcome: 'refused', reason: `${failure} (gave up after ${attempts} attempt${attempts > 1 ? 's' : ''})` };
}

/** Rebuilt for every attempt: a body stream is spent once sent. */
function recordingForm(call: CallUpload): FormData {
  const form = new FormData();
  // The server judges the format by the bytes, so no content type is claimed for them.
  form.append('audio', new Blob([call.audio], { type: 'application/octet-stream' }), call.audioName);
  form.append('metadata', JSON.stringify(call.metadata));
  if (call.transcript !== undefined) form.append('transcript', call.transcript);
  return form;
}

/** The `message` of the server's `{statusCode, message}`, or the status text when the answer is not ours (a proxy's page). */
async function serverMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    if (Array.isArray(message)) return message.join('; ');
  } catch {
    // not JSON: fall through to the status text
  }
  return res.statusText || 'no message';
}

function networkFailure(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return 'no answer in time';
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
