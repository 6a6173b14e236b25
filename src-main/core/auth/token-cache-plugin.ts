import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import type { SecretStore } from '../ports.js';
import { TOKEN_CACHE_SECRET } from './auth-session.js';

/**
 * MSAL's persistence hook over the `SecretStore`: load the blob before every cache access, write
 * it back only when MSAL changed it (a refreshed token, a new resource). Another process (a CLI
 * command) may have refreshed tokens in between, hence the reload each time.
 */
export function createSecretStoreCachePlugin(store: SecretStore): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      const blob = await store.read(TOKEN_CACHE_SECRET);
      if (blob !== null) context.tokenCache.deserialize(blob);
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (context.cacheHasChanged) await store.write(TOKEN_CACHE_SECRET, context.tokenCache.serialize());
    },
  };
}
