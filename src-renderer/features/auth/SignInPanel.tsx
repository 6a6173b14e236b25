import './auth.css';
import { useState, type FormEvent } from 'react';
import type { SignInMethod } from '../../../src-shared/domain/auth.js';
import { CloudId } from '../../../src-shared/domain/clouds.js';
import { CallError } from '../../api/client.js';
import { useAppInfo } from '../../api/use-app-info.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { TextField } from '../../shared/ui/TextField.js';
import { DeviceCodePanel } from './DeviceCodePanel.js';
import { buildSignInInput, type SignInErrors, type SignInField, type SignInValues } from './sign-in-form.js';
import {
  browserSignInWhere,
  cacheProtectionText,
  deviceCodeExplanation,
  fallbackCloudLabels,
  methodLabels,
  simulatedExplanation,
} from './sign-in-texts.js';
import { useSignIn } from './SignInProvider.js';
import { TenantRequirements } from './TenantRequirements.js';
import { useAuthRequirements, useAuthStatus, useClouds } from './use-auth.js';

const methods: SignInMethod[] = ['interactive', 'deviceCode'];

/** Waiting for the user: the device code, or where the browser sign-in page went; both cancellable. */
function Waiting({ method }: { method: SignInMethod }) {
  const signIn = useSignIn();
  const mode = useAppInfo().data?.mode;
  if (method === 'deviceCode' && signIn.prompt) {
    return <DeviceCodePanel prompt={signIn.prompt} mode={mode} onCancel={signIn.cancel} cancelling={signIn.cancelling} />;
  }
  return (
    <section className="sign-in-waiting" aria-labelledby="sign-in-waiting-title">
      <h3 id="sign-in-waiting-title">
        {method === 'deviceCode' ? 'Waiting for a device code…' : 'Waiting for you to finish signing in in the browser…'}
      </h3>
      <p className="muted">
        {method === 'deviceCode'
          ? signIn.running
            ? 'The code appears here as soon as the identity platform sends it.'
            : 'A device-code sign-in started earlier is waiting; its code was shown when it started. Cancel it to start again.'
          : browserSignInWhere(mode)}
      </p>
      <progress className="sign-in-progress" aria-label="Sign-in in progress" />
      <div className="form-actions">
        <button type="button" className="button" onClick={signIn.cancel} disabled={signIn.cancelling}>
          {signIn.cancelling ? 'Cancelling…' : 'Cancel sign-in'}
        </button>
      </div>
    </section>
  );
}

