/** How far an import has come, after each call. */
export interface ImportProgress {
  total: number;
  done: number;
  imported: number;
  skipped: number;
  refused: number;
  elapsedSeconds: number;
}

/** `[#####-----] 120/500  imported 100 · skipped 15 · refused 5  12.3 calls/s` */
export function progressLine(p: ImportProgress, width = 10): string {
  const filled = p.total ? Math.floor((p.done / p.total) * width) : width;
  const rate = p.elapsedSeconds > 0 ? p.done / p.elapsedSeconds : 0;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total}  ` +
    `imported ${p.imported} · skipped ${p.skipped} · refused ${p.refused}  ${rate.toFixed(1)} calls/s`
  );
}

/**
 * Shows progress on a stream (stderr, so stdout keeps only the summary). A terminal gets one line
 * rewritten in place; a log file or CI gets a line every 5 %, since `\r` there only piles up.
 */
export function progressPrinter(out: Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean }) {
  let shownStep = -1;
  let drawn = false;
  return {
    update(p: ImportProgress): void {
      if (out.isTTY) {
        // \x1b[K clears what a longer earlier line left to the right.
        out.write(`\r${progressLine(p)}\x1b[K`);
        drawn = true;
        return;
      }
      const step = p.total ? Math.floor((p.done / p.total) * 20) : 20;
      if (step > shownStep) {
        shownStep = step;
        out.write(`${progressLine(p)}\n`);
      }
    },
    /** Ends the rewritten line so what follows starts on its own. */
    finish(): void {
      if (drawn) out.write('\n');
    },
  };
}
