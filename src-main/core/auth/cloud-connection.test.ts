import { describe, expect, it } from 'vitest';
import { demoServiceUrlsFor } from '../../../src-shared/domain/clouds.js';
import { serviceUrlsFor } from '../../sim/server/sim-context.js';
import { openCloudConnection } from './cloud-connection.js';

describe('cloud connections', () => {
  it("derives the demo cloud's URLs exactly as the simulator mounts its services", () => {
    expect(demoServiceUrlsFor('https://127.0.0.1:4443')).toEqual(serviceUrlsFor('https://127.0.0.1:4443'));
  });

  it('trusts the simulator only for the demo cloud, and needs one to exist', () => {
    expect(() => openCloudConnection('sim', null, {})).toThrow(/needs a running simulator/);
    const demo = openCloudConnection('sim', { baseUrl: 'https://127.0.0.1:4443' }, { proxyUrl: 'http://proxy.example:3128' });
    expect(demo.extraOrigins).toEqual(['https://127.0.0.1:4443']);
    expect(demo.profile.endpoints.graph.value).toBe('https://127.0.0.1:4443/graph');
    demo.close();
    const gov = openCloudConnection('usgov', null, {});
    expect(gov.extraOrigins).toEqual([]);
    expect(gov.demo).toBeNull();
    expect(gov.profile.scopes.graph.value).toBe('https://graph.microsoft.us/.default');
    gov.close();
  });
});
