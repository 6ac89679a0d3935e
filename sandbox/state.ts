/**
 * The sandbox's memory: generated data, settings, sessions, approvals, authorization codes, access tokens
 * and the request log (with the calls placed through `/switch/dial`). Codes and tokens are kept only as SHA-256 digests, so nothing here (or in the log)
 * can be replayed.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { generateData, type DatasetName, type SandboxData } from './data/index.ts';

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
}

export interface DataSettings {
  calls: number;
  seed: number;
  dataset: DatasetName;
  hostileNames: boolean;
}

export interface BehaviourSettings {
  dropState: boolean;
  requirePkce: boolean;
  /** Milliseconds every answer of the token endpoint and the REST API waits before it is handled (0: none). */
  latencyMs: number;
}

export type Settings = DataSettings & BehaviourSettings;

/** More added latency than any benchmark wants; a larger value is a typo. */
export const MAX_LATENCY_MS = 60_000;

/**
 * A failure the next `times` API requests for `path` meet before anything else (as from an overloaded gateway
 * in front of Firmafon): tests use it to see how the dashboard copes with 429 and 5xx answers.
 */
export interface ApiFault {
  /** The API path after /api/v2, exactly (e.g. `/calls/<uuid>`). */
  path: string;
  status: 429 | 500 | 502 | 503;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
  times: number;
}

export interface SandboxUser {
  email: string;
  password: string;
  employeeId: number;
}

/** The people who can sign in; their names come from the data (employees 1 and 2). */
export const SANDBOX_USERS: readonly SandboxUser[] = [
  { email: 'mette@firmafon.test', password: 'sandbox', employeeId: 1 },
  { email: 'lars@firmafon.test', password: 'sandbox', employeeId: 2 },
];
export const SANDBOX_PASSWORD = 'sandbox';

export type PkceMethod = 'S256' | 'plain';

export interface CodeRecord {
  clientId: string;
  redirectUri: string;
  employeeId: number;
  challenge: { value: string; method: PkceMethod } | null;
  expiresAt: number;
  /** Digest of the token issued for it, once redeemed (RFC 6749 §4.1.2: a replay revokes it). */
  redeemedTokenDigest: string | null;
}

export interface TokenRecord {
  clientId: string;
  employeeId: number;
  createdAt: number;
}

export interface SessionRecord {
  employeeId: number;
  /** Synchroniser token for the consent form. */
  csrfToken: string;
}

export interface AuthorizeLogEntry {
  at: string;
  clientId: string | null;
  redirectUri: string | null;
  statePresent: boolean;
  codeChallengeMethod: string | null;
}

export interface TokenLogEntry {
  at: string;
  clientId: string | null;
  redirectUri: string | null;
  codeVerifierPresent: boolean;
  pkceVerified: boolean | null;
  outcome: string;
}

export interface ApiLogEntry {
  at: string;
  path: string;
  authVia: 'header' | 'query' | 'none';
  status: number;
}

/** A click-to-call the sandbox accepted (`POST /switch/dial`): Firmafon would now ring the employee's phone. */
export interface DialLogEntry {
  at: string;
  employeeId: number;
  toNumber: string;
}

/** A do-not-disturb change the sandbox accepted (`PUT /employees/:id`). */
export interface DoNotDisturbLogEntry {
  at: string;
  employeeId: number;
  doNotDisturb: boolean;
  /** When it ends by itself, ISO (null: until turned off, or off). */
  timeoutAt: string | null;
}

export interface RequestLog {
  authorizeRequests: AuthorizeLogEntry[];
  tokenRequests: TokenLogEntry[];
  apiRequests: ApiLogEntry[];
  /** Oldest first. */
  dials: DialLogEntry[];
  /** Oldest first. */
  doNotDisturb: DoNotDisturbLogEntry[];
}

const emptyLog = (): RequestLog => ({ authorizeRequests: [], tokenRequests: [], apiRequests: [], dials: [], doNotDisturb: [] });

const MAX_LOG_ENTRIES = 2000;

/** 256 random bits, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function digest(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** Compares two secrets in constant time (digests first, so lengths do not leak either). */
export function secretsEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

export class SandboxState {
  readonly clients: readonly SandboxClient[];
  private readonly baseClock: () => number;
  /** How far the sandbox's "now" is from its clock's (control API `clock`; `reset` sets it back to 0). */
  private clockOffsetMs = 0;
  /** The sandbox's "now" in ms: the injected clock, moved by the control API's `clock` when a test set one. */
  readonly clock = (): number => this.baseClock() + this.clockOffsetMs;
  readonly now: Date;
  private readonly initial: Settings;
  settings: Settings;
  data: SandboxData;
  readonly codes = new Map<string, CodeRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  /** `${employeeId}:${clientId}` pairs the user has authorized. */
  readonly approvals = new Set<string>();
  log: RequestLog = emptyLog();
  faults: ApiFault[] = [];
  /** The push service (push.ts), for the control API to stop and start it. */
  pushControl: { enabled: boolean; setEnabled(enabled: boolean): void } | null = null;

