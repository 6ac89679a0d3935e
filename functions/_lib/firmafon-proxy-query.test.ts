/**
 * Property tests for the proxy's query check (`proxyTarget`): no spelling of a token parameter and no `;` reaches
 * Firmafon, and the SPA's own queries always pass byte for byte.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyTarget } from './firmafon-proxy.ts';

const FIRMAFON = 'https://app.firmafon.dk';
const targetOf = (search: string) => proxyTarget(new URL(`https://dash.example/api/firmafon/calls${search}`), FIRMAFON);
const refusalOf = (search: string) => {
  const result = targetOf(search);
  return result.ok ? null : [result.failure.status, result.failure.error];
};

/** Percent-encodes every character of `text` (`%61%63…`), as a client could. */
const encodeAll = (text: string) => [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
const casing = (text: string) =>
  fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''));

/** A token name, in any case, plain or with some or all of it percent-encoded (once or twice). */
const tokenName = fc
  .tuple(fc.constantFrom('access_token', 'bearer_token'), fc.constantFrom('plain', 'underscore', 'all', 'twice'))
  .chain(([name, encoding]) =>
    casing(name).map((cased) =>
      encoding === 'plain' ? cased : encoding === 'underscore' ? cased.replace('_', '%5F') : encoding === 'all' ? encodeAll(cased) : encodeAll(cased).replaceAll('%', '%25'),
    ),
  );
/** What Rack, Rails or a lenient parser may strip or split on around a name. */
const around = fc.constantFrom('', '[', ']', '[]', '%5B', '%5D', '%5b%5d', ' ', '%20', '+', '%09', '.', 'x', 'user[', 'a[b][', '%00', ';', '%3B', '%3b');
const harmlessName = fc.stringMatching(/^[a-z_]{1,12}$/).filter((name) => !/access_token|bearer_token/.test(name));
const anyValue = fc.stringMatching(/^[A-Za-z0-9_.~-]{0,16}$/);

/** A query string with a token parameter hidden somewhere among others. */
const hostileQuery = fc
  .tuple(
    fc.array(fc.tuple(harmlessName, anyValue), { maxLength: 3 }),
    fc.tuple(around, tokenName, around),
    anyValue,
    fc.array(fc.tuple(harmlessName, anyValue), { maxLength: 3 }),
    fc.constantFrom('&', ';', '%3B&'),
  )
  .map(([before, [prefix, name, suffix], value, after, separator]) => {
    const pairs = [...before.map(([n, v]) => `${n}=${v}`)];
    const hidden = `${prefix}${name}${suffix}=${value}`;
    const rest = after.map(([n, v]) => `${n}=${v}`);
    return `?${[pairs.join('&'), hidden].filter(Boolean).join(pairs.length > 0 ? separator : '')}${rest.length > 0 ? `&${rest.join('&')}` : ''}`;
  });

/** A semicolon, raw anywhere or encoded in a name, in an otherwise harmless query. */
const semicolonQuery = fc
  .tuple(harmlessName, anyValue, harmlessName, fc.constantFrom(';', '%3B', '%3b', '%253B'), fc.boolean())
  .map(([a, value, b, semicolon, inValue]) => (inValue && semicolon === ';' ? `?${a}=${value};${b}` : `?${a}${semicolon}${b}=${value}`));

// The SPA's real parameters (web/src/features/calls: filters, paging cursor, day totals), with ISO values as it sends them.
const iso = fc
  .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((date) => fc.constantFrom('Z', '+01:00', '+02:00').map((zone) => date.toISOString().replace(/\.\d{3}Z$/, zone)));
const spaParameter = fc.oneof(
  fc.integer({ min: 1, max: 100 }).map((n) => ['limit', String(n)] as const),
  fc.stringMatching(/^(Employee|Reception)#[0-9]{1,6}$/).map((v) => ['endpoint', v] as const),
  fc.stringMatching(/^\+?[0-9]{2,15}$/).map((v) => ['number', v] as const),
  fc.constantFrom('incoming', 'outgoing').map((v) => ['direction', v] as const),
  fc.constantFrom('answered', 'missed', 'voicemail', 'busy').map((v) => ['status', v] as const),
  fc.tuple(fc.constantFrom('started_at_gt_or_eq', 'started_at_lt_or_eq', 'ended_at_gt_or_eq', 'ended_at_lt_or_eq', 'created_at_lt_or_eq'), iso),
);
const harmlessQuery = fc.array(spaParameter, { minLength: 1, maxLength: 6 }).map((pairs) => `?${new URLSearchParams(pairs.map(([n, v]) => [n, v])).toString()}`);

describe("the proxy's query check", () => {
  it('always refuses a query that names a token parameter, however it is dressed', () => {
    fc.assert(
      fc.property(hostileQuery, (search) => {
        expect(refusalOf(search)).toEqual([400, 'invalid_request']);
      }),
      { numRuns: 500 },
    );
  });

  it('always refuses a semicolon, raw anywhere or percent-encoded in a name', () => {
    fc.assert(
      fc.property(semicolonQuery, (search) => {
        expect(refusalOf(search)).toEqual([400, 'invalid_request']);
      }),
      { numRuns: 300 },
    );
  });

  it("always forwards the SPA's own queries unchanged", () => {
    fc.assert(
      fc.property(harmlessQuery, (search) => {
        expect(targetOf(search)).toEqual({ ok: true, value: `${FIRMAFON}/api/v2/calls${search}` });
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a bracketed name', '?%5Baccess_token%5D=a'],
    ['a semicolon separator', '?a=1;access_token=a'],
    ['a leading space', '?%20access_token=a'],
  ])('refuses the walk-around with %s (%s)', (_name, search) => {
    expect(refusalOf(search)).toEqual([400, 'invalid_request']);
  });

  it.each([
    ['a token name in a value', '?number=access_token'],
    ['an encoded semicolon in a value', '?number=1%3B2'],
    ['no query at all', ''],
    ['a stray percent sign in a name', '?number%25=1'],
  ])('forwards %s', (_name, search) => {
    expect(targetOf(search)).toEqual({ ok: true, value: `${FIRMAFON}/api/v2/calls${search}` });
  });
});
