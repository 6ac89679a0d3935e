/**
 * Public configuration the SPA reads from `GET /api/config` at run time, so that one build serves every
 * deploy context. Holds nothing secret: the client id is public (RFC 6749 §2.2). Checked by hand (common/shape.ts)
 * because the first script reads it before a resume bounce.
 */
import { booleanField, fieldsOf, oneOf, stringField } from './shape.ts';
import { StateMode } from './state-mode.ts';

export interface PublicConfig {
  /** The registered Firmafon application's client id. */
  clientId: string;
  /** `{FIRMAFON_URL}/api/v2/authorize`. */
  authorizeUrl: string;
  /** Send PKCE (S256) and pass the verifier through the token function. */
  pkce: boolean;
  /** `required` (default): a callback must carry the matching `state`. `optional`: see SECURITY.md. */
  stateMode: StateMode;
  /**
   * The redirect URI to use, when it is not this origin's own `/auth/callback` (a deploy preview signing in
   * through the production relay). `null` means: use `{location.origin}/auth/callback`.
   */
  redirectUri: string | null;
  /** Firmafon's push service (`FIRMAFON_PUBSUB_URL`), which the page's Content-Security-Policy names. */
  pushUrl: string;
}

/** The config from its JSON; throws a ShapeError naming the first field that is wrong. Unknown fields are dropped. */
export function parsePublicConfig(value: unknown): PublicConfig {
  const fields = fieldsOf(value, 'config');
  return {
    clientId: stringField(fields, 'clientId', { nonEmpty: true }),
    authorizeUrl: stringField(fields, 'authorizeUrl', { url: true }),
    pkce: booleanField(fields, 'pkce'),
    stateMode: oneOf(fields, 'stateMode', [StateMode.required, StateMode.optional]),
    redirectUri: fields.redirectUri === null ? null : stringField(fields, 'redirectUri', { url: true }),
    pushUrl: stringField(fields, 'pushUrl', { url: true }),
  };
}
