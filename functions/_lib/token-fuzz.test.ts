/**
 * Property test: whatever arrives at the token function — odd methods, missing or hostile headers, random bytes,
 * random JSON, oversized bodies — it answers JSON with no-store, never leaks the secret, and answers 200 only to a
 * well-formed dashboard request that the (fake) provider accepted.
 */
import * as fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenRequestSchema } from '../../common/token-contract.ts';
import handler from '../token.ts';
import { json, startFakeFirmafon, type FakeAction, type FakeFirmafon } from './test-support/fake-firmafon.ts';
import { ACCESS_TOKEN, CALLBACK, CLIENT_SECRET, SITE, baseEnv, boundState, captureConsole, inspect, setProcessEnv, streamOf, tokenRequest } from './test-support/harness.ts';

let fake: FakeFirmafon;
let restoreEnv: () => void = () => undefined;
captureConsole();
beforeAll(async () => {
  fake = await startFakeFirmafon();
  restoreEnv = setProcessEnv(baseEnv(fake.url));
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** `likely` most of the time, so a fair share of runs get through every check and reach the provider. */
const mostly = <T>(likely: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(likely), weight: 4 }, { arbitrary: others, weight: 1 });
/** Printable ASCII only: anything else cannot be a header value in a `Request`. */
const headerText = fc.stringMatching(/^[\x21-\x7E][\x20-\x7E]{0,40}$/);
const absent = fc.constant(undefined);

const method = mostly(
  'POST',
  fc.oneof(
    fc.constantFrom('post', 'GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'M-SEARCH', 'QUERY'),
    fc.stringMatching(/^[A-Za-z]{1,12}$/).filter((m) => !FORBIDDEN_METHODS.has(m.toUpperCase())),
  ),
);

type Headers = Record<'origin' | 'contentType' | 'custom' | 'secFetchSite' | 'contentLength', string | undefined>;
const headers: fc.Arbitrary<Headers> = fc.record({
  origin: mostly<string | undefined>(SITE, fc.oneof(absent, fc.constantFrom('https://evil.example', 'null', 'http://dash.example', 'https://dash.example:8443'), headerText)),
  contentType: mostly<string | undefined>(
    'application/json',
    fc.oneof(absent, fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded'), headerText),
  ),
  custom: mostly<string | undefined>('1', fc.oneof(absent, fc.constantFrom('0', 'true', ''), headerText)),
  secFetchSite: fc.oneof(absent, fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none')),
  contentLength: fc.oneof({ arbitrary: absent, weight: 4 }, fc.nat({ max: 10_000 }).map(String), headerText),
});

/** A code and a PKCE verifier of the shapes the contract accepts. */
const validCode = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const validVerifier = fc.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/);

const code = fc.oneof(
  { arbitrary: validCode, weight: 4 },
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', '   '),
  fc.string({ minLength: 500, maxLength: 600 }),
);
const redirectUri = mostly(
  CALLBACK,
  fc.oneof(fc.constantFrom(`${CALLBACK}?x=1`, `${CALLBACK}/`, 'https://evil.example/auth/callback', 'https://a@dash.example/auth/callback', 'not a url'), fc.webUrl()),
);
const verifier = fc.oneof(validVerifier, fc.string({ maxLength: 50 }));
/** The state: derived from the body's verifier (the browser's own), from another verifier, stale, absent or anything. */
const stateFor = (forVerifier: unknown) =>
  fc.oneof(
    { arbitrary: fc.constant(typeof forVerifier === 'string' ? boundState(forVerifier) : undefined), weight: 3 },
    validVerifier.map((other) => boundState(other)),
    fc.constant(typeof forVerifier === 'string' ? boundState(forVerifier, Math.floor(Date.now() / 1000) - 3600) : undefined),
    fc.constant(undefined),
    fc.string({ maxLength: 80 }),
  );
const tokenBody = fc
  .record({ code, redirect_uri: redirectUri, code_verifier: verifier, extra: fc.jsonValue() }, { requiredKeys: ['code', 'redirect_uri'] })
  .chain((b) => stateFor(b.code_verifier).map((state) => (state === undefined ? b : { ...b, state })))
  .map((b) => JSON.stringify(b));

type Body = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'stream'; size: number };
const body: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: tokenBody.map((text) => ({ kind: 'text' as const, text })), weight: 8 },
  fc.json({ maxDepth: 3 }).map((text) => ({ kind: 'text' as const, text })),
  fc.string({ maxLength: 200 }).map((text) => ({ kind: 'text' as const, text })),
  fc.uint8Array({ maxLength: 6000 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  fc.integer({ min: 4000, max: 20_000 }).map((n) => ({ kind: 'text' as const, text: JSON.stringify({ code: 'c'.repeat(n), redirect_uri: CALLBACK }) })),
  fc.integer({ min: 4097, max: 50_000 }).map((size) => ({ kind: 'stream' as const, size })),
);

/**
 * Half the runs are requests the function must pass to the provider, built to be well-formed, so that every
 * provider answer is reached in every run; the other half are anything at all. `isWellFormed` judges both alike.
 */
const wellFormedRequest = fc.tuple(
  fc.constant('POST'),
  fc.record<Headers>({
    origin: fc.constantFrom(SITE, undefined),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'),
    custom: fc.constant('1'),
    secFetchSite: fc.constantFrom(undefined, 'same-origin', 'same-site', 'none'),
    contentLength: fc.constant(undefined),
  }),
  fc
    .record({ code: validCode, redirect_uri: fc.constant(CALLBACK), code_verifier: validVerifier })
    .map((b): Body => ({ kind: 'text', text: JSON.stringify({ ...b, state: boundState(b.code_verifier) }) })),
);
const request = fc.oneof(fc.tuple(method, headers, body), wellFormedRequest);

const accepts: ['accepts', FakeAction] = ['accepts', json(200, { access_token: ACCESS_TOKEN, refresh_token: 'r' })];
const provider = mostly(
  accepts,
  fc.constantFrom<['accepts' | 'refuses', FakeAction]>(
    ['refuses', json(400, { error: 'invalid_grant' })],
    ['refuses', json(401, { error: 'invalid_client' })],
    ['refuses', json(500, { error: 'server_error' })],
    ['refuses', { kind: 'respond', status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>' }],
    ['refuses', { kind: 'destroy' }],
  ),
);

function bytesOf(b: Body): Uint8Array | null {
  if (b.kind === 'text') return new TextEncoder().encode(b.text);
  if (b.kind === 'bytes') return b.bytes;
  return null;
}

/** What the function should accept, from the contract's point of view, independently of how it checks. */
function isWellFormed(m: string, h: Headers, b: Body): boolean {
  if (m.toUpperCase() !== 'POST') return false;
  if (h.origin !== undefined && h.origin !== SITE) return false;
  if (h.secFetchSite === 'cross-site' || h.custom !== '1') return false;
  if (h.contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') return false;
  if (h.contentLength !== undefined && /^\d+$/.test(h.contentLength) && Number(h.contentLength) > 4096) return false;
  const bytes = bytesOf(b);
  if (bytes === null || bytes.byteLength > 4096) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const request = v.safeParse(TokenRequestSchema, parsed);
  if (!request.success || request.output.redirect_uri !== CALLBACK) return false;
  return isBound(request.output.state, request.output.code_verifier);
}

/** The browser's proof, judged with node:crypto: a state derived from this verifier in the last ten minutes. */
function isBound(state: string | undefined, verifier: string | undefined): boolean {
  if (state === undefined || verifier === undefined) return false;
  const issuedAt = Number(/^b1\.(\d{1,12})\./.exec(state)?.[1]);
  const now = Math.floor(Date.now() / 1000);
  return Number.isInteger(issuedAt) && boundState(verifier, issuedAt) === state && issuedAt <= now + 60 && now - issuedAt <= 660;
}

describe('the token function under random input', () => {
  it('always answers JSON with no-store, never the secret, and 200 only to a well-formed request the provider accepted', async () => {
    const outcomes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, provider, async ([m, h, b], [verdict, action]) => {
        fake.script(action);
        fake.received.length = 0;
        const raw = b.kind === 'text' ? b.text : b.kind === 'bytes' ? new Blob([b.bytes.slice()]).stream() : streamOf(b.size);
        const req = tokenRequest({
          method: m,
          raw,
          headers: {
            Origin: h.origin ?? null,
            'Content-Type': h.contentType ?? null,
            'X-Firmafon-Dashboard': h.custom ?? null,
            'Sec-Fetch-Site': h.secFetchSite ?? null,
            'Content-Length': h.contentLength ?? null,
          },
        });
        const res = await inspect(await handler(req));
        outcomes.set(res.status, (outcomes.get(res.status) ?? 0) + 1);

        expect(res.headers.get('content-type')).toBe('application/json');
        expect(res.text).not.toContain(CLIENT_SECRET);
        expect(res.text).not.toContain('"r"');
        const shouldSucceed = isWellFormed(m, h, b) && verdict === 'accepts';
        if (shouldSucceed) {
          expect(res.status).toBe(200);
          expect(res.json).toEqual({ access_token: ACCESS_TOKEN });
        } else {
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(600);
          expect(res.json).toMatchObject({ error: expect.any(String) });
          expect(res.text).not.toContain(ACCESS_TOKEN);
        }
        if (!isWellFormed(m, h, b)) expect(fake.received).toHaveLength(0);
      }),
      { numRuns: 600 },
    );
    // Every check and every provider answer must have been reached for the property to mean something. Each of
    // these statuses comes 20 times or more in 600 runs on average, so none goes missing by chance.
    expect([...outcomes.keys()]).toEqual(expect.arrayContaining([200, 400, 403, 405, 413, 415, 502]));
    if (process.env['FUZZ_STATS']) process.stderr.write(`token fuzz statuses: ${JSON.stringify([...outcomes].sort())}\n`);
  }, 60_000);
});
