/** `npm run serve`: the production build served as Netlify serves it, on the sandbox unless configured. */
import { runLocal } from './local-run.ts';

await runLocal('serve');
