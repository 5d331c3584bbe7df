/**
 * Where the reminders job keeps what it remembers between runs: the document's properties (shared
 * by the file's editors, never by other customers as script properties would be). An add-on's
 * time-driven run may get no document store; then the user's store, namespaced by the spreadsheet
 * id, stands in. Also the trigger -> spreadsheet map an add-on's trigger run needs.
 */
type Properties = GoogleAppsScript.Properties.Properties;

export const TRIGGER_PREFIX = 'ropdesk.trigger.';

export interface JobStore {
  /** True when this is the document's store, which every editor's run shares. */
  readonly shared: boolean;
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /** Every key that starts with `prefix`, without the prefix. */
  keysWith(prefix: string): string[];
}

/** The document's store, or the user's store namespaced by the file when there is none. */
export function jobStore(ssId: string): JobStore {
  const doc = PropertiesService.getDocumentProperties();
  const props: Properties = doc ?? PropertiesService.getUserProperties();
  const ns = doc ? '' : `ropdesk.doc.${ssId}.`;
  return {
    shared: Boolean(doc),
    get: (key) => props.getProperty(ns + key),
    set: (key, value) => {
      props.setProperty(ns + key, value);
    },
    remove: (key) => {
      props.deleteProperty(ns + key);
    },
    keysWith: (prefix) => {
      const p = ns + prefix;
      return Object.keys(props.getProperties())
        .filter((k) => k.startsWith(p))
        .map((k) => k.slice(p.length));
    },
  };
}

/** The spreadsheet a trigger works on, for runs that have no active spreadsheet (add-on). */
export function storeTriggerTarget(uid: string, ssId: string): void {
  PropertiesService.getUserProperties().setProperty(TRIGGER_PREFIX + uid, ssId);
}

export function triggerTarget(uid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(TRIGGER_PREFIX + uid);
}

export function forgetTriggerTarget(uid: string): void {
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_PREFIX + uid);
}
