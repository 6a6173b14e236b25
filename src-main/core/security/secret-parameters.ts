/**
 * Request parameters that authenticate on their own: OAuth and API credentials. Collectors strip
 * them before a request is recorded as evidence, and ingest refuses a page whose recorded request
 * still carries one. One list, so the two checks cannot drift apart.
 */
export const CREDENTIAL_PARAMETERS: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
  'code',
  'code_verifier',
  'api-key',
  'apikey',
  'token',
  // The signature of an Azure shared-access URL.
  'sig',
]);

/** The fields an Azure shared-access signature signs: not secret alone, stripped with the signature. */
export const SHARED_ACCESS_SIGNED_FIELDS: ReadonlySet<string> = new Set(['se', 'st', 'sp', 'sv', 'sr', 'spr', 'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv']);