  constructor(options: { clients: readonly SandboxClient[]; settings: Settings; now: Date; clock: () => number }) {
    this.clients = options.clients;
    this.baseClock = options.clock;
    this.now = options.now;
    this.initial = { ...options.settings };
    this.settings = { ...options.settings };
    this.data = this.generate();
  }

  private generate(): SandboxData {
    const { calls, seed, dataset, hostileNames } = this.settings;
    return generateData({ count: calls, seed, dataset, hostileNames, now: this.now });
  }

  /** Forgets everything and regenerates data; omitted settings fall back to the start options. */
  reset(overrides: Partial<Settings>): void {
    this.settings = { ...this.initial, ...overrides };
    this.codes.clear();
    this.tokens.clear();
    this.sessions.clear();
    this.approvals.clear();
    this.log = emptyLog();
    this.faults = [];
    this.clockOffsetMs = 0;
    this.data = this.generate();
  }

  /**
   * From now on the sandbox's clock reads `nowMs` and runs on from there (times of new calls, presence, codes), so
   * a browser test on a fake clock can keep the sandbox at its time. The generated history stays where it was.
   */
  setClock(nowMs: number): void {
    this.clockOffsetMs = nowMs - this.baseClock();
  }

  /** The fault an API request for `path` meets now, if any; each use counts down its `times`. */
  takeFault(path: string): ApiFault | undefined {
    const fault = this.faults.find((f) => f.path === path && f.times > 0);
    if (fault) fault.times -= 1;
    this.faults = this.faults.filter((f) => f.times > 0);
    return fault;
  }

  findClient(clientId: string): SandboxClient | undefined {
    return this.clients.find((c) => c.clientId === clientId);
  }

  nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  revokeAllTokens(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }

  issueToken(clientId: string, employeeId: number): { token: string; digest: string; createdAt: number } {
    const token = randomToken();
    const createdAt = Math.floor(this.clock() / 1000);
    const tokenDigest = digest(token);
    this.tokens.set(tokenDigest, { clientId, employeeId, createdAt });
    return { token, digest: tokenDigest, createdAt };
  }

  findToken(token: string): TokenRecord | undefined {
    return this.tokens.get(digest(token));
  }

  issueCode(record: Omit<CodeRecord, 'expiresAt' | 'redeemedTokenDigest'>): string {
    const code = randomToken();
    this.pruneCodes();
    this.codes.set(digest(code), { ...record, expiresAt: this.clock() + CODE_LIFETIME_MS, redeemedTokenDigest: null });
    return code;
  }

  findCode(code: string): { key: string; record: CodeRecord } | undefined {
    const key = digest(code);
    const record = this.codes.get(key);
    return record ? { key, record } : undefined;
  }

  private pruneCodes(): void {
    const now = this.clock();
    for (const [key, code] of this.codes) {
      if (code.expiresAt <= now) this.codes.delete(key);
    }
  }

  createSession(employeeId: number): string {
    const id = randomToken();
    this.sessions.set(id, { employeeId, csrfToken: randomToken() });
    return id;
  }

  logAuthorize(entry: Omit<AuthorizeLogEntry, 'at'>): void {
    push(this.log.authorizeRequests, { at: this.nowIso(), ...entry });
  }

  logToken(entry: Omit<TokenLogEntry, 'at'>): void {
    push(this.log.tokenRequests, { at: this.nowIso(), ...entry });
  }

  logApi(entry: Omit<ApiLogEntry, 'at'>): void {
    push(this.log.apiRequests, { at: this.nowIso(), ...entry });
  }

  recordDial(entry: Omit<DialLogEntry, 'at'>): void {
    push(this.log.dials, { at: this.nowIso(), ...entry });
  }

  recordDoNotDisturb(entry: Omit<DoNotDisturbLogEntry, 'at'>): void {
    push(this.log.doNotDisturb, { at: this.nowIso(), ...entry });
  }
}

/** Doorkeeper's default: authorization codes live 10 minutes. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

function push<T>(list: T[], entry: T): void {
  list.push(entry);
  if (list.length > MAX_LOG_ENTRIES) list.splice(0, list.length - MAX_LOG_ENTRIES);
}
