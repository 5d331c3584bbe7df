/**
 * Where features plug into the sidebar without editing each other's screens: each feature module
 * registers its parts here at load (sidebar/extensions.ts imports them), and the shell renders
 * what is registered. Four places: a screen of its own under the Team tab (the head's work
 * screens), a section of Today, a section of the Team screen, and a section of the deal card.
 * Order: lower `order` first.
 */
import type { ComponentChildren } from 'preact';
import type { Bootstrap } from '../src/shared/contract';
import type { SidebarKey } from './i18n';

export interface ScreenSlot {
  key: string;
  label: SidebarKey;
  order: number;
  visible: (boot: Bootstrap) => boolean;
  render: (boot: Bootstrap) => ComponentChildren;
}

export interface SectionSlot<P> {
  key: string;
  order: number;
  render: (props: P) => ComponentChildren;
}

export interface TodaySlotProps {
  boot: Bootstrap;
  /** Re-reads Today (a section changed something the lists show). */
  refresh: () => void;
}
export interface TeamSlotProps {
  boot: Bootstrap;
  /** The period the Team screen shows (its own text form, e.g. "2026-11"). */
  period: string;
}
export interface DealSlotProps {
  boot: Bootstrap;
  dealId: string;
  /** The deal changed (a stage move, lines): the card re-reads it. */
  onChanged: () => void;
}

export const SCREENS: ScreenSlot[] = [];
export const TODAY_SECTIONS: SectionSlot<TodaySlotProps>[] = [];
export const TEAM_SECTIONS: SectionSlot<TeamSlotProps>[] = [];
export const DEAL_SECTIONS: SectionSlot<DealSlotProps>[] = [];

export function ordered<T extends { order: number }>(slots: readonly T[]): T[] {
  return [...slots].sort((a, b) => a.order - b.order);
}
