import { useCommandQuery } from './use-command.js';

/** Version, host mode and host abilities; fixed for the life of the page. */
export function useAppInfo() {
  return useCommandQuery('app.info', {}, { tables: [], staleTime: Infinity });
}
