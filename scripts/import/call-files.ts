import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestRow } from './manifest.js';

/** CONTRACT.md "Recordings in": the `metadata` field of POST /api/recordings. */
export interface RecordingMetadata {
  externalId: string;
  agent: string;
  startedAt: string;
  direction: string;
  customerNumber?: string;
  businessType?: string;
  channels?: string;
}

/** One call ready to post: everything read from disk, nothing yet judged by the server. */
export interface CallUpload {
  metadata: RecordingMetadata;
  audio: Buffer;
  audioName: string;
  /** The transcript as a JSON string, already known to parse. */
  transcript?: string;
}

/**
 * Reads a row's audio and transcript from the folder. Only what the server cannot see from here is
 * checked (a file missing, a transcript that is not JSON); whether the audio or metadata are good is
 * the server's to say, so its message stays the single source of truth.
 */
export async function loadCall(folder: string, row: ManifestRow): Promise<{ call: CallUpload } | { problem: string }> {
  const audio = await readCallFile(folder, row.audio, 'audio');
  if (typeof audio === 'string') return { problem: audio };

  let transcript: string | undefined;
  if (row.transcript) {
    const bytes = await readCallFile(folder, row.transcript, 'transcript');
    if (typeof bytes === 'string') return { problem: bytes };
    try {
      // A BOM is what Windows editors add and JSON.parse rejects; it is not a broken transcript.
      transcript = JSON.stringify(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
    } catch (e) {
      return { problem: `transcript file ${row.transcript} is not valid JSON: ${(e as Error).message}` };
    }
  }

  const metadata: RecordingMetadata = { externalId: row.externalId, agent: row.agent, startedAt: row.startedAt, direction: row.direction };
  // Empty cells are left out, not sent as "": to the server an empty customerNumber is a bad number, not none.
  if (row.customerNumber) metadata.customerNumber = row.customerNumber;
  if (row.businessType) metadata.businessType = row.businessType;
  if (row.channels) metadata.channels = row.channels;
  return { call: { metadata, audio, audioName: path.basename(row.audio), transcript } };
}

/** The file's bytes, or why they cannot be had, in the operator's words. */
async function readCallFile(folder: string, relative: string, what: 'audio' | 'transcript'): Promise<Buffer | string> {
  try {
    return await readFile(path.resolve(folder, relative));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${what} file ${relative} not found`;
    if (code === 'EISDIR') return `${what} ${relative} is a folder, not a file`;
    return `${what} file ${relative} cannot be read (${code ?? (e as Error).message})`;
  }
}
