/**
 * The scripted business-email-compromise intrusion, in the order it unfolds over the four days
 * before the anchor. Every record it emits is tagged with an ATT&CK technique; whether a record
 * survives into the dataset is decided later by the profile (licences, auditing, retention).
 */
import type { GenerationContext } from './context.js';
import { azureAbuse, devopsAbuse } from './intrusion-cloud.js';
import { deviceCodePhish, illicitConsent, operatorSessions, passwordSpray, servicePrincipalBackdoor } from './intrusion-identity.js';
import { adminMailAbuse, financeAbuse, mailCollection, rulesAndForwarding, unauditedCeoAccess } from './intrusion-mailbox.js';
import { createScript, tag } from './intrusion-script.js';
import type { IntrusionEndState, IntrusionRecords } from './intrusion-script.js';
import { mailVerdict } from './ual-other.js';

export type { IntrusionEndState, IntrusionRecords, Tagged } from './intrusion-script.js';

export function runIntrusion(ctx: GenerationContext): { records: IntrusionRecords; endState: IntrusionEndState } {
  const s = createScript(ctx);
  passwordSpray(s);
  const session = operatorSessions(s);
  const consent = illicitConsent(s, session);
  mailCollection(s);
  const rules = rulesAndForwarding(s);
  financeAbuse(s);

  const a = ctx.population.key.adminVictim;
  const lureMs = s.at(0, 8, 40);
  tag(s.out.ual, mailVerdict(s.env, {
    ms: lureMs, recipient: a, sender: 'documents@secure-remit-share.example', senderIp: '203.0.113.230',
    subject: 'Remittance advice shared with you – sign in to view', verdict: 'None', deliveryAction: 'Delivered', internetMessageId: `<${s.rng.hex(20)}@secure-remit-share.example>`,
  }), lureMs, 'T1566.002', `Device-code phishing lure delivered to ${a.userPrincipalName} (not detected)`);
  deviceCodePhish(s);

  const addedCredential = servicePrincipalBackdoor(s);
  const admin = adminMailAbuse(s);
  unauditedCeoAccess(s);
  azureAbuse(s);
  devopsAbuse(s);

  for (const list of Object.values(s.out) as { ms: number }[][]) list.sort((x, y) => x.ms - y.ms);
  return {
    records: s.out,
    endState: { ...rules, ...admin, addedCredential, grant: consent.grant, consentMs: consent.consentMs },
  };
}
