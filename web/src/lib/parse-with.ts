/**
 * A valibot schema as fetchJson's `parse`: the output on success; otherwise an Error that says where and why the
 * first issue failed, e.g. `calls.3.started_at: Invalid timestamp`.
 */
import * as v from 'valibot';
import type { Parse } from './fetch-json.ts';

export function parseWith<TSchema extends v.GenericSchema>(schema: TSchema): Parse<v.InferOutput<TSchema>> {
  return (body) => {
    const parsed = v.safeParse(schema, body);
    if (parsed.success) return parsed.output;
    const issue = parsed.issues[0];
    const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
    throw new Error(`${path ? `${path}: ` : ''}${issue.message}`);
  };
}
