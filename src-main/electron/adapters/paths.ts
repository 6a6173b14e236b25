import { join } from 'node:path';
import type { Paths } from '../../core/ports.js';
import type { AppLike } from '../electron-api.js';

/** Folder name proposed for new cases under the analyst's documents folder. */
export const CASES_FOLDER_NAME = 'Cirrus Cases';

/**
 * Resolves the core's folders from Electron's per-user locations. `userData` holds settings and
 * the recent-case list only; cases live wherever the analyst puts them (default: Documents).
 */
export function createElectronPaths(app: Pick<AppLike, 'getPath'>): Paths {
  return { configDir: app.getPath('userData'), defaultCasesDir: join(documentsDir(app), CASES_FOLDER_NAME) };
}

function documentsDir(app: Pick<AppLike, 'getPath'>): string {
  try {
    return app.getPath('documents');
  } catch {
    // Some minimal Linux desktops have no XDG documents folder; the home folder always exists.
    return app.getPath('home');
  }
}
