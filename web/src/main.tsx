/** The app: global styles, then React. Loaded by the first script (boot.ts) unless it leaves for Firmafon first. */
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
