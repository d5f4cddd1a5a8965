import { pipeline, type Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { Response } from 'express';

/** A streamed answer: the audio of a recording, from whichever storage holds it. */
export interface StreamedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Readable;
}

const logger = new Logger('Streams');

/**
 * The one way a stream goes out to the player. `stream.pipeline` ties the two ends together: a
 * player that hangs up (it seeks, it closes the tab) destroys the source, so an S3 download stops and
 * its connection goes back to the pool, and a source failing halfway cuts the answer short rather than
 * leaving the player waiting for bytes that never come.
 */
export function sendStream(res: Response, answer: StreamedAnswer): void {
  res.status(answer.status).set(answer.headers);
  pipeline(answer.body, res, (err) => {
    if (!err) return;
    if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.warn(`stream cut short: ${err.message}`);
    if (!res.destroyed) res.destroy();
  });
}
