/**
 * Size budgets (part of `npm test`): builds the SPA into a temporary directory, works out from Vite's manifest
 * which chunks each page loads, bundles every function as Netlify does, prints measured sizes against the
 * budgets and exits 1 on any miss. Sizes are gzip level 9, 1 KB = 1,000 bytes; function bundles uncompressed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSpa, chunkProblems, formatKb, KB, measureFunctions, measureSpa } from './sizes.ts';

/** The budgets `npm test` holds the build to; the bench reports against them too. */
export const BUDGETS = {
  // What a reload downloads before the resume bounce leaves for Firmafon (the first script, src/boot.ts).
  beforeRedirectJs: 5 * KB,
  // The framework floor is ~90 KB (docs/benchmarks.md): the sign-in page may add ~10 KB of its own.
  signInJs: 100 * KB,
  callsPageAll: 150 * KB,
  allCss: 15 * KB,
  functionBundle: 50 * KB,
} as const;

interface Row {
  what: string;
  measured: number;
  limit: number;
  detail: string;
}

/** Builds, measures, prints the table and sets exit code 1 on any miss. */
async function checkSizes(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'size-check-'));
  try {
    const manifest = buildSpa(outDir);
    const spa = measureSpa(outDir, manifest);
    const functions = await measureFunctions();

    const rows: Row[] = [
      {
        what: 'JS before the resume redirect (gzip)',
        measured: spa.beforeRedirectJs.gzip,
        limit: BUDGETS.beforeRedirectJs,
        detail: spa.beforeRedirectJs.files.map((f) => f.file).join(', '),
      },
      { what: 'Sign-in page JS (gzip)', measured: spa.signInJs.gzip, limit: BUDGETS.signInJs, detail: spa.signInJs.files.map((f) => f.file).join(', ') },
      {
        what: 'Calls page JS + CSS (gzip)',
        measured: spa.callsPageAll.gzip,
        limit: BUDGETS.callsPageAll,
        detail: spa.callsPageAll.files.map((f) => f.file).join(', '),
      },
      { what: 'All CSS (gzip)', measured: spa.allCss.gzip, limit: BUDGETS.allCss, detail: `${spa.allCss.files.length} file(s)` },
      ...functions.map((fn) => ({
        what: `Function ${fn.name} (bundle, not minified)`,
        measured: fn.bytes,
        limit: BUDGETS.functionBundle,
        detail: `${formatKb(fn.gzip)} gzipped`,
      })),
    ];

    const misses = rows.filter((row) => row.measured > row.limit);
    const problems = chunkProblems(manifest);
    console.table(
      rows.map((row) => ({
        budget: row.what,
        measured: formatKb(row.measured),
        limit: formatKb(row.limit),
        headroom: formatKb(row.limit - row.measured),
        result: row.measured > row.limit ? 'OVER' : 'ok',
      })),
    );
    for (const row of rows) console.log(`  ${row.what}: ${row.detail}`);
    const stats = spa.statisticsRouteAdded;
    console.log(`  Statistics route adds (no budget; lazy, with its charts): ${formatKb(stats.gzip)} gzipped: ${stats.files.map((f) => `${f.file} ${formatKb(f.gzip)}`).join(', ')}`);
    if (misses.length > 0 || problems.length > 0) {
      const failures = [...misses.map((row) => `${row.what} is ${formatKb(row.measured)} (budget ${formatKb(row.limit)})`), ...problems];
      console.error(`\nSize check FAILED: ${failures.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log('\nSize check passed: every budget holds.');
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// Only when run (`tsx scripts/check-size.ts`), not when the bench imports the budgets.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await checkSizes();
