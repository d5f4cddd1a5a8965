import { createHash, randomBytes } from 'node:crypto';
import { invalid } from '#server/common/domain-error.js';

export const SESSION_COOKIE = 'qa_session';

export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a session token looks like (newToken): anything else in the cookie is refused, not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Reads the bearer token; the session cookie only where the route allows it (`cookie: true`, the
 * audio route: an <audio> element cannot send headers) and only for GET/HEAD. A malformed session
 * cookie there answers 400, never a 500.
 */
export function tokenFromRequest(
  req: { method: string; headers: Record<string, string | string[] | undefined> },
  { cookie: acceptCookie = false }: { cookie?: boolean } = {},
): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    return m ? m[1] : undefined;
  }
  if (!acceptCookie || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined;
  return sessionCookie(req.headers.cookie);
}

function sessionCookie(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== SESSION_COOKIE) continue;
    let value: string;
    try {
      value = decodeURIComponent(v.join('='));
    } catch {
      value = '';
    }
    if (!TOKEN_SHAPE.test(value)) throw invalid(`cookie.${SESSION_COOKIE}`, 'is not a session token');
    return value;
  }
  return undefined;
}
