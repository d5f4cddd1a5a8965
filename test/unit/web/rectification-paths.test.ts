import { describe, expect, it } from 'vitest';
import { paths } from '#web/config/paths.js';

describe('rectification and drill-down links', () => {
  it('matches the patterns the router declares', () => {
    expect(paths.rectificationNotices.path).toBe('/rectification-notices');
    expect(paths.rectificationNotice.path).toBe('/rectification-notices/:id');
    expect(paths.rectificationIssue.path).toBe('/rectification-notices/new');
  });

  it('opens the issue page with the team, items and period preselected', () => {
    expect(paths.rectificationIssue.getHref()).toBe('/rectification-notices/new');
    expect(paths.rectificationIssue.getHref({ team: 'CS-1', codes: ['GREETING', 'CLOSING'], from: '2026-11-16', to: '2026-11-22' })).toBe(
      '/rectification-notices/new?team=CS-1&codes=GREETING%2CCLOSING&from=2026-11-16&to=2026-11-22',
    );
    expect(paths.rectificationNotice.getHref('a/b')).toBe('/rectification-notices/a%2Fb');
  });

  it('lists the evaluations of a team or agent that failed one item', () => {
    expect(paths.evaluations.getHref({ from: '2026-11-16', to: '2026-11-22', team: 'CS-1', agent: 'E1', code: 'GREETING' })).toBe(
      '/evaluations?from=2026-11-16&to=2026-11-22&team=CS-1&agent=E1&code=GREETING',
    );
    expect(paths.evaluations.getHref({ team: 'CS-1' })).toBe('/evaluations?team=CS-1');
  });
});
