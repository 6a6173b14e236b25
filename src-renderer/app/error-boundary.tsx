import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorAlert } from '../shared/ui/ErrorAlert.js';

interface State {
  error: Error | null;
}

/**
 * Keeps a rendering bug in one page from blanking the whole workstation. It shows the message
 * (never the stack) and lets the responder try again; the shell around it keeps working.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The component stack goes to the developer console only, where it helps a bug report.
    console.error(`${this.props.what} failed to render`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="stack">
        <ErrorAlert title={`${this.props.what} failed to display`} error={this.state.error} />
        <div>
          <button type="button" className="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      </div>
    );
  }
}
