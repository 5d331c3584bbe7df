/**
 * A small sales team in the emulated workbook, built the way people would build it: setup from
 * the menu, the Managers sheet filled in by hand, leads entered through the sidebar's own RPC at
 * earlier dates (so that by "today" some deals are forgotten and some next steps overdue), and one
 * web-form lead nobody has answered yet. Shared by the RPC integration tests and the browser tests.
 */
import { loadProject, type Project } from '../../../local/harness';
import { createEmulator } from '../../../local/emulator';
import { ROLES } from '../../../src/core/workbook/enums';
import {
  CLIENTS,
  DEALS,
  INVOICES,
  MANAGERS,
  type SheetDef,
} from '../../../src/core/workbook/schema';
import { mapHeaders } from '../../../src/core/workbook/headers';
import type {
  AddLeadRequest,
  DealItem,
  LeadForm,
  Method,
  Request,
  Response,
  RpcReply,
  TodayView,
} from '../../../src/shared/contract';

export const HEAD = 'head@example.com';
export const DIRECTOR = 'director@example.com';
export const IVAN = 'ivan@example.com';
export const MARIA = 'maria@example.com';
export const STRANGER = 'stranger@example.com';
export const XSS = '<img src=x onerror=alert(1)>';
export const XSS_NOTE = '"><script>window.__xss=1</script><b onmouseover=alert(2)>x</b>';

/** "Today" of every test: Friday 27 November 2026, 09:00 Moscow. */
export const NOW = Date.parse('2026-11-27T09:00:00+03:00');
const EARLIER = Date.parse('2026-11-10T11:00:00+03:00');

export function rpc<K extends Method>(
  project: Project,
  user: string,
  method: K,
  payload: Request<K>,
): RpcReply<Response<K>> {
  return project.rpc('rpc', [method, payload], { user }) as RpcReply<Response<K>>;
}

