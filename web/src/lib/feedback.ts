import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './errors';

/** Mutation callbacks that tell the user how a row action went: 已保存, or what went wrong, translated from the error's code. */
export function useFeedback() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    onSuccess: () => void message.success(t('common.saved')),
    onError: (error: Error) => void message.error(errorMessage(error, t)),
  };
}
