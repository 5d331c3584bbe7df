/**
 * The playground page: the workbook as Sheets shows it (tabs, grid, formula bar), the real sidebar
 * beside it, and the controls Google gives only in production (who is signed in, the clock, the
 * menu, triggers, sent mail, the log). Plain DOM; every value is set with textContent.
 */
import type {
  ApiResult,
  CellInfo,
  Execution,
  LogView,
  OutboxItem,
  OutboxMail,
  PlaygroundState,
  SheetPage,
} from '../api';
import { plural } from '../../../src/core/i18n/plural';
import { drawCharts } from './charts';
import { parseTsv } from './paste';

type Lang = 'ru' | 'en';
const lang: Lang = /[?&]lang=en\b/.test(location.search)
  ? 'en'
  : /[?&]lang=ru\b/.test(location.search)
    ? 'ru'
    : ((localStorage.getItem('playground.lang') as Lang | null) ?? 'ru');
localStorage.setItem('playground.lang', lang);

const TEXT = {
  ru: {
    title: 'ROP Desk — песочница',
    signedIn: 'Вы вошли как',
    clock: 'Часы',
    set: 'Установить',
    hour: '+1 час',
    day: '+1 день',
    week: '+1 неделя',
    menu: 'Меню ROP Desk',
    extensions: 'Расширения',
    triggers: 'Триггеры',
    noTriggers: 'Триггеров нет. Включите напоминания в меню.',
    runTrigger: 'Запустить',
    runJobNow: 'Запустить ежедневную рассылку сейчас, как это сделает триггер',
    outbox: 'Исходящие',
    log: 'Журнал',
    executions: 'Выполнения',
    noMail: 'Писем пока нет.',
    html: 'HTML',
    text: 'Текст',
    from: 'От',
    to: 'Кому',
    cc: 'Копия',
    subject: 'Тема',
    date: 'Дата',
    rows: 'Строки',
    of: 'из',
    saved: 'Сохранено',
    saving: 'Сохранение…',
    bigger: 'Развернуть панель',
    formResponse: 'Ответ формы…',
    formTitle: 'Ответ Google Формы',
    send: 'Отправить',
    cancel: 'Отмена',
    smaller: 'Свернуть панель',
    saveFailed: 'Не удалось сохранить',
    reloadSidebar: 'Обновить панель',
    emptyLog: 'Журнал пуст.',
    noExecutions: 'Ещё ничего не выполнялось.',
    ok: 'успешно',
    failed: 'ошибка',
    calls: ['вызов', 'вызова', 'вызовов'],
    ms: 'мс',
    kinds: {
      menu: 'меню',
      trigger: 'триггер',
      rpc: 'панель',
      edit: 'правка',
      setup: 'настройка',
      custom: 'формула',
    } as Record<string, string>,
    edit: 'Двойной щелчок или Enter — изменить ячейку',
    roles: { manager: 'менеджер', head: 'РОП', director: 'директор' } as Record<string, string>,
  },
  en: {
    title: 'ROP Desk playground',
    signedIn: 'Signed in as',
    clock: 'Clock',
    set: 'Set',
    hour: '+1 hour',
    day: '+1 day',
    week: '+1 week',
    menu: 'ROP Desk menu',
    extensions: 'Extensions',
    triggers: 'Triggers',
    noTriggers: 'No triggers. Turn reminders on from the menu.',
    runTrigger: 'Run',
    runJobNow: 'Run the daily job now, as its trigger would',
    outbox: 'Outbox',
    log: 'Log',
    executions: 'Executions',
    noMail: 'No mail sent yet.',
    html: 'HTML',
    text: 'Text',
    from: 'From',
    to: 'To',
    cc: 'Cc',
    subject: 'Subject',
    date: 'Date',
    rows: 'Rows',
    of: 'of',
    saved: 'Saved',
    saving: 'Saving…',
    bigger: 'Enlarge the panel',
    formResponse: 'Form response…',
    formTitle: 'Google Form response',
    send: 'Send',
    cancel: 'Cancel',
    smaller: 'Shrink the panel',
    saveFailed: 'Save failed',
    reloadSidebar: 'Reload panel',
    emptyLog: 'The log is empty.',
    noExecutions: 'Nothing has run yet.',
    ok: 'ok',
    failed: 'failed',
    calls: ['call', 'calls'],
    ms: 'ms',
    kinds: {
      menu: 'menu',
      trigger: 'trigger',
      rpc: 'panel',
      edit: 'edit',
      setup: 'setup',
      custom: 'formula',
    } as Record<string, string>,
    edit: 'Double-click or Enter to edit a cell',
    roles: { manager: 'manager', head: 'head of sales', director: 'director' } as Record<
      string,
      string
    >,
  },
}[lang];

