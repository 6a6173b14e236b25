import { SignInInput, type SignInMethod } from '../../../src-shared/domain/auth.js';
import type { CloudId } from '../../../src-shared/domain/clouds.js';

export interface SignInValues {
  cloud: CloudId;
  tenant: string;
  clientId: string;
  method: SignInMethod;
  /** Demo cloud only, when the host did not start a simulator itself. */
  simAddress: string;
  simCaPath: string;
}

export type SignInField = 'tenant' | 'clientId' | 'simAddress' | 'simCaPath';
export type SignInErrors = Partial<Record<SignInField, string>>;

export const initialSignInValues: SignInValues = { cloud: 'global', tenant: '', clientId: '', method: 'interactive', simAddress: '', simCaPath: '' };

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** Which form field a schema issue belongs to. */
function fieldOf(path: readonly PropertyKey[]): SignInField | null {
  const [first, second] = path;
  if (first === 'tenant') return 'tenant';
  if (first === 'clientId') return 'clientId';
  if (first === 'demo') return second === 'caCertPath' ? 'simCaPath' : 'simAddress';
  return null;
}

/**
 * Builds the `auth.signIn` input and checks it with the contract's own schema, so the form and
 * the core agree on what a tenant, a client id and a simulator address look like. Empty optional
 * fields are left out: no tenant means `organizations`, no client id means the default client.
 * `hostSimulator` is true when the core already runs a simulator, so no address is needed.
 */
export function buildSignInInput(values: SignInValues, hostSimulator: boolean): { ok: true; input: SignInInput } | { ok: false; errors: SignInErrors } {
  const tenant = values.tenant.trim();
  const clientId = values.clientId.trim();
  const address = values.simAddress.trim();
  const caPath = values.simCaPath.trim();
  const errors: SignInErrors = {};
  if (values.cloud === 'sim' && !hostSimulator && !address) {
    errors.simAddress = 'Enter the simulator’s address (https://127.0.0.1:PORT), as printed by cirrus sim';
  }
  if (values.cloud === 'sim' && !address && caPath) errors.simAddress = 'The CA certificate belongs to a simulator address: enter it too';
  const input: SignInInput = {
    cloud: values.cloud,
    method: values.method,
    ...(tenant ? { tenant } : {}),
    ...(clientId ? { clientId } : {}),
    ...(values.cloud === 'sim' && address ? { demo: { baseUrl: address, ...(caPath ? { caCertPath: caPath } : {}) } } : {}),
  };
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (field && !errors[field]) errors[field] = sentence(issue.message);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
