/**
 * Remaining Unified Audit Log workloads the scenario needs: Microsoft Teams (25),
 * Power Automate (MicrosoftFlow, 30) and Defender for Office 365 mail verdicts
 * (ThreatIntelligence, 28 — only logged with Defender for Office 365).
 */
import { ualTime } from './time-format.js';
import type { SimUser, UalAuditData } from './types.js';
import type { UalEnv } from './ual-common.js';

export function teamsActivity(env: UalEnv, p: { ms: number; user: SimUser; ip: string; userAgent: string; operation: 'TeamsSessionStarted' | 'MessageSent' | 'MeetingParticipantDetail' }): UalAuditData {
  return {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: 25,
    UserKey: p.user.id,
    UserType: 0,
    Version: 1,
    Workload: 'MicrosoftTeams',
    ClientIP: p.ip,
    UserId: p.user.userPrincipalName,
    ExtraProperties: [
      { Key: 'UserAgent', Value: p.userAgent },
      { Key: 'Country', Value: p.user.country.toLowerCase() },
    ],
  };
}

export interface FlowInput {
  ms: number;
  user: SimUser;
  ip: string;
  tenantId: string;
  flowId: string;
  operation: 'CreateFlow' | 'EditFlow' | 'DeleteFlow';
  connectors: string;
  licence: string;
}

export function flowActivity(env: UalEnv, p: FlowInput): UalAuditData {
  return {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: p.operation,
    OrganizationId: env.orgId,
    RecordType: 30,
    ResultStatus: 'Succeeded',
    UserKey: p.user.id,
    UserType: 0,
    Version: 1,
    Workload: 'MicrosoftFlow',
    ClientIP: p.ip,
    ObjectId: p.flowId,
    UserId: p.user.userPrincipalName,
    FlowConnectorNames: p.connectors,
    FlowDetailsUrl: `https://make.powerautomate.com/environments/Default-${p.tenantId}/flows/${p.flowId}/details`,
    LicenseDisplayName: p.licence,
    RecipientUPN: '',
    SharingPermission: 0,
    UserTypeInitiated: 1,
    UserUPN: p.user.userPrincipalName,
  };
}

export interface MailVerdictInput {
  ms: number;
  recipient: SimUser;
  sender: string;
  senderIp: string;
  subject: string;
  verdict: 'Phish' | 'Spam' | 'Malware' | 'None';
  deliveryAction: 'Delivered' | 'Blocked' | 'Junked';
  internetMessageId: string;
}

export function mailVerdict(env: UalEnv, p: MailVerdictInput): UalAuditData {
  const networkMessageId = env.rng.guid();
  return {
    CreationTime: ualTime(p.ms),
    Id: env.rng.guid(),
    Operation: 'TIMailData',
    OrganizationId: env.orgId,
    RecordType: 28,
    UserKey: 'ThreatIntel',
    UserType: 4,
    Version: 1,
    Workload: 'ThreatIntelligence',
    ObjectId: p.internetMessageId,
    UserId: 'ThreatIntel',
    AttachmentData: [],
    DeliveryAction: p.deliveryAction,
    DetectionMethod: p.verdict === 'None' ? '' : 'URL detonation reputation',
    DetectionType: p.verdict === 'None' ? '' : 'Inline',
    Directionality: 'Inbound',
    EventDeepLink: `https://security.microsoft.com/?hash=/threatexplorer?messageParams=${networkMessageId}`,
    InternetMessageId: p.internetMessageId,
    MessageTime: ualTime(p.ms - 2000),
    NetworkMessageId: networkMessageId,
    P1Sender: p.sender,
    P2Sender: p.sender,
    Policy: p.verdict === 'None' ? 'None' : 'AntiPhish',
    PolicyAction: p.deliveryAction === 'Delivered' ? 'None' : 'MoveToJmf',
    Recipients: [p.recipient.userPrincipalName],
    SenderIp: p.senderIp,
    Subject: p.subject,
    Verdict: p.verdict,
  };
}
