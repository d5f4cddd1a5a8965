import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallExample } from '#web/api/examples';

export function KindTag({ kind }: { kind: CallExample['kind'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'good' ? 'success' : 'error'} data-testid="example-kind" data-kind={kind}>
      {t(`examples.kinds.${kind}`)}
    </Tag>
  );
}

/** What an example is about: its items, note and tags. */
export function ExampleSummary({ example }: { example: CallExample }) {
  return (
    <Space direction="vertical" size={2}>
      <Space size={4} wrap>
        <KindTag kind={example.kind} />
        {example.items.map((i) => (
          <Tag key={i.code} data-testid="example-item">
            {i.code} {i.title}
          </Tag>
        ))}
      </Space>
      <Typography.Text data-testid="example-note">{example.note}</Typography.Text>
      <Space size={4} wrap>
        {example.tags.map((tag) => (
          <Tag key={tag} color="blue" data-testid="example-tag">
            {tag}
          </Tag>
        ))}
      </Space>
    </Space>
  );
}
