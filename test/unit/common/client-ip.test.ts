import { describe, expect, it } from 'vitest';
import { plainIp } from '#server/common/client-ip.js';

describe('plainIp', () => {
  it.each([
    ['an IPv4-mapped IPv6 address becomes its IPv4', '::ffff:10.0.0.7', '10.0.0.7'],
    ['upper-case mapping too', '::FFFF:192.168.1.20', '192.168.1.20'],
    ['a plain IPv4 stays', '127.0.0.1', '127.0.0.1'],
    ['a real IPv6 stays', '2001:db8::1', '2001:db8::1'],
    ['the IPv6 loopback stays', '::1', '::1'],
  ])('%s', (_, ip, expected) => expect(plainIp(ip)).toBe(expected));

  it('keeps a missing address missing', () => expect(plainIp(undefined)).toBeUndefined());
});
