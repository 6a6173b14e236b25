import { describe, expect, it } from 'vitest';
import { grantedPermissions, parseScopes } from './resources.js';

describe('scope parsing', () => {
  it('finds one resource among OIDC scopes, in URI, legacy and app-id forms', () => {
    const graph = parseScopes('https://graph.microsoft.com/.default openid profile offline_access');
    expect(graph.ok && graph.value.resource.service).toBe('graph');
    expect(graph.ok && graph.value.offlineAccess).toBe(true);
    const arm = parseScopes('https://management.core.windows.net//.default');
    expect(arm.ok && arm.value.resource.service).toBe('arm');
    expect(arm.ok && arm.value.permissions).toEqual(['.default']);
    const devops = parseScopes('499b84ac-1321-427f-aa17-267ca6975798/.default offline_access');
    expect(devops.ok && devops.value.resource.audience).toBe('499b84ac-1321-427f-aa17-267ca6975798');
    const bare = parseScopes('openid profile');
    expect(bare.ok && bare.value.resource.service).toBe('graph');
  });

  it('refuses two resources in one request and unknown resources', () => {
    expect(parseScopes('https://graph.microsoft.com/.default https://management.azure.com/.default')).toMatchObject({ ok: false, kind: 'multiple-resources' });
    expect(parseScopes('https://vault.azure.net/.default')).toMatchObject({ ok: false, kind: 'unknown-resource' });
  });

  it('expands .default to the consented permissions and keeps named ones', () => {
    const r = parseScopes('https://graph.microsoft.com/AuditLog.Read.All https://graph.microsoft.com/.default');
    if (!r.ok) throw new Error('expected a parse');
    expect(grantedPermissions(r.value)).toContain('AuditLogsQuery.Read.All');
    expect(grantedPermissions(r.value)).toContain('AuditLog.Read.All');
  });
});
