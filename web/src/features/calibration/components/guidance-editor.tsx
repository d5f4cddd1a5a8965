import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { type CalibrationSession, useWriteGuidance } from '../api/calibration';

/**
 * The discussion's outcome per item (disagreements first): saved, each text becomes the item's scoring
 * note in the next checklist draft, shown beside the item in the workspace once that draft is published.
 */
export function GuidanceEditor({ session }: { session: CalibrationSession }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWriteGuidance();
  const items = session.results?.items ?? [];
  const [form] = Form.useForm<Record<string, string>>();
  const written = new Map(session.guidance.map((g) => [g.code, g]));
  const save = (values: Record<string, string>) => {
    const changed = items.map((i) => ({ code: i.code, text: (values[i.code] ?? '').trim() })).filter((i) => i.text && i.text !== written.get(i.code)?.text);
    if (!changed.length) return void message.info(t('calibration.guidanceUnchanged'));
    write.mutate(
      { id: session.id, items: changed },
      {
        onSuccess: (saved) => {
          const version = saved.guidance.find((g) => g.draftVersion !== null)?.draftVersion;
          void message.success(version ? t('calibration.guidanceSaved', { version }) : t('calibration.guidanceSavedNoDraft'));
        },
      },
    );
  };
  return (
    <Card size="small" title={t('calibration.guidance')} data-testid="calibration-guidance">
      <Typography.Paragraph type="secondary">{t('calibration.guidanceHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={save} initialValues={Object.fromEntries(items.map((i) => [i.code, written.get(i.code)?.text ?? '']))}>
        {items.map((item) => {
          const g = written.get(item.code);
          return (
            <Form.Item
              key={item.code}
              name={item.code}
              label={`${item.code} ${item.title}`}
              extra={g ? (g.draftVersion ? t('calibration.inDraft', { version: g.draftVersion, by: g.by }) : t('calibration.notInDraft')) : undefined}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} data-testid={`guidance-${item.code}`} />
            </Form.Item>
          );
        })}
        <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="guidance-save">
          {t('calibration.guidanceSave')}
        </Button>
      </Form>
      {write.error && <ServerErrorAlert error={write.error} />}
    </Card>
  );
}
