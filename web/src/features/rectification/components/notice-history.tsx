import { Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RectificationStep } from '../api/notices';
import { NoticeStatusTag } from './status-tag';

const STEP_KEYS = ['issue', 'acknowledge', 'recheck', 'close', 'escalate'] as const;
const isStep = (action: string): action is (typeof STEP_KEYS)[number] => (STEP_KEYS as readonly string[]).includes(action);

/** Every step of the notice's life: what, who (or the daily sampling), when, and the note given. */
export function NoticeHistory({ history }: { history: RectificationStep[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="notice-history"
      items={history.map((step, i) => ({
        key: i,
        content: (
          <div>
            <div>
              <Typography.Text strong>{isStep(step.action) ? t(`rectification.steps.${step.action}`) : step.action}</Typography.Text> <NoticeStatusTag status={step.to} />
            </div>
            <Typography.Text type="secondary">
              {step.by ?? t('rectification.bySystem')} · {dayjs(step.at).format('YYYY-MM-DD HH:mm')}
            </Typography.Text>
            {step.note && <div style={{ whiteSpace: 'pre-wrap' }}>{step.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
