/**
 * The shapes of the sandbox's data: Firmafon's JSON (firmafon-api.md) for calls, employees, receptions and
 * contacts, and the sandbox's own index fields and options around them. Types only, plus the dataset names.
 */

export type DatasetName = 'default' | 'boundaries';
export const DATASET_NAMES = ['default', 'boundaries'] as const satisfies readonly DatasetName[];

export interface GenerateOptions {
  count: number;
  seed: number;
  dataset: DatasetName;
  hostileNames: boolean;
  now: Date;
}

export interface ContactJson {
  id: number;
  number: string;
  name: string;
  email: string | null;
}

export interface AnsweredByJson {
  id: number;
  name: string;
  number: string;
}

export interface CallNodeJson {
  node_uuid: string;
  call_uuid: string;
  endpoint: string;
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  state: string;
  node_type: 'phase' | 'employee_group' | 'employee' | 'attended_transfer' | 'voicemail';
}

export type CallStatus = 'ringing' | 'answered' | 'missed' | 'voicemail' | 'orphaned';

export interface CallJson {
  call_uuid: string;
  company_id: number;
  endpoint: string;
  endpoint_name: string;
  from_number: string | null;
  from_number_formatted: string | null;
  from_number_hidden: boolean;
  to_number: string;
  to_number_formatted: string;
  from_contact: ContactJson | null;
  to_contact: ContactJson | null;
  direction: 'incoming' | 'outgoing';
  started_at: string;
  answered_at: string | null;
  ended_at: string | null;
  answered_by: AnsweredByJson | null;
  status: CallStatus;
  talk_duration: number;
  nodes: CallNodeJson[];
}

export interface EmployeeJson {
  type: 'Employee';
  id: number;
  name: string;
  number: string;
  do_not_disturb: boolean;
  live_presence: string;
  endpoint: string;
  company_id: number;
  employee_group_ids: number[];
  /** Whether the employee has Firmafon's switch (needed for click-to-call). */
  has_switch: boolean;
  /** When do-not-disturb ends by itself (null: until turned off, or not on). */
  dnd_timeout_at: string | null;
}

/** `GET /employee_groups`: a group's `live_presence` is `available` when at least one member is. */
export interface EmployeeGroupJson {
  type: 'EmployeeGroup';
  id: number;
  name: string;
  live_presence: string;
  speed_dial: { digit: number } | null;
  employee_ids: number[];
  endpoint: string;
}

/**
 * A call in progress (`GET /call_nodes/live`), driven by the control API: it waits at a reception, rings
 * employees, is answered by one and ends (then it moves to the call history).
 */
export interface LiveCall {
  readonly callUuid: string;
  readonly companyId: number;
  readonly receptionId: number;
  readonly fromNumber: string;
  /** Unix seconds. */
  readonly startedAt: number;
  answeredAt: number | null;
  answeredBy: number | null;
  /** Employees its phone is ringing now (cleared once answered). */
  ringing: number[];
  /** Every node so far, in order: the reception's phase, then one per employee rung. */
  nodes: CallNodeJson[];
}

export interface ReceptionJson {
  id: number;
  name: string;
  phone_number: { number: string };
  endpoint: string;
}

/** A call plus the sandbox's own index fields (Unix seconds), which never reach the JSON. */
export interface StoredCall {
  readonly call: CallJson;
  readonly startedAt: number;
  readonly endedAt: number | null;
  /** Creation order; breaks ties between calls in the same second. */
  readonly seq: number;
}

/**
 * A voice mail as Firmafon answers it, except `sound`: its URL is absolute on the server's own origin, so the
 * API adds it per request.
 */
export interface VoiceMailJson {
  id: number;
  created_at: string;
  heard: boolean;
  /** Seconds. */
  duration: number;
  from_number: string | null;
  from_contact: ContactJson | null;
  endpoint: string;
  endpoint_name: string;
}

/** A voice mail plus the sandbox's own index fields, which never reach the JSON. */
export interface StoredVoiceMail {
  readonly voiceMail: VoiceMailJson;
  /** Another company's messages share the id sequence; nobody signed in to the sandbox can see them. */
  readonly companyId: number;
  /** `created_at` in Unix seconds. */
  readonly createdAt: number;
}

export interface SandboxData {
  companyId: number;
  employees: EmployeeJson[];
  receptions: ReceptionJson[];
  contacts: ContactJson[];
  /** Newest first (started_at desc, then seq desc). */
  calls: StoredCall[];
  /** Newest first (created_at desc, then id desc). PUT and DELETE change this list. */
  voiceMails: StoredVoiceMail[];
  employeeGroups: EmployeeGroupJson[];
  /** Calls in progress, oldest first (control API). */
  liveCalls: LiveCall[];
}
