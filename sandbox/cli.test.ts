import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function run(env: Record<string, string>, untilLine: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (untilLine && stdout.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cli', () => {
  it('prints one line with its URL, never the secret, and exits cleanly on SIGTERM', async () => {
    const { code, stdout } = await run({ SANDBOX_PORT: '0', SANDBOX_CLIENT_SECRET: 'do-not-print-me' }, true);
    expect(stdout).toMatch(/^Firmafon sandbox on http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(stdout).not.toContain('do-not-print-me');
    expect(code).toBe(0);
  }, 20_000);

  it('exits 1 with a clear message on a bad value, without echoing it', async () => {
    const { code, stderr } = await run({ SANDBOX_PORT: '0', SANDBOX_DATASET: 'enormous', SANDBOX_CLIENT_SECRET: 's3cr3t' }, false);
    expect(code).toBe(1);
    expect(stderr).toContain('SANDBOX_DATASET');
    expect(stderr).not.toContain('s3cr3t');
  }, 20_000);

  it('exits 1 when SANDBOX_LATENCY_MS is not a whole number of milliseconds', async () => {
    const { code, stderr } = await run({ SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: '-20' }, false);
    expect(code).toBe(1);
    expect(stderr).toContain('SANDBOX_LATENCY_MS');
  }, 20_000);
});
