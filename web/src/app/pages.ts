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
import { matchPath } from 'react-router-dom';

export interface PageModule {
  default: ComponentType;
  prefetch?: (queryClient: QueryClient, url: URL) => void;
}

export type NavLabel = 'calls' | 'voicemail' | 'team' | 'statistics';

export interface Page {
  path: string;
  load: () => Promise<PageModule>;
  /** The page's entry in the navigation bar; pages reached only by links have none. */
  navLabel?: NavLabel;
  /** A small live figure shown beside the label (e.g. unheard voicemails), loaded lazily once signed in. */
  navBadge?: () => Promise<{ default: ComponentType }>;
  requiresSignIn: boolean;
  /**
   * Shown without the header (brand, tools, navigation) once signed in: a screen for the office wall, not for
   * working in. The page must offer its own way back if it wants one.
   */
  fullScreen?: true;
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
  { path: '/team', load: () => import('@/features/team/pages/team-page.tsx'), navLabel: 'team', requiresSignIn: true },
  { path: '/wallboard', load: () => import('@/features/team/pages/wallboard-page.tsx'), requiresSignIn: true, fullScreen: true },
  { path: '/statistics', load: () => import('@/features/statistics/pages/statistics-page.tsx'), navLabel: 'statistics', requiresSignIn: true },
];

/** The page that serves `pathname`, if any. */
export function pageFor(pathname: string): Page | undefined {
  return PAGES.find((page) => matchPath(page.path, pathname) !== null);
}