// ---- Small DOM helpers ----------------------------------------------------------------------------

type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (k in el && k !== 'list') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as ApiResult<T>;
  if (!json.ok) throw new Error(json.error);
  return json.value;
}

function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  const box = $('toasts');
  const el = h(
    'div',
    { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    text,
  );
  el.append(h('button', { class: 'close', 'aria-label': '×', onclick: () => el.remove() }, '×'));
  box.append(el);
  if (kind === 'info') setTimeout(() => el.remove(), 8000);
}

/** Runs an action, shows its error, and refreshes whatever it may have changed. */
async function act(fn: () => Promise<unknown>): Promise<void> {
  document.body.classList.add('busy');
  try {
    await fn();
  } catch (e) {
    toast((e as Error).message, 'error');
  } finally {
    document.body.classList.remove('busy');
    await refresh();
  }
}

// ---- State ----------------------------------------------------------------------------------------

let state: PlaygroundState | null = null;
let currentSheet = '';
let pageOffset = -1; // -1: not chosen yet (start at the first page)
let page: SheetPage | null = null;
let selected: { row: number; col: number } | null = null;
let bottomTab: 'outbox' | 'log' | 'executions' = 'outbox';
let selectedMail = -1;
let mailView: 'html' | 'text' = 'html';
let sidebarVersion = -1;
let sidebarUser = '';
let lastNoticeVersion = -1;
let lastActiveSheet: string | null = null;

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** "2026-11-27T09:00" as typed in this language: 27.11.2026 09:00 or 2026-11-27 09:00. */
function wallText(iso: string): string {
  const [d, t] = iso.split('T');
  if (lang === 'en') return `${d} ${t}`;
  const [y, m, day] = d.split('-');
  return `${day}.${m}.${y} ${t}`;
}

function fmtTime(ms: number): string {
  if (!state) return '';
  return new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: state.timeZone,
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}

// ---- Header: user, clock, menu, triggers ----------------------------------------------------------

function renderHeader(s: PlaygroundState): void {
  const select = $('user') as HTMLSelectElement;
  const options = s.users.map((u) =>
    h(
      'option',
      { value: u.email, selected: u.email === s.user },
      `${u.name} — ${TEXT.roles[u.role] ?? u.role}${u.team ? `, ${u.team}` : ''} <${u.email}>`,
    ),
  );
  if (s.user && !s.users.some((u) => u.email === s.user)) {
    options.unshift(h('option', { value: s.user, selected: true }, s.user));
  }
  if (select.dataset.sig !== JSON.stringify([s.user, s.users])) {
    select.replaceChildren(...options);
    select.dataset.sig = JSON.stringify([s.user, s.users]);
  }
  // The weekday beside the editable date: reminders care whether it is a working day.
  $('now').textContent = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: s.timeZone,
    weekday: 'short',
  }).format(new Date(s.now));
  $('now').title = `${fmtTime(s.now)} (${s.timeZone})`;
  const input = $('clock-input') as HTMLInputElement;
  if (document.activeElement !== input) input.value = wallText(s.nowWall);

  // The button reads as Sheets' menu bar does: "ROP Desk" for the bound script's top-level menu,
  // "Extensions › ROP Desk" for an add-on.
  $('menu-button-label').textContent =
    s.menuPlace.placement === 'extensions'
      ? `${TEXT.extensions} › ${s.menuPlace.title}`
      : s.menuPlace.title;
  const menu = $('menu-items');
  menu.replaceChildren(
    ...s.menu.map((item) =>
      item
        ? h(
            'button',
            {
              class: 'menu-item',
              role: 'menuitem',
              'data-fn': item.fn,
              onclick: () => {
                closeMenus();
                void act(() => api('/api/menu', { fn: item.fn }));
              },
            },
            item.label,
          )
        : h('hr'),
    ),
  );
  const triggers = $('trigger-items');
  triggers.replaceChildren(
    ...(s.triggers.length
      ? s.triggers.map((t) =>
          h(
            'div',
            { class: 'trigger' },
            h('span', {}, `${t.handler} — ${t.description}`, h('small', {}, t.owner)),
            t.clock
              ? h(
                  'button',
                  {
                    'data-trigger': t.uid,
                    'data-handler': t.handler,
                    onclick: () => {
                      closeMenus();
                      void act(() => api('/api/trigger', { uid: t.uid }));
                    },
                  },
                  TEXT.runTrigger,
                )
              : t.form
                ? h(
                    'button',
                    {
                      'data-form-trigger': t.uid,
                      onclick: () => {
                        closeMenus();
                        openFormDialog();
                      },
                    },
                    TEXT.formResponse,
                  )
                : null,
          ),
        )
      : [h('p', { class: 'muted' }, TEXT.noTriggers)]),
    h('hr'),
    h(
      'button',
      {
        class: 'menu-item',
        id: 'run-daily',
        onclick: () => {
          closeMenus();
          void act(() => api('/api/trigger', { handler: 'runScheduledJob' }));
        },
      },
      TEXT.runJobNow,
    ),
  );
  $('triggers-count').textContent = String(s.triggers.length);
  renderSaveStatus(s);
  $('outbox-count').textContent = String(s.outboxCount);
}

