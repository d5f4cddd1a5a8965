import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '#web/lib/api-client';
import { detailText, errorMessage } from '#web/lib/errors';

/**
 * Why an all-or-nothing sheet import was refused: the sentence, then every bad line the server named
 * (`errors` of the 400), so the person fixes the whole sheet in one go.
 */
export function ImportErrors({ error, title, testId }: { error: unknown; title: (message: string) => string; testId: string }) {
  const { t } = useTranslation();
  const lines = error instanceof ApiError ? error.errors : [];
  return (
    <Alert
      data-testid={testId}
      type="error"
      showIcon
      title={title(errorMessage(error, t, { details: lines.length === 0 }))}
      description={
        lines.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 300, overflow: 'auto' }}>
            {lines.map((line, i) => (
              <li key={i}>{detailText(line, t)}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
