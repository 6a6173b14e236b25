import { escapeHtml } from '../http/sim-http.js';

/**
 * The HTML a person sees when signing in to the simulated cloud: account picker with consent for
 * the authorization-code flow, code entry and confirmation for the device-code flow, and the
 * self-submitting form that carries the code back to the app's loopback listener (form_post, as
 * Entra does). Plain forms, no external assets; tests drive them with ordinary HTTP requests.
 */
export interface PageAccount {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f3f3f3;margin:0;color:#1b1b1b}
main{max-width:440px;margin:8vh auto;background:#fff;padding:32px 40px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 16px}
p.banner{font-size:.8rem;color:#555;border-left:3px solid #0067b8;padding-left:8px}
label.account{display:block;border:1px solid #ccc;padding:10px;margin:8px 0;cursor:pointer}
label.account small{display:block;color:#555}
.actions{margin-top:20px;display:flex;gap:8px;justify-content:flex-end}
button{padding:8px 20px;border:1px solid #8c8c8c;background:#fff;cursor:pointer}
button.primary{background:#0067b8;color:#fff;border-color:#0067b8}
input[type=text]{width:100%;padding:6px;font-size:1.1rem;box-sizing:border-box}
.error{color:#a80000}
ul.scopes{font-size:.85rem;color:#333}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>` +
    `<body><main><p class="banner">Simulated Microsoft cloud — for testing only. No real account is used.</p>${body}</main></body></html>`;
}

function accountChoices(accounts: PageAccount[], preferred: string | null): string {
  const chosen = accounts.find((a) => a.userPrincipalName.toLowerCase() === preferred?.toLowerCase()) ?? accounts[0];
  return accounts
    .map(
      (a) =>
        `<label class="account"><input type="radio" name="account" value="${escapeHtml(a.id)}"${a === chosen ? ' checked' : ''}> ` +
        `${escapeHtml(a.displayName)}<small>${escapeHtml(a.userPrincipalName)}</small></label>`,
    )
    .join('');
}

function scopeList(scope: string): string {
  const items = scope.split(/\s+/).filter((s) => s.length > 0);
  return `<ul class="scopes">${items.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
}

export function authorizePage(input: { action: string; requestId: string; accounts: PageAccount[]; loginHint: string | null; clientId: string; scope: string }): string {
  return page(
    'Sign in to your account',
    `<h1>Pick an account</h1>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="request_id" value="${escapeHtml(input.requestId)}">
${accountChoices(input.accounts, input.loginHint)}
<p>Application <code>${escapeHtml(input.clientId)}</code> asks for:</p>${scopeList(input.scope)}
<div class="actions"><button type="submit" name="action" value="deny">Cancel</button>
<button type="submit" name="action" value="approve" class="primary">Accept</button></div>
</form>`,
  );
}

/** The page Entra returns for response_mode=form_post: it posts the result to the redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return page(
    'Working...',
    `<form method="post" action="${escapeHtml(redirectUri)}" id="result">${inputs}
<noscript><p>Script is disabled. Click Submit to continue.</p><button type="submit">Submit</button></noscript></form>
<script>document.getElementById('result').submit();</script>`,
  );
}

export function deviceCodeEntryPage(action: string, error: string | null): string {
  return page(
    'Enter code',
    `<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>
${error ? `<p class="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}"><input type="text" name="user_code" autocomplete="off" autofocus aria-label="Code">
<div class="actions"><button type="submit" class="primary">Next</button></div></form>`,
  );
}

export function deviceCodeConfirmPage(input: { action: string; userCode: string; accounts: PageAccount[]; clientId: string; scope: string }): string {
  return page(
    'Are you trying to sign in?',
    `<h1>Are you trying to sign in?</h1>
<p>Only continue if you started this sign-in yourself (application <code>${escapeHtml(input.clientId)}</code>).</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="user_code" value="${escapeHtml(input.userCode)}">
${accountChoices(input.accounts, null)}
${scopeList(input.scope)}
<div class="actions"><button type="submit" name="action" value="deny">Cancel</button>
<button type="submit" name="action" value="approve" class="primary">Continue</button></div></form>`,
  );
}

export function messagePage(title: string, text: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}
