import { App, Button, Card, Empty, Flex, List, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallExample, faqExampleAudioUrl, firstMoment, useFaqExampleCandidates, useFaqExamples, useSetFaqExamples } from '#web/api/examples';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useCan } from '#web/lib/authorization';
import { ExampleAudio } from './example-audio';
import { ExampleSummary } from './example-cells';

/**
 * On an FAQ entry's page (issue 14): the example calls that show the right answer, each with a play
 * button from its first marked moment; FAQ maintainers and supervisors choose them.
 */
export function FaqExamples({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canEdit = useCan('faq.edit');
  const links = useFaqExamples(entryId);
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [playing, setPlaying] = useState<string | null>(null);
  const candidates = useFaqExampleCandidates(canEdit && editing);
  const save = useSetFaqExamples(entryId);
  const examples = links.data?.examples ?? [];
  useEffect(() => {
    if (editing) setChosen(examples.map((x) => x.id));
    // Only when editing starts: the selection is the user's afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
  const label = (x: CallExample) => `${t(`examples.kinds.${x.kind}`)} · ${x.items.map((i) => i.code).join('、')} · ${x.note.slice(0, 40)}（${x.teamName}）`;

  return (
    <Card
      size="small"
      title={t('examples.faqTitle')}
      style={{ marginBottom: 16 }}
      data-testid="faq-examples"
      extra={
        canEdit &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="faq-examples-edit">
            {t('examples.faqEdit')}
          </Button>
        )
      }
    >
      {editing && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            value={chosen}
            onChange={setChosen}
            loading={candidates.isLoading}
            optionFilterProp="label"
            options={(candidates.data?.items ?? []).map((x) => ({ value: x.id, label: label(x) }))}
            data-testid="faq-examples-select"
          />
          <Space>
            <Button
              type="primary"
              size="small"
              loading={save.isPending}
              onClick={() =>
                save.mutate(chosen, {
                  onSuccess: () => {
                    void message.success(t('examples.faqSaved'));
                    setEditing(false);
                  },
                })
              }
              data-testid="faq-examples-save"
            >
              {t('examples.faqSave')}
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              {t('examples.sessionClose')}
            </Button>
          </Space>
          {save.error && <ServerErrorAlert error={save.error} />}
        </Flex>
      )}
      {examples.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('examples.faqNone')} />
      ) : (
        <List
          size="small"
          dataSource={examples}
          renderItem={(x) => (
            <List.Item
              data-testid="faq-example"
              data-example-id={x.id}
              actions={[
                <Button key="play" size="small" type="primary" onClick={() => setPlaying(x.id)} data-testid="faq-example-play">
                  {t('examples.play')}
                </Button>,
              ]}
            >
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <ExampleSummary example={x} />
                {playing === x.id && <ExampleAudio example={x} src={faqExampleAudioUrl(entryId, x.id, firstMoment(x))} autoPlay />}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
