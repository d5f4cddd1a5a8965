import { describe, expect, it } from 'vitest';
import { paths, withQuery } from '#web/config/paths.js';

describe('withQuery', () => {
  it('keeps the path alone when no value is given', () => {
    expect(withQuery('/queue')).toBe('/queue');
    expect(withQuery('/queue', { date: undefined, team: null, agent: '' })).toBe('/queue');
  });

  it('adds the given values in order, encoded, and leaves the empty ones out', () => {
    expect(withQuery('/recordings', { team: 'T 01', agent: undefined, q: '话费&余额', page: 2 })).toBe(
      '/recordings?team=T%2001&q=%E8%AF%9D%E8%B4%B9%26%E4%BD%99%E9%A2%9D&page=2',
    );
  });
});

describe('paths', () => {
  const recordingId = '0b7e5c1a-4f2d-4c3b-9a8e-1d2c3b4a5f60';

  it('matches each detail page pattern the router declares', () => {
    expect(paths.agent.path).toBe('/agents/:employeeNo');
    expect(paths.recording.path).toBe('/recordings/:id');
    expect(paths.evaluate.path).toBe('/evaluate/:recordingId');
    expect(paths.accessLog.path).toBe('/recordings/access-log');
  });

  it('encodes an employee number as one path segment', () => {
    expect(paths.agent.getHref('E1001')).toBe('/agents/E1001');
    expect(paths.agent.getHref('a/b 1')).toBe('/agents/a%2Fb%201');
  });

  it('links the access log to one call', () => {
    expect(paths.accessLog.getHref()).toBe('/recordings/access-log');
    expect(paths.accessLog.getHref({ recordingId })).toBe(`/recordings/access-log?recordingId=${recordingId}`);
  });

  it('opens the workspace with the reason for scoring and a given evaluation, as the queue and bookmarks have them', () => {
    expect(paths.evaluate.getHref(recordingId)).toBe(`/evaluate/${recordingId}`);
    expect(paths.recording.getHref(recordingId, { t: 12.5 })).toBe(`/recordings/${recordingId}?t=12.5`);
    expect(paths.recording.getHref(recordingId, { t: null })).toBe(`/recordings/${recordingId}`);
    expect(paths.evaluate.getHref(recordingId, { source: 'daily' })).toBe(`/evaluate/${recordingId}?source=daily`);
    expect(paths.evaluate.getHref(recordingId, { source: 'spot-check' })).toBe(`/evaluate/${recordingId}?source=spot-check`);
    expect(paths.evaluate.getHref(recordingId, { source: undefined, evaluation: 'e-1' })).toBe(`/evaluate/${recordingId}?evaluation=e-1`);
    expect(paths.evaluate.getHref(recordingId, { source: 'complaint', evaluation: 'e-1' })).toBe(`/evaluate/${recordingId}?source=complaint&evaluation=e-1`);
  });

  it('gives every page path that getHref() without arguments links to', () => {
    for (const [name, page] of Object.entries(paths)) {
      if (page.path.includes(':')) continue;
      expect((page.getHref as () => string)(), name).toBe(page.path);
    }
  });
});

describe('dashboard paths', () => {
  it('carries the project and period to a team’s view and back, leaving empty values out', () => {
    expect(paths.dashboard.getHref({ project: 'P1', period: 'custom', from: '2026-10-10', to: '2026-10-19' })).toBe(
      '/dashboard?project=P1&period=custom&from=2026-10-10&to=2026-10-19',
    );
    expect(paths.dashboardTeam.path).toBe('/dashboard/teams/:team');
    expect(paths.dashboardTeam.getHref('T 1', { project: 'P1', date: '2026-10-14', bucket: undefined })).toBe('/dashboard/teams/T%201?project=P1&date=2026-10-14');
  });

  it('opens the coaching items and notices of one team', () => {
    expect(paths.coaching.getHref()).toBe('/coaching');
    expect(paths.coaching.getHref({ team: 'T1' })).toBe('/coaching?team=T1');
    expect(paths.rectificationNotices.getHref({ team: 'T1' })).toBe('/rectification-notices?team=T1');
  });
});
