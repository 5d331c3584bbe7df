/**
 * What the playground's page and server say to each other (JSON over HTTP). One module used by
 * both sides, like src/shared/contract.ts is for the sidebar.
 */
export interface UserInfo {
  email: string;
  name: string;
  role: string;
  team: string;
}

export interface MenuItem {
  label: string;
  fn: string;
}

export interface TriggerInfo {
  uid: string;
  handler: string;
  /** Human description: "daily at 9:00", "on form submit", ... */
  description: string;
  owner: string;
  /** Time-driven: can be fired from the page (others fire on their event). */
  clock: boolean;
  /** On form submit: the page can send a Google Form response to it. */
  form: boolean;
}

/** The questions of the simulated Google Form, in the workbook's language. */
export interface FormQuestions {
  sheet: string;
  questions: string[];
}

export interface SheetTab {
  name: string;
  rows: number;
  cols: number;
}

export interface PlaygroundState {
  version: number;
  workbookPath: string;
  savedAt: number | null;
  saveError: string | null;
  /** A change is not on disk yet. */
  saving: boolean;
  user: string;
  users: UserInfo[];
  now: number;
  /** The clock as wall time in the spreadsheet zone: "2026-11-27T09:00". */
  nowWall: string;
  timeZone: string;
  locale: string;
  sheets: SheetTab[];
  /** The sheet the last execution activated (openRecord, setActiveSheet), as Sheets would show. */
  activeSheet: string;
  menu: Array<MenuItem | null>;
  /** Where Sheets shows that menu: a top-level menu (createMenu) or under Extensions. */
  menuPlace: { title: string; placement: 'menubar' | 'extensions' };
  triggers: TriggerInfo[];
  form: FormQuestions;
  outboxCount: number;
  /** Alerts and toasts the last execution showed (Ui.alert, Spreadsheet.toast). */
  notices: string[];
  /** Whether menuOpenSidebar (or the last run) asked for the sidebar. */
  sidebarVersion: number;
}

export interface SheetPage {
  name: string;
  /** Rows with content (getLastRow), and the columns shown (getLastColumn and a few empty). */
  rows: number;
  cols: number;
  frozenRows: number;
  /** Columns that stay put while scrolling sideways. */
  frozenCols: number;
  /** Empty rows Sheets shows after the last one, to type new rows into. */
  blankRows: number;
  /** Pixel widths per column (Sheets' defaults when unknown). */
  widths: number[];
  /** 1-based sheet row of cells[0] for the body; frozen rows come first and are not paged. */
  offset: number;
  frozen: string[][];
  frozenAlign: string[];
  frozenLooks: string[][];
  cells: string[][];
  /** One character per cell: l, r or c (left, right, centre), like Sheets aligns by type. */
  align: string[];
  /** Inline CSS per cell from the sheet's formatting (bold, colours, alignment); '' = none. */
  looks: string[][];
  /** Inline CSS per body cell that a conditional format rule paints ('' = none). */
  marks: string[][];
  frozenMarks: string[][];
  /** The sheet's embedded charts, with their ranges' data as it is now. */
  charts: ChartView[];
  /** The basic filter ("Data -> Create a filter"): its header row and columns; null = none. */
  filter: { row: number; col: number; cols: number } | null;
}

/** An embedded chart as Sheets would draw it: its spec and the data read from its ranges. */
export interface ChartView {
  id: number;
  /** Sheets' chart type: COLUMN, BAR, LINE, PIE, ... */
  type: string;
  title: string;
  colors: string[];
  stacked: boolean;
  legend: string;
  /** 'Sheet'!A1:C5 of each range, for the record. */
  ranges: string[];
  /** The anchor cell (1-based) and the offset in pixels from its top-left corner. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  labels: string[];
  series: Array<{ name: string; values: number[] }>;
}

export interface CellInfo {
  a1: string;
  /** What the formula bar shows: the formula, or the value as it would be typed. */
  input: string;
}

export interface OutboxItem {
  index: number;
  to: string;
  cc: string;
  subject: string;
  at: number;
  atText: string;
  hasHtml: boolean;
}

export interface OutboxMail extends OutboxItem {
  from: string;
  body: string;
  htmlBody: string;
}

export interface Execution {
  id: number;
  fn: string;
  kind: 'menu' | 'trigger' | 'rpc' | 'edit' | 'setup' | 'custom';
  user: string;
  at: number;
  ms: number;
  ok: boolean;
  error: string;
  calls: number;
}

export interface LogView {
  sheet: string;
  header: string[];
  /** Newest first. */
  rows: string[][];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string };
