/**
 * The allowlist of writes the proxy forwards to Firmafon (docs/decisions/0012): each a method and a path shape, the
 * schema its JSON body must match (common/write-contract.ts), and the Rails-style form body Firmafon gets instead
 * (`resource[field]=value`, application/x-www-form-urlencoded). Anything not listed here never reaches Firmafon.
 */
import * as v from 'valibot';
import {
  DialRequestSchema,
  EmployeeUpdateSchema,
  MAX_WRITE_BODY_BYTES,
  VoiceMailUpdateSchema,
} from '../../common/write-contract.ts';
import { methodNotAllowed, ok, refuse, type Failure, type Result } from './http.ts';
import { declaresTooLarge, readCappedText, readJsonBody } from './read-body.ts';
import { checkJsonContentType } from './request-guards.ts';

export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

/** One allowed write: how its JSON body is checked and turned into form fields (`null`: it carries no body). */
export interface WriteRoute {
  method: WriteMethod;
  toForm: ((body: unknown) => Result<[string, string][]>) | null;
}

interface WritePath {
  /** Matched against the path after `/api/firmafon/`, which proxyTarget has already limited to `[A-Za-z0-9_-]` segments. */
  pattern: RegExp;
  methods: { [M in WriteMethod]?: WriteRoute & { method: M } };
}

const ID = '\\d{1,18}';

/**
 * The schema's first issue as a fixed sentence naming the contract's field, never a value or a key the request made up
 * (the RFC 6749 §5.2 shape of our errors).
 */
function parseBody<S extends v.GenericSchema & { entries: Record<string, unknown> }>(schema: S, body: unknown, what: string): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, body);
  if (parsed.success) return ok(parsed.output);
  const key = parsed.issues[0].path?.[0]?.key;
  const field = typeof key === 'string' && Object.hasOwn(schema.entries, key) ? key : null;
  const invalid = (description: string) => refuse({ status: 400, error: 'invalid_request', description });
  if (field) return invalid(`${field} is missing or not valid for ${what}.`);
  return invalid(key === undefined ? `The request body must be a JSON object as the contract for ${what} says.` : `The request body has a field the contract for ${what} does not know.`);
}

const formBoolean = (value: boolean) => (value ? 'true' : 'false');

/** The writes, in the order they are matched. */
export const WRITE_PATHS: readonly WritePath[] = [
  {
    pattern: /^switch\/dial$/,
    methods: {
      POST: {
        method: 'POST',
        toForm: (body) => {
          const parsed = parseBody(DialRequestSchema, body, 'a call');
          return parsed.ok ? ok([['to_number', parsed.value.to_number]]) : parsed;
        },
      },
    },
  },
  {
    pattern: new RegExp(`^voice_mails/${ID}$`),
    methods: {
      PUT: {
        method: 'PUT',
        toForm: (body) => {
          const parsed = parseBody(VoiceMailUpdateSchema, body, 'a voicemail');
          return parsed.ok ? ok([['voice_mail[heard]', formBoolean(parsed.value.heard)]]) : parsed;
        },
      },
      DELETE: { method: 'DELETE', toForm: null },
    },
  },
  {
    pattern: new RegExp(`^employees/${ID}$`),
    methods: {
      PUT: {
        method: 'PUT',
        toForm: (body) => {
          const parsed = parseBody(EmployeeUpdateSchema, body, 'do not disturb');
          if (!parsed.ok) return parsed;
          // Off is an explicit `false`: Rails reads a missing checkbox-style field as "unchanged", not "off".
          const fields: [string, string][] = [['employee[do_not_disturb]', formBoolean(parsed.value.do_not_disturb)]];
          const timeout = parsed.value.dnd_timeout_at;
          // An empty value clears the timeout in Rails; an absent key leaves it as it is.
          if (timeout !== undefined) fields.push(['employee[dnd_timeout_at]', timeout ?? '']);
          return ok(fields);
        },
      },
    },
  },
];

/** The methods every proxied path answers: reads pass through unchanged. */
const READ_METHODS = ['GET', 'HEAD'] as const;

/**
 * The allowed write for `method` on `path`, or 405 `method_not_allowed` whose `Allow` names the reads and whatever
 * writes that path has (RFC 9110 §15.5.6).
 */
export function matchWrite(method: string, path: string): Result<WriteRoute> {
  const writePath = WRITE_PATHS.find((candidate) => candidate.pattern.test(path));
  const route = Object.values(writePath?.methods ?? {}).find((candidate) => candidate.method === method);
  if (route) return ok(route);
  return refuse(methodNotAllowed([...READ_METHODS, ...Object.keys(writePath?.methods ?? {})]));
}

/**
 * `name=value&…` as a Rails form body: the bracketed names are our own constants and go as they are, as Rails
 * clients send them; values are percent-encoded (RFC 3986 unreserved characters left alone).
 */
export function encodeRailsForm(fields: readonly [string, string][]): string {
  return fields.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
}

/** 400 when a write that carries no body (DELETE) is sent one. */
const BODY_NOT_ALLOWED: Failure = {
  status: 400,
  error: 'invalid_request',
  description: 'This request takes no body.',
};

/** 400 for a write with a query string: Rails would merge its parameters into the form's. */
export const QUERY_NOT_ALLOWED: Failure = {
  status: 400,
  error: 'invalid_request',
  description: 'A write to Firmafon takes no query string.',
};

/**
 * Reads the write's body and gives the form Firmafon gets (`undefined` for a write without one): 415 unless
 * `application/json`, 413 over MAX_WRITE_BODY_BYTES (declared or streamed), 400 when it is not JSON or breaks the
 * route's contract, or when a bodiless write (DELETE) carries even one byte.
 */
export async function readWriteForm(req: Request, route: WriteRoute): Promise<Result<string | undefined>> {
  if (route.toForm === null) {
    if (declaresTooLarge(req.headers, 0)) return refuse(BODY_NOT_ALLOWED);
    const read = await readCappedText(req.body, 0);
    return read.ok ? ok(undefined) : refuse(BODY_NOT_ALLOWED);
  }
  const wrongType = checkJsonContentType(req.headers);
  if (wrongType) return refuse(wrongType);
  const body = await readJsonBody(req, MAX_WRITE_BODY_BYTES);
  if (!body.ok) return body;
  const fields = route.toForm(body.value);
  return fields.ok ? ok(encodeRailsForm(fields.value)) : fields;
}
