/** The words only the callback page needs (loaded with it, not with the sign-in page), in English and Danish. */
import { defineMessages } from '@/lib/i18n.tsx';

export const callbackMessages = defineMessages({
  en: {
    signingIn: 'Signing you in…',
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
  },
  da: {
    signingIn: 'Logger dig ind…',
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
  },
});

export type CallbackMessages = (typeof callbackMessages)['en'];
