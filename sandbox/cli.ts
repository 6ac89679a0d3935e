/**
 * Runs the Firmafon sandbox from the command line: `tsx sandbox/cli.ts`. Configuration comes from the
 * environment, validated once here; the client secret is never printed.
 */
import * as v from 'valibot';
import { DATASET_NAMES } from './data/index.ts';
import { startSandbox } from './server.ts';
import { MAX_LATENCY_MS } from './state.ts';

const Bool = v.pipe(
  v.picklist(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false'),
  v.transform((s) => s === 'true' || s === '1' || s === 'yes'),
);
const Int = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const RedirectUris = v.pipe(
  v.string(),
  v.transform((s) => s.split(',').map((u) => u.trim()).filter((u) => u !== '')),
  v.minLength(1, 'must list at least one URI'),
  v.check((uris) => uris.every((u) => URL.canParse(u) && !u.includes('#')), 'must be absolute URLs without a fragment, comma-separated'),
);

const EnvSchema = v.object({
  SANDBOX_PORT: v.optional(Int(0, 65535), '8899'),
  SANDBOX_HOST: v.optional(v.pipe(v.string(), v.minLength(1)), '127.0.0.1'),
  SANDBOX_CLIENT_ID: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty')), 'sandbox-dashboard'),
  SANDBOX_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty')), 'sandbox-secret'),
  SANDBOX_REDIRECT_URIS: v.optional(RedirectUris, 'http://localhost:8888/auth/callback,http://127.0.0.1:8888/auth/callback'),
  SANDBOX_CALLS: v.optional(Int(0, 20_000), '250'),
  SANDBOX_SEED: v.optional(Int(0, 0xffffffff), '1'),
  SANDBOX_DATASET: v.optional(v.picklist(DATASET_NAMES, `must be one of ${DATASET_NAMES.join(', ')}`), 'default'),
  SANDBOX_HOSTILE_NAMES: v.optional(Bool, 'false'),
  SANDBOX_DROP_STATE: v.optional(Bool, 'false'),
  SANDBOX_REQUIRE_PKCE: v.optional(Bool, 'false'),
  SANDBOX_LATENCY_MS: v.optional(Int(0, MAX_LATENCY_MS), '0'),
});

/** Empty variables count as unset. */
function environment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('SANDBOX_') && value !== undefined && value !== '') env[key] = value;
  }
  return env;
}

const parsed = v.safeParse(EnvSchema, environment());
if (!parsed.success) {
  for (const issue of parsed.issues) {
    // Never echo the received value: it might be the secret.
    console.error(`Firmafon sandbox: ${v.getDotPath(issue) ?? 'environment'} ${issue.message}`);
  }
  process.exit(1);
}
const env = parsed.output;

const sandbox = await startSandbox({
  host: env.SANDBOX_HOST,
  port: env.SANDBOX_PORT,
  clients: [
    {
      clientId: env.SANDBOX_CLIENT_ID,
      clientSecret: env.SANDBOX_CLIENT_SECRET,
      name: 'Firmafon Dashboard (sandbox)',
      redirectUris: env.SANDBOX_REDIRECT_URIS,
    },
  ],
  calls: env.SANDBOX_CALLS,
  seed: env.SANDBOX_SEED,
  dataset: env.SANDBOX_DATASET,
  hostileNames: env.SANDBOX_HOSTILE_NAMES,
  dropState: env.SANDBOX_DROP_STATE,
  requirePkce: env.SANDBOX_REQUIRE_PKCE,
  latencyMs: env.SANDBOX_LATENCY_MS,
}).catch((error: unknown) => {
  console.error(`Firmafon sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

console.log(`Firmafon sandbox on ${sandbox.url}`);
