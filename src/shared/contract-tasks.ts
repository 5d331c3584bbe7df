/** Responses of the tasks methods (src/app/rpc/tasks.ts). Dates travel as ISO strings. */
export type TaskPriorityView = 'high' | 'normal' | 'low';
export type TaskStatusView = 'open' | 'done' | 'cancelled';

export interface TaskItem {
  id: string;
  what: string;
  /** Who it is for, as a person reads it (a name, a team, "everyone"). */
  whom: string;
  dealId: string;
  clientName: string;
  /** ISO instant; null when the row has none. */
  due: string | null;
  priority: TaskPriorityView;
  /** Name of who set it. */
  setBy: string;
  status: TaskStatusView;
  result: string;
  daysOverdue: number;
  overdue: boolean;
  /** The caller may complete it (it is for them and open). */
  canComplete: boolean;
  canCancel: boolean;
}

export interface TaskLate {
  email: string;
  name: string;
  overdue: number;
  maxDays: number;
}

export interface TasksView {
  tasks: TaskItem[];
  /** For the head and director: managers with overdue tasks, worst first. */
  late: TaskLate[];
  /** Whom a task can be set for (the head's form): people and teams. */
  people: Array<{ email: string; name: string }>;
  teams: string[];
  /** For the head and director when a period was asked: completion on time per manager. */
  onTime: Array<{ email: string; name: string; due: number; onTime: number; share: number | null }>;
}
