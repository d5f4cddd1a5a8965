import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'qa_session';

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Reads the bearer token, or the session cookie for GET/HEAD (an <audio> element cannot send headers). */
export function tokenFromRequest(req: { method: string; headers: Record<string, string | string[] | undefined> }): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    return m ? m[1] : undefined;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const cookie = req.headers.cookie;
  if (typeof cookie !== 'string') return undefined;
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
