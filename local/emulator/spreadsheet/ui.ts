/** SpreadsheetApp.getUi(): menus, sidebars, dialogs, alerts and prompts, all recorded. */
import { Svc, instrument, type Runtime } from '../runtime';

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export type ButtonName = keyof typeof Button;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

/** Where Sheets draws a menu: createMenu adds a top-level menu next to Help; createAddonMenu
 * puts a sub-menu under Extensions, named after the add-on or, in a container-bound script,
 * after the script project ("Untitled project" until renamed). */
export type MenuPlacement = 'menubar' | 'extensions';

export interface MenuSpec {
  title: string;
  addon: boolean;
  placement: MenuPlacement;
  items: MenuEntry[];
}

export interface HtmlShown {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  /** The page as Google serves it: the output's content without its own <meta name/http-equiv>
   * tags, which Google ignores. */
  content: string;
  /** The meta tags in effect: only those set with HtmlOutput.addMetaTag. */
  metaTags: Array<{ name: string; content: string }>;
  width: number | null;
  height: number | null;
  at: number;
}

export interface AlertShown {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  /** The text shown: title and prompt joined (what a person reads). */
  message: string;
  buttons: string;
  response: ButtonName;
  text: string;
  at: number;
}

/** What the UI recorded, and the answers queued for the next alerts/prompts. */
export class UiLog {
  menus: MenuSpec[] = [];
  shown: HtmlShown[] = [];
  alerts: AlertShown[] = [];
  /** Queue of answers for alert/prompt; when empty the first button (OK/YES) is pressed. */
  answers: Array<{ button: ButtonName; text?: string }> = [];
  get sidebars(): HtmlShown[] {
    return this.shown.filter((s) => s.kind === 'sidebar');
  }
  answer(button: ButtonName, text?: string): void {
    this.answers.push({ button, text });
  }
}

/** Anything with the HtmlOutput getters a sidebar needs. */
export interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  _meta?: ReadonlyArray<{ name: string; content: string }>;
  _width?: number | null;
  _height?: number | null;
}

export class Menu extends Svc {
  readonly _items: MenuEntry[] = [];
  constructor(
    rt: Runtime,
    private readonly _log: UiLog,
    readonly _title: string,
    private readonly _addon: boolean,
  ) {
    super(rt);
  }
  addItem(caption: string, functionName: string): this {
    this._items.push({
      kind: 'item',
      caption: String(caption),
      functionName: String(functionName),
    });
    return this;
  }
  addSeparator(): this {
    this._items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: Menu): this {
    this._items.push({ kind: 'submenu', caption: menu._title, items: [...menu._items] });
    return this;
  }
  addToUi(): void {
    const spec: MenuSpec = {
      title: this._title,
      addon: this._addon,
      placement: this._addon ? 'extensions' : 'menubar',
      items: [...this._items],
    };
    const i = this._log.menus.findIndex((m) => m.title === spec.title && m.addon === spec.addon);
    if (i >= 0) this._log.menus[i] = spec;
    else this._log.menus.push(spec);
  }
}
instrument(Menu, 'Menu');

/**
 * "Meta tags included directly in an Apps Script HTML file are ignored"; only
 * HtmlOutput.addMetaTag sets them (viewport, apple-mobile-web-app-capable,
 * mobile-web-app-capable): https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String).
 * <meta charset> stays: Google serves the page as UTF-8 anyway.
 */
export function withoutMetaTags(html: string): string {
  return html.replace(/<meta\s+(?![^>]*\bcharset\s*=)[^>]*>\s*/gi, '');
}

export class Ui extends Svc {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    rt: Runtime,
    private readonly _log: UiLog,
    /** createAddonMenu's title: the add-on's name, or the bound script project's name. */
    private readonly _addonName: string,
  ) {
    super(rt);
  }
  createMenu(caption: string): Menu {
    return new Menu(this._rt, this._log, String(caption), false);
  }
  createAddonMenu(): Menu {
    return new Menu(this._rt, this._log, this._addonName, true);
  }
  private _show(kind: HtmlShown['kind'], html: HtmlLike, title?: string): void {
    this._log.shown.push({
      kind,
      title: title ?? html.getTitle(),
      content: withoutMetaTags(html.getContent()),
      metaTags: [...(html._meta ?? [])],
      width: html._width ?? null,
      height: html._height ?? null,
      at: this._rt.clock.now(),
    });
  }
  showSidebar(html: HtmlLike): void {
    this._show('sidebar', html);
  }
  showModalDialog(html: HtmlLike, title: string): void {
    this._show('modal', html, title);
  }
  showModelessDialog(html: HtmlLike, title: string): void {
    this._show('modeless', html, title);
  }
  private _ask(kind: 'alert' | 'prompt', args: unknown[]): { button: ButtonName; text: string } {
    let title = '';
    let prompt = '';
    let buttons: string = kind === 'alert' ? 'OK' : 'OK';
    const strings = args.filter((a) => typeof a === 'string') as string[];
    const set = args.find((a) => typeof a === 'string' && a in ButtonSet && args.indexOf(a) > 0) as
      string | undefined;
    const texts = strings.filter((s) => s !== set);
    if (texts.length >= 2) [title, prompt] = texts;
    else prompt = texts[0] ?? '';
    if (set) buttons = set;
    const next = this._log.answers.shift();
    const button: ButtonName = next?.button ?? (buttons.startsWith('YES') ? 'YES' : 'OK');
    const text = next?.text ?? '';
    this._log.alerts.push({
      kind,
      title,
      prompt,
      message: title ? `${title}: ${prompt}` : prompt,
      buttons,
      response: button,
      text,
      at: this._rt.clock.now(),
    });
    return { button, text };
  }
  alert(...args: unknown[]): ButtonName {
    return this._ask('alert', args).button;
  }
  prompt(...args: unknown[]): { getResponseText(): string; getSelectedButton(): ButtonName } {
    const r = this._ask('prompt', args);
    return { getResponseText: () => r.text, getSelectedButton: () => r.button };
  }
}
instrument(Ui, 'Ui');