function renderSaveStatus(s: PlaygroundState): void {
  const status = $('save-status');
  status.className = s.saveError ? 'save error' : s.saving ? 'save busy' : 'save';
  status.textContent = s.saveError
    ? `${TEXT.saveFailed}: ${s.saveError}`
    : s.saving
      ? TEXT.saving
      : s.savedAt
        ? `${TEXT.saved} ${new Date(s.savedAt).toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'en-GB')}`
        : (s.workbookPath.split(/[\\/]/).pop() ?? '');
  status.title = s.saveError ?? s.workbookPath;
}

/** A Google Form response, as a respondent would send it: the form-submit trigger does the rest. */
function openFormDialog(): void {
  if (!state) return;
  const dialog = $('form-dialog') as HTMLDialogElement;
  $('form-title').textContent = `${TEXT.formTitle}: ${state.form.sheet}`;
  $('form-fields').replaceChildren(
    ...state.form.questions.map((q, i) =>
      h(
        'label',
        {},
        q,
        i === state!.form.questions.length - 1
          ? h('textarea', { name: q, rows: 3 })
          : h('input', { name: q, autocomplete: 'off' }),
      ),
    ),
  );
  dialog.showModal();
}

function setupFormDialog(): void {
  const dialog = $('form-dialog') as HTMLDialogElement;
  $('form-send').textContent = TEXT.send;
  $('form-cancel').textContent = TEXT.cancel;
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'send') return;
    const answers: Record<string, string> = {};
    dialog.querySelectorAll<HTMLInputElement>('#form-fields [name]').forEach((el) => {
      answers[el.name] = el.value;
    });
    void act(() => api('/api/form', { answers }));
  });
}

function closeMenus(): void {
  document.querySelectorAll('.dropdown.open').forEach((d) => d.classList.remove('open'));
}

// ---- The grid ------------------------------------------------------------------------------------

function renderTabs(s: PlaygroundState): void {
  $('tabs').replaceChildren(
    ...s.sheets.map((sh) =>
      h(
        'button',
        {
          class: sh.name === currentSheet ? 'tab active' : 'tab',
          role: 'tab',
          'aria-selected': sh.name === currentSheet ? 'true' : 'false',
          'data-sheet': sh.name,
          onclick: () => {
            currentSheet = sh.name;
            pageOffset = -1;
            selected = null;
            void refresh();
          },
        },
        sh.name,
      ),
    ),
  );
}

/** A body row's height in pixels (measured once rows exist; Sheets' default until then). */
let rowHeight = 22;
/** Rows fetched around the visible ones, so that scrolling rarely waits. */
const WINDOW = 240;
const MARGIN = 60;

/** The body rows (data and the blank ones after) of the sheet, for the scroll height. */
function bodyRows(p: SheetPage): number {
  return Math.max(0, p.rows - p.frozenRows) + p.blankRows;
}

/**
 * Draws the window of rows the server sent inside a table as tall as the whole sheet: spacer
 * rows stand for the rows above and below, so the scrollbar and scrolling feel like one long
 * sheet while the DOM holds a few hundred rows.
 */
