/**
 * Whether a callback must carry the `state` of a sign-in this tab started (`required`, the default) or may lack it
 * for a provider that drops it (`optional`, which requires PKCE; SECURITY.md). Its own module so the functions can
 * name it without the public config's schema.
 */
export const StateMode = { required: 'required', optional: 'optional' } as const;
export type StateMode = (typeof StateMode)[keyof typeof StateMode];