/** The data of a successful reply, or a failed test naming the error. */
export function ok<T>(reply: RpcReply<T>): T {
  if (!reply.ok) throw new Error(`rpc failed: ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

export function lead(over: Partial<LeadForm> = {}): LeadForm {
  return {
    clientName: 'ООО «Ромашка»',
    inn: '7707083893',
    contactName: 'Пётр Иванов',
    phone: '8 (916) 123-45-67',
    email: 'petr@romashka.ru',
    source: 'Сайт',
    need: 'Оборудование для склада',
    dealTitle: 'Стеллажи для склада',
    amount: '1 250 000',
    activityType: 'call',
    summary: 'Обсудили объём и сроки',
    nextStep: 'Отправить КП',
    nextStepDate: '2026-11-12',
    ...over,
  };
}

/** A row typed into a sheet by hand, by column key (columns found by their headers). */
function appendByHand(
  project: Project,
  def: SheetDef,
  lang: 'ru' | 'en',
  record: Record<string, unknown>,
): void {
  const sheet = project.emulator.spreadsheet.getSheetByName(def[lang]);
  if (!sheet) throw new Error(`no sheet ${def[lang]}`);
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const map = mapHeaders(header, def.columns).index;
  const row: unknown[] = header.map(() => '');
  for (const [k, v] of Object.entries(record)) if (k in map) row[map[k]] = v;
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, header.length).setValues([row] as never);
}

const moscow = (iso: string) => new Date(Date.parse(`${iso}+03:00`));

/** The team typed into the Managers sheet by hand (columns found by their headers). */
function writeManagers(project: Project, lang: 'ru' | 'en'): void {
  const sheet = project.emulator.spreadsheet.getSheetByName(MANAGERS[lang]);
  if (!sheet) throw new Error('setup made no Managers sheet');
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const map = mapHeaders(header, MANAGERS.columns).index;
  const role = (r: 'manager' | 'head' | 'director') => ROLES.label(r, lang);
  const people = [
    {
      name: lang === 'ru' ? 'Анна Руководитель' : 'Anna Head',
      email: HEAD,
      team: 'Москва',
      role: role('head'),
    },
    {
      name: lang === 'ru' ? 'Олег Директор' : 'Oleg Director',
      email: DIRECTOR,
      team: '',
      role: role('director'),
    },
    {
      name: lang === 'ru' ? 'Иван Петров' : 'Ivan Petrov',
      email: IVAN,
      team: 'Москва',
      role: role('manager'),
    },
    {
      name: lang === 'ru' ? 'Мария Смирнова' : 'Maria Smirnova',
      email: MARIA,
      team: 'Москва',
      role: role('manager'),
    },
  ];
  const rows = people.map((p) => {
    const row: unknown[] = header.map(() => '');
    for (const [k, v] of Object.entries({ ...p, active: true })) if (k in map) row[map[k]] = v;
    return row;
  });
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows as never);
}

/** The free texts of the seed leads in the workbook's language (names stay Russian companies). */
const EN: Record<string, string> = {
  'Оборудование для склада': 'Warehouse equipment',
  'Стеллажи для склада': 'Warehouse racks',
  'Обсудили объём и сроки': 'Discussed volume and timing',
  'Отправить КП': 'Send the proposal',
  'Сервисный контракт': 'Service contract',
  'Годовая поставка': 'Annual supply',
  Пилот: 'Pilot',
  Сайт: 'Website',
};

function addLead(
  project: Project,
  user: string,
  form: Partial<LeadForm>,
  lang: 'ru' | 'en',
): string {
  const full = lead(form);
  if (lang === 'en')
    for (const k of Object.keys(full) as Array<keyof LeadForm>)
      full[k] = (EN[full[k]] ?? full[k]) as never;
  const req: AddLeadRequest = { lead: full, force: true, lines: [] };
  const r = ok(rpc(project, user, 'addLead', req));
  if (r.status !== 'added') throw new Error('lead not added');
  return r.dealId;
}

/** Every deal a Today view lists, whatever its list. */
export function dealsOf(v: TodayView): DealItem[] {
  return [...v.unprocessed, ...v.forgotten, ...v.overdueSteps, ...v.noNextStep, ...v.dueToday];
}

export interface Seeded {
  project: Project;
  deals: { romashka: string; vector: string; xss: string; alpha: string; maria: string };
}

export function seedTeam(opts: { lang?: 'ru' | 'en' } = {}): Seeded {
  const emulator = createEmulator({ now: EARLIER, activeUser: HEAD });
  const project = loadProject({ emulator });
  const lang = opts.lang ?? 'ru';
  // The language a workbook is set up in (what the Settings sheet and the menu then say).
  emulator.properties.document.set('ropdesk.lang', lang);
  project.run('menuSetupWorkbook', [], { user: HEAD });
  writeManagers(project, lang);
  const romashka = addLead(project, IVAN, {}, lang);
  const vector = addLead(
    project,
    IVAN,
    {
      clientName: 'АО «Вектор»',
      inn: '',
      phone: '+7 495 765-43-21',
      email: 'info@vector.ru',
      dealTitle: 'Сервисный контракт',
      amount: '480 000',
      nextStepDate: '2026-11-20',
    },
    lang,
  );
  const xss = addLead(
    project,
    IVAN,
    {
      clientName: XSS,
      inn: '',
      phone: '+7 926 000-11-22',
      email: 'xss@example.com',
      need: XSS_NOTE,
      dealTitle: XSS,
      summary: XSS_NOTE,
      nextStep: XSS_NOTE,
      amount: '10 000',
    },
    lang,
  );
  const alpha = addLead(
    project,
    IVAN,
    {
      clientName: 'ЗАО «Альфа»',
      inn: '',
      phone: '+7 495 222-33-44',
      email: 'zakaz@alfa.ru',
      dealTitle: 'Годовая поставка',
      amount: '2 400 000',
    },
    lang,
  );
  const maria = addLead(
    project,
    MARIA,
    {
      clientName: 'ИП Сидоров',
      inn: '',
      phone: '+7 903 111-22-33',
      email: 'sidorov@example.com',
      dealTitle: 'Пилот',
      amount: '90 000',
    },
    lang,
  );
  // Two days ago Ivan qualified Vector and promised to call back yesterday: an overdue step.
  emulator.clock.set(Date.parse('2026-11-25T12:00:00+03:00'));
  const boot = ok(rpc(project, IVAN, 'bootstrap', {}));
  const stages = boot.stages;
  const shown = dealsOf(boot.today).find((d) => d.id === vector);
  const moved = ok(
    rpc(project, IVAN, 'moveStage', {
      dealId: vector,
      updatedAt: shown?.updatedAt ?? null,
      stage: stages[1].name,
      amount: '',
      confirm: true, // past the first stage's playbook warning
    }),
  );
  ok(
    rpc(project, IVAN, 'logActivity', {
      dealId: vector,
      updatedAt: dealsOf(moved).find((d) => d.id === vector)?.updatedAt ?? null,
      type: 'call',
      summary: lang === 'ru' ? 'Согласовали объём' : 'Agreed on the scope',
      nextStep: lang === 'ru' ? 'Перезвонить с ценой' : 'Call back with the price',
      nextStepDate: '2026-11-26',
    }),
  );
  // A web-form lead from yesterday afternoon nobody has answered, and an unpaid invoice.
  appendByHand(project, CLIENTS, lang, {
    id: 'C-000100',
    name: 'ООО «Горизонт»',
    phone: '+79161112233',
    manager: IVAN,
    need: lang === 'ru' ? 'Запрос с сайта: стеллажи' : 'Website request: racks',
    source: lang === 'ru' ? 'Сайт' : 'Website',
    createdAt: moscow('2026-11-26T15:00:00'),
  });
  appendByHand(project, DEALS, lang, {
    id: 'D-000100',
    clientId: 'C-000100',
    clientName: 'ООО «Горизонт»',
    title: lang === 'ru' ? 'Заявка с сайта' : 'Website request',
    manager: IVAN,
    stage: stages[0].name,
    createdAt: moscow('2026-11-26T15:00:00'),
  });
  appendByHand(project, INVOICES, lang, {
    id: 'I-000001',
    number: '17',
    clientId: 'C-000001',
    dealId: romashka,
    issuedAt: moscow('2026-10-20T00:00:00'),
    dueDate: moscow('2026-11-05T00:00:00'),
    amount: 500000,
    paidAmount: 0,
  });
  emulator.clock.set(NOW);
  return { project, deals: { romashka, vector, xss, alpha, maria } };
}

export interface Demo {
  project: Project;
  head: string;
  director: string;
  managers: string[];
}

/** The CRM's demo company ("ROP Desk -> Set up with demo data"), with who is who on it. */
export function seedDemo(opts: { lang?: 'ru' | 'en' } = {}): Demo {
  const lang = opts.lang ?? 'ru';
  const emulator = createEmulator({ now: NOW, activeUser: HEAD });
  const project = loadProject({ emulator });
  emulator.properties.document.set('ropdesk.lang', lang);
  project.run('menuSetupDemo', [], { user: HEAD });
  const sheet = emulator.spreadsheet.getSheetByName(MANAGERS[lang]);
  if (!sheet) throw new Error('the demo made no Managers sheet');
  const values = sheet.getDataRange().getValues();
  const map = mapHeaders(values[0], MANAGERS.columns).index;
  const people = values.slice(1).map((r) => ({
    email: String(r[map.email]).toLowerCase(),
    role: ROLES.parse(r[map.role]),
  }));
  const find = (role: string) => people.find((p) => p.role === role)?.email ?? '';
  return {
    project,
    head: find('head'),
    director: find('director'),
    managers: people.filter((p) => p.role === 'manager').map((p) => p.email),
  };
}
