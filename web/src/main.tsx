/** The app: global styles, then React. Loaded by the first script (boot.ts) unless it leaves for Firmafon first. */
// React Refresh's preamble as a module rather than an inline script, so dev runs under the strict CSP
// (docs/decisions/0005-strict-csp-in-development.md). Empty in production builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/app/styles.css';
import { App } from '@/app/app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
