import { describe, expect, it } from 'vitest';
import { CLOUDS, CloudProfile, demoCloud, demoServiceUrlsFor, isLoopbackHttpsUrl, ResourceId } from './clouds.js';

describe('cloud profiles', () => {
  const all = [...Object.values(CLOUDS), demoCloud(demoServiceUrlsFor('https://127.0.0.1:4443/'))];

  it('match the contract shape, use https only, and say where every value comes from', () => {
    for (const cloud of all) {
      CloudProfile.parse(cloud);
      for (const [name, v] of Object.entries(cloud.endpoints)) {
        expect(v.source.length, `${cloud.id}.${name}`).toBeGreaterThan(10);
        if (v.value !== null) expect(v.value, `${cloud.id}.${name}`).toMatch(/^https:\/\/[^/]+/);
      }
    }
  });

  it('national clouds ask for tokens with their own resource hosts, never the global ones', () => {
    for (const cloud of [CLOUDS.usgov, CLOUDS.usgovdod, CLOUDS.china]) {
      for (const resource of ResourceId.options) {
        const scope = cloud.scopes[resource].value;
        if (scope === null) continue;
        expect(scope).toMatch(/\/\.default$/);
        expect(scope, `${cloud.id}.${resource}`).not.toMatch(/microsoft\.com|office365\.com|azure\.com|office\.com/);
        const endpoint = cloud.endpoints[resource === 'devops' ? 'devops' : resource].value;
        expect(endpoint && scope.startsWith(endpoint), `${cloud.id}.${resource} scope host = endpoint host`).toBe(true);
      }
    }
    expect(CLOUDS.usgovdod.endpoints.graph.value).toBe('https://dod-graph.microsoft.us');
    expect(CLOUDS.china.endpoints.login.value).toBe('https://login.chinacloudapi.cn');
  });

  it('offers DevOps and Graph audit queries only in the global cloud, and no Management API host for China', () => {
    expect(Object.values(CLOUDS).filter((c) => c.endpoints.devopsAudit.value !== null).map((c) => c.id)).toEqual(['global']);
    expect(Object.values(CLOUDS).filter((c) => c.graphAuditQuery.value).map((c) => c.id)).toEqual(['global']);
    expect(CLOUDS.china.endpoints.mgmt.value).toBeNull();
  });

  it('builds the demo cloud from a simulator address: its URLs, global scopes, its host as a known authority', () => {
    const demo = demoCloud(demoServiceUrlsFor('https://127.0.0.1:4443/'));
    expect(demo.endpoints.login.value).toBe('https://127.0.0.1:4443');
    expect(demo.endpoints.graph.value).toBe('https://127.0.0.1:4443/graph');
    expect(demo.endpoints.devopsAudit.value).toBe('https://127.0.0.1:4443/devops-audit');
    expect(demo.scopes.graph.value).toBe('https://graph.microsoft.com/.default');
    expect(demo.knownAuthorities).toEqual(['127.0.0.1:4443']);
  });

  it('accepts only https loopback addresses for a demo cloud', () => {
    expect(isLoopbackHttpsUrl('https://127.0.0.1:4443')).toBe(true);
    expect(isLoopbackHttpsUrl('http://127.0.0.1:4443')).toBe(false);
    expect(isLoopbackHttpsUrl('https://sim.example:4443')).toBe(false);
    expect(isLoopbackHttpsUrl('https://127.0.0.1.evil.example:4443')).toBe(false);
    expect(isLoopbackHttpsUrl('https://user:pw@127.0.0.1:4443')).toBe(false);
    expect(isLoopbackHttpsUrl('https://[::1]:4443/devicelogin')).toBe(true);
  });
});
