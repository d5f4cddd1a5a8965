/**
 * A small Aho–Corasick automaton over UTF-16 code units (STACK.md trap 12: grapheme-based libraries
 * are slower than a loop of `includes` on Chinese; code units are what we need anyway, since
 * normalised text and sound strings are plain code-unit sequences).
 *
 * Built once per phrase set into a dense DFA: code units are first mapped to a small alphabet of the
 * characters that occur in some pattern (anything else sends the automaton back to the root), then
 * one Int32Array row per state gives the next state for every alphabet letter. Size is
 * states × alphabet, a few MB for hundreds of phrases; fine for checklists, not for dictionaries.
 * A caller that already holds letters (see `letter`) scans them directly with `scanPacked`.
 */

export interface Match {
  patternIndex: number;
  /** [start, end) in code units of the searched text. */
  start: number;
  end: number;
}

export type MatchHandler = (patternIndex: number, start: number, end: number) => void;

export class AhoCorasick {
  readonly patterns: readonly string[];
  /** Code unit → alphabet letter (1…); 0 = occurs in no pattern. */
  private readonly letterOf = new Uint16Array(0x10000);
  private readonly width: number;
  /**
   * next[row + letter] = the next state's row (state × width), negated when patterns end there: a
   * character then costs one read, and letter 0 (in no pattern) leads back to the root by itself.
   */
  private readonly next: Int32Array;
  /** Patterns ending at state s: outputs[outputStart[s] … outputStart[s + 1]). */
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;
  private readonly lengths: Int32Array;

  /** Empty patterns never match. */
  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    this.lengths = Int32Array.from(patterns, (p) => p.length);

    let letters = 0;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const unit = p.charCodeAt(i);
        if (this.letterOf[unit] === 0) this.letterOf[unit] = ++letters;
      }
    }
    this.width = letters + 1;

    // 1. The trie, with sparse children while building.
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    patterns.forEach((p, index) => {
      if (p.length === 0) return;
      let state = 0;
      for (let i = 0; i < p.length; i++) {
        const letter = this.letterOf[p.charCodeAt(i)];
        let child = children[state].get(letter);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          own.push([]);
          children[state].set(letter, child);
        }
        state = child;
      }
      own[state].push(index);
    });

    // 2. Breadth first: failure links turned straight into DFA transitions, outputs merged along them.
    const states = children.length;
    const next = new Int32Array(states * this.width);
    const fail = new Int32Array(states);
    const merged: number[][] = new Array(states);
    merged[0] = own[0];
    const queue: number[] = [];
    for (const [letter, child] of children[0]) {
      next[letter] = child;
      fail[child] = 0;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      merged[state] = own[state].concat(merged[fail[state]]);
      const row = state * this.width;
      const failRow = fail[state] * this.width;
      for (let letter = 1; letter < this.width; letter++) next[row + letter] = next[failRow + letter];
      for (const [letter, child] of children[state]) {
        fail[child] = next[failRow + letter];
        next[row + letter] = child;
        queue.push(child);
      }
    }

    this.next = new Int32Array(next.length);
    for (let i = 0; i < next.length; i++) {
      const target = next[i];
      this.next[i] = merged[target].length > 0 ? -target * this.width : target * this.width;
    }

    this.outputStart = new Int32Array(states + 1);
    let total = 0;
    for (let s = 0; s < states; s++) {
      this.outputStart[s] = total;
      total += merged[s].length;
    }
    this.outputStart[states] = total;
    this.outputs = new Int32Array(total);
    for (let s = 0; s < states; s++) this.outputs.set(merged[s], this.outputStart[s]);
  }

  /** The alphabet letter of a code unit (1…), 0 when no pattern has it. */
  letter(unit: number): number {
    return this.letterOf[unit];
  }

  /** Calls `onMatch` for every occurrence, overlapping ones included, in order of their end. */
  scan(codes: ArrayLike<number>, length: number, onMatch: MatchHandler): void {
    const { letterOf, next } = this;
    let row = 0;
    for (let i = 0; i < length; i++) {
      row = next[row + letterOf[codes[i]]];
      if (row < 0) row = this.report(-row, i, onMatch);
    }
  }

  /**
   * Scans letters packed two by code unit: this automaton's in the low 16 bits, `other`'s (if any) in
   * the high ones, both in one loop.
   */
  scanPacked(packed: Uint32Array, length: number, onMatch: MatchHandler, other: AhoCorasick | null, onOther: MatchHandler): void {
    const next = this.next;
    let row = 0;
    if (!other) {
      for (let i = 0; i < length; i++) {
        row = next[row + (packed[i] & 0xffff)];
        if (row < 0) row = this.report(-row, i, onMatch);
      }
      return;
    }
    const otherNext = other.next;
    let otherRow = 0;
    for (let i = 0; i < length; i++) {
      const cell = packed[i];
      row = next[row + (cell & 0xffff)];
      otherRow = otherNext[otherRow + (cell >>> 16)];
      if ((row | otherRow) < 0) {
        if (row < 0) row = this.report(-row, i, onMatch);
        if (otherRow < 0) otherRow = other.report(-otherRow, i, onOther);
      }
    }
  }

  /** Reports the patterns ending at position i in the state of `row`; returns the row. */
  private report(row: number, i: number, onMatch: MatchHandler): number {
    const { outputStart, outputs, lengths } = this;
    const state = row / this.width;
    const last = outputStart[state + 1];
    for (let k = outputStart[state]; k < last; k++) {
      const pattern = outputs[k];
      onMatch(pattern, i + 1 - lengths[pattern], i + 1);
    }
    return row;
  }

  /** All occurrences in a string, overlapping ones included. */
  search(text: string): Match[] {
    const codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    const matches: Match[] = [];
    this.scan(codes, codes.length, (patternIndex, start, end) => matches.push({ patternIndex, start, end }));
    return matches;
  }
}
