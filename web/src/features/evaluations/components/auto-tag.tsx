import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evidence, PhraseWindow } from '#shared/rules/types';
import { formatTime } from '#web/components/call-player';
import type { Verdict } from '../api/types';

interface Props {
  code: string;
  /** The machine's verdict (null: no rule scored this item). */
  auto: Verdict | null;
  evidence: Evidence | undefined;
  /** The rule's window, for saying a phrase came too early or too late. */
  window?: PhraseWindow;
  /** The inspector's verdict now. */
  verdict: Verdict | null;
  onSeek(seconds: number): void;
}

/**
 * The machine's suggestion ("机器：不合格 00:12"), its evidence clickable, and whether the inspector
 * kept it. Hovering says what was said and how it matched; a phrase said outside its rule's window
 * (a greeting after the first 15 s, a goodbye long before the end) says "too late" or "too early",
 * and the time points at where it was said.
 */
export function AutoTag({ code, auto, evidence, window, verdict, onSeek }: Props) {
  const { t } = useTranslation();
  if (!auto || auto === 'na') return null;
  const failed = auto === 'fail';
  const kept = verdict === auto;
  // A start window is missed by saying it later; an end window by saying it earlier.
  const outside = evidence?.outsideWindow ? (window?.from === 'end' ? 'early' : 'late') : null;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <Tooltip
        title={
          evidence?.text ? (
            <span data-testid={`item-${code}-auto-how`}>
              {t('workspace.evidenceSaid', { text: evidence.text })}
              {outside && (
                <>
                  <br />
                  <span data-testid={`item-${code}-auto-outside`} data-outside={outside}>
                    {window
                      ? t(`workspace.outsideWindow.${outside}`, { at: formatTime(evidence.start), seconds: window.seconds })
                      : t('workspace.outsideWindow.unknown', { at: formatTime(evidence.start) })}
                  </span>
                </>
              )}
              {evidence.how && (
                <>
                  <br />
                  {t('workspace.evidenceHow', {
                    how: (evidence.tolerances ?? [evidence.how]).map((how) => t(`workspace.matchHow.${how}`)).join(' · '),
                    matched: evidence.matched,
                  })}
                </>
              )}
            </span>
          ) : undefined
        }
      >
        <Tag
          data-testid={`item-${code}-auto`}
          data-auto={auto}
          color={failed ? 'error' : 'success'}
          variant="outlined"
          style={{ marginInlineEnd: 0, cursor: evidence ? 'pointer' : undefined }}
          onClick={(e) => {
            e.stopPropagation();
            if (evidence) onSeek(evidence.start);
          }}
        >
          {failed ? t('workspace.autoFail') : t('workspace.autoPass')}
          {evidence && (
            <span style={{ marginInlineStart: 4, fontVariantNumeric: 'tabular-nums', textDecoration: 'underline dotted' }}>▸ {formatTime(evidence.start)}</span>
          )}
          {outside && <span style={{ marginInlineStart: 4 }}>{t(`workspace.outsideShort.${outside}`)}</span>}
        </Tag>
      </Tooltip>
      {verdict && (
        <Typography.Text data-testid={`item-${code}-auto-${kept ? 'kept' : 'overridden'}`} type={kept ? 'secondary' : 'warning'} style={{ fontSize: 12 }}>
          {kept ? t('workspace.autoKept') : t('workspace.autoOverridden')}
        </Typography.Text>
      )}
    </span>
  );
}
