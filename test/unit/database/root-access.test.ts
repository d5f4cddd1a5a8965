import { describe, expect, it } from 'vitest';
import { firstUntraversable, type FolderStat, untraversableMessage } from '#server/database/root-access.js';

/** A made-up file system: folder → mode and owner (0 is root, 999 postgres). */
const fs = (folders: Record<string, FolderStat>) => (folder: string) => folders[folder] ?? null;
const open = { mode: 0o40755, uid: 0 };

describe('running as root from a private folder (STACK.md trap 16)', () => {
  it('names the folder the postgres user cannot enter on the way to the binaries', () => {
    const stat = fs({ '/': open, '/root': { mode: 0o40700, uid: 0 }, '/root/qa': open, '/root/qa/node_modules': open });
    expect(firstUntraversable('/root/qa/node_modules', stat, 999)).toBe('/root');
  });

  it('finds the way open when every folder lets others in, or is the postgres user’s own', () => {
    const stat = fs({ '/': open, '/opt': open, '/opt/qa': open, '/opt/qa/data': { mode: 0o40700, uid: 999 } });
    expect(firstUntraversable('/opt/qa/data', stat, 999)).toBeNull();
    // A folder not made yet is made open by the server itself.
    expect(firstUntraversable('/opt/qa/data/pg/new', stat, 999)).toBeNull();
  });

  it('counts a mktemp -d folder (0700) as closed', () => {
    const stat = fs({ '/': open, '/tmp': { mode: 0o41777, uid: 0 }, '/tmp/tmp.AbC': { mode: 0o40700, uid: 0 } });
    expect(firstUntraversable('/tmp/tmp.AbC/data', stat, 999)).toBe('/tmp/tmp.AbC');
  });

  it('stops with a message that names the cause and the fixes', () => {
    const message = untraversableMessage('/root', 'the PostgreSQL binaries', 0o40700);
    expect(message).toContain('/root (mode 0700)');
    expect(message).toContain('"postgres" user');
    expect(message).toContain('initdb EACCES');
    expect(message).toContain('chmod o+x /root');
    expect(message).toContain('DATABASE_URL');
  });
});
