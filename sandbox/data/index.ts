/**
 * The sandbox's data generator: what the rest of the sandbox (and its tests and scripts) may use from sandbox/data/.
 */
export type * from './types.ts';
export { DATASET_NAMES } from './types.ts';
export { COMPANY_ID, HOSTILE_IMG_NAME } from './company.ts';
export { boundaryLayout, MAX_BURST } from './schedule.ts';
export { addDialledCall, addIncomingCalls, generateData, type NewCallStatus } from './generate.ts';
export { OTHER_COMPANY_ID, VOICE_MAIL_SECONDS } from './voice-mails.ts';
