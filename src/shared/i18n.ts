/**
 * The parts of the message catalogue (src/core/i18n) the sidebar shows: the shared messages, the
 * CRM's field messages and the sidebar's own. The sidebar may import only from src/shared (ESLint
 * enforces it), so this is its one door to the catalogue; the analytics and reminders texts stay
 * out of the page. Plain objects rather than `export * as`, which would bundle getter-based
 * namespace objects into the page.
 */
import * as commonTexts from '../core/i18n/common';
import * as crmTexts from '../core/i18n/crm';
import * as picturesTexts from '../core/i18n/pictures';
import * as sidebarTexts from '../core/i18n/sidebar';
import * as tasksTexts from '../core/i18n/tasks-sidebar';
import * as peopleTexts from '../core/i18n/people-sidebar';
import * as plansTexts from '../core/i18n/plans-sidebar';
import * as moneyTexts from '../core/i18n/money-sidebar';
import * as playbookTexts from '../core/i18n/playbooks-sidebar';

export { fill } from '../core/i18n/plural';

export const common = { ru: commonTexts.ru, en: commonTexts.en };
export const crm = { ru: crmTexts.ru, en: crmTexts.en };
export const sidebar = { ru: sidebarTexts.ru, en: sidebarTexts.en };
export const pictures = { ru: picturesTexts.ru, en: picturesTexts.en };
export const tasks = { ru: tasksTexts.ru, en: tasksTexts.en };
export const people = { ru: peopleTexts.ru, en: peopleTexts.en };
export const plans = { ru: plansTexts.ru, en: plansTexts.en };
export const money = { ru: moneyTexts.ru, en: moneyTexts.en };
export const playbooks = { ru: playbookTexts.ru, en: playbookTexts.en };
