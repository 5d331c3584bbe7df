/**
 * Errors meant for people. They carry a message key and parameters, not text, so the shell can
 * say them in the user's language; anything else that escapes is a bug and is logged as such.
 */
import type { MessageKey, MessageParams } from './i18n';

export class UserError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  /** Field-level problems (form validation), each already a key + params. */
  readonly fields: FieldProblem[];

  constructor(key: MessageKey, params: MessageParams = {}, fields: FieldProblem[] = []) {
    super(key);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
    this.fields = fields;
  }
}

export interface FieldProblem {
  /** The record field key (schema column key). */
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
