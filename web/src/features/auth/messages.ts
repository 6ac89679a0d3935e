/** The auth feature's words on every page (sign-in, header), in English and Danish; the callback's own are in callback-messages.ts. */
import { defineMessages } from '@/lib/i18n.tsx';

export const authMessages = defineMessages({
  en: {
    signInHeading: 'Sign in',
    signInIntro:
      'See your company’s calls from Firmafon in one place. You sign in on Firmafon’s own site; the dashboard never sees your password.',
    signInButton: 'Sign in with Firmafon',
    redirecting: 'Taking you to Firmafon…',
    signedOut: 'You have signed out.',
    sessionEnded: 'Your Firmafon session has ended (the access was revoked or expired). Sign in again to continue.',
    resuming: 'Signing you in again…',
    notConnectedTitle: 'This dashboard isn’t connected to Firmafon yet',
    notConnectedBody: 'For the site owner: set FIRMAFON_CLIENT_ID and FIRMAFON_CLIENT_SECRET (see the README) and deploy again.',
    configFailed: 'The sign-in settings could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
  },
  da: {
    signInHeading: 'Log ind',
    signInIntro:
      'Se din virksomheds opkald fra Firmafon samlet ét sted. Du logger ind på Firmafons egen side; dashboardet ser aldrig din adgangskode.',
    signInButton: 'Log ind med Firmafon',
    redirecting: 'Sender dig videre til Firmafon…',
    signedOut: 'Du er logget ud.',
    sessionEnded: 'Din Firmafon-session er udløbet (adgangen blev tilbagekaldt eller udløb). Log ind igen for at fortsætte.',
    resuming: 'Logger dig ind igen…',
    notConnectedTitle: 'Dashboardet er endnu ikke forbundet til Firmafon',
    notConnectedBody: 'Til ejeren af siden: angiv FIRMAFON_CLIENT_ID og FIRMAFON_CLIENT_SECRET (se README), og udgiv den igen.',
    configFailed: 'Indstillingerne for login kunne ikke hentes. Tjek din forbindelse, og prøv igen.',
    retry: 'Prøv igen',
    signOut: 'Log ud',
    signedInAs: 'Logget ind som',
  },
});
