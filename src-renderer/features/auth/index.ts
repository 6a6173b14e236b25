export { AccountStatus } from './AccountStatus.js';
export { SignInPanel } from './SignInPanel.js';
export { SignInProvider, useSignIn } from './SignInProvider.js';
export { useAuthStatus } from './use-auth.js';
