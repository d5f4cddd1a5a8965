import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audioFormatOf, sniffAudio } from '#server/recordings/audio/sniff.js';
import { encodeWav } from '#server/demo/demo-audio.js';

const MP3 = new Uint8Array(readFileSync(new URL('../../fixtures/audio/short.mp3', import.meta.url)));
const tone = (n = 800) => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin(i / 3));
const sniffFormat = (bytes: Uint8Array) => {
  const layout = sniffAudio(bytes);
  return layout && audioFormatOf(layout);
};

/** A WAV assembled byte by byte, for the shapes encodeWav never writes. */
function handMadeWav(fmt: { tag: number; channels?: number; rate?: number; bits: number; subFormatTag?: number; extraChunk?: boolean }): Uint8Array {
  const channels = fmt.channels ?? 1;
  const rate = fmt.rate ?? 8000;
  const blockAlign = (channels * fmt.bits) / 8;
  const extensible = fmt.subFormatTag !== undefined;
  const fmtBody = new Uint8Array(extensible ? 40 : 16);
  const f = new DataView(fmtBody.buffer);
  f.setUint16(0, fmt.tag, true);
  f.setUint16(2, channels, true);
  f.setUint32(4, rate, true);
  f.setUint32(8, rate * blockAlign, true);
  f.setUint16(12, blockAlign, true);
  f.setUint16(14, fmt.bits, true);
  if (extensible) {
    f.setUint16(16, 22, true);
    f.setUint16(18, fmt.bits, true);
    f.setUint32(20, 4, true);
    f.setUint16(24, fmt.subFormatTag!, true);
    // the rest of KSDATAFORMAT_SUBTYPE_*: 0000-0010-8000-00aa00389b71
    fmtBody.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 26);
  }
  const chunk = (id: string, body: Uint8Array) => {
    const out = new Uint8Array(8 + body.length + (body.length & 1));
    out.set([...id].map((c) => c.charCodeAt(0)));
    new DataView(out.buffer).setUint32(4, body.length, true);
    out.set(body, 8);
    return out;
  };
  const parts = [
    // An odd-sized LIST chunk before fmt: chunk walking must honour the pad byte.
    ...(fmt.extraChunk ? [chunk('LIST', new TextEncoder().encode('INFOISFT'.padEnd(13, 'x')))] : []),
    chunk('fmt ', fmtBody),
    chunk('data', new Uint8Array(blockAlign * 100)),
  ];
  const body = parts.reduce((n, p) => n + p.length, 4);
  const out = new Uint8Array(8 + body);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  new DataView(out.buffer).setUint32(4, body, true);
  out.set(
    [...'WAVE'].map((c) => c.charCodeAt(0)),
    8,
  );
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('sniffAudio: accepted', () => {
  it.each([
    ['PCM 16-bit mono', encodeWav([tone()], 8000, 'pcm16'), 'pcm16'],
    ['PCM 16-bit stereo', encodeWav([tone(), tone()], 16000, 'pcm16'), 'pcm16'],
    ['A-law', encodeWav([tone()], 8000, 'alaw'), 'alaw'],
    ['µ-law stereo', encodeWav([tone(), tone()], 8000, 'mulaw'), 'mulaw'],
    ['PCM after an odd-sized LIST chunk', handMadeWav({ tag: 1, bits: 16, extraChunk: true }), 'pcm16'],
    ['EXTENSIBLE with the PCM sub-format', handMadeWav({ tag: 0xfffe, bits: 16, subFormatTag: 1 }), 'pcm16'],
    ['EXTENSIBLE with the A-law sub-format', handMadeWav({ tag: 0xfffe, bits: 8, subFormatTag: 6 }), 'alaw'],
    ['EXTENSIBLE with the µ-law sub-format', handMadeWav({ tag: 0xfffe, bits: 8, subFormatTag: 7 }), 'mulaw'],
  ])('%s → wav/%s', (_title, bytes, codec) => {
    expect(sniffFormat(bytes)).toEqual({ container: 'wav', codec });
  });

  it('an MP3 with an ID3v2 tag', () => {
    expect(sniffFormat(MP3)).toEqual({ container: 'mp3' });
  });

  it('an MP3 that starts with a frame (no tag)', () => {
    const tagLength = 10 + ((MP3[6] << 21) | (MP3[7] << 14) | (MP3[8] << 7) | MP3[9]);
    expect(sniffFormat(MP3.subarray(tagLength))).toEqual({ container: 'mp3' });
  });
});

