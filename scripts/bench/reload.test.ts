import { describe, expect, it } from 'vitest';
import { jsBeforeRedirect, type NetworkRecord } from './reload.ts';

const AUTHORIZE = 'http://127.0.0.1:9000/api/v2/authorize';
const record = (url: string, type: string, bodyBytes: number, extra: Partial<NetworkRecord> = {}): NetworkRecord => ({
  url,
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
