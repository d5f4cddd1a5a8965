/** Recording vocabulary shared by server and web (CONTRACT.md "Recordings in"). */

export enum CallDirection {
  Inbound = 'inbound',
  Outbound = 'outbound',
}

/** Which side of a stereo file is the agent; mono files mix both speakers. */
export enum ChannelLayout {
  Mono = 'mono',
  StereoAgentLeft = 'stereo-agent-left',
  StereoAgentRight = 'stereo-agent-right',
}

export type Speaker = 'agent' | 'customer';

export interface TranscriptSegment {
  speaker: Speaker;
  start: number;
  end: number;
  text: string;
}

export interface TranscriptDocument {
  language?: string;
  segments: TranscriptSegment[];
}

/** 13812345678 → 138****5678: enough to recognise a caller on the phone, not to dial them. */
export function maskPhoneNumber(number: string | null | undefined): string | null {
  if (!number) return number ?? null;
  const digits = number.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(number.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