function renderGrid(p: SheetPage): void {
  const table = h('table', { class: 'grid', id: 'grid-table', 'data-sheet': p.name });
  const cols = Math.max(p.cols, 1);
  const colgroup = h('colgroup', {}, h('col', { style: 'width:46px' } as Attrs));
  let width = 46;
  for (let c = 0; c < cols; c++) {
    width += p.widths[c] ?? 100;
    colgroup.append(h('col', { style: `width:${p.widths[c] ?? 100}px` } as Attrs));
  }
  // The columns are as wide as the sheet says (a long title must not widen column A, which
  // Sheets never does): the table's width is their sum, not its content's.
  table.style.width = `${width}px`;
  table.append(colgroup);
  const thead = h('thead');
  const letters = h('tr', { class: 'letters' }, h('th', { class: 'corner' }));
  for (let c = 1; c <= cols; c++) letters.append(h('th', {}, colName(c)));
  thead.append(letters);
  const left = frozenLefts(p);
  p.frozen.forEach((row, i) =>
    thead.append(
      rowEl(
        i + 1,
        row,
        p.frozenAlign[i] ?? '',
        p.frozenLooks[i] ?? [],
        p.frozenMarks[i] ?? [],
        cols,
        true,
        left,
      ),
    ),
  );
  table.append(thead);
  const tbody = h('tbody');
  const first = p.frozenRows + 1;
  const spacer = (rows: number, where: string) =>
    h('tr', {
      class: 'spacer',
      'data-spacer': where,
      style: `height:${rows * rowHeight}px`,
    } as Attrs);
  tbody.append(spacer(p.offset - first, 'above'));
  p.cells.forEach((row, i) =>
    tbody.append(
      rowEl(
        p.offset + i,
        row,
        p.align[i] ?? '',
        p.looks[i] ?? [],
        p.marks[i] ?? [],
        cols,
        false,
        left,
      ),
    ),
  );
  let shown = p.offset + p.cells.length; // the next sheet row after the window
  const atEnd = shown > p.rows;
  if (atEnd) {
    for (let r = Math.max(shown, p.rows + 1); r <= p.rows + p.blankRows; r++)
      tbody.append(rowEl(r, [], '', [], [], cols, false, left));
    shown = p.rows + p.blankRows + 1;
  }
  tbody.append(spacer(first + bodyRows(p) - shown, 'below'));
  table.append(tbody);
  // The filter's drop-down buttons on its header cells, where Sheets draws them.
  const f = p.filter;
  if (f) {
    table.querySelectorAll<HTMLElement>(`td[data-r="${f.row}"]`).forEach((td) => {
      const c = Number(td.dataset.c);
      if (c >= f.col && c < f.col + f.cols) td.classList.add('filter');
    });
  }
  table.dataset.first = String(p.offset);
  table.dataset.last = String(p.offset + p.cells.length - 1);
  table.dataset.rows = String(p.rows);
  table.dataset.end = String(atEnd);
  const wrap = $('grid');
  const keep = wrap.dataset.sheet === p.name ? wrap.scrollTop : 0;
  const keepLeft = wrap.dataset.sheet === p.name ? wrap.scrollLeft : 0;
  wrap.replaceChildren(table, chartLayer);
  wrap.dataset.sheet = p.name;
  const measured = tbody.querySelector<HTMLElement>('tr[data-row]')?.offsetHeight;
  if (measured && measured !== rowHeight) {
    // The first drawing guessed the height: redraw the spacers with the real one.
    rowHeight = measured;
    renderGrid(p);
    return;
  }
  wrap.scrollTop = keep;
  wrap.scrollLeft = keepLeft;
  drawCharts(chartLayer, p.name, p.charts, cellCorner);
  updatePager();
  highlightSelection();
}

/**
 * The top-left corner of a cell in the grid's content: left from the column letters as the
 * browser laid them out (columns past the drawn ones at Sheets' default 100 px), top from the
 * row height, since the anchor row may be one of the rows not drawn.
 */
function cellCorner(row: number, col: number): { top: number; left: number } {
  const letters = document.querySelectorAll<HTMLElement>('#grid-table tr.letters th');
  const head = letters[0]?.offsetHeight ?? rowHeight;
  const shown = Math.min(col, letters.length - 1);
  const th = letters[shown];
  let left = th ? th.offsetLeft : 46;
  if (col > shown) left += (th?.offsetWidth ?? 100) + (col - shown - 1) * 100;
  return { top: head + (row - 1) * rowHeight, left };
}

/** Sticky left offsets of the frozen columns (after the row numbers). */
function frozenLefts(p: SheetPage): number[] {
  const out: number[] = [];
  let x = 46;
  for (let c = 0; c < p.frozenCols; c++) {
    out.push(x);
    x += p.widths[c] ?? 100;
  }
  return out;
}

