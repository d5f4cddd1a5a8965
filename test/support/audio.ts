import { readFileSync } from 'node:fs';
import { encodeWav } from '#server/demo/demo-audio.js';

/** A call-like signal: a 440 Hz tone, so decoding and peaks have something to find. */
export function toneWav(seconds: number, opts: { sampleRate?: number; codec?: 'pcm16' | 'alaw' | 'mulaw'; channels?: number } = {}): Buffer {
  const sampleRate = opts.sampleRate ?? 8000;
  const frames = Math.round(seconds * sampleRate);
  const channels = Array.from({ length: opts.channels ?? 1 }, (_, c) => {
    const data = new Float32Array(frames);
    for (let i = 0; i < frames; i++) data[i] = 0.5 * Math.sin((2 * Math.PI * (440 + c * 110) * i) / sampleRate);
    return data;
  });
  return Buffer.from(encodeWav(channels, sampleRate, opts.codec ?? 'pcm16'));
}

export const shortMp3 = () => readFileSync(new URL('../fixtures/audio/short.mp3', import.meta.url));

/** A transcript that keeps the standard: greeting, courtesy, confirmation, closing. */
export const politeTranscript = () => ({
  language: 'zh-CN',
  segments: [
    { speaker: 'agent', start: 0.2, end: 2.4, text: '您好，很高兴为您服务' },
    { speaker: 'customer', start: 2.6, end: 5.1, text: '你好，我想问一下话费' },
    { speaker: 'agent', start: 5.3, end: 8.0, text: '请稍等，我帮您查询一下，谢谢' },
  ],
});
