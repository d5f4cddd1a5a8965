import { Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FaqRange } from '#shared/api/faq';

/**
 * An FAQ answer's simple markup rendered as React elements, never as HTML: paragraphs split by blank
 * lines, `- ` and `1. ` list lines, `**bold**`, and `[text](https://…)` links (http, https and mailto
 * only; anything else stays text). Whatever else the text holds is shown as typed.
 */
export function FaqAnswer({ markup, ranges = [] }: { markup: string; ranges?: FaqRange[] }) {
  // What matched, as the literal text of the server's ranges, marked wherever it shows in the rendered answer.
  const highlight = [...new Set(ranges.map((r) => markup.slice(r.start, r.end)).filter((s) => s && !s.includes('\n')))];
  const blocks = markup.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  return (
    <div className="faq-answer" data-testid="faq-answer">
      {blocks.map((block, b) => {
        const lines = block.split('\n').filter((l) => l.trim());
        if (lines.length && lines.every((l) => /^\s*[-*]\s+/.test(l)))
          return (
            <ul key={b}>
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(/^\s*[-*]\s+/, ''), highlight)}</li>
              ))}
            </ul>
          );
        if (lines.length && lines.every((l) => /^\s*\d+[.、]\s*/.test(l)))
          return (
            <ol key={b}>
              {lines.map((l, i) => (
                <li key={i}>{inline(l.replace(/^\s*\d+[.、]\s*/, ''), highlight)}</li>
              ))}
            </ol>
          );
        return (
          <Typography.Paragraph key={b} style={{ marginBottom: 8 }}>
            {lines.map((l, i) => (
              <span key={i}>
                {i > 0 && <br />}
                {inline(l, highlight)}
              </span>
            ))}
          </Typography.Paragraph>
        );
      })}
    </div>
  );
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Bold and links within one line; plain text is highlighted where it holds one of `highlight` literally. */
function inline(text: string, highlight: string[]): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  let key = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push(...marked(text.slice(last, m.index), highlight, key++));
    if (m[1] !== undefined) out.push(<strong key={`b${key++}`}>{marked(m[1], highlight, key++)}</strong>);
    else if (SAFE_URL.test(m[3]))
      out.push(
        <a key={`a${key++}`} href={m[3]} target="_blank" rel="noopener noreferrer nofollow">
          {m[2]}
        </a>,
      );
    else out.push(m[0]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...marked(text.slice(last), highlight, key++));
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function marked(text: string, highlight: string[], key: number): ReactNode[] {
  if (!highlight.length) return [text];
  const parts = text.split(new RegExp(`(${highlight.map(escape).join('|')})`));
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={`m${key}-${i}`}>{part}</mark> : part));
}

/** A field with the server's match ranges marked. */
export function Highlighted({ text, ranges }: { text: string; ranges: FaqRange[] }) {
  if (!ranges.length) return <>{text}</>;
  const out: ReactNode[] = [];
  let last = 0;
  ranges.forEach((r, i) => {
    if (r.start > last) out.push(text.slice(last, r.start));
    out.push(<mark key={i}>{text.slice(r.start, r.end)}</mark>);
    last = r.end;
  });
  out.push(text.slice(last));
  return <>{out}</>;
}
