import { Typography } from 'antd';

type Part = { kind: 'same' | 'added' | 'removed'; text: string };

/** A character diff (longest common subsequence) of two short texts; long ones fall back to whole lines. */
export function diffText(before: string, after: string): Part[] {
  const a = [...before];
  const b = [...after];
  if (a.length * b.length > 4_000_000)
    return [before && { kind: 'removed' as const, text: before }, after && { kind: 'added' as const, text: after }].filter(Boolean) as Part[];
  const dp: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const parts: Part[] = [];
  const push = (kind: Part['kind'], ch: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else parts.push({ kind, text: ch });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) push('removed', a[i++]);
    else push('added', b[j++]);
  }
  while (i < a.length) push('removed', a[i++]);
  while (j < b.length) push('added', b[j++]);
  return parts;
}

/** What changed from one version's text to another's: removed struck through in red, added in green. */
export function VersionDiff({ before, after, testId }: { before: string; after: string; testId?: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {diffText(before, after).map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'added' ? (
          <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>
            {p.text}
          </ins>
        ) : (
          <del key={i} style={{ background: '#ffccc7' }}>
            {p.text}
          </del>
        ),
      )}
    </Typography.Paragraph>
  );
}
