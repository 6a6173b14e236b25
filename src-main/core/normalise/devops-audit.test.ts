import { describe, expect, it } from 'vitest';
import { normaliseDevOpsAudit } from './devops-audit.js';
import { normalisePage } from './normalise-page.js';
import { valueSpan } from './record-spans.js';
import { fixture, okEvent } from './test-support.js';

describe('Azure DevOps audit (real REST example)', () => {
  // The published example's response body, cut out of the spec file exactly.
  const spec = fixture('devops-audit-query-example.json');
  const span = valueSpan(spec, ['responses', '200', 'body']);
  const body = span ? spec.slice(span.start, span.end) : '';

  it('reads a user event and a service event field by field', () => {
    const outcome = normalisePage('devops_audit.rest', body);
    if (!outcome.ok) throw new Error(outcome.error);
    const [user, service] = outcome.page.events.map((e) => e.event);
    expect(user).toMatchObject({
      ts: Date.UTC(2019, 2, 5, 14, 5, 2, 146),
      ts_source: '2019-03-05T14:05:02.1460838+00:00',
      source: 'devops_audit',
      raw_format: 'devops_audit.rest',
      record_id: '2518505060978539161;00000064-0000-8888-8000-000000000000;86fbe369-3f5d-4f52-9ab0-3be7db271948',
      workload: 'Auditing',
      record_type: 'access',
      operation: 'AuditLog.AccessLog',
      result: null,
      actor: 'Norman Paulk',
      actor_id: 'd6a98b6c-6932-485c-a986-aea9fc981df0',
      actor_type: 'user',
      ip: '167.220.148.131',
      user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/72.0.3626.119 Safari/537.36',
      target: 'fabrikam (Organization)',
      correlation_id: '86fbe369-3f5d-4f52-9ab0-3be7db271948',
    });
    expect(user?.params['details']).toBe('Accessed the audit log 3 times');
    expect(JSON.parse(user?.params['Filter'] ?? '{}')).toMatchObject({ BatchSize: 2, HasMore: true });
    expect(service).toMatchObject({ actor: 'Azure DevOps Service', actor_type: 'system', ip: null, user_agent: null, operation: 'Project.CreateCompleted' });
    expect(service?.params).toMatchObject({ ProjectName: 'fabrikam-fiber-git', ProjectVisibility: 'Private' });
  });

  it('accepts the bare response shape real services send', () => {
    const bare = JSON.stringify((JSON.parse(body) as { value: unknown }).value);
    const outcome = normalisePage('devops_audit.rest', bare);
    expect(outcome.ok && outcome.page.events.length).toBe(2);
  });

  it('prefers the UPN and project name when the entry has them', () => {
    const entry = { id: 'a;b;c', timestamp: '2025-03-01T10:00:35.5034419+00:00', actionId: 'Git.RepositoryCreated', actorUPN: 'Mail.User@Contoso.Example', actorUserId: 'D6A98B6C-6932-485C-A986-AEA9FC981DF0', projectName: 'fabrikam-fiber', scopeDisplayName: 'fabrikam (Organization)', ipAddress: '203.0.113.45', actorClientId: '00000000-0000-0000-0000-000000000000' };
    const e = okEvent(normaliseDevOpsAudit({ text: JSON.stringify(entry) }));
    expect([e.actor, e.actor_id, e.target, e.app_id]).toEqual(['mail.user@contoso.example', 'd6a98b6c-6932-485c-a986-aea9fc981df0', 'fabrikam-fiber', null]);
  });

  it('names the field of an entry without an action', () => {
    const r = normaliseDevOpsAudit({ text: '{"id":"x","timestamp":"2025-03-01T10:00:35Z"}' });
    expect(r.ok ? null : r.error.message).toBe('devops_audit.rest record: actionId is missing');
  });
});
