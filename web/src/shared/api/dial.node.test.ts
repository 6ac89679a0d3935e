import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from '@/lib/access-token.ts';
import { json, startLoopback, type Loopback } from '@/lib/testing/loopback.node.ts';
import { postDial } from './dial.ts';

let proxy: Loopback;
beforeAll(async () => {
  proxy = await startLoopback((request, res) => {
    const digits = (JSON.parse(request.body || '{}') as { to_number?: string }).to_number;
    if (digits === '4500000000') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('OK');
    if (digits === '4511111111') return json(res, 422, { status: 422, message: 'This employee has no switch' });
    return json(res, 200, {});
  });
});
afterAll(() => proxy.close());
afterEach(() => {
  accessToken.clear('signed-out');
  proxy.seen.length = 0;
});

describe('postDial', () => {
  it('posts the number in Firmafon digits to switch/dial, once', async () => {
    accessToken.set('token-one');
    await postDial({ digits: '4512345678' });
    expect(proxy.seen.map((r) => [r.method, r.url, r.body])).toEqual([['POST', '/api/firmafon/switch/dial', '{"to_number":"4512345678"}']]);
  });

  it('counts an accepted dial whose answer is not JSON as placed, so nobody is tempted to dial again', async () => {
    accessToken.set('token-one');
    await expect(postDial({ digits: '4500000000' })).resolves.toBeUndefined();
  });

  it('passes a refusal on as a 422, sent once', async () => {
    accessToken.set('token-one');
    await expect(postDial({ digits: '4511111111' })).rejects.toMatchObject({ status: 422 });
    expect(proxy.seen).toHaveLength(1);
  });

  it('sends nothing for a number the write contract refuses', async () => {
    accessToken.set('token-one');
    await expect(postDial({ digits: '+45 12' })).rejects.toThrow();
    expect(proxy.seen).toHaveLength(0);
  });
});
