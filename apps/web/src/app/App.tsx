import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Router } from 'wouter';
import { ApiError } from '../api/client';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/language';
import { Layout } from './Layout';
import { AppRoutes } from './routes';

/** Errors that another try will not fix. */
const FINAL = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT', 'UNAUTHENTICATED']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && !(error instanceof ApiError && FINAL.has(error.code)),
      },
    },
  });
}

/** The whole app: cache, language, router (the browser's address), layout. `lang` fixes the language (tests). */
export function App({ lang }: { lang?: Lang }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider initial={lang}>
        <Router>
          <Layout>
            <AppRoutes />
          </Layout>
        </Router>
      </I18nProvider>
    </QueryClientProvider>
  );
}
