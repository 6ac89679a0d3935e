/**
 * An older commit of the project as a runnable checkout, for measuring "today's design" beside this one in the same
 * bench run: the commit's files (`git archive`, so the repository's worktrees and index are left alone) in a
 * temporary directory, with a link to this checkout's node_modules. An app run started there (app-run.ts, `cwd`)
 * builds and serves that commit's SPA with that commit's functions and sandbox.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BaselineCheckout {
  /** The commit, abbreviated. */
  commit: string;
  /** Its subject line. */
  subject: string;
  dir: string;
  remove(): void;
}

/** Extracts `commit` (anything `git rev-parse` knows) into a temporary directory. */
export function checkOutBaseline(commit: string): BaselineCheckout {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const full = git('rev-parse', '--verify', `${commit}^{commit}`);
  const dir = mkdtempSync(join(tmpdir(), `bench-baseline-${full.slice(0, 7)}-`));
  try {
    execFileSync('sh', ['-c', `git archive --format=tar "$1" | tar -x -C "$2"`, 'sh', full, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    commit: full.slice(0, 7),
    subject: git('log', '-1', '--format=%s', full),
    dir,
    // rmSync removes the link, never what it points to.
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}
