import { describe, expect, it } from 'vitest';
import { plainIp } from '#web/lib/ip.js';

describe('plainIp', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:10.1.2.3', '10.1.2.3'],
    ['10.1.2.3', '10.1.2.3'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
    [null, '—'],
  ])('shows %s as %s', (ip, shown) => {
    expect(plainIp(ip)).toBe(shown);
  });
});
