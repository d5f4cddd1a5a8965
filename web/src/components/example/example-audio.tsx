import { Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallExample, firstMoment } from '#web/api/examples';
import { formatTime } from '#web/components/call-player';

/**
 * Plays one example from its first marked moment (the `#t=` of the source), and says when it ends so a
 * playlist moves on. The moments are listed so one can jump to the next.
 */
export function ExampleAudio({ example, src, autoPlay, onEnded }: { example: CallExample; src: string; autoPlay?: boolean; onEnded?: () => void }) {
  const { t } = useTranslation();
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (autoPlay) void audio.current?.play().catch(() => undefined);
  }, [src, autoPlay]);
  return (
    <Flex vertical gap={4}>
      <audio
        ref={audio}
        key={src}
        controls
        preload="none"
        src={src}
        onEnded={onEnded}
        // The `#t=` of the source is a hint some browsers ignore: start at the first moment once the length is known.
        onLoadedMetadata={(e) => {
          if (e.currentTarget.currentTime < firstMoment(example)) e.currentTarget.currentTime = firstMoment(example);
        }}
        style={{ width: '100%' }}
        data-testid="example-audio"
        data-example-id={example.id}
        data-start={firstMoment(example)}
      />
      <Flex gap={8} wrap>
        {example.regions.map((r, i) => (
          <Typography.Link
            key={i}
            data-testid="example-moment"
            onClick={() => {
              if (!audio.current) return;
              audio.current.currentTime = r.start;
              void audio.current.play().catch(() => undefined);
            }}
          >
            {t('examples.moment', { n: i + 1 })} {formatTime(r.start)}–{formatTime(r.end)}
          </Typography.Link>
        ))}
      </Flex>
    </Flex>
  );
}
