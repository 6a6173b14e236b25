import type { INetworkModule } from '@azure/msal-node';
import { CLOUDS, demoCloud, demoServiceUrlsFor, type CloudId, type CloudProfile } from '../../../src-shared/domain/clouds.js';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { createHttpClient, type HttpClient } from '../net/http-client.js';
import { createMsalNetworkModule } from '../net/msal-network-module.js';
import type { NetworkSettings } from '../ports.js';

/** The simulator a demo-cloud session talks to. */
export interface DemoEndpoint {
  baseUrl: string;
  caCertPem?: string;
}

/**
 * Everything needed to talk to one cloud: its URLs and scopes, and an HTTP client with the right
 * trust. The simulator's CA is trusted only by the demo cloud's client, and the demo cloud never
 * goes through the proxy; the corporate proxy and its CA apply to the real clouds.
 */
export interface CloudConnection {
  profile: CloudProfile;
  http: HttpClient;
  msalNetwork: INetworkModule;
  /** Loopback origins the browser may be sent to for this cloud (the simulator's sign-in pages). */
  extraOrigins: string[];
  demo: DemoEndpoint | null;
  close(): void;
}

export function openCloudConnection(cloud: CloudId, demo: DemoEndpoint | null, network: NetworkSettings): CloudConnection {
  let profile: CloudProfile;
  let http: HttpClient;
  let extraOrigins: string[] = [];
  if (cloud === 'sim') {
    if (!demo) {
      throw new CoreError('validation', 'The demo cloud needs a running simulator: give its address (https://127.0.0.1:PORT) and its CA certificate.');
    }
    profile = demoCloud(demoServiceUrlsFor(demo.baseUrl));
    http = createHttpClient({ extraCaPems: demo.caCertPem ? [demo.caCertPem] : [] });
    extraOrigins = [new URL(demo.baseUrl).origin];
  } else {
    profile = CLOUDS[cloud];
    http = createHttpClient({ extraCaPems: network.extraCaPems ?? [], ...(network.proxyUrl ? { proxyUrl: network.proxyUrl } : {}) });
  }
  return { profile, http, msalNetwork: createMsalNetworkModule(http), extraOrigins, demo: cloud === 'sim' ? demo : null, close: () => http.close() };
}
