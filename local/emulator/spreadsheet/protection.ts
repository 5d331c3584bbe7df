/** Sheet and range protections, recorded (editors, description, warning-only). */
import { Svc, instrument, type Runtime } from '../runtime';
import { inOwnerDomain } from '../identity';
import type { RangeRef } from './refs';

export interface ProtectionSpec {
  type: 'SHEET' | 'RANGE';
  range: RangeRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export class Protection extends Svc {
  constructor(
    rt: Runtime,
    readonly _spec: ProtectionSpec,
    private readonly _remove: (p: ProtectionSpec) => void,
    private readonly _resolve: (r: RangeRef) => unknown,
  ) {
    super(rt);
  }
  getProtectionType(): string {
    return this._spec.type;
  }
  getRange(): unknown {
    return this._resolve(this._spec.range);
  }
  getDescription(): string {
    return this._spec.description;
  }
  setDescription(d: string): this {
    this._spec.description = String(d);
    return this;
  }
  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this._spec.warningOnly = Boolean(w);
    return this;
  }
  addEditor(email: string | { getEmail(): string }): this {
    const e = typeof email === 'string' ? email : email.getEmail();
    if (!this._spec.editors.includes(e)) this._spec.editors.push(e);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const e of emails) if (!this._spec.editors.includes(e)) this._spec.editors.push(e);
    return this;
  }
  removeEditor(email: string | { getEmail(): string }): this {
    const e = typeof email === 'string' ? email : email.getEmail();
    this._spec.editors = this._spec.editors.filter((x) => x !== e);
    return this;
  }
  removeEditors(emails: Array<string | { getEmail(): string }>): this {
    const drop = emails.map((e) => (typeof e === 'string' ? e : e.getEmail()));
    this._spec.editors = this._spec.editors.filter((x) => !drop.includes(x));
    return this;
  }
  getEditors(): Array<{ getEmail(): string }> {
    return this._rt.realm.list(this._spec.editors.map((e) => ({ getEmail: () => e })));
  }
  setDomainEdit(b: boolean): this {
    this._spec.domainEdit = Boolean(b);
    return this;
  }
  canDomainEdit(): boolean {
    return this._spec.domainEdit;
  }
  /**
   * Whether the user running the script may edit what this protects: the owner, a listed editor,
   * anyone in the owner's domain when domain editing is on, everyone when it only warns
   * (https://developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()). Test
   * code outside executions is the owner.
   */
  canEdit(): boolean {
    const ex = this._rt.exec;
    if (!ex || this._spec.warningOnly) return true;
    const id = this._rt.identity;
    const user = ex.effectiveUser;
    if (user !== '' && user === id.owner) return true;
    if (this._spec.editors.includes(user)) return true;
    return this._spec.domainEdit && inOwnerDomain(id, user);
  }
  remove(): void {
    this._remove(this._spec);
  }
}
instrument(Protection, 'Protection');
