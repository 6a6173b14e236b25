/**
 * Hosts the workstation may send to the system browser: Microsoft sign-in and device-code pages
 * of every cloud, and Microsoft documentation that remediation text links to. Anything else is
 * refused — a compromised or confused renderer must not be able to open arbitrary URLs.
 */
export const EXTERNAL_URL_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
  'microsoft.com',
  'www.microsoft.com',
  'aka.ms',
  'learn.microsoft.com',
  'portal.azure.com',
  'portal.azure.us',
  'portal.azure.cn',
  'entra.microsoft.com',
  'admin.microsoft.com',
  'purview.microsoft.com',
  'compliance.microsoft.com',
  'admin.exchange.microsoft.com',
  'dev.azure.com',
];

/** True only for https URLs (no credentials, default port) on an allow-listed host. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return EXTERNAL_URL_HOSTS.includes(url.hostname.toLowerCase());
}
