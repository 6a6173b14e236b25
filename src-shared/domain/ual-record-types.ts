/**
 * Unified Audit Log record types (AuditLogRecordType): the Management Activity API writes the
 * number, Exchange's Search-UnifiedAuditLog and the Graph audit query write the name. Both must
 * map to one value, so this table is the single place that knows the pairs.
 * The list covers the record types collection presets and investigations use; numbers not in
 * it are valid but unknown here (treat them as opaque).
 */

export const ualRecordTypes = {
  ExchangeAdmin: 1,
  ExchangeItem: 2,
  ExchangeItemGroup: 3,
  SharePoint: 4,
  SharePointFileOperation: 6,
  OneDrive: 7,
  AzureActiveDirectory: 8,
  AzureActiveDirectoryAccountLogon: 9,
  DataCenterSecurityCmdlet: 10,
  ComplianceDLPSharePoint: 11,
  ComplianceDLPExchange: 13,
  SharePointSharingOperation: 14,
  AzureActiveDirectoryStsLogon: 15,
  SkypeForBusinessPSTNUsage: 16,
  SkypeForBusinessUsersBlocked: 17,
  SecurityComplianceCenterEOPCmdlet: 18,
  ExchangeAggregatedOperation: 19,
  PowerBIAudit: 20,
  CRM: 21,
  Yammer: 22,
  SkypeForBusinessCmdlets: 23,
  Discovery: 24,
  MicrosoftTeams: 25,
  ThreatIntelligence: 28,
  MailSubmission: 29,
  MicrosoftFlow: 30,
  AeD: 31,
  MicrosoftStream: 32,
  ComplianceDLPSharePointClassification: 33,
  ThreatFinder: 34,
  Project: 35,
  SharePointListOperation: 36,
  SharePointCommentOperation: 37,
  DataGovernance: 38,
  Kaizala: 39,
  SecurityComplianceAlerts: 40,
  ThreatIntelligenceUrl: 41,
  SecurityComplianceInsights: 42,
  MIPLabel: 43,
  WorkplaceAnalytics: 44,
  PowerAppsApp: 45,
  PowerAppsPlan: 46,
  ThreatIntelligenceAtpContent: 47,
  LabelContentExplorer: 48,
  TeamsHealthcare: 49,
  ExchangeItemAggregated: 50,
  HygieneEvent: 51,
  DataInsightsRestApiAudit: 52,
  InformationBarrierPolicyApplication: 53,
  SharePointListItemOperation: 54,
  SharePointContentTypeOperation: 55,
  SharePointFieldOperation: 56,
  MicrosoftTeamsAdmin: 57,
  HRSignal: 58,
  MicrosoftTeamsDevice: 59,
  MicrosoftTeamsAnalytics: 60,
  InformationWorkerProtection: 61,
  Campaign: 62,
  DLPEndpoint: 63,
  AirInvestigation: 64,
  Quarantine: 65,
  MicrosoftForms: 66,
  ApplicationAudit: 67,
  ComplianceSupervisionExchange: 68,
  CustomerKeyServiceEncryption: 69,
  OfficeNative: 70,
  MipAutoLabelSharePointItem: 71,
  MipAutoLabelSharePointPolicyLocation: 72,
  MicrosoftTeamsShifts: 73,
  MipAutoLabelExchangeItem: 75,
  CortanaBriefing: 76,
  WDATPAlerts: 78,
  SensitivityLabelPolicyMatch: 82,
  SensitivityLabelAction: 83,
  SensitivityLabeledFileAction: 84,
  AttackSim: 85,
  AirManualInvestigation: 86,
  SecurityComplianceRBAC: 87,
  UserTraining: 88,
  AirAdminActionInvestigation: 89,
  MSTIC: 90,
  PhysicalBadgingSignal: 91,
  MCASAlerts: 98,
  ExchangeSearch: 101,
  SharePointSearch: 102,
  PrivacyInsights: 103,
  MS365DCustomDetection: 113,
  MicrosoftDefenderForIdentityAudit: 235,
  CopilotInteraction: 261,
  OWAAuth: 275,
  AIAppInteraction: 284,
  AadRiskDetection: 294,
  AuditSearch: 295,
  AuditRetentionPolicy: 296,
  AuditConfig: 297,
} as const satisfies Record<string, number>;

export type UalRecordTypeName = keyof typeof ualRecordTypes;

const nameByNumber: ReadonlyMap<number, UalRecordTypeName> = new Map(
  (Object.entries(ualRecordTypes) as [UalRecordTypeName, number][]).map(([name, n]) => [n, name]),
);

const numberByLowerName: ReadonlyMap<string, number> = new Map(
  Object.entries(ualRecordTypes).map(([name, n]) => [name.toLowerCase(), n]),
);

/** Name of a record type number, or undefined if this table does not know it. */
export function recordTypeName(n: number): UalRecordTypeName | undefined {
  return nameByNumber.get(n);
}

/** Number of a record type name (case-insensitive, as the services are not consistent), or undefined. */
export function recordTypeNumber(name: string): number | undefined {
  return numberByLowerName.get(name.trim().toLowerCase());
}

/** Defender for Office 365 / Defender XDR record types (the "Defender" collection preset). */
export const defenderRecordTypes: readonly UalRecordTypeName[] = [
  'AirAdminActionInvestigation', 'AirInvestigation', 'AirManualInvestigation', 'Campaign', 'MCASAlerts', 'MSTIC', 'ThreatFinder',
  'ThreatIntelligence', 'ThreatIntelligenceAtpContent', 'ThreatIntelligenceUrl', 'WDATPAlerts',
];
