import type { AuthRequirements, PermissionNeed } from '../../../src-shared/domain/auth.js';

const covers: Record<PermissionNeed['defaultClientCovers'], string> = { yes: 'yes', no: 'no', unverified: 'unverified' };

/**
 * What a tenant has to grant for a complete collection, as the core states it: the default
 * client and its limits, the own app registration (recommended) and every permission and role.
 */
export function TenantRequirements({ requirements }: { requirements: AuthRequirements }) {
  const { defaultClient } = requirements;
  return (
    <div className="requirements">
      <div>
        <h4>Default client</h4>
        <p>
          {defaultClient.name} <code>{defaultClient.clientId}</code>
        </p>
        <p className="muted">{defaultClient.why}</p>
        <ul className="plain-list">
          {defaultClient.limits.map((limit) => (
            <li key={limit}>{limit}</li>
          ))}
        </ul>
      </div>
      <div>
        <h4>Recommended: your own app registration</h4>
        <p>{requirements.ownAppRecommendation}</p>
        <ol className="plain-list numbered">
          {requirements.appRegistrationSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>
      <div className="table-scroll">
        <table className="table" aria-label="Delegated permissions">
          <thead>
            <tr>
              <th scope="col">API</th>
              <th scope="col">Permission</th>
              <th scope="col">Used for</th>
              <th scope="col">Admin consent</th>
              <th scope="col">Default client has it</th>
            </tr>
          </thead>
          <tbody>
            {requirements.permissions.map((p) => (
              <tr key={`${p.api}:${p.permission}`}>
                <td>{p.api}</td>
                <td className="mono">{p.permission}</td>
                <td>{p.usedFor}</td>
                <td>{p.adminConsent ? 'required' : 'not required'}</td>
                <td>{covers[p.defaultClientCovers]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="table" aria-label="Roles for the signed-in account">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Where</th>
              <th scope="col">Used for</th>
            </tr>
          </thead>
          <tbody>
            {requirements.roles.map((r) => (
              <tr key={`${r.where}:${r.role}`}>
                <td>{r.role}</td>
                <td>{r.where}</td>
                <td>{r.usedFor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
