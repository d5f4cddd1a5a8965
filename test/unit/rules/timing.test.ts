import { describe, expect, it } from 'vitest';
import { findInterruptions, findSilences } from '#shared/rules/timing.js';
import type { Segment } from '#shared/rules/types.js';

const seg = (speaker: Segment['speaker'], start: number, end: number, text = '嗯'): Segment => ({ speaker, start, end, text });

/** The rules read segments in start order; these are the same calls with their segments shuffled. */
const calls: [title: string, segments: Segment[], interruptions: number[], silences: number[]][] = [
  ['an agent cutting in on a customer', [seg('customer', 0, 5), seg('agent', 3, 6), seg('agent', 20, 22)], [1], [2]],
  ['two customer turns, each cut in on', [seg('customer', 0, 5), seg('agent', 3, 6), seg('customer', 10, 20), seg('agent', 12, 15)], [1, 3], []],
  ['a long customer turn overlapped twice', [seg('customer', 0, 30), seg('agent', 2, 4), seg('agent', 10, 10.5), seg('agent', 12, 14)], [1, 3], []],
  ['a customer starting inside an agent turn is no interruption', [seg('agent', 0, 5), seg('customer', 2, 8), seg('agent', 19, 21)], [], [2]],
  ['a segment inside another does not end the speech', [seg('agent', 0, 30), seg('customer', 5, 6), seg('agent', 35, 36)], [], []],
  ['gaps of exactly the threshold', [seg('agent', 0, 1), seg('customer', 11, 12), seg('agent', 12.5, 13.5)], [], [1]],
];

describe('timing rules', () => {
  it.each(calls)('%s: the same evidence in time order and shuffled', (_title, segments, interruptions, silences) => {
    const inOrder = { interrupt: findInterruptions(segments, 1), silence: findSilences(segments, 10) };
    expect(inOrder.interrupt.map((e) => e.segment)).toEqual(interruptions);
    expect(inOrder.silence.map((e) => e.segment)).toEqual(silences);
    // Reversed: indexes name the same segments in the reversed array.
    const reversed = [...segments].reverse();
    const back = (i: number) => segments.length - 1 - i;
    expect(
      findInterruptions(reversed, 1)
        .map((e) => ({ ...e, segment: back(e.segment) }))
        .sort((a, b) => a.segment - b.segment),
    ).toEqual(inOrder.interrupt);
    expect(findSilences(reversed, 10).map((e) => ({ ...e, segment: back(e.segment) }))).toEqual(inOrder.silence);
  });
});
