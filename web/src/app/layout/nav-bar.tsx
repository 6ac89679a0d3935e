/**
 * The main navigation: one link per page in pages.ts that has a navigation label, the current one marked
 * (`aria-current="page"`, also on the page's sub-pages such as a call's details), and the page's badge beside
 * it when it has one (loaded lazily, after the bar itself: the bar never waits for it). Plain links, so Tab and
 * Enter work and the middle button opens a new tab; at narrow widths the row scrolls sideways instead of wrapping.
 */
import { lazy, Suspense, type ComponentType } from 'react';
import { NavLink } from 'react-router-dom';
import { useMessages } from '@/lib/i18n.tsx';
import { appMessages } from '../messages.ts';
import { PAGES } from '../pages.ts';

/** A badge whose code fails to load is left out; the link works without it. */
const noBadge: { default: ComponentType } = { default: () => null };

const NAV_PAGES = PAGES.flatMap(({ path, navLabel, navBadge }) =>
  navLabel ? [{ path, label: navLabel, Badge: navBadge ? lazy(() => navBadge().catch(() => noBadge)) : null }] : [],
);

export function NavBar() {
  const t = useMessages(appMessages);
  return (
    <nav className="app-nav" aria-label={t.mainNavigation}>
      <ul className="app-nav__list">
        {NAV_PAGES.map(({ path, label, Badge }) => (
          <li key={path} className="app-nav__item">
            <NavLink className="app-nav__link" to={path}>
              {t.nav[label]}
            </NavLink>
            {Badge ? (
              <Suspense fallback={null}>
                <Badge />
              </Suspense>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
