import { describe, expect, it } from 'vitest';
import { readConfig } from '#server/config/app-config.js';

describe('demo users and NODE_ENV=production (issue 11, finding 17)', () => {
  it('refuses to start with the demo centre in production, whether asked by DEMO_DATA or --demo', () => {
    expect(() => readConfig({ NODE_ENV: 'production', DEMO_DATA: '1' })).toThrow(/NODE_ENV=production/);
    expect(() => readConfig({ NODE_ENV: 'production' }, { demoData: true })).toThrow(/DEMO_DATA=0/);
  });

  it('starts in production without the demo, and anywhere else with it', () => {
    expect(readConfig({ NODE_ENV: 'production', DEMO_DATA: '0' }, { demoData: true }).demoData).toBe(false);
    expect(readConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(readConfig({}, { demoData: true }).demoData).toBe(true);
  });

  it('reads the demo users’ password from DEMO_PASSWORD, and none when unset', () => {
    expect(readConfig({ DEMO_PASSWORD: 'chosen-one' }).demoPassword).toBe('chosen-one');
    expect(readConfig({}).demoPassword).toBeUndefined();
  });
});