/** The rows in view: what the pager says, and which window the server should send. */
function visibleRows(): { first: number; last: number } {
  const wrap = $('grid');
  const p = page;
  const base = (p?.frozenRows ?? 0) + 1;
  const first = base + Math.floor(wrap.scrollTop / rowHeight);
  const last = first + Math.ceil(wrap.clientHeight / rowHeight);
  return { first, last };
}

function updatePager(): void {
  if (!page) return;
  const { first, last } = visibleRows();
  const to = Math.min(last, page.rows);
  $('pager-text').textContent = `${TEXT.rows} ${Math.min(first, to)}–${to} ${TEXT.of} ${page.rows}`;
}

/** After a scroll: fetch another window when the visible rows near the edge of this one. */
function onGridScroll(): void {
  updatePager();
  if (!page || scrollQueued) return;
  const { first, last } = visibleRows();
  const hasFrom = page.offset;
  const hasTo = page.offset + page.cells.length - 1;
  const needFrom = Math.max(page.frozenRows + 1, first - MARGIN / 2);
  const needTo = Math.min(last + MARGIN / 2, page.rows);
  if (needFrom >= hasFrom && needTo <= hasTo) return;
  scrollQueued = true;
  requestAnimationFrame(() => {
    scrollQueued = false;
    const v = visibleRows();
    pageOffset = Math.max((page?.frozenRows ?? 0) + 1, v.first - MARGIN);
    void loadRows();
  });
}
let scrollQueued = false;

const chartLayer = h('div', { class: 'chart-layer', id: 'chart-layer' });

function rowEl(
  r: number,
  row: string[],
  align: string,
  looks: string[],
  marks: string[],
  cols: number,
  frozen: boolean,
  lefts: number[],
): HTMLElement {
  const tr = h(
    'tr',
    { class: frozen ? 'frozen' : '', 'data-row': r },
    h('th', { class: 'rownum' }, String(r)),
  );
  for (let c = 0; c < cols; c++) {
    const text = row[c] ?? '';
    const a = align[c] ?? 'l';
    // A conditional format paints over the cell's own format, as in Sheets.
    const style = [looks[c], marks[c], c < lefts.length ? `left:${lefts[c]}px` : '']
      .filter(Boolean)
      .join(';');
    // Sheets lets left-aligned text run on over the empty cells to its right.
    const spill = a === 'l' && text !== '' && !row[c + 1] && c + 1 < cols;
    const cls = [
      a === 'r' ? 'r' : a === 'c' ? 'c' : '',
      c < lefts.length ? 'fc' : '',
      marks[c] ? 'cf' : '',
      spill ? 'spill' : '',
    ]
      .filter(Boolean)
      .join(' ');
    tr.append(
      h(
        'td',
        {
          class: cls,
          'data-r': r,
          'data-c': c + 1,
          'data-cf': marks[c] || undefined,
          title: text.length > 14 ? text : undefined,
          style: style || undefined,
        },
        text,
      ),
    );
  }
  return tr;
}

function highlightSelection(): void {
  document.querySelectorAll('td.sel').forEach((td) => td.classList.remove('sel'));
  if (!selected) {
    $('namebox').textContent = '';
    ($('formula') as HTMLInputElement).value = '';
    return;
  }
  const td = document.querySelector(`td[data-r="${selected.row}"][data-c="${selected.col}"]`);
  td?.classList.add('sel');
}

async function selectCell(row: number, col: number): Promise<void> {
  selected = { row, col };
  highlightSelection();
  const info = await api<CellInfo>(
    `/api/cell?sheet=${encodeURIComponent(currentSheet)}&row=${row}&col=${col}`,
  );
  $('namebox').textContent = info.a1;
  const formula = $('formula') as HTMLInputElement;
  formula.value = info.input;
  formula.dataset.original = info.input;
}

function startEdit(initial?: string): void {
  if (!selected) return;
  const formula = $('formula') as HTMLInputElement;
  const td = document.querySelector<HTMLElement>(
    `td[data-r="${selected.row}"][data-c="${selected.col}"]`,
  );
  if (!td) return;
  const input = h('input', { class: 'cell-editor', 'aria-label': $('namebox').textContent ?? '' });
  input.value = initial ?? formula.value;
  td.replaceChildren(input);
  input.focus();
  const target = { ...selected };
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    if (commit && input.value !== (formula.dataset.original ?? '')) {
      void act(() =>
        api('/api/edit', {
          sheet: currentSheet,
          row: target.row,
          col: target.col,
          value: input.value,
        }),
      );
    } else void refresh();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finish(true);
    } else if (e.key === 'Escape') finish(false);
  });
  input.addEventListener('blur', () => finish(true));
}

