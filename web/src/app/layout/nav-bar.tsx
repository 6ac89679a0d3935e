/**
 * The main navigation: one link per page in pages.ts that has a navigation label, the current one marked
 * (`aria-current="page"`, also on the page's sub-pages such as a call's details). Plain links, so Tab and Enter
 * work and the middle button opens a new tab; at narrow widths the row scrolls sideways instead of wrapping.
 */
import { NavLink } from 'react-router-dom';
import { useMessages } from '@/lib/i18n.tsx';
import { appMessages } from '../messages.ts';
import { PAGES } from '../pages.ts';

const NAV_PAGES = PAGES.flatMap((page) => (page.navLabel ? [{ path: page.path, label: page.navLabel }] : []));

export function NavBar() {
  const t = useMessages(appMessages);
  return (
    <nav className="app-nav" aria-label={t.mainNavigation}>
      <ul className="app-nav__list">
        {NAV_PAGES.map((page) => (
          <li key={page.path}>
            <NavLink className="app-nav__link" to={page.path}>
              {t.nav[page.label]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
