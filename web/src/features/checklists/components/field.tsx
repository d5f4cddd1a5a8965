import { Form } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { ProblemMap } from './problems';

/** A labelled input showing what validateChecklist (or the server) says is wrong at `path`. */
export function Field({
  label,
  path,
  problems,
  extra,
  children,
  style,
}: {
  label: ReactNode;
  path: string;
  problems: ProblemMap;
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
}) {
  const problem = problems.get(path);
  return (
    <Form.Item
      label={label}
      validateStatus={problem ? 'error' : undefined}
      help={problem}
      extra={extra}
      style={{ marginBottom: 12, ...style }}
      data-problem={problem ? path : undefined}
    >
      {children}
    </Form.Item>
  );
}
