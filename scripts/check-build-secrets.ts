/**
 * Build check: builds the SPA with a known marker as FIRMAFON_CLIENT_SECRET (and the other server-only
 * variables) in the environment and fails if any marker appears anywhere in the output. Guards against a
 * `define`, an `import.meta.env` prefix or a shared module that would ship a secret to browsers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const markers = {
  FIRMAFON_CLIENT_SECRET: 'build-check-client-secret-7c1d5e9a',
  RELAY_SIGNING_KEY: 'build-check-relay-key-4b8f2a6c',
};

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const outDir = mkdtempSync(join(tmpdir(), 'secret-check-'));
try {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { ...process.env, ...markers, VITE_FIRMAFON_CLIENT_SECRET: markers.FIRMAFON_CLIENT_SECRET },
    stdio: 'inherit',
  });
  let checked = 0;
  const leaks: string[] = [];
  for (const file of files(resolve(outDir))) {
    const content = readFileSync(file, 'latin1');
    checked += 1;
    for (const [name, marker] of Object.entries(markers)) {
      if (content.includes(marker)) leaks.push(`${name} found in ${file.slice(outDir.length + 1)}`);
    }
  }
  if (leaks.length > 0) {
    console.error(`Secret check FAILED:\n  ${leaks.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`Secret check passed: ${checked} built files contain no server-only secret.`);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
