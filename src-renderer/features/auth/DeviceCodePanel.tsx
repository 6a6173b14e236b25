import { useState, type MouseEvent } from 'react';
import type { DeviceCodePrompt } from '../../../src-shared/domain/auth.js';
import type { AppInfo } from '../../../src-shared/ipc/contract.js';
import { describeError } from '../../api/describe-error.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { useOpenExternal } from './use-auth.js';
import { formatCountdown, useNow } from '../../shared/lib/use-now.js';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The device-code step: the code large enough to read across a desk, a copy button, the address
 * to enter it at (opened by the core in the system browser), and how long the code still works.
 */
export function DeviceCodePanel({ prompt, mode, onCancel, cancelling }: { prompt: DeviceCodePrompt; mode: AppInfo['mode'] | undefined; onCancel(): void; cancelling: boolean }) {
  const expiresAt = Date.parse(prompt.expiresAt);
  const now = useNow(true);
  const left = Number.isNaN(expiresAt) ? null : expiresAt - now;
  const expired = left !== null && left <= 0;
  const [copy, setCopy] = useState<CopyState>('idle');
  const open = useOpenExternal();

  const copyCode = async () => {
    try {
      await navigator.clipboard.writeText(prompt.userCode);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  const openPage = (event: MouseEvent<HTMLAnchorElement>) => {
    // The page never navigates itself: the core checks the address against its allow-list first.
    event.preventDefault();
    open.mutate({ url: prompt.verificationUri });
  };

  return (
    <section className="device-code" aria-labelledby="device-code-title">
      <h3 id="device-code-title">Enter this code to finish signing in</h3>
      <div className="device-code-row">
        <output className="device-code-value mono" aria-label="Device code" data-testid="device-code">
          {prompt.userCode}
        </output>
        <button type="button" className="button" onClick={() => void copyCode()}>
          Copy code
        </button>
        <span role="status" className="device-code-copied">
          {copy === 'copied' ? 'Copied to the clipboard' : copy === 'failed' ? 'Could not copy: select the code and copy it by hand' : ''}
        </span>
      </div>
      <p>
        at{' '}
        <a href={prompt.verificationUri} onClick={openPage} className="mono break" data-testid="device-code-url">
          {prompt.verificationUri}
        </a>
        {mode === 'browser' ? <span className="muted"> (the link opens on the machine running Cirrus; from elsewhere, type the address into any browser)</span> : null}
      </p>
      {open.data && !open.data.opened ? <p className="field-error">Cirrus could not open a browser: type the address into one yourself.</p> : null}
      {open.error ? <p className="field-error">Could not open the address: {describeError(open.error).message}</p> : null}
      <p className={expired ? 'device-code-expiry expired' : 'device-code-expiry'} data-testid="device-code-expiry">
        {left === null ? (
          'The code’s expiry time is unreadable.'
        ) : expired ? (
          <strong>The code has expired. Cancel and start the sign-in again.</strong>
        ) : (
          <>
            Code expires in <strong className="mono">{formatCountdown(left)}</strong> (at <Timestamp iso={prompt.expiresAt} labelled />)
          </>
        )}
      </p>
      <p className="muted small">{prompt.message}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel sign-in'}
        </button>
      </div>
    </section>
  );
}
