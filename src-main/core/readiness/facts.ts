import type { Evidence } from '../../../src-shared/domain/readiness.js';

/**
 * What readiness learnt from the tenant, before any verdict. Probes produce these; evaluators
 * turn them into matrix cells. Keeping the two apart lets every verdict be tested without a
 * network.
 *
 * - `denied`: the service answered that this account or app may not (401/403, EXO "not recognized").
 * - `unlicensed`: the service answered that the tenant lacks a licence.
 * - `noToken`: no token could be obtained for the resource (consent missing, client blocked).
 * - `failed`: no usable answer (network, 5xx, unexpected body).
 * - `notInCloud`: the cloud does not offer the service.
 */
export interface ProbeFailure {
  outcome: 'denied' | 'unlicensed' | 'noToken' | 'failed' | 'notInCloud';
  reason: string;
  evidence: Evidence[];
}
export type Probe<T> = { outcome: 'ok'; value: T; evidence: Evidence[] } | ProbeFailure;

export interface LicenceFacts {
  /** skuPartNumber of every enabled SKU with seats. */
  skus: string[];
  entraP1: boolean;
  entraP2: boolean;
  auditPremium: boolean;
  exchange: boolean;
  defenderO365: boolean;
}

export interface DirectoryRole {
  displayName: string;
  roleTemplateId: string;
}

export interface ExoFacts {
  /** Search-UnifiedAuditLog over the last hour with ResultSize 1: can this account search at all? */
  auditSearch: Probe<{ warnings: string[] }>;
  ingestion: Probe<{ enabled: boolean | null }>;
  orgAudit: Probe<{ auditDisabled: boolean | null }>;
  bypass: Probe<{ bypassed: string[] }>;
}

export interface ArmSubscriptionAccess {
  subscriptionId: string;
  displayName: string;
  /** null: the permissions call gave no usable answer. */
  canReadActivity: boolean | null;
}

export interface DevOpsOrgAccess {
  name: string;
  access: 'ok' | 'denied' | 'failed';
  /** Events found in the retention window (0 suggests auditing is off); null when not readable. */
  eventsFound: number | null;
  detail: string;
}

export interface MgmtFacts {
  /** Content subscriptions and their status (`enabled`/`disabled`). */
  subscriptions: { contentType: string; status: string }[];
}

export interface ReadinessFacts {
  licences: Probe<LicenceFacts>;
  roles: Probe<DirectoryRole[]>;
  signInsRead: Probe<null>;
  directoryAuditsRead: Probe<null>;
  auditQueryRead: Probe<null>;
  exo: ExoFacts;
  arm: Probe<ArmSubscriptionAccess[]>;
  devops: Probe<DevOpsOrgAccess[]>;
  mgmt: Probe<MgmtFacts>;
}

export const isOk = <T>(p: Probe<T>): p is Extract<Probe<T>, { outcome: 'ok' }> => p.outcome === 'ok';
