/**
 * An address as people write it: a dual-stack server sees IPv4 clients as IPv4-mapped IPv6
 * (`::ffff:10.0.0.7`), which is shown as the plain IPv4 `10.0.0.7`. Missing: a dash.
 */
export function plainIp(ip: string | null | undefined): string {
  if (!ip) return '—';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}
