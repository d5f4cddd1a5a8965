import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** In place of the player: the call's audio was deleted by its project's retention policy (its audio route answers 410 AUDIO_REMOVED). */
export function AudioRemoved({ at }: { at: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="audio-removed"
      title={t('player.audioRemoved', { date: dayjs(at).format('YYYY-MM-DD') })}
      description={t('player.audioRemovedHint')}
    />
  );
}
