import type { TFunction } from 'i18next';
import { CallDirection, ChannelLayout } from '#shared/recordings';
import type { Verdict } from '#shared/rules/types';

export const DIRECTIONS: readonly CallDirection[] = [CallDirection.Inbound, CallDirection.Outbound];

/** 呼入 / 呼出 */
export const directionLabel = (direction: CallDirection, t: TFunction) => t(`recordings.directions.${direction}`);

/** 单声道 / 双声道（座席左） / 双声道（座席右） */
export const channelsLabel = (channels: ChannelLayout, t: TFunction) =>
  channels === ChannelLayout.StereoAgentLeft
    ? t('recordings.channelLayouts.stereoAgentLeft')
    : channels === ChannelLayout.StereoAgentRight
      ? t('recordings.channelLayouts.stereoAgentRight')
      : t('recordings.channelLayouts.mono');

/** 通过 / 不通过 / 不适用 */
export const verdictLabel = (verdict: Verdict, t: TFunction) => t(`recordings.verdicts.${verdict}`);

export const verdictColor = (verdict: Verdict) => (verdict === 'pass' ? 'success' : verdict === 'fail' ? 'error' : 'default');

/** play / download as the access log writes them; an unknown action shows as written. */
export const accessActionLabel = (action: string, t: TFunction) =>
  action === 'play' ? t('recordings.accessActions.play') : action === 'download' ? t('recordings.accessActions.download') : action;
