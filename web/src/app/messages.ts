/** The app shell's words (header, not-found, unexpected errors), in English and Danish. */
import { defineMessages } from '@/lib/i18n.tsx';
import type { NavLabel } from './pages.ts';

export const appMessages = defineMessages({
  en: {
    productName: 'Firmafon Dashboard',
    skipToContent: 'Skip to content',
    language: 'Language',
    mainNavigation: 'Main',
    nav: { calls: 'Calls', voicemail: 'Voicemail', team: 'Team', statistics: 'Statistics' } satisfies Record<NavLabel, string>,
    loadingPage: 'Loading…',
    notFoundHeading: 'Page not found',
    notFoundBody: 'There is no page at this address.',
    notFoundLink: 'Go to the dashboard',
    errorHeading: 'Something went wrong',
    errorBody: 'The dashboard ran into an unexpected problem. Reloading the page usually helps.',
    reload: 'Reload the page',
  },
  da: {
    productName: 'Firmafon Dashboard',
    skipToContent: 'Gå til indhold',
    language: 'Sprog',
    mainNavigation: 'Hovedmenu',
    nav: { calls: 'Opkald', voicemail: 'Telefonsvarer', team: 'Team', statistics: 'Statistik' },
    loadingPage: 'Indlæser…',
    notFoundHeading: 'Siden findes ikke',
    notFoundBody: 'Der er ingen side på denne adresse.',
    notFoundLink: 'Gå til dashboardet',
    errorHeading: 'Noget gik galt',
    errorBody: 'Dashboardet stødte på et uventet problem. Det hjælper som regel at genindlæse siden.',
    reload: 'Genindlæs siden',
  },
});
