/**
 * A task the head of sales (or the director) sets: one row of the Tasks sheet. "For whom" is a
 * manager's email, a team name or "everyone"; the sidebar writes one row per person so that each
 * completion is counted, while a row typed by hand for a team is shared by its members.
 */
import type { Day, Instant } from '../time';

export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TaskPriority = 'high' | 'normal' | 'low';

export interface Task {
  row: number;
  id: string;
  what: string;
  /** As typed: an email (lower-case), a team name, or a word for everyone. */
  whom: string;
  dealId: string;
  clientName: string;
  /** When it is due; a date without a time is due at the end of that day. */
  due: Instant | null;
  priority: TaskPriority;
  setBy: string;
  status: TaskStatus;
  result: string;
  doneAt: Instant | null;
  doneBy: string;
  /** When the escalation mail went to the head (once per task). */
  escalatedAt: Instant | null;
  createdAt: Instant | null;
}

/** Completion on time of one manager over a period: tasks due in it. */
export interface OnTime {
  manager: string;
  /** Tasks due in the period and not cancelled. */
  due: number;
  /** Done by their due time. */
  onTime: number;
  /** Done after it. */
  late: number;
  /** Still open and past due. */
  overdue: number;
  /** onTime / due; null when nothing was due. */
  share: number | null;
}

export interface DayRange {
  from: Day;
  to: Day;
}
