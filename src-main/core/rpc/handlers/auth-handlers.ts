import { CLOUDS, demoCloud, demoServiceUrlsFor } from '../../../../src-shared/domain/clouds.js';
import type { AuthService } from '../../auth/auth-service.js';
import { authRequirements } from '../../auth/auth-requirements.js';
import type { DemoCloudConfig } from '../../ports.js';
import type { Handlers } from '../router.js';

type AuthHandlers = Pick<Handlers, 'auth.clouds' | 'auth.status' | 'auth.signIn' | 'auth.cancel' | 'auth.signOut' | 'auth.requirements'>;

/**
 * Sign-in commands. Outputs carry identities and URLs only; tokens never leave the auth service.
 * The demo cloud is listed when the host started a simulator (otherwise its address is typed in).
 */
export function createAuthHandlers(auth: AuthService, demo?: DemoCloudConfig): AuthHandlers {
  return {
    'auth.clouds': () => [...Object.values(CLOUDS), ...(demo ? [demoCloud(demoServiceUrlsFor(demo.baseUrl))] : [])],
    'auth.status': () => auth.status(),
    'auth.signIn': (input) => auth.signIn(input),
    'auth.cancel': () => ({ cancelled: auth.cancel() }),
    'auth.signOut': async () => ({ signedOut: await auth.signOut() }),
    'auth.requirements': ({ cloud }) => authRequirements(cloud),
  };
}
