import { describe, expect, it } from 'vitest';
import { jsBeforeRedirect, reloadTimeline, type NetworkRecord } from './reload.ts';

const AUTHORIZE = 'http://127.0.0.1:9000/api/v2/authorize';
const record = (url: string, type: string, bodyBytes: number, extra: Partial<NetworkRecord> = {}): NetworkRecord => ({
  url,
  method: 'GET',
  startAt: 0,
  endAt: null,
  type,
  transferred: bodyBytes + 300,
  bodyBytes,
  fromCache: false,
  ...extra,
});

describe('jsBeforeRedirect', () => {
  it('counts the scripts requested before the navigation to the authorize URL, not the callback document’s', () => {
    const result = jsBeforeRedirect(
      [
        record('http://localhost:1/calls', 'Document', 700),
        record('http://localhost:1/assets/index-abc.js', 'Script', 4571),
        record('http://localhost:1/api/config', 'Fetch', 120),
        record(`${AUTHORIZE}?client_id=x&state=y`, 'Document', 0),
        record('http://localhost:1/auth/callback?code=c&state=y', 'Document', 700),
        record('http://localhost:1/assets/index-abc.js', 'Script', 0, { fromCache: true }),
        record('http://localhost:1/assets/app-def.js', 'Script', 90_000),
      ],
      AUTHORIZE,
    );
    expect(result).toEqual({
      files: [{ path: '/assets/index-abc.js', transferred: 4871, bodyBytes: 4571, fromCache: false }],
      transferred: 4871,
      bodyBytes: 4571,
      redirected: true,
    });
  });

  it('says so when the page never left for Firmafon, listing every script', () => {
    const result = jsBeforeRedirect([record('http://localhost:1/assets/index-abc.js', 'Script', 4571), record('http://localhost:1/assets/app.js', 'Script', 95_000)], AUTHORIZE);
    expect(result.redirected).toBe(false);
    expect(result.bodyBytes).toBe(99_571);
  });
});

describe('reloadTimeline', () => {
  it('places the requests a reload waits for on its clock, and counts as data only what ended before the table', () => {
    const at = (url: string, type: string, startAt: number, endAt: number, method = 'GET'): NetworkRecord => ({ ...record(url, type, 100), method, startAt, endAt });
    const timeline = reloadTimeline(
      [
        at('http://localhost:1/calls', 'Document', 1000, 1040),
        at('http://localhost:1/assets/index-abc.js', 'Script', 1045, 1080),
        at('http://localhost:1/api/config', 'Fetch', 1100, 1180),
        at(`${AUTHORIZE}?client_id=x`, 'Document', 1200, 1260),
        at('http://localhost:1/auth/callback?code=c', 'Document', 1260, 1300),
        at('http://localhost:1/api/auth/token', 'Fetch', 1320, 1500, 'POST'),
        at('http://localhost:1/api/firmafon/employee', 'Fetch', 1510, 1600),
        at('http://localhost:1/api/firmafon/calls?limit=100', 'Fetch', 1510, 1650),
        at('http://localhost:1/api/firmafon/voicemails', 'Fetch', 1700, 2500),
      ],
      AUTHORIZE,
      1000,
      2000,
    );
    expect(timeline).toEqual({ htmlAt: 40, configSentAt: 100, configAt: 180, tokenSentAt: 320, tokenAt: 500, dataSentAt: 510, dataAt: 650 });
  });
});
