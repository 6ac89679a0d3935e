/**
 * GET /auth/relay on the production site: Firmafon redirects here for a deploy preview's sign-in; the signed `state`
 * names the preview, and the relay sends the browser on to `{preview}/auth/callback` with the provider's answer
 * (docs/decisions/0007). Everything that is not a verified, unexpired state naming one of this site's deploys gets a
 * small HTML page with status 400 and no `Location` — the relay is never an open redirect. The code and state are
 * never logged: one line per refusal carries a fixed reason code only.
 */
import { escapeHtml } from '../../common/html.ts';
import { CALLBACK_PATH } from '../../common/routes.ts';
import { MAX_CODE_LENGTH } from '../../common/token-contract.ts';
import { isRelayTarget, readDeployInfo, resolveSignInSetup } from './deploy-setup.ts';
import { loadServerEnv } from './env.ts';
import { BASE_HEADERS } from './http.ts';
import { verifyState } from './signed-state.ts';

/** Why the relay refused; logged as `relay: <status> <reason>`. */
export type RelayRefusal =
  | 'method_not_allowed'
  | 'server_misconfigured'
  | 'relay_not_here'
  | 'duplicate_parameter'
  | 'missing_state'
  | 'invalid_state'
  | 'expired_state'
  | 'foreign_origin'
  | 'invalid_response';

/** Headers on every relay answer: the function's base headers plus what a page holding a code in its URL needs. */
const RELAY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_HEADERS,
  // The relay URL holds the code: no Referer may carry it anywhere (netlify.toml's headers do not reach functions).
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** RFC 6749 Appendix A.11/A.7: `code` is VSCHARs; `error` is NQSCHARs. */
const CODE = new RegExp(`^[\\x20-\\x7E]{1,${MAX_CODE_LENGTH}}$`);
const ERROR = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
/** Passed on when it is short printable text (Doorkeeper may translate it); otherwise dropped, never refused. */
const ERROR_DESCRIPTION = /^[^\p{Cc}\p{Cs}]{1,500}$/u;
const RELAYED_PARAMETERS = ['code', 'state', 'error', 'error_description'] as const;

interface Page {
  title: string;
  message: string;
  daTitle: string;
  daMessage: string;
}

const PAGES = {
  invalid: {
    title: 'This sign-in link is not valid',
    message:
      'It may have been changed, be incomplete, or point to a site that is not part of this dashboard. Nothing was passed on. Go back to the dashboard and sign in again.',
    daTitle: 'Dette login-link er ikke gyldigt',
    daMessage: 'Det kan være ændret, ufuldstændigt eller pege på et websted, der ikke hører til dashboardet. Intet er sendt videre. Gå tilbage til dashboardet, og log ind igen.',
  },
  expired: {
    title: 'This sign-in link is not valid',
    message: 'It has expired: a sign-in must be finished within 10 minutes. Nothing was passed on. Go back to the dashboard and sign in again.',
    daTitle: 'Dette login-link er ikke gyldigt',
    daMessage: 'Det er udløbet: et login skal gøres færdigt inden for 10 minutter. Intet er sendt videre. Gå tilbage til dashboardet, og log ind igen.',
  },
  notHere: {
    title: 'Not found',
    message: 'There is no sign-in relay at this address.',
    daTitle: 'Ikke fundet',
    daMessage: 'Der er ingen login-videresendelse på denne adresse.',
  },
  misconfigured: {
    title: 'Sign-in is not available',
    message: 'This site is not set up for signing in yet. Please tell the site owner.',
    daTitle: 'Login er ikke tilgængeligt',
    daMessage: 'Webstedet er endnu ikke sat op til login. Sig det til ejeren af webstedet.',
  },
  methodNotAllowed: {
    title: 'Method not allowed',
    message: 'The sign-in relay only answers GET requests.',
    daTitle: 'Metoden er ikke tilladt',
    daMessage: 'Login-videresendelsen svarer kun på GET-forespørgsler.',
  },
} satisfies Record<string, Page>;

