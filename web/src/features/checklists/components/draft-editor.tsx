import { Alert, App, Button, type ButtonProps, Card, Collapse, Flex, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { validateChecklist } from '#shared/checklists/validate';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { errorMessage } from '#web/lib/errors';
import { type ChecklistVersion, useDeleteDraft, usePublishChecklist, useUpdateDraft } from '../api/checklists';
import { type DraftItem, type DraftSection, fromDraft, move, newItem, newSection, toDraft } from './draft-model';
import { Field } from './field';
import { ItemEditor } from './item-editor';
import { DryRunPanel } from './dry-run-panel';
import { describeField, hasProblemUnder, problemMap, serverProblemMap } from './problems';

const MAX_LISTED_PROBLEMS = 8;

interface DraftEditorProps {
  draft: ChecklistVersion;
  onPublished: (published: ChecklistVersion) => void;
  onDeleted: () => void;
}

/**
 * The draft version, editable: sections and items added, removed, moved and edited field by field,
 * checked by validateChecklist as the server checks it. Mount it with `key={draft.id}`.
 */
export function DraftEditor({ draft, onPublished, onDeleted }: DraftEditorProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [sections, setSections] = useState<DraftSection[]>(() => toDraft(draft.sections));
  const [note, setNote] = useState(draft.note ?? '');
  const [dirty, setDirty] = useState(false);
  const [open, setOpen] = useState<string[]>([]);
  /** Counts edits, so that a save only clears the unsaved mark if nothing changed while it was out. */
  const edits = useRef(0);
  const markDirty = () => {
    edits.current++;
    setDirty(true);
  };
  const update = useUpdateDraft();
  const publish = usePublishChecklist();
  const remove = useDeleteDraft();

  const plain = useMemo(() => fromDraft(sections), [sections]);
  const clientProblems = useMemo(() => validateChecklist(plain), [plain]);
  // The server checks with the same function; its field errors show where the browser's would.
  // Shown until the sections change again.
  const [rejected, setRejected] = useState<{ sections: DraftSection[]; error: unknown } | null>(null);
  const serverError = rejected?.sections === sections ? rejected.error : null;
  const problems = useMemo(() => (clientProblems.length ? problemMap(clientProblems, t) : serverProblemMap(serverError, t)), [clientProblems, serverError, t]);

  const change = (next: DraftSection[]) => {
    setSections(next);
    markDirty();
  };
  const setSection = (s: number, patch: Partial<DraftSection>) => change(sections.map((section, k) => (k === s ? { ...section, ...patch } : section)));
  const setItem = (s: number, i: number, item: DraftItem) => setSection(s, { items: sections[s].items.map((old, k) => (k === i ? item : old)) });
  const addItem = (s: number) => {
    const item = newItem(sections);
    setSection(s, { items: [...sections[s].items, item] });
    setOpen([...open, item.key]);
  };
  const addSection = () => {
    const section = newSection(sections);
    change([...sections, section]);
    setOpen([...open, section.items[0].key]);
  };

  // Leaving the page with unsaved edits asks first; so does closing the tab.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('checklists.editor.leaveTitle'),
      content: t('checklists.editor.leaveBody'),
      okText: t('checklists.editor.leave'),
      cancelText: t('common.cancel'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  /** Saves when the browser finds nothing wrong; answers whether the server took it. */
  async function save(): Promise<boolean> {
    if (clientProblems.length) {
      void message.error(t('checklists.editor.problems', { count: clientProblems.length }));
      return false;
    }
    const sent = sections;
    const at = edits.current;
    try {
      await update.mutateAsync({ id: draft.id, sections: plain, note: note.trim() });
      setRejected(null);
      // Edits made while the request was out are still unsaved.
      if (edits.current === at) setDirty(false);
      void message.success(t('checklists.editor.saved'));
      return true;
    } catch (error) {
      // The server's message above the sections, each field error at its field.
      setRejected({ sections: sent, error });
      return false;
    }
  }

  function confirmPublish() {
    if (clientProblems.length) {
      void message.error(t('checklists.editor.problems', { count: clientProblems.length }));
      return;
    }
    modal.confirm({
      title: t('checklists.editor.publishTitle', { version: draft.version }),
      content: (
        <div data-testid="checklist-publish-dialog">
          <Typography.Paragraph>{t('checklists.editor.publishBody')}</Typography.Paragraph>
          <Typography.Paragraph>{t('checklists.editor.publishRecheck')}</Typography.Paragraph>
          {dirty && <Typography.Paragraph type="warning">{t('checklists.editor.publishUnsaved')}</Typography.Paragraph>}
        </div>
      ),
      okText: t('checklists.editor.publish'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'checklist-publish-confirm' } as ButtonProps,
      onOk: async () => {
        if (dirty && !(await save())) return;
        try {
          const published = await publish.mutateAsync(draft.id);
          setDirty(false);
          void message.success(t('checklists.editor.published', { version: published.version }));
          onPublished(published);
        } catch (error) {
          void message.error(errorMessage(error, t));
        }
      },
    });
  }

  const problemList = [...problems.entries()];
  return (
    <Form layout="vertical" component="div" data-testid="checklist-editor">
      <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 5, marginBottom: 16 }}>
        <Flex justify="space-between" align="center" wrap gap="small">
          <Space wrap>
            <Typography.Text strong>{t('checklists.version', { version: draft.version })}</Typography.Text>
            <Tag color="orange">{t('checklists.statusDraft')}</Tag>
            {dirty ? (
              <Typography.Text type="warning" data-testid="checklist-unsaved">
                {t('checklists.editor.unsaved')}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('checklists.editor.allSaved')}</Typography.Text>
            )}
          </Space>
          <Space wrap>
            <Popconfirm
              title={t('checklists.editor.deleteConfirm', { version: draft.version })}
              okText={t('checklists.editor.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'checklist-delete-confirm' } as ButtonProps}
              // mutateAsync: the deleted draft's tab, and this editor with it, may go before mutate's callbacks would run.
              onConfirm={() =>
                remove.mutateAsync(draft.id).then(
                  () => {
                    setDirty(false);
                    void message.success(t('checklists.editor.deleted'));
                    onDeleted();
                  },
                  (error: unknown) => void message.error(errorMessage(error, t)),
                )
              }
            >
              <Button danger loading={remove.isPending} data-testid="checklist-delete-draft">
                {t('checklists.editor.delete')}
              </Button>
            </Popconfirm>
            <Button onClick={() => void save()} loading={update.isPending} disabled={!dirty} data-testid="checklist-save">
              {t('checklists.editor.save')}
            </Button>
            <Button type="primary" onClick={confirmPublish} loading={publish.isPending} data-testid="checklist-publish">
              {t('checklists.editor.publish')}
            </Button>
          </Space>
        </Flex>
      </Card>

      <ServerErrorAlert error={serverError} />
      <DryRunPanel draftId={draft.id} dirty={dirty} />
      {problemList.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="checklist-problems"
          title={t('checklists.editor.problems', { count: problemList.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {problemList.slice(0, MAX_LISTED_PROBLEMS).map(([field, text]) => (
                <li key={field}>{t('checklists.editor.problemLine', { where: describeField(field, sections, t), problem: text })}</li>
              ))}
              {problemList.length > MAX_LISTED_PROBLEMS && <li>…</li>}
            </ul>
          }
        />
      )}

      <Field label={t('checklists.editor.note')} path="note" problems={problems}>
        <Input
          value={note}
          maxLength={500}
          placeholder={t('checklists.editor.notePlaceholder')}
          onChange={(e) => {
            setNote(e.target.value);
            markDirty();
          }}
          data-testid="checklist-note"
        />
      </Field>

      {sections.map((section, s) => (
        <Card
          key={section.key}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid={`draft-section-${s}`}
          title={
            <Field label={null} path={`sections[${s}].title`} problems={problems} style={{ marginBottom: 0, marginTop: 8 }}>
              <Input
                value={section.title}
                placeholder={t('checklists.editor.sectionTitle')}
                maxLength={100}
                onChange={(e) => setSection(s, { title: e.target.value })}
                data-testid="section-title"
                style={{ maxWidth: 360 }}
              />
            </Field>
          }
          extra={
            <Space size={0} wrap>
              <Button type="link" size="small" disabled={s === 0} onClick={() => change(move(sections, s, -1))} data-testid="section-up">
                {t('checklists.editor.moveUp')}
              </Button>
              <Button type="link" size="small" disabled={s === sections.length - 1} onClick={() => change(move(sections, s, 1))} data-testid="section-down">
                {t('checklists.editor.moveDown')}
              </Button>
              <Popconfirm
                title={t('checklists.editor.removeSectionConfirm', {
                  title: section.title || t('checklists.editor.sectionN', { n: s + 1 }),
                  count: section.items.length,
                })}
                okText={t('checklists.editor.remove')}
                cancelText={t('common.cancel')}
                onConfirm={() => change(sections.filter((_, k) => k !== s))}
              >
                <Button type="link" size="small" danger data-testid="section-remove">
                  {t('checklists.editor.removeSection')}
                </Button>
              </Popconfirm>
            </Space>
          }
        >
          {problems.get(`sections[${s}].items`) && <Alert type="error" showIcon title={problems.get(`sections[${s}].items`)} style={{ marginBottom: 8 }} />}
          <Collapse
            size="small"
            activeKey={open}
            onChange={(keys) => setOpen(keys)}
            items={section.items.map((item, i) => {
              const path = `sections[${s}].items[${i}]`;
              return {
                key: item.key,
                label: (
                  <span data-testid={`draft-item-${item.code}`}>
                    <Typography.Text code>{item.code || '—'}</Typography.Text>{' '}
                    {item.title || <Typography.Text type="secondary">{t('checklists.editor.untitled')}</Typography.Text>}
                  </span>
                ),
                extra: (
                  // Buttons in the header must not open or close the panel.
                  <Space size={4} wrap onClick={(e) => e.stopPropagation()}>
                    {hasProblemUnder(problems, path) && <Tag color="error">{t('checklists.editor.hasProblems')}</Tag>}
                    <Tag>{t('checklists.pointsN', { points: item.points })}</Tag>
                    {item.critical && <Tag color="red">{t('checklists.critical')}</Tag>}
                    {item.rule && <Tag color="blue">{t('checklists.auto')}</Tag>}
                    <Button
                      type="text"
                      size="small"
                      disabled={i === 0}
                      title={t('checklists.editor.moveUp')}
                      onClick={() => setSection(s, { items: move(section.items, i, -1) })}
                      data-testid="item-up"
                    >
                      ↑
                    </Button>
                    <Button
                      type="text"
                      size="small"
                      disabled={i === section.items.length - 1}
                      title={t('checklists.editor.moveDown')}
                      onClick={() => setSection(s, { items: move(section.items, i, 1) })}
                      data-testid="item-down"
                    >
                      ↓
                    </Button>
                    <Popconfirm
                      title={t('checklists.editor.removeItemConfirm', { code: item.code })}
                      okText={t('checklists.editor.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => setSection(s, { items: section.items.filter((_, k) => k !== i) })}
                    >
                      <Button type="text" size="small" danger data-testid="item-remove">
                        {t('checklists.editor.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
                children: <ItemEditor item={item} path={path} problems={problems} onChange={(next) => setItem(s, i, next)} />,
              };
            })}
          />
          <Button type="dashed" block style={{ marginTop: 8 }} onClick={() => addItem(s)} data-testid="section-add-item">
            {t('checklists.editor.addItem')}
          </Button>
        </Card>
      ))}
      {problems.get('sections') && <Alert type="error" showIcon title={problems.get('sections')} style={{ marginBottom: 8 }} />}
      <Button type="dashed" block onClick={addSection} data-testid="checklist-add-section">
        {t('checklists.editor.addSection')}
      </Button>
    </Form>
  );
}
