/**
 * `npm run bench -- --sidebar`: the sidebar's calls as google.script.run makes them, through
 * dist/Code.js loaded into a fresh context per call in the emulator: `bootstrap` (first screen),
 * `today` (a manager's lists) and `addLead` (a new client + deal + first activity), at 1,000 and
 * 50,000 deals (`--deals=1000,50000`). Runs are interleaved; prints min / median wall time, the
 * spreadsheet and Utilities.formatDate calls of one call, and the ratio between the sizes.
 * Emulator overhead is included (copying values between realms, its Date), so these are upper
 * bounds of the code's own cost; Apps Script adds its ~0.7 s per google.script.run round trip.
 */
import { performance } from 'node:perf_hooks';
import type { Project } from '../local/harness';
import { loadIntoEmulator, sheetCalls } from './emulated';
import { generate, grids, NOW, option } from './workbook';

const SIZES = option('deals', '1000,50000').split(',').map(Number);
const RUNS = Number(option('runs', '5'));

interface Reply {
  ok: boolean;
  error?: { code: string; message: string };
  data?: unknown;
}

let leads = 0;
const leadForm = () => ({
  lead: {
    clientName: `ООО «Бенч ${++leads}»`,
    inn: '',
    contactName: 'Анна Бенчева',
    phone: `+7 916 ${String(1000000 + leads).slice(-7)}`,
    email: `bench${leads}@example.com`,
    source: 'Сайт',
    need: 'Поставка',
    dealTitle: 'Пилот',
    amount: '150 000',
    activityType: 'call',
    summary: 'Обсудили объём',
    nextStep: 'Отправить КП',
    nextStepDate: '2026-12-01',
  },
  force: true,
});

const methods = {
  bootstrap: () => ({}),
  today: () => ({}),
  addLead: leadForm,
} as const;
type Name = keyof typeof methods;

function call(
  project: Project,
  user: string,
  name: Name,
): { ms: number; sheet: number; fmt: number } {
  const t0 = performance.now();
  const reply = project.rpc('rpc', [name, methods[name]()], { user }) as Reply;
  const ms = performance.now() - t0;
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.code}: ${reply.error?.message}`);
  return {
    ms,
    sheet: sheetCalls(project.lastCalls),
    fmt: project.lastCalls['Utilities.formatDate'] ?? 0,
  };
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};

const results = new Map<
  number,
  Record<Name, { min: number; median: number; sheet: number; fmt: number }>
>();
for (const deals of SIZES) {
  const { data } = generate({
    managers: deals >= 10_000 ? 60 : 12,
    clients: Math.max(200, Math.round(deals / 5)),
    deals,
    invoices: Math.round(deals / 2.5),
    activities: deals * 4,
    months: 24,
  });
  const project = loadIntoEmulator(grids(data, true), NOW);
  const seller = data.managers.find((m) => m.role === 'manager' && m.active)!.email;
  const times: Record<Name, number[]> = { bootstrap: [], today: [], addLead: [] };
  const calls = {} as Record<Name, { sheet: number; fmt: number }>;
  for (let i = 0; i < RUNS; i++) {
    for (const name of Object.keys(methods) as Name[]) {
      const r = call(project, seller, name);
      times[name].push(r.ms);
      calls[name] = { sheet: r.sheet, fmt: r.fmt };
    }
  }
  const row = {} as Record<Name, { min: number; median: number; sheet: number; fmt: number }>;
  for (const name of Object.keys(methods) as Name[])
    row[name] = { ...stat(times[name]), ...calls[name] };
  results.set(deals, row);
  console.log(
    `\n## ${data.deals.length} deals, ${data.activities.length} activities, ${data.clients.length} clients, ${data.invoices.length} invoices (a manager's calls, ${RUNS} runs interleaved)`,
  );
  console.log('\n| call | min, ms | median, ms | spreadsheet calls | formatDate calls |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, r] of Object.entries(row))
    console.log(
      `| ${name} | ${r.min.toFixed(0)} | ${r.median.toFixed(0)} | ${r.sheet} | ${r.fmt} |`,
    );
}
if (SIZES.length > 1) {
  const [a, b] = [SIZES[0], SIZES[SIZES.length - 1]];
  console.log(`\nmedian ratio ${b} / ${a} deals:`);
  for (const name of Object.keys(methods) as Name[])
    console.log(
      `- ${name}: ${(results.get(b)![name].median / results.get(a)![name].median).toFixed(1)}x`,
    );
}