describe('sniffAudio: the layout decoding reads', () => {
  it('a WAV: codec, channels, rate, and where the samples are (after an odd-sized LIST chunk)', () => {
    // RIFF header 12, LIST 8 + 13 + pad 1, fmt 8 + 16, data header 8: samples start at byte 66.
    expect(sniffAudio(handMadeWav({ tag: 1, bits: 16, channels: 2, rate: 16000, extraChunk: true }))).toEqual({
      container: 'wav',
      codec: 'pcm16',
      channelCount: 2,
      sampleRate: 16000,
      blockAlign: 4,
      dataOffset: 66,
      dataLength: 400,
    });
  });

  it('a WAV whose data size a recorder overstated: only the bytes present count', () => {
    const wav = encodeWav([tone(800)], 8000, 'pcm16'); // 1,600 bytes of samples after a 44-byte header
    expect(sniffAudio(wav.subarray(0, wav.length - 300))).toMatchObject({ dataOffset: 44, dataLength: 1300 });
  });

  it('an MP3: where its first frame starts (after the ID3v2 tag) and the stream it announces', () => {
    const tagLength = 10 + ((MP3[6] << 21) | (MP3[7] << 14) | (MP3[8] << 7) | MP3[9]);
    expect(sniffAudio(MP3)).toMatchObject({ container: 'mp3', firstFrameOffset: tagLength, firstFrame: { sampleRate: 22050 } });
    expect(sniffAudio(MP3.subarray(tagLength))).toMatchObject({ container: 'mp3', firstFrameOffset: 0 });
  });
});

describe('sniffAudio: refused', () => {
  const text = new TextEncoder().encode('This is a text file someone named call.wav\n'.repeat(20));
  const ogg = new Uint8Array(200);
  ogg.set([0x4f, 0x67, 0x67, 0x53, 0, 2]); // "OggS"
  const tagOnly = MP3.subarray(0, 40); // ID3 tag, then a frame cut short
  const tagLength = 10 + ((MP3[6] << 21) | (MP3[7] << 14) | (MP3[8] << 7) | MP3[9]);
  const withHeader = (patch: (h: Uint8Array) => void) => {
    const copy = MP3.slice(tagLength);
    patch(copy);
    return copy;
  };
  // A lone frame sync followed by noise: the second-frame check is what refuses it.
  const syncThenNoise = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 251);
  syncThenNoise.set([0xff, 0xf3, 0x80, 0xc4]);

  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a text file named .wav', text],
    ['an OGG', ogg],
    [
      'RIFF but not WAVE',
      (() => {
        const b = encodeWav([tone()], 8000);
        b.set([0x41, 0x56, 0x49, 0x20], 8);
        return b;
      })(),
    ],
    ['WAV without a fmt chunk', encodeWav([tone()], 8000).slice(0, 12)],
    ['WAV 8-bit PCM', handMadeWav({ tag: 1, bits: 8 })],
    ['WAV 24-bit PCM', handMadeWav({ tag: 1, bits: 24 })],
    ['WAV 32-bit float', handMadeWav({ tag: 3, bits: 32 })],
    ['WAV IMA ADPCM', handMadeWav({ tag: 0x11, bits: 4 })],
    ['WAV EXTENSIBLE float', handMadeWav({ tag: 0xfffe, bits: 32, subFormatTag: 3 })],
    ['WAV with 0 channels', handMadeWav({ tag: 1, bits: 16, channels: 0 })],
    ['an ID3 tag with a truncated frame', tagOnly],
    [
      'MPEG version "reserved"',
      withHeader((h) => {
        h[1] = (h[1] & ~0x18) | 0x08;
      }),
    ],
    [
      'Layer II, not III',
      withHeader((h) => {
        h[1] = (h[1] & ~0x06) | 0x04;
      }),
    ],
    [
      'bitrate index 0 (free format)',
      withHeader((h) => {
        h[2] &= 0x0f;
      }),
    ],
    [
      'bitrate index 15',
      withHeader((h) => {
        h[2] |= 0xf0;
      }),
    ],
    [
      'sample-rate index 3',
      withHeader((h) => {
        h[2] |= 0x0c;
      }),
    ],
    ['a frame sync followed by noise', syncThenNoise],
  ])('%s → null', (_title, bytes) => {
    expect(sniffAudio(bytes)).toBeNull();
  });
});
