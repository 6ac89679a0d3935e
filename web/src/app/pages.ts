/**
 * The one registration point for pages: the router and the navigation bar both read this list. Adding a page is
 * one entry — its path, its lazily loaded module, its label in the navigation (if it has one, and a badge beside
 * it if it wants one) and whether it needs sign-in — plus the page's label in app/messages.ts.
 *
 * A page module's default export is the page. It may also export `prefetch`, the requests the page needs for a
 * URL: after a sign-in they are started the moment the token exists, while the page's code is still loading.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';

export interface PageModule {
  default: ComponentType;
  prefetch?: (queryClient: QueryClient, url: URL) => void;
}

export type NavLabel = 'calls' | 'voicemail';

export interface Page {
  path: string;
  load: () => Promise<PageModule>;
  /** The page's entry in the navigation bar; pages reached only by links have none. */
  navLabel?: NavLabel;
  /** A small live figure shown beside the label (e.g. unheard voicemails), loaded lazily once signed in. */
  navBadge?: () => Promise<{ default: ComponentType }>;
  requiresSignIn: boolean;
}

export const PAGES: readonly Page[] = [
  { path: '/calls', load: () => import('@/features/calls/pages/calls-page.tsx'), navLabel: 'calls', requiresSignIn: true },
  { path: '/calls/:uuid', load: () => import('@/features/calls/pages/call-details-page.tsx'), requiresSignIn: true },
  {
    path: '/voicemail',
    load: () => import('@/features/voicemail/pages/voicemail-page.tsx'),
    navLabel: 'voicemail',
    navBadge: () => import('@/features/voicemail/components/unheard-badge.tsx'),
    requiresSignIn: true,
  },
];

/** Where `/` leads a signed-in person, and where a sign-in returns to when it has nowhere better. */
export const HOME_PAGE_PATH = '/calls';

/**
 * True when `pathname` fits the route pattern `path` (`/calls/:uuid`): the same segments, a `:name` segment
 * matching any one non-empty segment, letters compared without case and a trailing slash ignored, as the router
 * matches. Written out rather than taken from the router, so the first script (boot.ts) can use the registry
 * without loading the router.
 */
export function matchesPath(path: string, pathname: string): boolean {
  const want = path.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length || pathname.includes('//')) return false;
  return want.every((segment, i) =>
    segment.startsWith(':') ? have[i] !== undefined : segment.toLowerCase() === have[i]?.toLowerCase(),
  );
}

/** The page that serves `pathname`, if any. */
export function pageFor(pathname: string): Page | undefined {
  return PAGES.find((page) => matchesPath(page.path, pathname));
}

/** True when a visitor without a token at `pathname` meets the sign-in gate: `/` and every page that needs sign-in. */
export function showsSignInGate(pathname: string): boolean {
  return pathname === '/' || pageFor(pathname)?.requiresSignIn === true;
}
