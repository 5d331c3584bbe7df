/**
 * The deal card's answer (`dealCard`): the deal as Today shows it, plus its client, who owns it,
 * and its history — activities, stage changes and invoices — so the manager sees the whole deal
 * without leaving the panel. Types only; days and instants travel as ISO strings (contract.ts).
 */
import type { ActivityKind, DealItem, IsoDay, IsoInstant, Money } from './contract';

export interface DealCardActivity {
  id: string;
  at: IsoInstant | null;
  /** '' when the sheet's type cell was blank or unknown. */
  type: ActivityKind | '';
  summary: string;
  /** The manager's name (or email when the Managers sheet has no name). */
  by: string;
}

export interface DealCardStage {
  at: IsoInstant | null;
  from: string;
  to: string;
  by: string;
}

export interface DealCardInvoice {
  id: string;
  number: string;
  amount: Money;
  paid: Money;
  dueDate: IsoDay | null;
  paidAt: IsoDay | null;
}

export interface DealCardView {
  deal: DealItem;
  /** Whether the deal is still open (the one-click actions are offered only then). */
  open: boolean;
  /** The owner's name (or email). */
  manager: string;
  client: { id: string; name: string; contact: string; phone: string; email: string } | null;
  /** Newest first, capped; `moreActivities` says how many older ones were left out. */
  activities: DealCardActivity[];
  moreActivities: number;
  /** Newest first. */
  stages: DealCardStage[];
  invoices: DealCardInvoice[];
}
