import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '#web/config/paths';
import { setUnauthorizedHandler } from '#web/lib/api-client';
import { createQueryClient } from '#web/lib/react-query';
import { router } from './router';

/** Everything the pages rely on: the query cache, antd in the user's language, and the 401 redirect. */
export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n, t } = useTranslation();
  const english = i18n.resolvedLanguage === 'en';

  useEffect(() => {
    setUnauthorizedHandler(() => {
      void router.navigate(paths.login.getHref(), { replace: true }).then(() => queryClient.clear());
    });
  }, [queryClient]);

  useEffect(() => {
    dayjs.locale(english ? 'en' : 'zh-cn');
    document.title = t('app.title');
  }, [english, t]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={english ? enUS : zhCN}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
