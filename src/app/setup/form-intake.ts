/**
 * One form-submit trigger per workbook, whoever runs Setup. Apps Script lets every editor install
 * their own, and each would turn the same response into a lead: so the trigger's owner and uid
 * live in document properties (shared by all editors), Setup run by another editor reports who
 * owns the intake and installs nothing, and a trigger that fires without being the recorded one
 * removes itself. Each response is processed once: its key (sheet, row, timestamp) is recorded
 * under the document lock, so a doubled trigger or a retried execution finds it done.
 */
import { documentStore, type PropertyStore } from '../../gas/properties';
import {
  createFormSubmitTrigger,
  formSubmitTriggers,
  removeTriggerByUid,
} from '../../gas/triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const INTAKE_OWNER_KEY = 'ropdesk.formIntake.owner';
export const INTAKE_TRIGGER_KEY = 'ropdesk.formIntake.triggerUid';
export const INTAKE_DONE_KEY = 'ropdesk.formIntake.processed';
/** Responses remembered: a retry or a doubled event comes within minutes, not 100 responses later;
 * the list stays far below the 9 KB a property value may hold. */
const DONE_KEEP = 100;

export type IntakeSetup =
  | { kind: 'created' | 'kept'; owner: string; removed: number }
  | { kind: 'other'; owner: string; removed: number };

/** Setup's part (under the document lock): install the intake for `me` unless someone owns it. */
export function ensureFormIntake(ss: Spreadsheet, me: string): IntakeSetup {
  const props = documentStore();
  const owner = (props.get(INTAKE_OWNER_KEY) ?? '').trim().toLowerCase();
  const recorded = props.get(INTAKE_TRIGGER_KEY) ?? '';
  const mine = formSubmitTriggers(ss);
  if (owner && owner !== me) {
    // Another editor's trigger makes the leads; any of ours would make each one twice.
    mine.forEach(removeTriggerByUid);
    return { kind: 'other', owner, removed: mine.length };
  }
  let keep = mine.includes(recorded) ? recorded : (mine[0] ?? '');
  const extra = mine.filter((u) => u !== keep);
  extra.forEach(removeTriggerByUid);
  const created = !keep;
  if (created) keep = createFormSubmitTrigger(ss);
  props.set(INTAKE_OWNER_KEY, me);
  props.set(INTAKE_TRIGGER_KEY, keep);
  return { kind: created ? 'created' : 'kept', owner: me, removed: extra.length };
}

/**
 * At run time (under the document lock): false when the firing trigger is not the workbook's
 * intake trigger, which then removes itself. A workbook set up before the owner was recorded
 * adopts the first trigger that fires.
 */
export function isIntakeTrigger(uid: string, me: string): boolean {
  if (!uid) return true;
  const props = documentStore();
  const recorded = props.get(INTAKE_TRIGGER_KEY) ?? '';
  if (!recorded) {
    props.set(INTAKE_TRIGGER_KEY, uid);
    props.set(INTAKE_OWNER_KEY, me);
    return true;
  }
  if (recorded === uid) return true;
  removeTriggerByUid(uid);
  return false;
}

/** The recorded intake trigger's uid ('' when none). */
export function intakeTriggerUid(): string {
  return documentStore().get(INTAKE_TRIGGER_KEY) ?? '';
}

/** The processed-responses record (call under the document lock). */
export class ProcessedResponses {
  private readonly props: PropertyStore = documentStore();
  private readonly keys: string[];

  constructor() {
    try {
      const parsed: unknown = JSON.parse(this.props.get(INTAKE_DONE_KEY) ?? '[]');
      this.keys = Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      this.keys = [];
    }
  }

  has(key: string): boolean {
    return this.keys.includes(key);
  }

  add(key: string): void {
    this.keys.push(key);
    this.props.set(INTAKE_DONE_KEY, JSON.stringify(this.keys.slice(-DONE_KEEP)));
  }
}

/** A response's identity: its sheet, row and timestamp ('' when the event has no row). */
export function responseKey(sheetName: string, row: number, timestamp: string): string {
  return row ? `${sheetName}!${row}|${timestamp}` : '';
}