function SignInForm() {
  const signIn = useSignIn();
  const mode = useAppInfo().data?.mode;
  const clouds = useClouds();
  const { values, setValues } = signIn;
  const [errors, setErrors] = useState<SignInErrors>({});
  const requirements = useAuthRequirements(values.cloud);

  const profiles = new Map((clouds.data ?? []).map((c) => [c.id, c]));
  const hostSimulator = profiles.has('sim');
  const selected = profiles.get(values.cloud);

  const set = <K extends keyof SignInValues>(key: K, value: SignInValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    if (key !== 'cloud' && key !== 'method') setErrors((previous) => ({ ...previous, [key as SignInField]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildSignInInput(values, hostSimulator);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    signIn.start(built.input);
  };

  const defaultClient = requirements.data?.defaultClient;
  return (
    <form className="form sign-in-form" aria-label="Sign in" onSubmit={submit} noValidate>
      {clouds.error ? <ErrorAlert title="Could not read the list of clouds" error={clouds.error} /> : null}
      <fieldset className="choice-group">
        <legend className="field-label">Cloud</legend>
        {CloudId.options.map((id) => (
          <label key={id} className={id === 'sim' ? 'choice choice-simulated' : 'choice'}>
            <input type="radio" name="cloud" value={id} checked={values.cloud === id} onChange={() => set('cloud', id)} />
            <span>
              {profiles.get(id)?.label ?? fallbackCloudLabels[id]}
              {id === 'sim' ? <span className="tag tag-simulated">simulated</span> : null}
            </span>
          </label>
        ))}
        {values.cloud === 'sim' ? <p className="field-hint">{simulatedExplanation}</p> : null}
        {selected?.endpoints.login.value ? (
          <p className="field-hint">
            Signs in at <span className="mono">{selected.endpoints.login.value}</span>
          </p>
        ) : null}
      </fieldset>
      {values.cloud === 'sim' && !hostSimulator ? (
        <div className="sim-target">
          <TextField
            label="Simulator address"
            name="simAddress"
            value={values.simAddress}
            onChange={(v) => set('simAddress', v)}
            error={errors.simAddress}
            placeholder="https://127.0.0.1:PORT"
            monospace
            required
            hint="The baseUrl line printed by cirrus sim. Cirrus was not started with its own simulator."
          />
          <TextField
            label="Simulator CA certificate file"
            name="simCaPath"
            value={values.simCaPath}
            onChange={(v) => set('simCaPath', v)}
            error={errors.simCaPath}
            monospace
            hint="The caCertPath printed by cirrus sim, on the machine running Cirrus. It is trusted for the simulator’s address only."
          />
        </div>
      ) : null}
      <TextField
        label="Tenant (domain or tenant id)"
        name="tenant"
        value={values.tenant}
        onChange={(v) => set('tenant', v)}
        error={errors.tenant}
        placeholder="contoso.onmicrosoft.com"
        monospace
        hint="Leave empty to accept any work account (organizations); the tenant then comes from the account you sign in with."
      />
      <TextField
        label="Application (client) id"
        name="clientId"
        value={values.clientId}
        onChange={(v) => set('clientId', v)}
        error={errors.clientId}
        placeholder={defaultClient?.clientId}
        monospace
        hint={
          defaultClient ? (
            <>
              Leave empty to use the default client, {defaultClient.name} (<span className="mono">{defaultClient.clientId}</span>). {defaultClient.why} Your own
              app registration is recommended: only it can hold the Management Activity API and audit-query permissions.
            </>
          ) : (
            'Leave empty to use the default client. Your own app registration is recommended for the Management Activity API and audit-query permissions.'
          )
        }
      />
      <details className="requirements-details">
        <summary>What the tenant must allow: app registration, permissions and roles</summary>
        {requirements.isPending ? <p className="muted">Reading the requirements…</p> : null}
        {requirements.error ? <ErrorAlert title="Could not read what the tenant needs" error={requirements.error} /> : null}
        {requirements.data ? <TenantRequirements requirements={requirements.data} /> : null}
      </details>
      <fieldset className="choice-group">
        <legend className="field-label">Method</legend>
        {methods.map((method) => (
          <label key={method} className="choice choice-described">
            <input type="radio" name="method" value={method} checked={values.method === method} onChange={() => set('method', method)} />
            <span>
              <span className="choice-title">{methodLabels[method]}</span>
              <span className="field-hint">{method === 'interactive' ? browserSignInWhere(mode) : deviceCodeExplanation}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Sign in
        </button>
      </div>
    </form>
  );
}

const wasCancelled = (error: unknown) => error instanceof CallError && error.info.code === 'cancelled';

/**
 * Sign-in: cloud, tenant, client and method, then the step that waits for the user (device code
 * or browser) with Cancel. Also says where the token cache is kept. Used on the Readiness page
 * and in the header's sign-in dialog; both show the same sign-in (see SignInProvider).
 */
export function SignInPanel() {
  const signIn = useSignIn();
  const status = useAuthStatus();
  const waiting = signIn.running ?? status.data?.pending ?? null;
  return (
    <div className="sign-in stack">
      {waiting ? <Waiting method={waiting} /> : <SignInForm />}
      {signIn.error && !waiting ? (
        wasCancelled(signIn.error) ? (
          <p role="status" className="notice">
            Sign-in cancelled. Nothing was stored.
          </p>
        ) : (
          <ErrorAlert title="Sign-in failed" error={signIn.error} />
        )
      ) : null}
      {signIn.cancelError ? <ErrorAlert title="Could not cancel the sign-in" error={signIn.cancelError} /> : null}
      {status.error ? <ErrorAlert title="Could not read the sign-in status" error={status.error} /> : null}
      {status.data ? (
        <p className="cache-note" data-testid="token-cache">
          <strong>Token cache:</strong> {cacheProtectionText[status.data.cacheProtection]}
        </p>
      ) : null}
    </div>
  );
}
