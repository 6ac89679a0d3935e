/** `npm start`: the dashboard in development (netlify dev + Vite), on the sandbox unless configured. */
import { runLocal } from './local-run.ts';

await runLocal('dev');
