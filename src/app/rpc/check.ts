/**
 * The check of every request before any handler sees it: the method's schema (src/shared/methods.ts)
 * parses the untrusted payload, and what it refuses becomes a `UserError` whose field problems name
 * the request field ("lead.phone", "stages.2.kind") with a message key, so the page hears what is
 * wrong in the user's language.
 */
import * as v from '../../shared/valibot';
import { UserError, type FieldProblem } from '../../core/errors';
import { t, type MessageKey, type MessageParams } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { METHODS, type Method, type Request } from '../../shared/methods';
import { RECORD_ID } from '../../shared/request-fields';

export function parseRequest<K extends Method>(
  method: K,
  payload: unknown,
  lang: Lang,
): Request<K> {
  const result = v.safeParse(METHODS[method].request, payload);
  if (result.success) return result.output as Request<K>;
  throw requestError(result.issues, lang);
}

/** All the problems at once; the message names the first, already in the user's language. */
export function requestError(issues: readonly v.BaseIssue<unknown>[], lang: Lang): UserError {
  const fields = issues.map(problemOf);
  const first = fields[0];
  const problem = t(lang, first.key, first.params);
  return first.field
    ? new UserError('rpc.badField', { field: first.field, problem }, fields)
    : new UserError('rpc.badPayload', { problem }, fields);
}

function problemOf(issue: v.BaseIssue<unknown>): FieldProblem {
  const [key, params] = describe(issue);
  return { field: v.getDotPath(issue) ?? '', key, params };
}

function describe(issue: v.BaseIssue<unknown>): [MessageKey, MessageParams] {
  switch (issue.type) {
    case 'object':
      // An object schema reports a missing required key as its own issue, with the key's path.
      return issue.path?.length && issue.input === undefined
        ? ['rpc.v.required', {}]
        : ['rpc.v.object', {}];
    case 'custom':
      // The only custom check: an object that is not a list (src/shared/request-fields.ts).
      return ['rpc.v.object', {}];
    case 'string':
      return ['rpc.v.text', {}];
    case 'boolean':
      return ['rpc.v.flag', {}];
    case 'number':
    case 'finite':
      return ['rpc.v.number', {}];
    case 'array':
      return ['rpc.v.list', {}];
    case 'picklist':
      // expected reads '("call" | "meeting")': the values, as the schema lists them.
      return [
        'rpc.v.oneOf',
        { values: issue.expected?.replace(/[()"]/g, '').split(' | ').join(', ') ?? '' },
      ];
    case 'max_length':
      return [
        Array.isArray(issue.input) ? 'rpc.v.tooMany' : 'rpc.v.tooLong',
        { max: Number(issue.requirement) },
      ];
    case 'regex':
      return issue.requirement === RECORD_ID ? ['rpc.v.recordId', {}] : ['rpc.v.invalid', {}];
    default:
      return ['rpc.v.invalid', {}];
  }
}
