/**
 * Tells a supported recording format from its bytes alone (CONTRACT.md "Recordings in": judged by
 * its bytes, not its name). Cheap: reads headers only, so ingestion can refuse with 415 before
 * storing or decoding anything. The headers are read here once: the layout it answers is all that
 * decoding (`analyse.ts`) needs to know about where the samples are and how they are coded.
 */

export type WavCodec = 'pcm16' | 'alaw' | 'mulaw';
export type AudioFormat = { container: 'wav'; codec: WavCodec } | { container: 'mp3' };

/** Where a WAV file's samples are and how to read them. */
export interface WavLayout {
  container: 'wav';
  codec: WavCodec;
  channelCount: number;
  sampleRate: number;
  blockAlign: number;
  dataOffset: number;
  /** Bytes of sample data actually present (a recorder killed mid-call leaves a size that overstates it). */
  dataLength: number;
}

/** Where an MP3's frames start (after any ID3v2 tag) and the stream its first frame announces. */
export interface Mp3Layout {
  container: 'mp3';
  firstFrameOffset: number;
  firstFrame: Mp3FrameHeader;
}

export type AudioLayout = WavLayout | Mp3Layout;

/** The layout of a supported recording, or null for anything else (answered 415 by ingestion). */
export function sniffAudio(bytes: Uint8Array): AudioLayout | null {
  return readWavLayout(bytes) ?? readMp3Layout(bytes);
}

/** What is stored and shown of a layout: the container, and the codec inside a WAV. */
export function audioFormatOf(layout: AudioLayout): AudioFormat {
  return layout.container === 'wav' ? { container: 'wav', codec: layout.codec } : { container: 'mp3' };
}

// ---------------------------------------------------------------- WAV

const FORMAT_PCM = 1;
const FORMAT_ALAW = 6;
const FORMAT_MULAW = 7;
const FORMAT_EXTENSIBLE = 0xfffe;

const ascii = (b: Uint8Array, at: number, text: string) => {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

/**
 * Reads the RIFF/WAVE chunk list. Returns null for anything that is not a WAV we decode: other
 * sample formats (8-bit PCM, float, ADPCM…), a missing fmt chunk, or impossible header values.
 * A missing data chunk still counts as WAV here (dataLength 0): the format is right, the body is
 * not, and `analyseAudio` reports that separately.
 */
function readWavLayout(bytes: Uint8Array): WavLayout | null {
  if (bytes.length < 12 || !ascii(bytes, 0, 'RIFF') || !ascii(bytes, 8, 'WAVE')) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: WavFmt | null = null;
  let dataOffset = -1;
  let dataLength = 0;
  for (let at = 12; at + 8 <= bytes.length;) {
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (ascii(bytes, at, 'fmt ')) {
      fmt = readFmt(view, body, Math.min(size, bytes.length - body));
      if (!fmt) return null;
    } else if (ascii(bytes, at, 'data')) {
      dataOffset = body;
      // Streaming recorders write 0 or 0xFFFFFFFF before they know the size: take what is there.
      dataLength = size === 0 || size === 0xffffffff ? bytes.length - body : Math.min(size, bytes.length - body);
      if (fmt) break;
    }
    at = body + size + (size & 1); // chunks are padded to an even length
  }
  if (!fmt) return null;
  return { container: 'wav', ...fmt, dataOffset: Math.max(dataOffset, 0), dataLength };
}

type WavFmt = Pick<WavLayout, 'codec' | 'channelCount' | 'sampleRate' | 'blockAlign'>;

function readFmt(view: DataView, at: number, size: number): WavFmt | null {
  if (size < 16) return null;
  let tag = view.getUint16(at, true);
  const channelCount = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bits = view.getUint16(at + 14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    // WAVEFORMATEXTENSIBLE: cbSize(2) validBits(2) channelMask(4), then the sub-format GUID whose
    // first two bytes are the plain format tag.
    if (size < 40) return null;
    tag = view.getUint16(at + 24, true);
  }
  const codec: WavCodec | null =
    tag === FORMAT_PCM && bits === 16 ? 'pcm16' : tag === FORMAT_ALAW && bits === 8 ? 'alaw' : tag === FORMAT_MULAW && bits === 8 ? 'mulaw' : null;
  if (!codec || channelCount < 1 || sampleRate < 1) return null;
  if (blockAlign !== channelCount * (bits / 8)) return null;
  return { codec, channelCount, sampleRate, blockAlign };
}

// ---------------------------------------------------------------- MP3

export interface Mp3FrameHeader {
  /** MPEG version bits: 0 = 2.5, 2 = 2, 3 = 1 (1 is reserved and never returned). */
  version: number;
  sampleRate: number;
  frameLength: number;
}

const LAYER3_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/** Parses a Layer III frame header, refusing every reserved or "free format" value. */
export function readMp3FrameHeader(b: Uint8Array, at: number): Mp3FrameHeader | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0) return null;
  const version = (b[at + 1] >> 3) & 3;
  const layer = (b[at + 1] >> 1) & 3;
  const bitrateIndex = b[at + 2] >> 4;
  const rateIndex = (b[at + 2] >> 2) & 3;
  const padding = (b[at + 2] >> 1) & 1;
  const emphasis = b[at + 3] & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3 || emphasis === 2) return null;
  const kbps = (version === 3 ? LAYER3_KBPS.mpeg1 : LAYER3_KBPS.mpeg2)[bitrateIndex];
  const sampleRate = SAMPLE_RATES[version][rateIndex];
  // MPEG-1 Layer III frames hold 1152 samples, MPEG-2/2.5 hold 576: 144 or 72 bytes per kbit/s·Hz.
  const frameLength = Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return { version, sampleRate, frameLength };
}

