/** The call player: waveform and transport, and the transcript that follows it. Used by every page that listens to a call. */
export { CallPlayer, type CallPlayerHandle, type CallPlayerProps, type PlayerRegion } from './call-player';
export { formatTime } from './format-time';
export { getRecordingPeaks, recordingAudioUrl, recordingPeaksQueryOptions, useRecordingPeaks, type WaveformPeaks } from './peaks';
export { currentSegmentIndex, Transcript, type TranscriptHighlight, type TranscriptProps } from './transcript';
