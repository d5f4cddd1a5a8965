import { App, Button, Card, Checkbox, Flex, InputNumber, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { type RetentionPolicy, useSetRetentionPolicy } from '../api/retention';

/** One period of a policy: a number of days, or "for ever" (null). */
function Period({ label, value, onChange, testId }: { label: string; value: number | null; onChange: (days: number | null) => void; testId: string }) {
  const { t } = useTranslation();
  const [lastDays, setLastDays] = useState<number>(value ?? 365);
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{label}</Typography.Text>
      <Space wrap>
        <Checkbox checked={value === null} onChange={(e) => onChange(e.target.checked ? null : lastDays)} data-testid={`${testId}-forever`}>
          {t('retention.forever')}
        </Checkbox>
        {value !== null && (
          <span data-testid={`${testId}-days`}>
            <InputNumber
              min={1}
              max={36500}
              precision={0}
              value={value}
              suffix={t('retention.days')}
              onChange={(days) => {
                if (typeof days === 'number') setLastDays(days);
                onChange(typeof days === 'number' ? days : null);
              }}
            />
          </span>
        )}
      </Space>
    </Flex>
  );
}

/** A project's retention policy, edited in place (an admin's, or the whole project's supervisor's). */
export function RetentionCard({ policy, editable }: { policy: RetentionPolicy; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetRetentionPolicy();
  const [audioDays, setAudioDays] = useState(policy.audioDays);
  const [evaluatedAudioDays, setEvaluatedAudioDays] = useState(policy.evaluatedAudioDays);
  const changed = audioDays !== policy.audioDays || evaluatedAudioDays !== policy.evaluatedAudioDays;
  const summary =
    policy.audioDays === null
      ? t('retention.keepsAll')
      : t('retention.summary', {
          audio: policy.audioDays,
          evaluated: policy.evaluatedAudioDays === null ? t('retention.foreverLower') : t('retention.daysCount', { count: policy.evaluatedAudioDays }),
        });
  return (
    <Card size="small" title={`${policy.projectName} (${policy.project})`} data-testid={`retention-${policy.project}`}>
      <Flex vertical gap={12}>
        <Typography.Text data-testid={`retention-summary-${policy.project}`}>{summary}</Typography.Text>
        {editable && (
          <>
            <Period label={t('retention.audioDays')} value={audioDays} onChange={setAudioDays} testId={`retention-audio-${policy.project}`} />
            <Period
              label={t('retention.evaluatedAudioDays')}
              value={evaluatedAudioDays}
              onChange={setEvaluatedAudioDays}
              testId={`retention-evaluated-${policy.project}`}
            />
            <ServerErrorAlert error={save.error} />
            <div>
              <Button
                type="primary"
                disabled={!changed}
                loading={save.isPending}
                data-testid={`retention-save-${policy.project}`}
                onClick={() =>
                  save.mutate({ projectId: policy.projectId, audioDays, evaluatedAudioDays }, { onSuccess: () => void message.success(t('retention.saved')) })
                }
              >
                {t('retention.save')}
              </Button>
            </div>
          </>
        )}
        <Typography.Text type="secondary">
          {policy.updatedAt ? t('retention.updated', { by: policy.updatedBy, at: dayjs(policy.updatedAt).format('YYYY-MM-DD HH:mm') }) : t('retention.neverSet')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