function setupGridEvents(): void {
  const grid = $('grid');
  grid.addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (!td || td.querySelector('input')) return;
    void selectCell(Number(td.dataset.r), Number(td.dataset.c));
  });
  grid.addEventListener('dblclick', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    if (!td) return;
    void selectCell(Number(td.dataset.r), Number(td.dataset.c)).then(() => startEdit());
  });
  grid.tabIndex = 0;
  grid.addEventListener('keydown', (e) => {
    if (!selected || (e.target as HTMLElement).tagName === 'INPUT') return;
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (e.key in move) {
      e.preventDefault();
      const [dr, dc] = move[e.key];
      void selectCell(Math.max(1, selected.row + dr), Math.max(1, selected.col + dc));
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      startEdit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      const t = { ...selected };
      void act(() => api('/api/edit', { sheet: currentSheet, row: t.row, col: t.col, value: '' }));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(e.key);
    }
  });
  const formula = $('formula') as HTMLInputElement;
  formula.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' || !selected) return;
    const t = { ...selected };
    void act(() =>
      api('/api/edit', { sheet: currentSheet, row: t.row, col: t.col, value: formula.value }),
    );
  });
  grid.addEventListener('scroll', onGridScroll, { passive: true });
  grid.addEventListener('paste', (e) => {
    if (!selected || (e.target as HTMLElement).tagName === 'INPUT') return;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    e.preventDefault();
    const t = { ...selected };
    const values = parseTsv(text);
    void act(() => api('/api/paste', { sheet: currentSheet, row: t.row, col: t.col, values }));
  });
  $('last').addEventListener('click', () => {
    const wrap = $('grid');
    wrap.scrollTop = wrap.scrollHeight;
    onGridScroll();
  });
}

// ---- Bottom panel: outbox, log, executions -------------------------------------------------------

async function renderBottom(): Promise<void> {
  document.querySelectorAll<HTMLElement>('.ptab').forEach((b) => {
    b.classList.toggle('active', b.dataset.tab === bottomTab);
    b.setAttribute('aria-selected', String(b.dataset.tab === bottomTab));
  });
  const panel = $('panel-body');
  if (bottomTab === 'outbox') {
    const items = await api<OutboxItem[]>('/api/outbox');
    if (!items.length) {
      panel.replaceChildren(h('p', { class: 'muted pad' }, TEXT.noMail));
      return;
    }
    if (selectedMail < 0 || !items.some((m) => m.index === selectedMail)) {
      selectedMail = items[items.length - 1].index;
    }
    const list = h(
      'ul',
      { class: 'mail-list', id: 'mail-list' },
      ...items
        .slice()
        .reverse()
        .map((m) =>
          h(
            'li',
            {
              class: m.index === selectedMail ? 'active' : '',
              'data-index': m.index,
              onclick: () => {
                selectedMail = m.index;
                void renderBottom();
              },
            },
            h('b', {}, m.subject),
            h('span', {}, `${m.to} · ${m.atText}`),
          ),
        ),
    );
    const mail = await api<OutboxMail>(`/api/outbox/${selectedMail}`);
    const view = mail.htmlBody && mailView === 'html' ? 'html' : 'text';
    const head = h(
      'div',
      { class: 'mail-head' },
      h('div', {}, h('b', {}, `${TEXT.subject}: `), mail.subject),
      h('div', {}, h('b', {}, `${TEXT.from}: `), mail.from),
      h('div', {}, h('b', {}, `${TEXT.to}: `), mail.to),
      mail.cc ? h('div', {}, h('b', {}, `${TEXT.cc}: `), mail.cc) : null,
      h('div', {}, h('b', {}, `${TEXT.date}: `), mail.atText),
      h(
        'div',
        { class: 'seg' },
        h(
          'button',
          {
            class: view === 'html' ? 'on' : '',
            disabled: !mail.htmlBody,
            onclick: () => {
              mailView = 'html';
              void renderBottom();
            },
          },
          TEXT.html,
        ),
        h(
          'button',
          {
            class: view === 'text' ? 'on' : '',
            onclick: () => {
              mailView = 'text';
              void renderBottom();
            },
          },
          TEXT.text,
        ),
      ),
    );
    // Email HTML is untrusted content: an iframe with an empty sandbox runs no script.
    const body =
      view === 'html'
        ? h('iframe', {
            class: 'mail-html',
            id: 'mail-html',
            sandbox: '',
            srcdoc: mail.htmlBody,
            title: mail.subject,
          })
        : h('pre', { class: 'mail-text', id: 'mail-text' }, mail.body);
    panel.replaceChildren(
      h('div', { class: 'outbox' }, list, h('div', { class: 'mail' }, head, body)),
    );
    return;
  }
  if (bottomTab === 'log') {
    const log = await api<LogView>('/api/log');
    if (!log.rows.length) {
      panel.replaceChildren(h('p', { class: 'muted pad' }, TEXT.emptyLog));
      return;
    }
    panel.replaceChildren(
      h(
        'table',
        { class: 'list', id: 'log-table' },
        h('thead', {}, h('tr', {}, ...log.header.map((x) => h('th', {}, x)))),
        h('tbody', {}, ...log.rows.map((r) => h('tr', {}, ...r.map((x) => h('td', {}, x))))),
      ),
    );
    return;
  }
  const runs = await api<Execution[]>('/api/executions');
  if (!runs.length) {
    panel.replaceChildren(h('p', { class: 'muted pad' }, TEXT.noExecutions));
    return;
  }
  panel.replaceChildren(
    h(
      'table',
      { class: 'list', id: 'exec-table' },
      h(
        'tbody',
        {},
        ...runs
          .slice()
          .reverse()
          .map((x) =>
            h(
              'tr',
              { class: x.ok ? '' : 'failed' },
              h('td', {}, fmtTime(x.at)),
              h('td', {}, h('code', {}, x.fn)),
              h('td', {}, TEXT.kinds[x.kind] ?? x.kind),
              h('td', {}, x.user || '—'),
              h('td', { class: 'r' }, `${x.ms} ${TEXT.ms}`),
              h('td', { class: 'r' }, `${x.calls} ${plural(lang, x.calls, TEXT.calls)}`),
              h('td', {}, x.ok ? TEXT.ok : `${TEXT.failed}: ${x.error}`),
            ),
          ),
      ),
    ),
  );
}

