/**
 * Who may do what with a task, checked by the server (the sidebar only hides buttons): the head
 * and the director see and set every task; a manager sees tasks for them (by email, team or
 * everyone), completes them with a result, and changes nothing else of a task someone set.
 */
import type { Manager } from '../types';
import { isAssignee } from './rules';
import type { Task } from './types';

export const isLeader = (me: Pick<Manager, 'role'>): boolean =>
  me.role === 'head' || me.role === 'director';

export function canSee(task: Task, me: Manager, managers: readonly Manager[]): boolean {
  return isLeader(me) || task.setBy === me.email || isAssignee(task, me.email, managers);
}

export function canComplete(task: Task, me: Manager, managers: readonly Manager[]): boolean {
  return task.status === 'open' && isAssignee(task, me.email, managers);
}

/** The one who set it, or a head of sales. */
export function canCancel(task: Task, me: Manager): boolean {
  return task.status === 'open' && (me.role === 'head' || (!!me.email && task.setBy === me.email));
}

/** Columns a manager may type into on a task someone else set: the completion ones. */
export const MANAGER_TASK_COLUMNS: ReadonlySet<string> = new Set([
  'status',
  'result',
  'doneAt',
  'doneBy',
]);
