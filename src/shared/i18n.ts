/**
 * The parts of the message catalogue (src/core/i18n) the sidebar shows: the shared messages, the
 * CRM's field messages and the sidebar's own. The sidebar may import only from src/shared (ESLint
 * enforces it), so this is its one door to the catalogue; the analytics and reminders texts stay
 * out of the page. Plain objects rather than `export * as`, which would bundle getter-based
 * namespace objects into the page.
 */
import * as commonTexts from '../core/i18n/common';
import * as crmTexts from '../core/i18n/crm';
import * as sidebarTexts from '../core/i18n/sidebar';
import * as tasksTexts from '../core/i18n/tasks-sidebar';
import * as playbookTexts from '../core/i18n/playbooks-sidebar';

export { fill } from '../core/i18n/plural';

export const common = { ru: commonTexts.ru, en: commonTexts.en };
export const crm = { ru: crmTexts.ru, en: crmTexts.en };
export const sidebar = { ru: sidebarTexts.ru, en: sidebarTexts.en };
export const tasks = { ru: tasksTexts.ru, en: tasksTexts.en };
export const playbooks = { ru: playbookTexts.ru, en: playbookTexts.en };
