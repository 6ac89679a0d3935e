/** Where the browser tests run the app and the sandbox (overridable to run two suites side by side). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8887);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8898);
/** Follows E2E_PORT (one below it), so suites run side by side with only E2E_PORT/E2E_SANDBOX_PORT set never clash. */
export const E2E_PREVIEW_PORT = Number(process.env.E2E_PREVIEW_PORT ?? E2E_PORT - 1);
/** The "production" deploy: its /auth/callback and /auth/relay are the only redirect URIs the sandbox accepts. */
export const APP_URL = `http://localhost:${E2E_PORT}`;
/** The simulated deploy preview: the same build on another origin, signing in through production's relay. */
export const PREVIEW_URL = `http://127.0.0.1:${E2E_PREVIEW_PORT}`;
/** RELAY_SIGNING_KEY of both simulated deploys (one value in every context, as on Netlify); the tests sign with it. */
export const E2E_RELAY_SIGNING_KEY = 'e2e-relay-signing-key-6d1f0b9a2c7e4d38-not-secret';
export const SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** A known client secret: tests assert it never reaches the browser or the built SPA. */
export const E2E_CLIENT_SECRET = 'e2e-client-secret-0f1e2d3c-never-in-the-browser';
export const SANDBOX_USER = { email: 'mette@firmafon.test', password: 'sandbox', name: 'Mette Jensen' };
