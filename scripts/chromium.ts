/**
 * The Chromium every browser run here uses — the browser tests, the benchmark and the screenshots: Debian's
 * (`apt-get install chromium`) unless CHROMIUM_PATH names another, with the launch flags that work on these
 * machines (no sandbox as root, no GPU, nothing that reaches the network by itself).
 */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
