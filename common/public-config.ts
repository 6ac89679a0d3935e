/**
 * Public configuration the SPA reads from `GET /api/config` at run time, so that one build serves every
 * deploy context. Holds nothing secret: the client id is public (RFC 6749 §2.2).
 */
import * as v from 'valibot';
import { StateMode } from './state-mode.ts';

export const PublicConfigSchema = v.object({
  /** The registered Firmafon application's client id. */
  clientId: v.pipe(v.string(), v.minLength(1)),
  /** `{FIRMAFON_URL}/api/v2/authorize`. */
  authorizeUrl: v.pipe(v.string(), v.url()),
  /** Send PKCE (S256) and pass the verifier through the token function. */
  pkce: v.boolean(),
  /** `required` (default): a callback must carry the matching `state`. `optional`: see SECURITY.md. */
  stateMode: v.picklist([StateMode.required, StateMode.optional]),
  /**
   * The redirect URI to use, when it is not this origin's own `/auth/callback` (a deploy preview signing in
   * through the production relay). `null` means: use `{location.origin}/auth/callback`.
   */
  redirectUri: v.nullable(v.pipe(v.string(), v.url())),
});
export type PublicConfig = v.InferOutput<typeof PublicConfigSchema>;
