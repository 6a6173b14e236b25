import * as Dialog from '@radix-ui/react-dialog';
import { routes } from './routes.js';

/**
 * The key list behind `?`. Radix supplies the focus trap, Escape handling and focus return.
 * The backdrop is a plain element rather than Dialog.Overlay: the Overlay's scroll lock injects a
 * <style> tag, which the CSP (`style-src 'self'`) refuses; the shell never scrolls the body anyway.
 */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <div className="dialog-overlay" aria-hidden="true" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog-title">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="muted">Keys work anywhere except while typing in a field.</Dialog.Description>
          <table className="table keys">
            <tbody>
              <tr>
                <td>
                  <kbd>?</kbd>
                </td>
                <td>Show this list</td>
              </tr>
              <tr>
                <td>
                  <kbd>Esc</kbd>
                </td>
                <td>Close a dialog</td>
              </tr>
              <tr>
                <td>
                  <kbd>j</kbd> / <kbd>k</kbd>, <kbd>Enter</kbd>
                </td>
                <td>Timeline: next / previous event, open it</td>
              </tr>
              <tr>
                <td>
                  <kbd>/</kbd>, <kbd>b</kbd>, <kbd>Home</kbd> / <kbd>End</kbd>
                </td>
                <td>Timeline: search, bookmark, first / last event</td>
              </tr>
              {routes.map((route) => (
                <tr key={route.id}>
                  <td>
                    <kbd>g</kbd> then <kbd>{route.goKey}</kbd>
                  </td>
                  <td>Go to {route.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <Dialog.Close className="button">Close</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
