/**
 * In the demo, each call on a deal names the next contact, as a manager logging it in the sidebar
 * would: the day of the deal's following call. Without it the demo's history would carry a next
 * step only on each deal's latest call, and the week-by-week forgotten trend on Today (core
 * analytics/forgotten-weeks.ts) would read every earlier gap between calls as a forgotten deal.
 * No draw from the generator's random stream, so everything else in the demo stays as it was.
 */
import { dayOfInstant, type Zone } from '../time';
import type { Activity } from '../types';

export function planEachContact(acts: Activity[], steps: readonly string[], zone: Zone): void {
  for (let k = 0; k + 1 < acts.length; k++) {
    acts[k].nextStep = steps[k % steps.length];
    acts[k].nextStepDate = dayOfInstant(acts[k + 1].at as number, zone);
  }
}
