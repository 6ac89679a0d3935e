/** The public config for a component: its value, or the error that stopped it, and a way to ask again. */
import { useCallback, useEffect, useState } from 'react';
import type { PublicConfig } from '@common/public-config.ts';
import { loadPublicConfig } from '@/shared/api/load-public-config.ts';

export interface PublicConfigState {
  data: PublicConfig | undefined;
  error: unknown;
  isError: boolean;
  retry: () => void;
}

export function usePublicConfig(): PublicConfigState {
  const [result, setResult] = useState<{ data?: PublicConfig; error?: unknown }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadPublicConfig().then(
      (data) => live && setResult({ data }),
      (error: unknown) => live && setResult({ error }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => {
    setResult({});
    setAttempt((n) => n + 1);
  }, []);
  return { data: result.data, error: result.error, isError: 'error' in result, retry };
}
