import { createFakeCloud, type FakeCloudOptions } from './fake-cloud.js';
import { renderApp } from './render-app.js';

type AppOptions = NonNullable<Parameters<typeof renderApp>[0]>;

/** The whole workstation over the in-memory case core plus the fake sign-in and readiness answers. */
export function renderWithCloud(cloudOptions: FakeCloudOptions = {}, appOptions: AppOptions = {}) {
  const cloud = createFakeCloud(cloudOptions);
  const app = renderApp({ ...appOptions, override: { ...cloud.handlers, ...appOptions.override } });
  cloud.attach(app.transport);
  return { ...app, cloud };
}
