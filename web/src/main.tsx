/** Entry point: global styles, then the app. */
// React Refresh's preamble as a module rather than an inline script, so dev runs under the strict CSP
// (docs/decisions/0005-strict-csp-in-development.md). Empty in production builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/app/styles.css';
import { App } from '@/app/app.tsx';
import { preloadCallbackCode } from '@/app/routes/preload-callback.ts';
import { captureCallbackUrl } from '@/features/auth/model/callback-url.ts';

// Back from Firmafon: take the code out of the address bar before anything else runs, and start loading
// the callback's code and the calls page's at once.
if (captureCallbackUrl()) preloadCallbackCode();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
