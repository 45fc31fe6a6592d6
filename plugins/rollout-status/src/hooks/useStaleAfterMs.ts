import { useMemo } from 'react';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { staleAfterMsFromConfig } from '../lib/time';

/** How old live data may be before it is marked stale (see staleAfterMsFromConfig). */
export function useStaleAfterMs(): number {
  const config = useApi(configApiRef);
  return useMemo(() => staleAfterMsFromConfig(config), [config]);
}
