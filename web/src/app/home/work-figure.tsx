import { Card, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * One count of a worklist, linking to the page that lists exactly those: `value` comes from the same
 * query (hook and filters) as that page, so the page shows as many rows as the home says.
 */
export function WorkFigure({
  title,
  value,
  suffix,
  hint,
  to,
  loading,
  testId,
  footer,
}: {
  title: ReactNode;
  value: number | string | undefined;
  suffix?: ReactNode;
  hint?: ReactNode;
  to: string;
  loading?: boolean;
  testId: string;
  footer?: ReactNode;
}) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId} data-value={value ?? ''}>
      <Link to={to} data-testid={`${testId}-link`}>
        <Statistic title={title} value={value ?? '—'} suffix={suffix} loading={loading} />
      </Link>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
      {footer}
    </Card>
  );
}
