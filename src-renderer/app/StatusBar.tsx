import type { AppInfo } from '../../src-shared/ipc/contract.js';
import { useConnectionState } from '../api/use-event.js';
import { JobsStatus } from '../features/jobs/index.js';

const modeLabels: Record<AppInfo['mode'], string> = {
  electron: 'Electron',
  browser: 'Browser mode',
  cli: 'Command line',
  test: 'Test host',
};

/** Bottom bar on every page: the link to the core, background jobs, and which build is running where. */
export function StatusBar({ appInfo }: { appInfo: AppInfo }) {
  const connection = useConnectionState();
  return (
    <footer className="shell-status" aria-label="Status bar">
      {connection === 'connected' ? null : (
        <span className="status-connection" role="status">
          {connection === 'connecting' ? 'Connecting to the core…' : 'Connection to the core lost; reconnecting…'}
        </span>
      )}
      <div className="status-jobs" data-testid="status-jobs">
        <JobsStatus />
      </div>
      <span className="status-build" data-testid="status-build">
        Cirrus {appInfo.version} · {modeLabels[appInfo.mode]}
      </span>
    </footer>
  );
}
