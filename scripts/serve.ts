/**
 * `npm run serve`: the production build served as Netlify serves it, on the sandbox unless configured.
 * `--prebuilt` serves the existing dist/ without building (the browser tests' second, "deploy preview" server).
 */
import { runLocal } from './local-run.ts';

await runLocal('serve', { prebuilt: process.argv.includes('--prebuilt') });
