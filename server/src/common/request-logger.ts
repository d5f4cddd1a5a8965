import { randomUUID } from 'node:crypto';
import { plainIp } from './client-ip.js';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context.js';

/**
 * One JSON line per request. Only the path is logged, never the query string (it can carry a
 * customer number), a body, a token or a cookie. Every request gets an id (`X-Request-Id`), which
 * the error and query logs name instead of what the request carried.
 */
export function requestLogger(enabled: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    requestContext.run({ requestId }, () => (enabled ? logged(req, res, next, requestId) : next()));
  };
}

function logged(req: Request, res: Response, next: NextFunction, requestId: string): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const user = (req as Request & { user?: { id: string } }).user;
    const line = {
      time: new Date().toISOString(),
      level: res.statusCode >= 500 ? 'error' : 'info',
      msg: 'request',
      method: req.method,
      path: req.path,
      status: res.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      user: user?.id,
      ip: plainIp(req.ip),
      requestId,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  });
  next();
}
