import type { Readable } from 'node:stream';
import { DomainError } from '#server/common/domain-error.js';
import type { AudioObject, RecordingRepository } from '../recording.repository.js';
import { type AudioStorage, sha256Hex } from './audio-storage.js';

/** What became of one object. */
export type MoveOutcome = 'moved' | 'already-there' | 'missing' | 'corrupt' | 'failed';

export interface MoveProblem {
  key: string;
  outcome: 'missing' | 'corrupt' | 'failed';
  reason: string;
}

export interface MoveSummary {
  from: string;
  to: string;
  /** Objects looked at. */
  seen: number;
  moved: number;
  /** In the target already with the right SHA-256: a resumed run skips them. */
  alreadyThere: number;
  /** Source copies removed after their target copy was verified (--delete-source). */
  sourceDeleted: number;
  /** Objects that could not be moved, each with why; they stay where they were. */
  problems: MoveProblem[];
  /** Why the run stopped before the end (interrupted, a store that does not answer), or null when it went through. */
  stoppedBy: string | null;
}

export interface MoveOptions {
  from: AudioStorage;
  to: AudioStorage;
  /** The objects, a page at a time, in a stable order. */
  pages: AsyncIterable<AudioObject[]>;
  /** Removes each source copy once its target copy is verified. */
  deleteSource?: boolean;
  /** Objects moved at the same time. */
  concurrency?: number;
  /** Stops taking new objects; those under way finish (the run can be started again). */
  signal?: AbortSignal;
  onObject?: (object: AudioObject, outcome: MoveOutcome) => void;
}

const bytesOf = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Copies every object from one storage to the other, verifying each by its SHA-256 as the
 * database recorded it at ingest: what the target holds already with the right hash is skipped
 * (so a stopped run is simply started again), a source copy that does not hash to it is reported
 * and not copied, and every copy is read back from the target and hashed before it counts.
 * A storage that does not answer stops the run (STORAGE_UNAVAILABLE): nothing is half-moved, as
 * each put is atomic.
 */
export async function moveAudio(options: MoveOptions): Promise<MoveSummary> {
  const { from, to, deleteSource = false, signal } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const summary: MoveSummary = { from: from.kind, to: to.kind, seen: 0, moved: 0, alreadyThere: 0, sourceDeleted: 0, problems: [], stoppedBy: null };

  const removeSource = async (key: string) => {
    if (!deleteSource) return;
    await from.delete(key);
    summary.sourceDeleted++;
  };

  const moveOne = async (object: AudioObject): Promise<MoveOutcome> => {
    const { key, sha256 } = object;
    if ((await to.sizeIfAny(key)) === object.bytes && (await to.sha256(key)) === sha256) {
      await removeSource(key);
      return 'already-there';
    }
    if ((await from.sizeIfAny(key)) === null) {
      summary.problems.push({ key, outcome: 'missing', reason: `not in the ${from.kind} storage (nor with its SHA-256 in the ${to.kind} one)` });
      return 'missing';
    }
    const bytes = await bytesOf(await from.read(key));
    const actual = sha256Hex(bytes);
    if (actual !== sha256) {
      summary.problems.push({ key, outcome: 'corrupt', reason: `the ${from.kind} copy hashes to ${actual}, not the ${sha256} recorded at ingest: not copied` });
      return 'corrupt';
    }
    await to.put(key, bytes, sha256);
    const stored = await to.sha256(key);
    if (stored !== sha256) {
      await to.delete(key);
      summary.problems.push({ key, outcome: 'failed', reason: `the ${to.kind} copy read back hashes to ${stored}: removed` });
      return 'failed';
    }
    await removeSource(key);
    return 'moved';
  };

  const stop = (why: string) => {
    summary.stoppedBy ??= why;
  };

  pages: for await (const page of options.pages) {
    let next = 0;
    const worker = async () => {
      while (next < page.length && !summary.stoppedBy) {
        if (signal?.aborted) return stop('interrupted');
        const object = page[next++];
        summary.seen++;
        let outcome: MoveOutcome;
        try {
          outcome = await moveOne(object);
        } catch (e) {
          if (e instanceof DomainError && e.code === 'STORAGE_UNAVAILABLE') {
            summary.seen--; // not looked at after all: the next run takes it
            return stop(`${e.message} (at ${object.key})`);
          }
          summary.problems.push({ key: object.key, outcome: 'failed', reason: reasonOf(e) });
          outcome = 'failed';
        }
        if (outcome === 'moved') summary.moved++;
        else if (outcome === 'already-there') summary.alreadyThere++;
        options.onObject?.(object, outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, page.length) }, worker));
    if (signal?.aborted) stop('interrupted');
    if (summary.stoppedBy) break pages;
  }
  return summary;
}

/** Every recording's audio object, `size` at a time in id order. */
export async function* audioPages(recordings: Pick<RecordingRepository, 'audioObjects'>, size = 500): AsyncIterable<AudioObject[]> {
  let after: string | null = null;
  for (;;) {
    const page = await recordings.audioObjects(after, size);
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].id;
  }
}

/** The command's exit codes: all there · some not moved (listed) · usage error · stopped before the end (run it again). */
export const MOVE_EXIT = { done: 0, someNotMoved: 1, usage: 2, stopped: 3 } as const;

export const moveExitCode = (s: MoveSummary): number => (s.stoppedBy ? MOVE_EXIT.stopped : s.problems.length ? MOVE_EXIT.someNotMoved : MOVE_EXIT.done);

/** The summary as the command prints it. */
export function moveSummaryText(s: MoveSummary): string {
  const lines = [
    `audio ${s.from} → ${s.to}: ${s.seen} looked at, ${s.moved} moved, ${s.alreadyThere} already there (SHA-256 checked), ${s.problems.length} not moved` +
      (s.sourceDeleted ? `, ${s.sourceDeleted} removed from ${s.from}` : ''),
  ];
  for (const p of s.problems) lines.push(`  ${p.outcome.padEnd(7)} ${p.key}: ${p.reason}`);
  if (s.stoppedBy) lines.push(`stopped: ${s.stoppedBy}. Run the same command again to go on; what is moved already is skipped.`);
  return lines.join('\n');
}
