import * as Dialog from '@radix-ui/react-dialog';
import { useEffect } from 'react';
import { SignInPanel } from './SignInPanel.js';
import { useAuthStatus } from './use-auth.js';

/**
 * The sign-in panel as a dialog, opened from the header. Radix supplies focus trap, Escape and
 * focus return; the backdrop is a plain element because Dialog.Overlay injects a <style> tag,
 * which the CSP refuses. Closing it does not stop a running sign-in (Cancel does).
 */
export function SignInDialog({ open, onOpenChange, returnFocus }: { open: boolean; onOpenChange(open: boolean): void; returnFocus(): void }) {
  // The header offers the dialog only while signed out, so a signed-in status means "done".
  const signedIn = useAuthStatus().data?.signedIn === true;
  useEffect(() => {
    if (open && signedIn) onOpenChange(false);
  }, [open, signedIn, onOpenChange]);

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="dialog-overlay" aria-hidden="true" />
        <Dialog.Content
          className="dialog dialog-wide"
          aria-describedby="sign-in-dialog-description"
          // Opened from the header without a Dialog.Trigger, so the header decides where focus returns.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
        >
          <Dialog.Title className="dialog-title">Sign in</Dialog.Title>
          <Dialog.Description id="sign-in-dialog-description" className="muted">
            Cirrus reads the tenant’s logs with your account. Tokens stay inside the Cirrus core; this window never sees them.
          </Dialog.Description>
          <SignInPanel />
          <div className="form-actions">
            <Dialog.Close className="button">Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
