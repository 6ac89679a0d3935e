/**
 * Reload of /calls → filled table (issue #15), for one or more designs of the app (this checkout, and an older commit
 * served by an app run of its own: baseline.ts), measured the same way and interleaved (old, new, old, new …) so
 * that the machine's load falls on both alike. Each design gets a browser context signed in once through its sandbox
 * (which then remembers the approval and the Firmafon session), so a reload bounces through Firmafon with no page
 * of its own: /calls → Firmafon's authorize → /auth/callback → the table. The CPU is throttled (CDP) for the
 * reloads. Per reload: the time from the reload's navigation start to the first frame with call rows, the moments
 * the page left for Firmafon and the callback document arrived, and the requests on the way (CDP Network events:
 * the config, the token exchange, the data); and, from one reload with a cleared HTTP cache, the JS downloaded
 * before the browser left for Firmafon.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { AppRun } from './app-run.ts';
import { benchInitScript, newContext, signInThroughSandbox, type BenchGlobal } from './browser.ts';
import { summarize, type Summary } from './stats.ts';
import { CONFIG_PATH, PROXY_PREFIX, TOKEN_PATH } from '../../common/routes.ts';
import { sandboxControl } from '../../sandbox/client.ts';

export interface Design {
  /** `new` (this checkout) or `old` (the baseline). */
  name: string;
  /** What it is, for the report: e.g. `0c83d17 (before the first script)`. */
  label: string;
  run: AppRun;
}

/** One timed reload; ms from the reload's navigation start. */
export interface ReloadSample {
  /** The page left for Firmafon (the callback document's navigation started: it begins at the authorize URL). */
  leaveMs: number;
  /** The /auth/callback document had arrived (its `responseEnd`), after the bounce through Firmafon. */
  callbackMs: number;
  /** The first frame with call rows. */
  tableMs: number;
  /** Milestones of the requests on the way (ms from the reload's navigation start; null: no such request). */
  timeline: ReloadTimeline;
}

/** When the requests that a reload waits for were answered, ms from the reload's navigation start. */
export interface ReloadTimeline {
  /** The reloaded page's HTML received. */
  htmlAt: number | null;
  /** The public config requested and received before leaving (both designs build the authorize URL from it). */
  configSentAt: number | null;
  configAt: number | null;
  /** The token request sent and answered (`POST /api/auth/token`). */
  tokenSentAt: number | null;
  tokenAt: number | null;
  /** The first API request through the proxy sent after the token, and the last one answered before the table painted (the employee, the first calls page). */
  dataSentAt: number | null;
  dataAt: number | null;
}

/** A network request of the reload, in the order the browser issued them (CDP Network events). */
export interface NetworkRecord {
  url: string;
  /** HTTP method. */
  method: string;
  /** Issued and finished, wall-clock ms (CDP timestamps, placed on the wall clock by the request's `wallTime`); end null while unfinished. */
  startAt: number;
  endAt: number | null;
  /** CDP's resource type: Document, Script, Fetch, … */
  type: string;
  /** Bytes received for it, headers included (CDP `loadingFinished.encodedDataLength`: DevTools' "transferred"); 0 while unfinished. */
  transferred: number;
  /** Encoded (compressed) body bytes received: `transferred` less the response headers. */
  bodyBytes: number;
  /** Served from the memory or disk cache. */
  fromCache: boolean;
}

export interface JsBeforeRedirect {
  files: Array<{ path: string; transferred: number; bodyBytes: number; fromCache: boolean }>;
  transferred: number;
  bodyBytes: number;
  /** False when the page never left for Firmafon (then every script of the reload is listed). */
  redirected: boolean;
}

const authorizePrefixOf = (design: Design) => `${design.run.sandboxUrl}/api/v2/authorize`;
const isAuthorizeNavigation = (record: NetworkRecord, prefix: string) => record.type === 'Document' && record.url.startsWith(prefix);

/**
 * The milestones of one reload from its requests (in issue order), relative to `reloadAt`; requests that ended after
 * `tableAt` (wall-clock ms) are not waited for and do not count as data.
 */
export function reloadTimeline(records: readonly NetworkRecord[], authorizeUrlPrefix: string, reloadAt: number, tableAt: number): ReloadTimeline {
  const leave = records.findIndex((r) => isAuthorizeNavigation(r, authorizeUrlPrefix));
  const before = leave < 0 ? records : records.slice(0, leave);
  const after = leave < 0 ? [] : records.slice(leave);
  const at = (value: number | null | undefined) => (value === null || value === undefined ? null : value - reloadAt);
  const path = (r: NetworkRecord) => new URL(r.url).pathname;
  const token = after.find((r) => r.method === 'POST' && path(r) === TOKEN_PATH);
  const data = after.filter((r) => path(r).startsWith(`${PROXY_PREFIX}/`) && r.endAt !== null && r.endAt <= tableAt);
  const config = before.find((r) => path(r) === CONFIG_PATH);
  return {
    htmlAt: at(before.find((r) => r.type === 'Document')?.endAt),
    configSentAt: at(config?.startAt),
    configAt: at(config?.endAt),
    tokenSentAt: at(token?.startAt),
    tokenAt: at(token?.endAt),
    dataSentAt: data.length ? Math.min(...data.map((r) => r.startAt)) - reloadAt : null,
    dataAt: data.length ? Math.max(...data.map((r) => r.endAt ?? 0)) - reloadAt : null,
  };
}

