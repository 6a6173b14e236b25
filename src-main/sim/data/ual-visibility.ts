/**
 * Which Unified Audit Log records a tenant actually keeps: MailItemsAccessed needs Audit
 * (Premium), Defender record types need Defender for Office 365, mailbox audit records of an
 * account with a bypass association are never written, and nothing is written while unified
 * audit ingestion is off.
 */
import type { SimProfile, SuppressedRecord, UalAuditData } from './types.js';
import { parseUalTime } from './time-format.js';

/** Mailbox audit record types (affected by bypass and by org-wide mailbox audit switch-off). */
const MAILBOX_AUDIT_TYPES = new Set([2, 3, 50]);
/** Defender for Office 365 record types (ThreatIntelligence, ThreatIntelligenceUrl, ThreatIntelligenceAtpContent). */
const DEFENDER_TYPES = new Set([28, 41, 47]);

export interface AuditBypass {
  upn: string;
  /** Epoch ms from which the bypass applies (-Infinity: always). */
  fromMs: number;
}

export type UalVisibility = (record: UalAuditData) => SuppressedRecord['reason'] | null;

export function ualVisibility(profile: SimProfile, bypasses: AuditBypass[]): UalVisibility {
  const bypassByUpn = new Map<string, number>();
  for (const b of bypasses) {
    const key = b.upn.toLowerCase();
    bypassByUpn.set(key, Math.min(bypassByUpn.get(key) ?? Infinity, b.fromMs));
  }
  return (record) => {
    if (!profile.unifiedAuditLogIngestionEnabled) return 'ual-ingestion-disabled';
    const type = record.RecordType;
    if (type === 50 && !profile.hasAuditPremium) return 'requires-audit-premium';
    if (DEFENDER_TYPES.has(type) && !profile.hasDefenderO365) return 'requires-defender';
    if (MAILBOX_AUDIT_TYPES.has(type)) {
      if (profile.orgMailboxAuditDisabled) return 'mailbox-audit-disabled';
      const from = bypassByUpn.get(record.UserId.toLowerCase());
      if (from !== undefined && parseUalTime(record.CreationTime) >= from) return 'mailbox-audit-bypass';
    }
    return null;
  };
}
