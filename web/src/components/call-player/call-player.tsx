import { Alert, Button, Flex, Segmented, Skeleton, Tooltip, Typography, theme } from 'antd';
import { type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import { ChannelLayout } from '#shared/recordings';
import { formatTime } from './format-time';
import type { WaveformPeaks } from './peaks';

/** A stretch of the call marked on the waveform (an evidence, a scored moment). */
export interface PlayerRegion {
  id: string;
  /** Seconds. */
  start: number;
  /** Seconds; equal to `start` (or omitted) for a point marker. */
  end?: number;
  /** Any CSS colour; keep it translucent so the waveform shows through. */
  color?: string;
  /** A short text shown on the region. */
  label?: string;
}

/** What the page around the player can do to it. */
export interface CallPlayerHandle {
  seek(seconds: number): void;
  play(): void;
  pause(): void;
  getCurrentTime(): number;
  /** The stretches of the call actually played so far (the audio element's `played` ranges), in seconds. */
  played(): { start: number; end: number }[];
}

export interface CallPlayerProps {
  /** The audio to stream, e.g. `recordingAudioUrl(id)`; the browser fetches ranges of it as it plays. */
  audioUrl: string;
  /** Precomputed peaks and duration: with them the browser never downloads and decodes the whole file. */
  peaks: WaveformPeaks;
  /** Which side is the agent on a stereo file; a stereo call shows agent and customer as two lanes, agent first. */
  layout?: ChannelLayout;
  /** Regions to show; the list is the truth (controlled): change it to add, move or remove regions. */
  regions?: readonly PlayerRegion[];
  /** Let the user drag across the waveform to mark a new stretch (reported by `onRegionCreated`). */
  dragToCreateRegions?: boolean;
  /** A stretch the user dragged out; add it to `regions` to keep it on the waveform. */
  onRegionCreated?: (region: { start: number; end: number }) => void;
  onRegionClick?: (region: PlayerRegion) => void;
  /** The playback position as it moves (about ten times a second) and after every seek. */
  onTimeUpdate?: (seconds: number) => void;
  onPlayingChange?: (playing: boolean) => void;
  onReady?: (duration: number) => void;
  /** Space plays and pauses, ← and → skip 5 s (not while typing in a field). Default on. */
  keyboard?: boolean;
  /** Height of one waveform lane in pixels. */
  laneHeight?: number;
  ref?: Ref<CallPlayerHandle>;
}

const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;
const SKIP_SECONDS = 5;
const LANE_GAP = 0;

/** Focus in a field (or an editable element): keys belong to it, not to the player. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // A radio or checkbox (antd Segmented is radios) does not take text: the player may have the keys.
  const type = (target as HTMLInputElement).type;
  return type !== 'radio' && type !== 'checkbox' && type !== 'button' && type !== 'range';
}

/** Mono: one lane that keeps, at each point, the louder of the channels (a mono layout with a stereo file). */
function monoPeaks(channels: number[][]): number[][] {
  if (channels.length <= 1) return channels;
  const [first, ...rest] = channels;
  return [first.map((value, i) => rest.reduce((best, channel) => (Math.abs(channel[i] ?? 0) > Math.abs(best) ? channel[i] : best), value))];
}

/** #1677ff → #1677ff66; a colour in another notation gives `otherwise` (by default itself). */
const translucent = (color: string, alphaHex = '66', otherwise = color) => (/^#[0-9a-f]{6}$/i.test(color) ? `${color}${alphaHex}` : otherwise);

const sameRegions = (a: readonly PlayerRegion[], b: readonly PlayerRegion[]) =>
  a.length === b.length && a.every((r, i) => r.id === b[i].id && r.start === b[i].start && r.end === b[i].end && r.color === b[i].color && r.label === b[i].label);

/**
 * A call's waveform and transport: wavesurfer.js drawn from precomputed peaks, the audio streamed by
 * the browser's <audio> element. Stereo calls show an agent lane and a customer lane.
 */
export function CallPlayer({
  audioUrl,
  peaks,
  layout = ChannelLayout.Mono,
  regions,
  dragToCreateRegions = false,
  onRegionCreated,
  onRegionClick,
  onTimeUpdate,
  onPlayingChange,
  onReady,
  keyboard = true,
  laneHeight,
  ref,
}: CallPlayerProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const containerRef = useRef<HTMLDivElement>(null);
  const waveRef = useRef<WaveSurfer | null>(null);
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [speed, setSpeed] = useState<number>(1);

  // The latest callbacks, read by wavesurfer's listeners without re-creating the player.
  const callbacks = useRef({ onRegionCreated, onRegionClick, onTimeUpdate, onPlayingChange, onReady, regions });
  callbacks.current = { onRegionCreated, onRegionClick, onTimeUpdate, onPlayingChange, onReady, regions };
  const speedRef = useRef(speed);
  speedRef.current = speed;
  /** The regions on the waveform that came from props, and whether we are adding them (not the user). */
  const shownRegions = useRef<readonly PlayerRegion[]>([]);
  const addingRegions = useRef(false);

  const stereo = (layout === ChannelLayout.StereoAgentLeft || layout === ChannelLayout.StereoAgentRight) && peaks.channels.length >= 2;
  const lane = laneHeight ?? (stereo ? 64 : 96);
  /** Lanes top to bottom: the agent first whichever side of the file it is on. */
  const lanes = useMemo(() => {
    if (!stereo) return [{ speaker: null, peaks: monoPeaks(peaks.channels)[0] ?? [] }];
    const [left, right] = peaks.channels;
    return layout === ChannelLayout.StereoAgentRight
      ? [
          { speaker: 'agent' as const, peaks: right },
          { speaker: 'customer' as const, peaks: left },
        ]
      : [
          { speaker: 'agent' as const, peaks: left },
          { speaker: 'customer' as const, peaks: right },
        ];
  }, [peaks, layout, stereo]);

  const agentColor = token.colorPrimary;
  const customerColor = token.colorSuccess;
  const laneColor = (speaker: 'agent' | 'customer' | null) => (speaker === 'customer' ? customerColor : speaker === 'agent' ? agentColor : token.colorPrimary);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    setReady(false);
    setError(null);
    setPlaying(false);
    setTime(0);
    const regionsPlugin = RegionsPlugin.create();
    const ws = WaveSurfer.create({
      container,
      url: audioUrl,
      peaks: lanes.map((l) => l.peaks),
      duration: peaks.duration,
      height: lane,
      waveColor: token.colorTextTertiary,
      progressColor: token.colorPrimary,
      cursorColor: token.colorError,
      cursorWidth: 2,
      barWidth: 2,
      barGap: 1,
      barRadius: 1,
      // One scale for all lanes (the loudest peak of the call), so quiet phone audio still shows and lanes stay comparable.
      normalize: true,
      dragToSeek: true,
      audioRate: speedRef.current,
      splitChannels:
        lanes.length > 1 ? lanes.map((l) => ({ height: lane, waveColor: translucent(laneColor(l.speaker)), progressColor: laneColor(l.speaker) })) : undefined,
      plugins: [regionsPlugin],
    });
    // Stream nothing until the user plays: opening the page is not listening (the access log counts plays).
    const media = ws.getMediaElement();
    if (media) media.preload = 'none';
    waveRef.current = ws;
    regionsRef.current = regionsPlugin;
    shownRegions.current = [];

    let lastTenth = -1;
    const report = (seconds: number) => {
      const tenth = Math.floor(seconds * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      setTime(seconds);
      callbacks.current.onTimeUpdate?.(seconds);
    };
    const unsubscribe = [
      ws.on('ready', (duration) => {
        setReady(true);
        callbacks.current.onReady?.(duration);
      }),
      ws.on('timeupdate', report),
      ws.on('play', () => {
        setPlaying(true);
        callbacks.current.onPlayingChange?.(true);
      }),
      ws.on('pause', () => {
        setPlaying(false);
        callbacks.current.onPlayingChange?.(false);
      }),
      ws.on('error', (e) => {
        // A superseded or destroyed load is not the user's problem.
        if (e?.name !== 'AbortError') setError(e?.message || 'error');
      }),
      regionsPlugin.on('region-clicked', (region, event) => {
        const shown = callbacks.current.regions?.find((r) => r.id === region.id);
        if (!shown || !callbacks.current.onRegionClick) return;
        event.stopPropagation();
        callbacks.current.onRegionClick(shown);
      }),
    ];
    return () => {
      unsubscribe.forEach((off) => off());
      waveRef.current = null;
      regionsRef.current = null;
      ws.destroy();
    };
    // Colours come from the theme at creation; the player is rebuilt only for another call or layout.
  }, [audioUrl, peaks, lanes, lane]);

  // Regions as the props say, added once the waveform is ready (it then knows its duration).
  useEffect(() => {
    const plugin = regionsRef.current;
    if (!ready || !plugin) return;
    const next = regions ?? [];
    if (sameRegions(shownRegions.current, next)) return;
    const ids = new Set(shownRegions.current.map((r) => r.id));
    plugin
      .getRegions()
      .filter((r: Region) => ids.has(r.id))
      .forEach((r: Region) => r.remove());
    addingRegions.current = true;
    try {
      for (const r of next) {
        plugin.addRegion({
          id: r.id,
          start: r.start,
          end: r.end ?? r.start,
          color: r.color ?? 'rgba(22, 119, 255, 0.18)',
          content: r.label,
          drag: false,
          resize: false,
        });
      }
    } finally {
      addingRegions.current = false;
    }
    shownRegions.current = next;
  }, [regions, ready]);

  // Drag across the waveform to mark a stretch: reported, then dropped (the caller adds it to `regions`).
  useEffect(() => {
    const plugin = regionsRef.current;
    if (!ready || !plugin || !dragToCreateRegions) return;
    // wavesurfer's drag-to-seek swallows the pointer moves (preventDefault) before the regions plugin
    // sees them, so a drag would never select: while selecting is on, a click still seeks, a drag selects.
    const ws = waveRef.current;
    ws?.setOptions({ dragToSeek: false });
    const disable = plugin.enableDragSelection({ color: 'rgba(250, 173, 20, 0.25)' });
    const off = plugin.on('region-created', (region: Region) => {
      if (addingRegions.current) return;
      const created = { start: region.start, end: region.end };
      region.remove();
      callbacks.current.onRegionCreated?.(created);
    });
    return () => {
      off();
      disable();
      if (waveRef.current === ws) ws?.setOptions({ dragToSeek: true });
    };
  }, [ready, dragToCreateRegions]);

  const controls = useMemo<CallPlayerHandle>(
    () => ({
      seek(seconds: number) {
        const ws = waveRef.current;
        if (!ws) return;
        const target = Math.max(0, Math.min(seconds, ws.getDuration() || peaks.duration));
        ws.setTime(target);
        setTime(target);
        callbacks.current.onTimeUpdate?.(target);
      },
      play() {
        void waveRef.current?.play().catch(() => undefined);
      },
      pause() {
        waveRef.current?.pause();
      },
      getCurrentTime() {
        return waveRef.current?.getCurrentTime() ?? 0;
      },
      played() {
        const ranges = waveRef.current?.getMediaElement()?.played;
        if (!ranges) return [];
        return Array.from({ length: ranges.length }, (_, i) => ({ start: ranges.start(i), end: ranges.end(i) }));
      },
    }),
    [peaks.duration],
  );
  useImperativeHandle(ref, () => controls, [controls]);

  const togglePlay = () => {
    const ws = waveRef.current;
    if (!ws) return;
    if (ws.isPlaying()) ws.pause();
    else void ws.play().catch(() => undefined);
  };
  const skip = (seconds: number) => controls.seek((waveRef.current?.getCurrentTime() ?? 0) + seconds);
  const changeSpeed = (rate: number) => {
    setSpeed(rate);
    waveRef.current?.setPlaybackRate(rate, true);
  };

  const keys = useRef({ togglePlay, skip });
  keys.current = { togglePlay, skip };
  useEffect(() => {
    if (!keyboard) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (!waveRef.current) return;
      if (event.code === 'Space' || event.key === ' ') {
        // Also keeps a focused button from being clicked by the same key.
        event.preventDefault();
        if (!event.repeat) keys.current.togglePlay();
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        keys.current.skip(-SKIP_SECONDS);
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        keys.current.skip(SKIP_SECONDS);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard]);

  const duration = peaks.duration;
  const speakerLabel = (speaker: 'agent' | 'customer') => (speaker === 'agent' ? t('player.agent') : t('player.customer'));

  return (
    <div data-testid="call-player" data-ready={ready ? 'true' : 'false'} data-playing={playing ? 'true' : 'false'}>
      {error && <Alert type="error" showIcon title={t('player.audioError')} data-detail={error} style={{ marginBottom: 8 }} />}
      <Flex gap={8} align="stretch">
        {stereo && (
          <Flex vertical gap={LANE_GAP} style={{ flex: 'none' }} data-testid="player-lanes">
            {lanes.map((l, i) => (
              <Flex
                key={i}
                align="center"
                justify="center"
                data-testid="player-lane"
                data-speaker={l.speaker ?? ''}
                style={{
                  height: lane,
                  width: 44,
                  borderRadius: token.borderRadiusSM,
                  background: translucent(laneColor(l.speaker), '14', token.colorFillTertiary),
                  color: laneColor(l.speaker),
                  fontSize: token.fontSizeSM,
                }}
              >
                {l.speaker && speakerLabel(l.speaker)}
              </Flex>
            ))}
          </Flex>
        )}
        <div style={{ position: 'relative', flex: 1, minWidth: 0 }}>
          <div ref={containerRef} data-testid="player-waveform" style={{ minHeight: lane * lanes.length, cursor: 'pointer' }} />
          {!ready && !error && (
            <div style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', padding: 8 }}>
              <Skeleton.Node active style={{ width: '100%', height: Math.min(lane * lanes.length - 16, 80) }} />
            </div>
          )}
        </div>
      </Flex>
      <Flex align="center" gap={12} wrap style={{ marginTop: 12 }}>
        <Button type="primary" data-testid="player-play" disabled={!ready} onClick={togglePlay} style={{ minWidth: 88 }}>
          {playing ? `❚❚ ${t('player.pause')}` : `▶ ${t('player.play')}`}
        </Button>
        <Tooltip title={t('player.back', { seconds: SKIP_SECONDS })}>
          <Button data-testid="player-back" disabled={!ready} onClick={() => skip(-SKIP_SECONDS)}>
            −{SKIP_SECONDS}s
          </Button>
        </Tooltip>
        <Tooltip title={t('player.forward', { seconds: SKIP_SECONDS })}>
          <Button data-testid="player-forward" disabled={!ready} onClick={() => skip(SKIP_SECONDS)}>
            +{SKIP_SECONDS}s
          </Button>
        </Tooltip>
        <Typography.Text data-testid="player-time" data-current-time={time.toFixed(1)} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatTime(time)} / {formatTime(duration)}
        </Typography.Text>
        <Flex align="center" gap={6}>
          <Typography.Text type="secondary">{t('player.speed')}</Typography.Text>
          <Segmented<number>
            data-testid="player-speed"
            size="small"
            value={speed}
            options={SPEEDS.map((rate) => ({ value: rate, label: `${rate}×` }))}
            onChange={changeSpeed}
          />
        </Flex>
        {keyboard && (
          <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM }}>
            {t('player.keyboardHint')}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}