// ---- Sidebar frame --------------------------------------------------------------------------------

function syncSidebar(s: PlaygroundState): void {
  const frame = $('sidebar') as HTMLIFrameElement;
  if (s.sidebarVersion !== sidebarVersion || s.user !== sidebarUser) {
    sidebarVersion = s.sidebarVersion;
    sidebarUser = s.user;
    frame.src = `/sidebar?user=${encodeURIComponent(s.user)}&v=${s.sidebarVersion}`;
  }
}

// ---- Refresh loop ---------------------------------------------------------------------------------

let refreshing: Promise<void> | null = null;
let again = false;

async function refresh(): Promise<void> {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      try {
        await refreshOnce();
      } catch (e) {
        toast((e as Error).message, 'error');
      }
    } while (again);
  })();
  try {
    await refreshing;
  } finally {
    refreshing = null;
  }
}

/** Fetches the window of rows around pageOffset (or the top) and draws it. */
async function loadRows(): Promise<void> {
  const sheet = currentSheet;
  const wanted = pageOffset;
  const q = `/api/sheet?sheet=${encodeURIComponent(sheet)}&limit=${WINDOW}${wanted > 0 ? `&offset=${wanted}` : ''}`;
  const fetched = await api<SheetPage>(q);
  // A click on another tab or a scroll while this was loading wins: it asked for its own rows.
  if (sheet !== currentSheet || wanted !== pageOffset) return;
  page = fetched;
  renderGrid(page);
}

async function refreshOnce(): Promise<void> {
  const s = await api<PlaygroundState>('/api/state');
  state = s;
  if (lastActiveSheet === null) {
    // First view: the pipeline, the sheet people work in most (else the first one).
    lastActiveSheet = s.activeSheet;
    currentSheet = s.sheets.find((x) => /^(Сделки|Deals)$/.test(x.name))?.name ?? '';
  } else if (s.activeSheet !== lastActiveSheet) {
    // A script activated a sheet (e.g. "open the row" in the sidebar): show it, as Sheets does.
    lastActiveSheet = s.activeSheet;
    if (s.activeSheet !== currentSheet) {
      currentSheet = s.activeSheet;
      pageOffset = -1;
      selected = null;
    }
  }
  if (!s.sheets.some((x) => x.name === currentSheet)) {
    currentSheet = s.sheets[0]?.name ?? '';
    pageOffset = -1;
  }
  renderHeader(s);
  renderTabs(s);
  syncSidebar(s);
  if (s.version !== lastNoticeVersion) {
    lastNoticeVersion = s.version;
    for (const n of s.notices) toast(n);
  }
  if (currentSheet) {
    await loadRows();
    // The formula bar follows the selected cell's new content.
    if (selected && document.activeElement?.id !== 'formula') {
      await selectCell(selected.row, selected.col);
    }
  }
  await renderBottom();
  document.body.dataset.version = String(s.version);
}