/**
 * The scripts requested before the navigation to `authorizeUrlPrefix`, and their bytes. Records are in the
 * order they were issued; nothing issued after the navigation counts (the callback document's own scripts).
 */
export function jsBeforeRedirect(records: readonly NetworkRecord[], authorizeUrlPrefix: string): JsBeforeRedirect {
  const leave = records.findIndex((r) => isAuthorizeNavigation(r, authorizeUrlPrefix));
  const before = leave < 0 ? records : records.slice(0, leave);
  const files = before
    .filter((r) => r.type === 'Script' || /\.m?js(\?|$)/.test(new URL(r.url).pathname))
    .map((r) => ({ path: new URL(r.url).pathname, transferred: r.transferred, bodyBytes: r.bodyBytes, fromCache: r.fromCache }));
  return {
    files,
    transferred: files.reduce((sum, f) => sum + f.transferred, 0),
    bodyBytes: files.reduce((sum, f) => sum + f.bodyBytes, 0),
    redirected: leave >= 0,
  };
}

export interface DesignReloads {
  name: string;
  label: string;
  samples: ReloadSample[];
  table: Summary;
  leave: Summary;
  callback: Summary;
  /** The 1-minute load average after each of this design's reloads. */
  loadAverage: { min: number; max: number };
  /** From the reload with a cleared HTTP cache (untimed). */
  jsBeforeRedirect: JsBeforeRedirect;
}

export interface ReloadResult {
  cpuThrottling: number;
  runsPerDesign: number;
  designs: DesignReloads[];
}

/** Records a page's requests through CDP (the session must have the Network domain enabled): issue order, times, bytes, cache hits. */
export function recordNetwork(session: CDPSession): { records: () => NetworkRecord[]; clear: () => void } {
  type Live = NetworkRecord & { headerBytes: number };
  let list: Live[] = [];
  // A redirect reuses the request id: the hop before it ends there and the new URL gets a record of its own.
  let byId = new Map<string, Live>();
  /** CDP's monotonic seconds → wall-clock ms, from the latest request's pair of the two. */
  let wallOffsetMs = 0;
  const wall = (timestamp: number) => timestamp * 1000 + wallOffsetMs;
  session.on('Network.requestWillBeSent', (event) => {
    wallOffsetMs = event.wallTime * 1000 - event.timestamp * 1000;
    const previous = byId.get(event.requestId);
    if (previous && previous.endAt === null) previous.endAt = wall(event.timestamp);
    const record: Live = {
      url: event.request.url,
      method: event.request.method,
      startAt: wall(event.timestamp),
      endAt: null,
      type: event.type ?? 'Other',
      transferred: 0,
      bodyBytes: 0,
      fromCache: false,
      headerBytes: 0,
    };
    list.push(record);
    byId.set(event.requestId, record);
  });
  session.on('Network.requestServedFromCache', (event) => {
    const record = byId.get(event.requestId);
    if (record) record.fromCache = true;
  });
  session.on('Network.responseReceived', (event) => {
    const record = byId.get(event.requestId);
    if (!record) return;
    record.fromCache ||= event.response.fromDiskCache === true || event.response.fromPrefetchCache === true;
    record.headerBytes = event.response.encodedDataLength;
  });
  session.on('Network.loadingFinished', (event) => {
    const record = byId.get(event.requestId);
    if (!record) return;
    record.endAt = wall(event.timestamp);
    record.transferred = event.encodedDataLength;
    record.bodyBytes = Math.max(0, event.encodedDataLength - record.headerBytes);
  });
  return {
    records: () => list.map(({ headerBytes: _headerBytes, ...record }) => record),
    clear: () => {
      list = [];
      byId = new Map();
    },
  };
}

interface Prepared {
  design: Design;
  context: BrowserContext;
  page: Page;
  session: CDPSession;
  network: ReturnType<typeof recordNetwork>;
  samples: ReloadSample[];
  loads: number[];
  jsBeforeRedirect?: JsBeforeRedirect;
}

/**
 * Page-side, kept as a string (no DOM types here): the reload's navigation start is kept in this tab's
 * sessionStorage, which survives the trip through Firmafon.
 */
