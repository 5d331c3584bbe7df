// Owned by the CRM work (issue 3). Placeholders until it lands.
const todo = (what: string): never => {
  throw new Error(`${what}: not built yet`);
};
export const onEdit = (_e: GoogleAppsScript.Events.SheetsOnEdit): void => todo('onEdit');
export const onFormSubmit = (_e: GoogleAppsScript.Events.SheetsOnFormSubmit): void =>
  todo('onFormSubmit');
export const menuSetupWorkbook = (): void => todo('setup');
export const menuSetupDemo = (): void => todo('setup demo');
export const INN_CHECK = (_inn: unknown): unknown => todo('INN_CHECK');
export const PHONE_RU = (_phone: unknown): unknown => todo('PHONE_RU');
