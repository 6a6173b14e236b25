import { useCallback, useEffect, useState, type ComponentType } from 'react';
import type { AppInfo } from '../../src-shared/ipc/contract.js';
import { useAppInfo } from '../api/use-app-info.js';
import { AccountStatus, SignInProvider } from '../features/auth/index.js';
import { CasePage } from '../features/case/index.js';
import { CollectPage } from '../features/collect/index.js';
import { ExportPage } from '../features/export/index.js';
import { HitsPage } from '../features/hits/index.js';
import { ReadinessPage } from '../features/readiness/index.js';
import { TimelinePage } from '../features/timeline/index.js';
import { ErrorAlert } from '../shared/ui/ErrorAlert.js';
import { CaseHeader } from './CaseHeader.js';
import { ErrorBoundary } from './error-boundary.js';
import { NavBar } from './NavBar.js';
import { routes, type RouteId } from './routes.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { StatusBar } from './StatusBar.js';
import { useHashRoute } from './use-hash-route.js';
import { useShortcuts } from './use-shortcuts.js';

const pages: Record<RouteId, ComponentType<{ appInfo: AppInfo }>> = {
  case: CasePage,
  readiness: ReadinessPage,
  collect: CollectPage,
  timeline: TimelinePage,
  hits: HitsPage,
  export: ExportPage,
};

function Shell({ appInfo }: { appInfo: AppInfo }) {
  const route = useHashRoute();
  const [keysOpen, setKeysOpen] = useState(false);
  const showKeys = useCallback(() => setKeysOpen(true), []);
  useShortcuts({ enabled: !keysOpen, onHelp: showKeys });
  const label = routes.find((r) => r.id === route)?.label ?? '';
  useEffect(() => {
    document.title = `${label} — Cirrus`;
  }, [label]);
  const Page = pages[route];

  return (
    // The e2e harness waits for this marker: it appears only once the core has answered app.info.
    <div className="shell" data-testid="app-ready">
      <header className="shell-header">
        <span className="brand">Cirrus</span>
        <CaseHeader />
        <AccountStatus />
        <button type="button" className="button button-quiet header-keys" onClick={showKeys} aria-keyshortcuts="?">
          Keys <kbd>?</kbd>
        </button>
      </header>
      <NavBar current={route} />
      <main className="shell-main">
        {/* Keyed by page so an error on one page is forgotten when the responder moves on. */}
        <ErrorBoundary key={route} what={`The ${label} page`}>
          <Page appInfo={appInfo} />
        </ErrorBoundary>
      </main>
      <StatusBar appInfo={appInfo} />
      <ShortcutsDialog open={keysOpen} onOpenChange={setKeysOpen} />
    </div>
  );
}

/** Waits for the core to say who it is (version, mode, abilities) before showing the workstation. */
export function App() {
  const appInfo = useAppInfo();
  if (appInfo.isPending) {
    return (
      <div className="startup" role="status">
        Connecting to the Cirrus core…
      </div>
    );
  }
  if (appInfo.isError) {
    return (
      <div className="startup">
        <ErrorAlert title="Cirrus could not reach its core" error={appInfo.error} />
        <button type="button" className="button" onClick={() => void appInfo.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <SignInProvider>
      <Shell appInfo={appInfo.data} />
    </SignInProvider>
  );
}
