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

/** Hosts allowed only for the device-code page (`/devicelogin`); no redirectors such as aka.ms at all. */
export const DEVICE_LOGIN_HOSTS: readonly string[] = ['microsoft.com', 'www.microsoft.com'];

/** True for an https origin on this machine (`https://127.0.0.1:PORT`): a local simulator, never a remote host. */
export function isLoopbackHttpsOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && url.origin === origin;
}

/**
 * True only for https URLs (no credentials, default port) on an allow-listed host, or for URLs
 * whose exact origin is one of `extraOrigins`. Extra origins widen the list only to loopback https
 * origins (the simulator's sign-in pages); anything else in `extraOrigins` is ignored, so a caller
 * cannot use it to open arbitrary hosts.
 */
export function isAllowedExternalUrl(raw: string, extraOrigins: readonly string[] = []): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  if (extraOrigins.some((o) => isLoopbackHttpsOrigin(o) && o === url.origin)) return true;
  if (url.port) return false;
  const host = url.hostname.toLowerCase();
  // microsoft.com itself serves far more than sign-in: only its device-code page is allowed.
  if (DEVICE_LOGIN_HOSTS.includes(host)) return /^\/devicelogin\/?$/i.test(url.pathname);
  return EXTERNAL_URL_HOSTS.includes(host);
}
