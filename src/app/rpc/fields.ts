/**
 * Field problems as the sidebar's forms name them. The CRM use-cases name problems by record field
 * (schema key); a method's `fields` (src/shared/methods.ts) renames them to the form's inputs.
 */
import { isUserError, UserError } from '../../core/errors';
import { t, type MessageKey } from '../../core/i18n';
import type { Lang } from '../../core/types';

/** The error with its field problems renamed by `names` (record field -> form input). */
export function renamed(e: unknown, names: Readonly<Record<string, string>> | undefined): unknown {
  if (!names || !isUserError(e) || !e.fields.length) return e;
  const fields = e.fields.map((f) => ({ ...f, field: names[f.field] ?? f.field }));
  return new UserError(e.key, e.params, fields);
}

/** Empty required inputs, all reported at once, named as the form names them. */
export function requireFields(
  ctx: { lang: Lang },
  fields: Array<[field: string, value: string, label: MessageKey]>,
): void {
  const problems = fields
    .filter(([, value]) => !value.trim())
    .map(([field, , label]) => ({
      field,
      key: 'field.required' as const,
      params: { field: t(ctx.lang, label) },
    }));
  if (problems.length) throw new UserError(problems[0].key, problems[0].params, problems);
}
