import { describe, expect, it } from 'vitest';
import { readConfig } from '#server/config/app-config.js';

describe('PROCESS_ROLE (issue 16, process roles)', () => {
  it('is all by default: HTTP and the job handlers in one process, as before', () => {
    const config = readConfig({});
    expect(config.processRole).toBe('all');
    expect(config.jobWorkers).toBe(true);
  });

  it('api runs no job handlers; worker and all do, unless JOB_WORKERS=0', () => {
    expect(readConfig({ PROCESS_ROLE: 'api' })).toMatchObject({ processRole: 'api', jobWorkers: false });
    expect(readConfig({ PROCESS_ROLE: 'worker' })).toMatchObject({ processRole: 'worker', jobWorkers: true });
    expect(readConfig({ PROCESS_ROLE: 'all', JOB_WORKERS: '0' })).toMatchObject({ processRole: 'all', jobWorkers: false });
  });

  it('refuses any other value, naming the ones it takes', () => {
    expect(() => readConfig({ PROCESS_ROLE: 'web' })).toThrow(/PROCESS_ROLE="web" is not a process role: use one of all, api, worker/);
    expect(() => readConfig({ PROCESS_ROLE: 'API' })).toThrow(/PROCESS_ROLE/);
  });
});
