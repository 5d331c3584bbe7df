/**
 * The CRM use-cases name field problems by record field (schema key); the sidebar's forms name
 * their inputs after the contract. This renames the one to the other on the way out.
 */
import { isUserError, UserError } from '../../core/errors';
import { t, type MessageKey } from '../../core/i18n';
import type { Lang } from '../../core/types';

export function renameFields<T>(op: () => T, names: Record<string, string>): T {
  try {
    return op();
  } catch (e) {
    if (!isUserError(e) || !e.fields.length) throw e;
    const fields = e.fields.map((f) => ({ ...f, field: names[f.field] ?? f.field }));
    throw new UserError(e.key, e.params, fields);
  }
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
