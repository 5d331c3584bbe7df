// Owned by the reminders work (issue 5). Placeholders until it lands.
const todo = (what: string): never => {
  throw new Error(`${what}: not built yet`);
};
export const runScheduledJob = (_e: GoogleAppsScript.Events.TimeDriven): void => todo('job');
export const menuRemindersOn = (): void => todo('reminders on');
export const menuRemindersOff = (): void => todo('reminders off');
export const menuRunRemindersNow = (): void => todo('reminders now');