function listenForChanges(): void {
  const source = new EventSource('/api/events');
  let known = -1;
  source.addEventListener('change', (e) => {
    const v = Number((e as MessageEvent).data);
    if (v !== known) {
      known = v;
      if (state && v !== state.version) void refresh();
    }
  });
  source.addEventListener('saved', () => {
    void api<PlaygroundState>('/api/state').then(renderSaveStatus, () => undefined);
  });
}

// ---- Start ----------------------------------------------------------------------------------------

function init(): void {
  document.documentElement.lang = lang;
  document.title = TEXT.title;
  $('title').textContent = TEXT.title;
  $('signed-in-label').textContent = TEXT.signedIn;
  $('clock-label').textContent = TEXT.clock;
  $('clock-set').title = TEXT.set;
  $('clock-set').setAttribute('aria-label', TEXT.set);
  $('advance-hour').textContent = TEXT.hour;
  $('advance-day').textContent = TEXT.day;
  $('advance-week').textContent = TEXT.week;
  $('menu-button-label').textContent = TEXT.menu;
  $('triggers-label').textContent = TEXT.triggers;
  $('reload-sidebar').textContent = TEXT.reloadSidebar;
  $('grid').title = TEXT.edit;
  document.querySelectorAll<HTMLElement>('.ptab').forEach((b) => {
    const key = b.dataset.tab as 'outbox' | 'log' | 'executions';
    (b.querySelector('.label') as HTMLElement).textContent = TEXT[key];
    b.addEventListener('click', () => {
      bottomTab = key;
      void renderBottom();
    });
  });
  const toggle = $('panel-toggle');
  toggle.title = TEXT.bigger;
  toggle.addEventListener('click', () => {
    const max = document.body.classList.toggle('panel-max');
    toggle.textContent = max ? '⬇' : '⬆';
    toggle.title = max ? TEXT.smaller : TEXT.bigger;
    toggle.setAttribute('aria-pressed', String(max));
  });
  $('lang-switch').textContent = lang === 'ru' ? 'EN' : 'RU';
  $('lang-switch').addEventListener('click', () => {
    localStorage.setItem('playground.lang', lang === 'ru' ? 'en' : 'ru');
    location.search = '';
  });

  ($('user') as HTMLSelectElement).addEventListener('change', (e) => {
    const email = (e.target as HTMLSelectElement).value;
    void act(() => api('/api/user', { email }));
  });
  const setClock = () => {
    const wall = ($('clock-input') as HTMLInputElement).value;
    void act(() => api('/api/clock', { wall }));
  };
  $('clock-set').addEventListener('click', setClock);
  $('clock-input').addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') setClock();
  });
  const advance = (ms: number) => () => void act(() => api('/api/clock', { advanceMs: ms }));
  $('advance-hour').addEventListener('click', advance(3_600_000));
  $('advance-day').addEventListener('click', advance(86_400_000));
  $('advance-week').addEventListener('click', advance(7 * 86_400_000));
  $('reload-sidebar').addEventListener('click', () => {
    ($('sidebar') as HTMLIFrameElement).contentWindow?.location.reload();
  });
  document.querySelectorAll<HTMLElement>('.dropdown > button').forEach((b) =>
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      const d = b.parentElement as HTMLElement;
      const open = d.classList.contains('open');
      closeMenus();
      if (open) return;
      d.classList.add('open');
      // Open towards the side with room.
      const menu = d.querySelector<HTMLElement>('.dropdown-menu');
      if (menu) {
        const box = b.getBoundingClientRect();
        const fits = box.left + menu.offsetWidth < window.innerWidth - 8;
        menu.style.left = fits ? '0' : 'auto';
        menu.style.right = fits ? 'auto' : '0';
      }
    }),
  );
  document.addEventListener('click', (e) => {
    if (!(e.target as HTMLElement).closest('.dropdown-menu')) closeMenus();
  });
  // The sidebar frame tells us when its server calls may have changed the workbook.
  window.addEventListener('message', (e) => {
    if (e.origin === location.origin && e.data === 'rop-desk:changed') void refresh();
  });
  setupGridEvents();
  setupFormDialog();
  listenForChanges();
  void refresh();
}

init();
