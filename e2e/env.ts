/** Where the browser tests run the app and the sandbox (overridable to run two suites side by side). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8887);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8898);
export const APP_URL = `http://localhost:${E2E_PORT}`;
export const SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** A known client secret: tests assert it never reaches the browser or the built SPA. */
export const E2E_CLIENT_SECRET = 'e2e-client-secret-0f1e2d3c-never-in-the-browser';
export const SANDBOX_USER = { email: 'mette@firmafon.test', password: 'sandbox', name: 'Mette Jensen' };