/** Size of a leading ID3v2 tag (0 when there is none). */
function id3v2Length(b: Uint8Array): number {
  if (b.length < 10 || !ascii(b, 0, 'ID3')) return 0;
  // The size is "syncsafe": four 7-bit bytes.
  if ((b[6] | b[7] | b[8] | b[9]) & 0x80) return -1;
  const size = (b[6] << 21) | (b[7] << 14) | (b[8] << 7) | b[9];
  const footer = b[5] & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** Where the first frame should start: after the ID3v2 tag, if any; −1 for a malformed tag. */
function firstFrameOffset(b: Uint8Array): number {
  let at = id3v2Length(b);
  // Some taggers leave zero padding after the tag that its size does not cover.
  while (at > 0 && at < b.length && b[at] === 0 && at < 64 * 1024) at++;
  return at;
}

/**
 * Share (0…1) of the bytes after the ID3v2 tag that lie in well-formed frames of the first frame's
 * stream. The decoder skips garbage silently (it only logs), so a valid header on a corrupt body
 * would otherwise be stored as a few milliseconds of audio. Resyncs byte by byte after junk, so a
 * glitch midway through a long call costs only the damaged part. Starts from the sniffed layout:
 * the tag and the first header are not read again.
 */
export function mp3FrameCoverage(b: Uint8Array, layout: Mp3Layout): number {
  return mp3FrameStats(b, layout).coverage;
}

/**
 * One scan of the frames: the share of well-formed bytes (`mp3FrameCoverage`) and the duration the
 * frames hold (1152 samples a frame for MPEG-1, 576 for MPEG-2/2.5), known before anything is decoded.
 */
export function mp3FrameStats(b: Uint8Array, layout: Mp3Layout): { coverage: number; frames: number; seconds: number } {
  const { firstFrameOffset: start, firstFrame: first } = layout;
  let covered = 0;
  let frames = 0;
  for (let at = start; at + 4 <= b.length;) {
    const frame = readMp3FrameHeader(b, at);
    if (frame && frame.version === first.version && frame.sampleRate === first.sampleRate && at + frame.frameLength <= b.length) {
      covered += frame.frameLength;
      frames++;
      at += frame.frameLength;
    } else at++;
  }
  // An ID3v1 tag (128 bytes) at the end is not audio but not damage either.
  const trailer = b.length - start >= 128 && ascii(b, b.length - 128, 'TAG') ? 128 : 0;
  const seconds = (frames * (first.version === 3 ? 1152 : 576)) / first.sampleRate;
  return { coverage: Math.min(1, covered / (b.length - start - trailer)), frames, seconds };
}

/**
 * An MP3 is an optional ID3v2 tag, then a valid Layer III frame that is followed by another frame
 * of the same stream (or the end of the file, or an ID3v1 tag). Two headers in a row is what makes a
 * random 0xFFEx pair in a text or binary file not count.
 */
function readMp3Layout(b: Uint8Array): Mp3Layout | null {
  const at = firstFrameOffset(b);
  const first = at < 0 ? null : readMp3FrameHeader(b, at);
  if (!first) return null;
  const layout: Mp3Layout = { container: 'mp3', firstFrameOffset: at, firstFrame: first };
  const next = at + first.frameLength;
  if (next + 4 > b.length) return next <= b.length ? layout : null;
  if (ascii(b, next, 'TAG')) return layout;
  const second = readMp3FrameHeader(b, next);
  return second !== null && second.version === first.version && second.sampleRate === first.sampleRate ? layout : null;
}
