import { describe, expect, it } from 'vitest';
import { initialValues, parseUtcInput, splitList, validate, type CollectFormValues } from './collect-form.js';

const form = (over: Partial<CollectFormValues>): CollectFormValues => ({ ...initialValues('exo_search'), ...over });

describe('collect form', () => {
  it('reads UTC dates and date-times; a bare end date includes its whole day', () => {
    expect(parseUtcInput('', 'start')).toBeUndefined();
    expect(parseUtcInput('2025-03-04', 'start')).toBe('2025-03-04T00:00:00.000Z');
    expect(parseUtcInput('2025-03-04', 'end')).toBe('2025-03-05T00:00:00.000Z');
    expect(parseUtcInput(' 2025-03-04 17:05 ', 'end')).toBe('2025-03-04T17:05:00.000Z');
    expect(parseUtcInput('2025-03-04T17:05:09', 'start')).toBe('2025-03-04T17:05:09.000Z');
    expect(parseUtcInput('2025-02-30', 'start')).toBeNull();
    expect(parseUtcInput('2025-03-04 25:00', 'start')).toBeNull();
    expect(parseUtcInput('04/03/2025', 'start')).toBeNull();
  });

  it('splits lists on lines, commas, semicolons and spaces', () => {
    expect(splitList(' a@x.example,b@x.example;\n\nc@x.example  d@x.example ')).toEqual(['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example']);
    expect(splitList('  \n ')).toEqual([]);
  });

  it('sends only the options of the chosen sources', () => {
    const result = validate(
      form({ sources: ['signins', 'devops'], users: 'cfo@x.example', ips: '1.2.3.4', preset: 'full', optIns: ['userLogin'], auditSubset: 'apps', organizations: 'fabrikam' }),
    );
    expect(result).toEqual({
      ok: true,
      request: { sources: ['signins', 'devops'], users: [], ips: [], signInKinds: ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity'], subscriptions: [], organizations: ['fabrikam'] },
    });
  });

  it('drops opt-ins of a preset that is not a light set', () => {
    const result = validate(form({ sources: ['ual'], preset: 'defender', optIns: ['mailboxLogin'], freeText: '  invoice  ' }));
    expect(result.ok && result.request).toMatchObject({ preset: 'defender', optIns: [], freeText: 'invoice', ualChannel: 'exo_search' });
  });

  it('reports the schema’s messages by field, naming the list entry at fault', () => {
    const result = validate(form({ sources: ['mailbox', 'ual'], ips: '10.0.0.1 fe80::1 999.x', from: '2025-03-05', to: '2025-03-01' }));
    expect(result).toEqual({
      ok: false,
      errors: {
        users: 'mailbox audit is collected for named users: give at least one user',
        ips: '“999.x”: an IPv4 or IPv6 address',
        to: 'the range must start before it ends',
      },
    });
    expect(validate(form({ sources: [] }))).toEqual({ ok: false, errors: { sources: 'choose at least one source' } });
    expect(validate(form({ sources: ['signins'], signInKinds: [] }))).toEqual({ ok: false, errors: { signInKinds: 'choose at least one kind of sign-in' } });
    expect(validate(form({ sources: ['audit'], from: 'yesterday' }))).toEqual({ ok: false, errors: { from: 'Enter a UTC date as YYYY-MM-DD or YYYY-MM-DD HH:MM.' } });
  });
});
