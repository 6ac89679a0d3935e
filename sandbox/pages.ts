/**
 * The sandbox's HTML: the OAuth login, consent and error pages (standing in for Firmafon's) and the
 * sandbox's own home page. Everything goes through the escaping `html` template; names are untrusted.
 */
import { html, SafeHtml } from './html.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERS, type DialLogEntry, type SandboxClient, type Settings } from './state.ts';

/** What the home page shows of "now": people with their presence, receptions, and the calls in progress. */
export interface LiveView {
  employees: ReadonlyArray<{ id: number; name: string; presence: string }>;
  receptions: ReadonlyArray<{ id: number; name: string }>;
  calls: ReadonlyArray<{ callUuid: string; reception: string; state: string; who: string }>;
}

const PRESENCE_CHOICES = ['available', 'ringing', 'busy', 'do_not_disturb', 'unknown'];

/** Ring a call, answer or end one, set someone's presence: the control API's `call` and `presence` as forms. */
function liveSection(live: LiveView): SafeHtml {
  const employeeOptions = html`${live.employees.map((e) => html`<option value="${String(e.id)}">${e.name}</option>`)}`;
  return html`<h2>Calls in progress and presence</h2>
<form method="post" action="/sandbox/ring">
<label for="ring-reception">Reception</label>
<select id="ring-reception" name="receptionId">${live.receptions.map((r) => html`<option value="${String(r.id)}">${r.name}</option>`)}</select>
<label for="ring-employee">Ring</label>
<select id="ring-employee" name="employeeId"><option value="">Nobody: the call waits in the queue</option>${employeeOptions}</select>
<button type="submit">Ring a new call</button>
</form>
${
  live.calls.length === 0
    ? html`<p>No calls in progress.</p>`
    : html`<table>
<thead><tr><th scope="col">Call</th><th scope="col">State</th><th scope="col">Answer or end</th></tr></thead>
<tbody>
${live.calls.map(
  (c) => html`<tr><td>${c.reception}</td><td>${c.state}${c.who ? html` (${c.who})` : ''}</td><td>
<form method="post" action="/sandbox/answer"><input type="hidden" name="callUuid" value="${c.callUuid}"><select name="employeeId" aria-label="Who answers">${employeeOptions}</select><button type="submit">Answer</button></form>
<form method="post" action="/sandbox/end"><input type="hidden" name="callUuid" value="${c.callUuid}"><button type="submit">End</button></form>
</td></tr>\n`,
)}
</tbody>
</table>`
}
<table>
<thead><tr><th scope="col">Employee</th><th scope="col">Presence</th></tr></thead>
<tbody>
${live.employees.map((e) => html`<tr><td>${e.name}</td><td>${e.presence}</td></tr>\n`)}
</tbody>
</table>
<form method="post" action="/sandbox/presence">
<label for="presence-employee">Employee</label>
<select id="presence-employee" name="employeeId">${employeeOptions}</select>
<label for="presence-value">Their own presence</label>
<select id="presence-value" name="presence">${PRESENCE_CHOICES.map((p) => html`<option>${p}</option>`)}</select>
<button type="submit">Set presence</button>
</form>
`;
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f4; }
  main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
  .banner { background: #ffd866; color: #1b1b1b; padding: 0.4rem 1rem; text-align: center; font-weight: 600; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 0.5rem; font: inherit; }
  button { font: inherit; padding: 0.5rem 1.2rem; margin: 1rem 0.5rem 0 0; cursor: pointer; }
  .error { color: #a30000; font-weight: 600; }
  .notice { background: #e7f6e7; padding: 0.5rem 1rem; border-radius: 4px; }
  code { background: #f0f0ee; padding: 0 0.25rem; border-radius: 3px; overflow-wrap: anywhere; }
  table { border-collapse: collapse; } th, td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; vertical-align: top; }
`;

function layout(title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<p class="banner" role="note">Firmafon sandbox — a local stand-in for Firmafon, not the real service</p>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Hidden fields carrying the authorize request's parameters (only those that were sent). */
function hiddenFields(params: ReadonlyArray<readonly [string, string]>): SafeHtml {
  return html`${params.map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">\n`)}`;
}

export function loginPage(options: {
  params: ReadonlyArray<readonly [string, string]>;
  clientName: string;
  error?: string;
  email?: string;
}): SafeHtml {
  return layout(
    'Log in — Firmafon sandbox',
    html`<h1>Log in</h1>
<p>Log in to let <strong>${options.clientName}</strong> use your Firmafon account.</p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/api/v2/authorize/login">
${hiddenFields(options.params)}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${options.email ?? ''}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
</form>
<h2>Sandbox users</h2>
<ul>
${SANDBOX_USERS.map((u) => html`<li><code>${u.email}</code></li>\n`)}
</ul>
<p>Password for both: <code>${SANDBOX_PASSWORD}</code></p>`,
  );
}

export function consentPage(options: {
  params: ReadonlyArray<readonly [string, string]>;
  clientName: string;
  userName: string;
  userEmail: string;
  csrfToken: string;
}): SafeHtml {
  return layout(
    `Authorize ${options.clientName}? — Firmafon sandbox`,
    html`<h1>Authorize ${options.clientName}?</h1>
<p>Signed in as ${options.userName} (<code>${options.userEmail}</code>).</p>
<p><strong>${options.clientName}</strong> wants to use your account. This application will be able to:</p>
<ul>
<li>read your call history and your company's calls</li>
<li>read your profile, your colleagues and your company's receptions</li>
<li>listen to your company's voice mails, mark them heard and delete them</li>
<li>ring your phone and connect it to a number you choose</li>
</ul>
<form method="post" action="/api/v2/authorize">
${hiddenFields(options.params)}
<input type="hidden" name="authenticity_token" value="${options.csrfToken}">
<button type="submit" name="decision" value="authorize">Authorize</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

/** RFC 6749 §4.1.2.1: a bad client or redirect URI is shown here, never redirected to. */
export function authorizeErrorPage(error: string, description: string): SafeHtml {
  return layout(
    'An error has occurred — Firmafon sandbox',
    html`<h1>An error has occurred</h1>
<p class="error" role="alert"><code>${error}</code>: ${description}</p>
<p>The application that sent you here is not set up correctly. You were not sent back to it.</p>`,
  );
}

export function simplePage(title: string, text: string): SafeHtml {
  return layout(`${title} — Firmafon sandbox`, html`<h1>${title}</h1>\n<p>${text}</p>`);
}

export function homePage(options: {
  clients: readonly SandboxClient[];
  liveTokens: number;
  tokensByClient: ReadonlyMap<string, number>;
  approvals: number;
  settings: Settings;
  callCount: number;
  voiceMailCount: number;
  /** The last calls placed through `/switch/dial`, newest first. */
  dials: readonly DialLogEntry[];
  signedInAs: string | null;
  notice: string | null;
  live: LiveView;
}): SafeHtml {
  const s = options.settings;
  return layout(
    'Firmafon sandbox',
    html`<h1>Firmafon sandbox</h1>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
<p>This local server stands in for Firmafon's OAuth 2.0 server and REST API v2 (<code>/api/v2/…</code>) so the
dashboard can be run and tested without a Firmafon account. Its data is generated and not real.</p>
<h2>Users</h2>
<table>
<thead><tr><th scope="col">Email</th><th scope="col">Password</th></tr></thead>
<tbody>
${SANDBOX_USERS.map((u) => html`<tr><td><code>${u.email}</code></td><td><code>${u.password}</code></td></tr>\n`)}
</tbody>
</table>
<p>${options.signedInAs ? html`Signed in to the sandbox as <strong>${options.signedInAs}</strong>.` : 'Not signed in to the sandbox.'}</p>
<h2>Registered clients</h2>
<ul>
${options.clients.map(
  (c) => html`<li><strong>${c.name}</strong> — client id <code>${c.clientId}</code>; live tokens: ${options.tokensByClient.get(c.clientId) ?? 0}
<br>Redirect URIs: ${c.redirectUris.map((u, i) => html`${i > 0 ? ', ' : ''}<code>${u}</code>`)}</li>\n`,
)}
</ul>
<h2>State</h2>
<ul>
<li>Live tokens: <span id="live-tokens">${options.liveTokens}</span></li>
<li>Approved (user, client) pairs: ${options.approvals}</li>
<li>Calls: ${options.callCount} (dataset <code>${s.dataset}</code>, seed ${s.seed}${s.hostileNames ? ', hostile names' : ''}); voice mails: ${options.voiceMailCount}</li>
<li>State parameter: ${s.dropState ? 'dropped from redirects' : 'echoed'}; PKCE: ${s.requirePkce ? 'required' : 'optional'}</li>
${s.latencyMs > 0 ? html`<li>Added latency: ${s.latencyMs} ms on every token and API answer</li>` : ''}
</ul>
<h2>Last click-to-call dials</h2>
${
  options.dials.length === 0
    ? html`<p>None yet. <code>POST /api/v2/switch/dial</code> would ring the employee's phone, then the number.</p>`
    : html`<table>
<thead><tr><th scope="col">At</th><th scope="col">Employee</th><th scope="col">To number</th></tr></thead>
<tbody>
${options.dials.map((d) => html`<tr><td>${d.at}</td><td>${d.employeeId}</td><td><code>${d.toNumber}</code></td></tr>\n`)}
</tbody>
</table>`
}
${liveSection(options.live)}
<form method="post" action="/sandbox/revoke-all"><button type="submit">Revoke all tokens</button></form>
<form method="post" action="/sandbox/forget-approvals"><button type="submit">Forget approvals</button></form>
<form method="post" action="/sandbox/sign-out"><button type="submit">Sign out of the sandbox</button></form>`,
  );
}
