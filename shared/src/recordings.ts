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

/** The masking of customer numbers lives in `masking.ts`; re-exported here for older imports. */
export { maskPhoneNumber } from './masking.js';