/** A small English + Danish page; no script, no style, no external resource, nothing from the request. */
export function renderPage(page: Page): string {
  const e = escapeHtml;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${e(page.title)} · Firmafon Dashboard</title></head>`,
    '<body><main>',
    `<h1>${e(page.title)}</h1>`,
    `<p>${e(page.message)}</p>`,
    `<section lang="da"><h2>${e(page.daTitle)}</h2><p>${e(page.daMessage)}</p></section>`,
    '<p><a href="/">Go to the dashboard · Gå til dashboardet</a></p>',
    '</main></body></html>',
    '',
  ].join('\n');
}

function refuse(status: number, reason: RelayRefusal, page: Page, headers: Record<string, string> = {}): Response {
  console.warn(`relay: ${status} ${reason}`);
  return new Response(renderPage(page), {
    status,
    headers: { ...headers, ...RELAY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
  });
}

/** The relay's whole answer for one request. Never throws; never answers a redirect it has not verified. */
export async function handleRelay(req: Request, context: unknown): Promise<Response> {
  try {
    return relay(req, context);
  } catch (error) {
    console.error(`relay: 500 internal_error (${error instanceof Error ? error.name : typeof error})`);
    return new Response(renderPage(PAGES.misconfigured), {
      status: 500,
      headers: { ...RELAY_HEADERS, 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
}

function relay(req: Request, context: unknown): Response {
  if (req.method !== 'GET') return refuse(405, 'method_not_allowed', PAGES.methodNotAllowed, { Allow: 'GET' });
  const env = loadServerEnv();
  if (!env.ok) return refuse(503, 'server_misconfigured', PAGES.misconfigured);
  const setup = resolveSignInSetup({ env: env.value, requestUrl: req.url, deploy: readDeployInfo(context) });
  // The relay serves only where Firmafon sends it — the registered origin — and only when previews can use it.
  const key = env.value.relaySigningKey;
  if (setup.selfOrigin === null || setup.selfOrigin !== env.value.redirectOrigin || key === undefined || env.value.stateMode !== 'required') {
    return refuse(404, 'relay_not_here', PAGES.notHere);
  }

  const query = new URL(req.url).searchParams;
  // RFC 6749 §3.1: parameters must not repeat; a second `state` or `code` could smuggle past the one we check.
  if (RELAYED_PARAMETERS.some((name) => query.getAll(name).length > 1)) return refuse(400, 'duplicate_parameter', PAGES.invalid);
  const state = query.get('state');
  if (state === null || state === '') return refuse(400, 'missing_state', PAGES.invalid);
  const verified = verifyState({ state, key, now: Date.now() });
  if (!verified.ok) {
    return verified.code === 'expired' ? refuse(400, 'expired_state', PAGES.expired) : refuse(400, 'invalid_state', PAGES.invalid);
  }
  const target = verified.claims.origin;
  if (!isRelayTarget(target, env.value)) return refuse(400, 'foreign_origin', PAGES.invalid);

  const code = query.get('code');
  const error = query.get('error');
  const description = query.get('error_description');
  const answer = new URLSearchParams();
  if (code !== null && error === null && CODE.test(code)) {
    answer.set('code', code);
  } else if (error !== null && code === null && ERROR.test(error)) {
    answer.set('error', error);
    if (description !== null && ERROR_DESCRIPTION.test(description)) answer.set('error_description', description);
  } else {
    return refuse(400, 'invalid_response', PAGES.invalid);
  }
  answer.set('state', state);

  const location = new URL(CALLBACK_PATH, target);
  location.search = answer.toString();
  // Belt and braces: what we send the browser to is exactly the verified origin's callback.
  if (location.origin !== target || location.pathname !== CALLBACK_PATH) return refuse(400, 'foreign_origin', PAGES.invalid);
  return new Response(null, { status: 302, headers: { ...RELAY_HEADERS, Location: location.toString() } });
}
