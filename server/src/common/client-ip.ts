/**
 * The caller's address as people read it. A dual-stack listener reports IPv4 callers as IPv4-mapped
 * IPv6 (`::ffff:10.0.0.7`); the audit log, the access log and the request log keep the plain IPv4.
 */
export function plainIp(ip: string | undefined): string | undefined {
  const mapped = ip ? /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip) : null;
  return mapped ? mapped[1] : ip;
}
