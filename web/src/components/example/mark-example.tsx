import { App, Button, type ButtonProps, Flex, Form, Input, InputNumber, Modal, Radio, Select, Skeleton, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationItem } from '#shared/api/evaluations';
import { type CallExample, type ExampleKind, type ExampleRegion, useEditExample, useEvaluationItems, useMarkExample } from '#web/api/examples';
import { CallPlayer, type CallPlayerHandle, formatTime, recordingAudioUrl, useRecordingPeaks } from '#web/components/call-player';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useCan } from '#web/lib/authorization';

interface Props {
  evaluationId: string;
  recordingId: string;
  items: readonly EvaluationItem[];
}

interface Values {
  kind: ExampleKind;
  items: string[];
  note: string;
  tags: string[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * "Mark as example" on a submitted evaluation (issue 14, seed 11.5): a good or bad example of chosen
 * items, with a note, tags and the moments that matter, dragged out on the call's waveform.
 */
export function MarkExampleButton({ evaluationId, recordingId, items, blockedReason }: Props & { blockedReason?: string }) {
  const { t } = useTranslation();
  const may = useCan('example.mark');
  const [open, setOpen] = useState(false);
  if (!may) return null;
  if (blockedReason)
    return (
      <Tooltip title={blockedReason}>
        <Button autoInsertSpace={false} disabled data-testid="mark-example" data-blocked="true">
          {t('examples.mark')}
        </Button>
      </Tooltip>
    );
  return (
    <>
      <Button autoInsertSpace={false} onClick={() => setOpen(true)} data-testid="mark-example">
        {t('examples.mark')}
      </Button>
      {open && <MarkExampleModal evaluationId={evaluationId} recordingId={recordingId} items={items} onClose={() => setOpen(false)} />}
    </>
  );
}

/** Changes an example: its author or a supervisor (the examples page). */
export function EditExampleButton({ example }: { example: CallExample }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const items = useEvaluationItems(example.evaluationId, open);
  return (
    <>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="example-edit">
        {t('examples.edit')}
      </Button>
      {open && items.data && (
        <MarkExampleModal evaluationId={example.evaluationId} recordingId={example.recordingId} items={items.data} example={example} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

function MarkExampleModal({ evaluationId, recordingId, items, example, onClose }: Props & { example?: CallExample; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const peaks = useRecordingPeaks(recordingId);
  const player = useRef<CallPlayerHandle>(null);
  const [regions, setRegions] = useState<ExampleRegion[]>(example?.regions ?? []);
  const [regionsMissing, setRegionsMissing] = useState(false);
  const create = useMarkExample();
  const edit = useEditExample();
  const mark = example ? edit : create;
  const duration = peaks.data?.duration ?? 0;

  const addRegion = (r: ExampleRegion) => {
    setRegions((all) => [...all, { start: round(r.start), end: round(Math.min(r.end, duration || r.end)) }].sort((a, b) => a.start - b.start));
    setRegionsMissing(false);
  };
  const fromHere = () => {
    const at = player.current?.getCurrentTime() ?? 0;
    addRegion({ start: at, end: Math.min(at + 5, duration) });
  };

  const send = (values: Values) => {
    if (!regions.length) {
      setRegionsMissing(true);
      return;
    }
    const input = { kind: values.kind, items: values.items, note: values.note, tags: values.tags ?? [], regions };
    const done = {
      onSuccess: () => {
        void message.success(t(example ? 'examples.saved' : 'examples.marked'));
        onClose();
      },
    };
    if (example) edit.mutate({ id: example.id, ...input }, done);
    else create.mutate({ evaluationId, ...input }, done);
  };

  return (
    <Modal
      open
      width={760}
      title={t(example ? 'examples.editTitle' : 'examples.markTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('examples.markSave')}
      confirmLoading={mark.isPending}
      okButtonProps={{ 'data-testid': 'mark-example-submit' } as ButtonProps}
      data-testid="mark-example-modal"
    >
      <Typography.Paragraph type="secondary">{t('examples.markHelp')}</Typography.Paragraph>
      <div data-testid="mark-example-player">
        {peaks.data ? (
          <CallPlayer
            ref={player}
            audioUrl={recordingAudioUrl(recordingId)}
            peaks={peaks.data}
            keyboard={false}
            laneHeight={64}
            dragToCreateRegions
            onRegionCreated={addRegion}
            regions={regions.map((r, i) => ({ id: `example-${i}`, start: r.start, end: r.end, label: String(i + 1) }))}
          />
        ) : (
          <Skeleton.Input active block />
        )}
      </div>
      <Flex vertical gap={4} style={{ margin: '8px 0' }} data-testid="mark-example-regions">
        {regions.map((r, i) => (
          <Flex key={i} gap={8} align="center" data-testid="mark-example-region">
            <Typography.Text>{i + 1}.</Typography.Text>
            <InputNumber
              size="small"
              min={0}
              max={duration}
              step={0.5}
              value={r.start}
              onChange={(v) => setRegions((all) => all.map((x, j) => (j === i ? { ...x, start: v ?? 0 } : x)))}
              aria-label={t('examples.regionStart')}
            />
            –
            <InputNumber
              size="small"
              min={0}
              max={duration}
              step={0.5}
              value={r.end}
              onChange={(v) => setRegions((all) => all.map((x, j) => (j === i ? { ...x, end: v ?? 0 } : x)))}
              aria-label={t('examples.regionEnd')}
            />
            <Typography.Text type="secondary">
              {formatTime(r.start)} – {formatTime(r.end)}
            </Typography.Text>
            <Button size="small" type="link" onClick={() => setRegions((all) => all.filter((_, j) => j !== i))}>
              {t('examples.regionRemove')}
            </Button>
          </Flex>
        ))}
        <Flex gap={8} align="center">
          <Button size="small" onClick={fromHere} disabled={!duration} data-testid="mark-example-add-region">
            {t('examples.regionFromHere')}
          </Button>
          <Typography.Text type={regionsMissing ? 'danger' : 'secondary'} data-testid="mark-example-regions-hint">
            {regionsMissing ? t('examples.regionsRequired') : t('examples.regionsHint')}
          </Typography.Text>
        </Flex>
      </Flex>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          example ? { kind: example.kind, items: example.items.map((i) => i.code), note: example.note, tags: example.tags } : { kind: 'good', items: [], tags: [] }
        }
        onFinish={send}
      >
        <Form.Item name="kind" label={t('examples.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'good', label: <span data-testid="mark-example-kind-good">{t('examples.kinds.good')}</span> },
              { value: 'bad', label: <span data-testid="mark-example-kind-bad">{t('examples.kinds.bad')}</span> },
            ]}
          />
        </Form.Item>
        <Form.Item name="items" label={t('examples.items')} rules={[{ required: true, message: t('examples.itemsRequired') }]}>
          <Select
            mode="multiple"
            data-testid="mark-example-items"
            options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="note" label={t('examples.note')} rules={[{ required: true, whitespace: true, message: t('examples.noteRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="mark-example-note" />
        </Form.Item>
        <Form.Item name="tags" label={t('examples.tags')}>
          <Select mode="tags" data-testid="mark-example-tags" tokenSeparators={[',', '，']} />
        </Form.Item>
      </Form>
      {mark.error && <ServerErrorAlert error={mark.error} />}
    </Modal>
  );
}