const RELOAD_MARK_SCRIPT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  if (nav && nav.type === 'reload') sessionStorage.setItem('__benchReloadAt', String(performance.timeOrigin));
})();`;

async function prepare(browser: Browser, design: Design, cpuThrottling: number): Promise<Prepared> {
  const control = sandboxControl(design.run.sandboxUrl);
  await control.reset();
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.addInitScript(benchInitScript(design.run.appUrl));
  await page.addInitScript(RELOAD_MARK_SCRIPT);
  await signInThroughSandbox(page, design.run.appUrl, { consent: true });
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
  return { design, context, page, session, network: recordNetwork(session), samples: [], loads: [] };
}

/** One reload of /calls until the table has painted again; answers its marks and the requests it made. */
async function reloadOnce(p: Prepared, timeoutMs: number): Promise<{ sample: ReloadSample; records: NetworkRecord[] }> {
  if (new URL(p.page.url()).pathname !== '/calls') throw new Error(`${p.design.name}: not on /calls before the reload (${p.page.url()})`);
  await p.page.evaluate(`sessionStorage.removeItem('__benchReloadAt')`);
  p.network.clear();
  await p.page.reload({ waitUntil: 'commit', timeout: timeoutMs }).catch(() => {
    // The reloaded page leaves for Firmafon at once; Playwright may call that an interrupted navigation.
  });
  await p.page.waitForFunction(
    () => {
      const g = globalThis as unknown as BenchGlobal & { sessionStorage: { getItem(key: string): string | null }; location: { pathname: string } };
      return g.sessionStorage.getItem('__benchReloadAt') !== null && g.__bench?.paintAt != null && g.location.pathname === '/calls';
    },
    null,
    { timeout: timeoutMs },
  );
  const marks = (await p.page.evaluate(`({
    reloadAt: Number(sessionStorage.getItem('__benchReloadAt')),
    leftAt: performance.timeOrigin,
    callbackAt: performance.timeOrigin + performance.getEntriesByType('navigation')[0].responseEnd,
    paintAt: window.__bench.paintAt,
  })`)) as { reloadAt: number; leftAt: number; callbackAt: number; paintAt: number };
  // Let the page's last requests finish before reading the records.
  await p.page.waitForLoadState('load').catch(() => {});
  const records = p.network.records();
  return {
    records,
    sample: {
      leaveMs: marks.leftAt - marks.reloadAt,
      callbackMs: marks.callbackAt - marks.reloadAt,
      tableMs: marks.paintAt - marks.reloadAt,
      timeline: reloadTimeline(records, authorizePrefixOf(p.design), marks.reloadAt, marks.paintAt),
    },
  };
}

export interface ReloadOptions {
  runs: number;
  cpuThrottling: number;
  /** No new round of reloads starts after this (epoch ms), except the first. */
  deadline: number;
  log: (line: string) => void;
  loadAverage: () => number;
}

/** `runs` reloads per design, interleaved; one untimed reload per design with a cleared cache comes first. */
export async function measureReloads(browser: Browser, designs: readonly Design[], options: ReloadOptions): Promise<ReloadResult> {
  const prepared: Prepared[] = [];
  try {
    for (const design of designs) {
      prepared.push(await prepare(browser, design, options.cpuThrottling));
    }
    // Cold: what a reload downloads before leaving (and a warm-up of the app run and the browser's cache).
    for (const p of prepared) {
      await p.session.send('Network.clearBrowserCache');
      const { sample, records } = await reloadOnce(p, 120_000);
      p.jsBeforeRedirect = jsBeforeRedirect(records, authorizePrefixOf(p.design));
      options.log(
        `    ${p.design.name} cold reload (not counted): table at ${Math.round(sample.tableMs)} ms; JS before leaving for Firmafon ${(p.jsBeforeRedirect.bodyBytes / 1000).toFixed(1)} KB in ${p.jsBeforeRedirect.files.length} file(s)`,
      );
    }
    for (let i = 0; i < options.runs && (i === 0 || Date.now() < options.deadline); i += 1) {
      for (const p of prepared) {
        const { sample } = await reloadOnce(p, 120_000);
        p.samples.push(sample);
        const load = options.loadAverage();
        p.loads.push(load);
        options.log(
          `    ${p.design.name} #${i + 1}: left for Firmafon at ${Math.round(sample.leaveMs)} ms, back on /auth/callback at ${Math.round(sample.callbackMs)} ms, table at ${Math.round(sample.tableMs)} ms (load ${load.toFixed(1)})`,
        );
      }
    }
    return {
      cpuThrottling: options.cpuThrottling,
      runsPerDesign: options.runs,
      designs: prepared.map((p) => ({
        name: p.design.name,
        label: p.design.label,
        samples: p.samples,
        table: summarize(p.samples.map((s) => s.tableMs)),
        leave: summarize(p.samples.map((s) => s.leaveMs)),
        callback: summarize(p.samples.map((s) => s.callbackMs)),
        loadAverage: { min: Math.min(...p.loads), max: Math.max(...p.loads) },
        jsBeforeRedirect: p.jsBeforeRedirect ?? { files: [], transferred: 0, bodyBytes: 0, redirected: false },
      })),
    };
  } finally {
    for (const p of prepared) await p.context.close().catch(() => {});
  }
}
