import { describe, expect, it } from 'vitest';
import { ManifestError, readManifest } from '#scripts/import/manifest.js';

const HEADER = 'externalId,agent,startedAt,direction,customerNumber,audio,transcript';

describe('readManifest', () => {
  it('reads each call with the manifest line it came from, skipping blank and bare-comma lines', () => {
    const rows = readManifest(
      `${HEADER}\n` +
        'c-1,E001,2026-11-27T09:30:00+08:00,inbound,13812345678,audio/c-1.wav,text/c-1.json\n' +
        '\n' +
        'c-2,E002,2026-11-27T09:31:00+08:00,outbound,,audio/c-2.wav,\n' +
        ',,,,,,\n' +
        'c-3,E001,2026-11-27T09:32:00+08:00,inbound,,audio/c-3.mp3,\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        externalId: 'c-1',
        agent: 'E001',
        startedAt: '2026-11-27T09:30:00+08:00',
        direction: 'inbound',
        customerNumber: '13812345678',
        audio: 'audio/c-1.wav',
        transcript: 'text/c-1.json',
      },
      { line: 4, externalId: 'c-2', agent: 'E002', startedAt: '2026-11-27T09:31:00+08:00', direction: 'outbound', audio: 'audio/c-2.wav' },
      { line: 6, externalId: 'c-3', agent: 'E001', startedAt: '2026-11-27T09:32:00+08:00', direction: 'inbound', audio: 'audio/c-3.mp3' },
    ]);
  });

  it('takes the optional businessType and channels columns, headings in any case and order, after a BOM', () => {
    const [row] = readManifest(
      '\uFEFFAudio,ExternalId,AGENT,startedat,direction,customerNumber,transcript,channels,businessType\n' +
        'a.wav,c-1,E001,2026-11-27T09:30:00+08:00,inbound,,,stereo-agent-left,话费查询\n',
    );
    expect(row).toEqual({
      line: 2,
      externalId: 'c-1',
      agent: 'E001',
      startedAt: '2026-11-27T09:30:00+08:00',
      direction: 'inbound',
      audio: 'a.wav',
      channels: 'stereo-agent-left',
      businessType: '话费查询',
    });
  });

  it('reads a manifest saved as GB18030 by Excel', () => {
    const head = new TextEncoder().encode(`${HEADER},businessType\nc-1,E001,2026-11-27T09:30:00+08:00,inbound,,a.wav,,`);
    const gb = Uint8Array.from([...head, 0xbb, 0xb0, 0xb7, 0xd1, 0x0a]); // 话费 in GB18030
    expect(readManifest(gb)[0].businessType).toBe('话费');
  });

  it('keeps quoted commas inside a value', () => {
    const [row] = readManifest(`${HEADER},businessType\nc-1,E001,2026-11-27T09:30:00+08:00,inbound,,"calls, 27 Nov/c-1.wav",,"账单,话费"\n`);
    expect(row).toMatchObject({ audio: 'calls, 27 Nov/c-1.wav', businessType: '账单,话费' });
    expect(row.problem).toBeUndefined();
  });

  it.each([
    ['missing values', 'c-1,,2026-11-27T09:30:00+08:00,,,a.wav,', 'missing agent, direction'],
    ['no audio', 'c-1,E001,2026-11-27T09:30:00+08:00,inbound,,,', 'missing audio'],
    ['a short row', 'c-1,E001', 'missing startedAt, direction, audio'],
    ['an unquoted comma in a value', 'c-1,E001,2026-11-27T09:30:00+08:00,inbound,,calls, 27 Nov/a.wav,a.json', 'more values than the 7 columns'],
  ])('marks a row with %s, keeping the rest of the day', (_title, line, problem) => {
    const rows = readManifest(`${HEADER}\n${line}\nc-2,E001,2026-11-27T09:30:00+08:00,inbound,,c-2.wav,\n`);
    expect(rows[0]).toMatchObject({ line: 2, problem: expect.stringContaining(problem) });
    expect(rows[1].problem).toBeUndefined();
  });

  it('marks an externalId that repeats an earlier line', () => {
    const call = (audio: string) => `c-1,E001,2026-11-27T09:30:00+08:00,inbound,,${audio},`;
    const rows = readManifest(`${HEADER}\n${call('a.wav')}\n${call('b.wav')}\n`);
    expect(rows[0].problem).toBeUndefined();
    expect(rows[1]).toMatchObject({ line: 3, problem: 'externalId c-1 repeats line 2' });
  });

  it('answers no rows for a header alone (a quiet day)', () => {
    expect(readManifest(`${HEADER}\n`)).toEqual([]);
  });

  it.each([
    ['an empty file', '', 'empty'],
    ['a missing column', 'externalId,agent,startedAt,direction,audio,transcript\n', 'missing customerNumber'],
    ['a misspelt column', `${HEADER},chanels\n`, 'unknown chanels'],
    ['a column named twice', `${HEADER},agent\n`, 'agent twice'],
    ['an unclosed quote', `${HEADER}\nc-1,"E001,2026-11-27T09:30:00+08:00,inbound,,a.wav,\n`, 'not a readable CSV'],
  ])('refuses the whole manifest for %s', (_title, text, words) => {
    expect(() => readManifest(text)).toThrow(ManifestError);
    expect(() => readManifest(text)).toThrow(words);
  });
});
