/** The auth feature's words, in English and Danish. */
import { defineMessages } from '../../lib/i18n.tsx';

export const authMessages = defineMessages({
  en: {
    signInHeading: 'Sign in',
    signInIntro:
      'See your company’s calls from Firmafon in one place. You sign in on Firmafon’s own site; the dashboard never sees your password.',
    signInButton: 'Sign in with Firmafon',
    redirecting: 'Taking you to Firmafon…',
    loadingConfig: 'Getting ready…',
    signedOut: 'You have signed out.',
    sessionEnded: 'Your Firmafon session has ended (the access was revoked or expired). Sign in again to continue.',
    resuming: 'Signing you in again…',
    signingIn: 'Signing you in…',
    notConnectedTitle: 'This dashboard isn’t connected to Firmafon yet',
    notConnectedBody:
      'For the site owner: set FIRMAFON_CLIENT_ID and FIRMAFON_CLIENT_SECRET for this site (see the README), then deploy again.',
    configFailed: 'The sign-in settings could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    tryAgain: 'Try again',
    accessDenied: 'You didn’t give the dashboard access to Firmafon.',
    providerError: 'Firmafon could not complete the sign-in.',
    notStartedHere: 'This sign-in link wasn’t started here, so it was ignored for your safety.',
    missingCode: 'Firmafon came back without a sign-in code.',
    invalidGrant: 'That sign-in link has expired or was already used. Please sign in again.',
    misconfigured: 'The dashboard isn’t set up correctly, so signing in is not possible right now. Please tell the site owner.',
    upstreamUnavailable: 'Firmafon isn’t answering right now. Please try again in a moment.',
    rateLimited: 'Too many sign-in attempts. Please wait a minute and try again.',
    offline: 'You appear to be offline. Check your connection and try again.',
    unknownTokenError: 'Signing in did not work. Please try again.',
    signInFailedHeading: 'Sign-in did not work',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
  },
  da: {
    signInHeading: 'Log ind',
    signInIntro:
      'Se din virksomheds opkald fra Firmafon samlet ét sted. Du logger ind på Firmafons egen side; dashboardet ser aldrig din adgangskode.',
    signInButton: 'Log ind med Firmafon',
    redirecting: 'Sender dig videre til Firmafon…',
    loadingConfig: 'Gør klar…',
    signedOut: 'Du er logget ud.',
    sessionEnded: 'Din Firmafon-session er udløbet (adgangen blev tilbagekaldt eller udløb). Log ind igen for at fortsætte.',
    resuming: 'Logger dig ind igen…',
    signingIn: 'Logger dig ind…',
    notConnectedTitle: 'Dashboardet er endnu ikke forbundet til Firmafon',
    notConnectedBody:
      'Til ejeren af siden: angiv FIRMAFON_CLIENT_ID og FIRMAFON_CLIENT_SECRET for siden (se README), og udgiv den igen.',
    configFailed: 'Indstillingerne for login kunne ikke hentes. Tjek din forbindelse, og prøv igen.',
    retry: 'Prøv igen',
    tryAgain: 'Prøv igen',
    accessDenied: 'Du gav ikke dashboardet adgang til Firmafon.',
    providerError: 'Firmafon kunne ikke gennemføre login.',
    notStartedHere: 'Dette login blev ikke startet her, så det blev afvist af hensyn til din sikkerhed.',
    missingCode: 'Firmafon sendte dig tilbage uden en login-kode.',
    invalidGrant: 'Login-linket er udløbet eller allerede brugt. Log venligst ind igen.',
    misconfigured: 'Dashboardet er ikke sat korrekt op, så du kan ikke logge ind lige nu. Giv venligst ejeren af siden besked.',
    upstreamUnavailable: 'Firmafon svarer ikke lige nu. Prøv igen om lidt.',
    rateLimited: 'For mange loginforsøg. Vent et minut, og prøv igen.',
    offline: 'Det ser ud til, at du er offline. Tjek din forbindelse, og prøv igen.',
    unknownTokenError: 'Login lykkedes ikke. Prøv venligst igen.',
    signInFailedHeading: 'Login lykkedes ikke',
    signOut: 'Log ud',
    signedInAs: 'Logget ind som',
  },
});

export type AuthMessages = (typeof authMessages)['en'];
