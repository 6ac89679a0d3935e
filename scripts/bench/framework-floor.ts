/**
 * The framework floor: the gzipped JS of the smallest app that uses this stack — React, react-dom, React Query
 * and React Router, one route and one query — built by Vite with the project's plugin and target, with React
 * Router in either of its modes. What the sign-in page ships beyond this is the app's own weight.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { filesOf, gzipBytes, staticClosure, type Manifest } from '../sizes.ts';

const INDEX_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>floor</title></head>
<body><div id="root"></div><script type="module" src="/main.tsx"></script></body></html>
`;

const COMMON = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';

const queryClient = new QueryClient();

function Home() {
  const query = useQuery({ queryKey: ['floor'], queryFn: async () => 'ok' });
  return <p>{query.data ?? '…'}</p>;
}
`;

/** React Router's two modes: the data router the app uses, and the declarative `<BrowserRouter>`. */
export type RouterMode = 'data' | 'declarative';

const MAIN_TSX: Record<RouterMode, string> = {
  data: `${COMMON}import { createBrowserRouter, RouterProvider } from 'react-router-dom';

const router = createBrowserRouter([{ path: '/', element: <Home /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
`,
  declarative: `${COMMON}import { BrowserRouter, Route, Routes } from 'react-router-dom';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<Home />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
`,
};

export interface FrameworkFloor {
  gzip: number;
  bytes: number;
}

export async function measureFrameworkFloor(mode: RouterMode): Promise<FrameworkFloor> {
  // Inside the project so that the four packages resolve from its node_modules (the versions the app uses).
  const cacheDir = resolve('node_modules/.cache');
  mkdirSync(cacheDir, { recursive: true });
  const root = mkdtempSync(join(cacheDir, 'bench-floor-'));
  try {
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(join(root, 'main.tsx'), MAIN_TSX[mode]);
    const outDir = join(root, 'dist');
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir, emptyOutDir: true, target: 'es2022', manifest: true, sourcemap: false },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    if (!entry) throw new Error('framework floor build has no entry');
    const { js } = filesOf(manifest, staticClosure(manifest, [entry]));
    let gzip = 0;
    let bytes = 0;
    for (const file of js) {
      const content = readFileSync(join(outDir, file));
      bytes += content.length;
      gzip += gzipBytes(content);
    }
    return { gzip, bytes };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
