/**
 * The funnel's stages as the analytics see them: order, kind (open / won / lost), probability and
 * rotting limit, found by name without caring about case or "ё". Stage names that the Settings
 * table does not list are classified by common won/lost words and otherwise treated as open.
 */
import type { StageDef, StageKind } from '../types';

export const DEFAULT_STAGES: readonly StageDef[] = [
  { name: 'Новая заявка', probability: 0.1, rottingDays: 1, kind: 'open', order: 1 },
  { name: 'Квалификация', probability: 0.2, rottingDays: 3, kind: 'open', order: 2 },
  { name: 'Встреча / презентация', probability: 0.4, rottingDays: 7, kind: 'open', order: 3 },
  { name: 'Коммерческое предложение', probability: 0.6, rottingDays: 7, kind: 'open', order: 4 },
  { name: 'Согласование договора', probability: 0.8, rottingDays: 10, kind: 'open', order: 5 },
  { name: 'Счёт выставлен', probability: 0.9, rottingDays: 14, kind: 'open', order: 6 },
  { name: 'Успешно', probability: 1, rottingDays: null, kind: 'won', order: 7 },
  { name: 'Проиграна', probability: 0, rottingDays: null, kind: 'lost', order: 8 },
];

/** English names of the default stages, so an English workbook reads the same funnel. */
const DEFAULT_EN = [
  'New lead',
  'Qualification',
  'Meeting / presentation',
  'Proposal',
  'Contract',
  'Invoiced',
  'Won',
  'Lost',
];

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
    if (!stages.length || stages === DEFAULT_STAGES) {
      DEFAULT_STAGES.forEach((s, i) => this.byName.set(normalizeStage(DEFAULT_EN[i]), s));
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
