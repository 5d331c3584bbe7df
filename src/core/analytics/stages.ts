/**
 * The funnel's stages as the analytics see them: order, kind (open / won / lost), probability and
 * rotting limit, found by name without caring about case or "ё". Stage names that the Settings
 * table does not list are classified by common won/lost words and otherwise treated as open.
 */
import { DEFAULT_STAGES as CATALOGUE, defaultStages } from '../workbook/settings';
import type { StageDef, StageKind } from '../types';

/**
 * The default funnel, from the one catalogue the Settings sheet is written from (Russian names);
 * its English names are read as the same stages, so a deal typed «Won» or «Meeting» counts in a
 * Russian workbook and «Успешно» in an English one, with or without a Settings sheet.
 */
export const DEFAULT_STAGES: readonly StageDef[] = defaultStages('ru');

const WON_WORDS = /^(успешн|выигран|won|closed won|win|оплачен|реализован)/;
const LOST_WORDS = /^(проигран|отказ|lost|closed lost|закрыта и не реализ|не реализ)/;

export function normalizeStage(name: string): string {
  return String(name ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

export class StageIndex {
  /** Open stages in funnel order, then the won stage(s). */
  readonly open: StageDef[];
  readonly all: StageDef[];
  private readonly byName = new Map<string, StageDef>();

  constructor(stages: readonly StageDef[] = DEFAULT_STAGES) {
    const list = (stages.length ? stages : DEFAULT_STAGES)
      .slice()
      .sort((a, b) => a.order - b.order);
    this.all = list;
    this.open = list.filter((s) => s.kind === 'open');
    for (const s of list) this.byName.set(normalizeStage(s.name), s);
    // A stage named as a default one in either language answers to its other-language name too
    // (never over a name the Settings table itself uses).
    for (const d of CATALOGUE) {
      const ru = normalizeStage(d.ru);
      const en = normalizeStage(d.en);
      const mine = this.byName.get(ru) ?? this.byName.get(en);
      if (!mine) continue;
      if (!this.byName.has(ru)) this.byName.set(ru, mine);
      if (!this.byName.has(en)) this.byName.set(en, mine);
    }
  }

  /** Lookups by the raw cell text: tens of thousands of deals share a handful of stage names. */
  private readonly raw = new Map<
    string,
    { def: StageDef | undefined; kind: StageKind; position: number }
  >();

  private lookup(name: string): { def: StageDef | undefined; kind: StageKind; position: number } {
    let hit = this.raw.get(name);
    if (hit) return hit;
    const n = normalizeStage(name);
    const def = this.byName.get(n);
    const kind: StageKind = def
      ? def.kind
      : WON_WORDS.test(n)
        ? 'won'
        : LOST_WORDS.test(n)
          ? 'lost'
          : 'open';
    const position = def && def.kind === 'open' ? this.open.indexOf(def) : -1;
    hit = { def, kind, position };
    this.raw.set(name, hit);
    return hit;
  }

  get(name: string): StageDef | undefined {
    return this.lookup(name).def;
  }

  kindOf(name: string): StageKind {
    return this.lookup(name).kind;
  }

  /** 0-based position among the open stages; -1 for won/lost/unknown stages. */
  openPosition(name: string): number {
    return this.lookup(name).position;
  }

  probabilityOf(name: string): number {
    const s = this.get(name);
    if (s) return s.probability;
    const kind = this.kindOf(name);
    return kind === 'won' ? 1 : 0;
  }

  rottingDaysOf(name: string): number | null {
    return this.get(name)?.rottingDays ?? null;
  }
}
