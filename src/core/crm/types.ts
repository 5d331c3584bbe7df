/**
 * Requests and results of the CRM operations (src/app/crm.ts). The sidebar's RPC contract
 * (src/shared/contract.ts) imports these. Everything crosses google.script.run, so no Date
 * objects: calendar dates travel as text (yyyy-MM-dd or dd.MM.yyyy), timestamps as epoch ms,
 * money as a number of roubles or the text the user typed ("1 234,50").
 */
import type { ActivityType, Client, Deal, Invoice } from '../types';
import type { FieldProblem } from '../errors';

/** Optimistic concurrency: the record's updatedAt as the caller read it (null = never updated). */
export interface Versioned {
  id: string;
  /** Omit to skip the check (triggers); the sidebar always sends what it read. */
  expectedUpdatedAt?: number | null;
}

export type DateInput = string | null;
export type AmountInput = string | number | null;

export interface LeadInput {
  /** Company (or person) name. */
  clientName: string;
  inn?: string;
  contactName?: string;
  phone?: string;
  email?: string;
  source?: string;
  /** Manager's email; empty = assigned by the Settings rule (round-robin by default). */
  manager?: string;
  /** The client's need and expectations. */
  need: string;
  /** Deal title; defaults to the client's name. */
  title?: string;
  /** Initial stage; defaults to the funnel's first stage. */
  stage?: string;
  amount?: AmountInput;
  currency?: string;
  expectedClose?: DateInput;
  /** Summary of the first conversation: becomes the deal's "last discussed" and an activity. */
  firstConversation?: string;
  firstConversationType?: ActivityType;
  nextStep?: string;
  nextStepDate?: DateInput;
  /** Add even when duplicates were found (the user saw them and chose to). */
  force?: boolean;
  /** Attach the deal to this existing client instead of creating one. */
  existingClientId?: string;
}

export type DuplicateField = 'phone' | 'email' | 'inn' | 'name';

export interface DuplicateCandidate {
  clientId: string;
  name: string;
  inn: string;
  phone: string;
  email: string;
  manager: string;
  /** 1-based sheet row, to open it. */
  row: number;
  matchedOn: DuplicateField[];
}

export type AddLeadResult =
  | { status: 'duplicates'; duplicates: DuplicateCandidate[] }
  | {
      status: 'created';
      clientId: string;
      dealId: string;
      activityId: string | null;
      manager: string;
      /** False when the deal was attached to an existing client. */
      clientCreated: boolean;
    };

export interface ClientChanges {
  name?: string;
  inn?: string;
  contactName?: string;
  phone?: string;
  email?: string;
  source?: string;
  manager?: string;
  need?: string;
}

export interface UpdateClientInput extends Versioned {
  changes: ClientChanges;
}

export interface DealChanges {
  title?: string;
  manager?: string;
  amount?: AmountInput;
  currency?: string;
  /** Percent 0..100 or a fraction 0..1; null clears it. */
  probability?: number | string | null;
  source?: string;
  need?: string;
  lastDiscussed?: string;
  nextStep?: string;
  nextStepDate?: DateInput;
  expectedClose?: DateInput;
}

export interface UpdateDealInput extends Versioned {
  changes: DealChanges;
}

export interface LogActivityInput {
  dealId?: string;
  /** Required when there is no deal; taken from the deal otherwise. */
  clientId?: string;
  type: ActivityType;
  summary: string;
  /** When it happened (epoch ms); default now. */
  at?: number | null;
  nextStep?: string;
  nextStepDate?: DateInput;
  expectedUpdatedAt?: number | null;
}

export interface MoveStageInput extends Versioned {
  stage: string;
  /** Needed when the new stage requires an amount and the deal has none. */
  amount?: AmountInput;
  expectedClose?: DateInput;
  /** The playbook's verdict, for Stage history (undefined: the move was not checked). */
  exitMet?: boolean;
}

export interface CloseWonInput extends Versioned {
  amount?: AmountInput;
  exitMet?: boolean;
  /** Default today. */
  closedAt?: DateInput;
}

export interface CloseLostInput extends Versioned {
  reason: string;
  comment?: string;
  closedAt?: DateInput;
}

export interface SnoozeInput extends Versioned {
  kind: 'deal' | 'client';
  /** A date; null lifts the snooze. */
  until: DateInput;
  reason?: string;
}

export interface AddInvoiceInput {
  clientId?: string;
  dealId?: string;
  number?: string;
  issuedAt?: DateInput;
  dueDate: DateInput;
  amount: AmountInput;
  currency?: string;
}

export interface RegisterPaymentInput {
  invoiceId: string;
  amount: AmountInput;
  paidAt?: DateInput;
}

/** The record as it is now, after an operation (for the sidebar to refresh its copy). */
export interface OpResult<T> {
  record: T;
}

export type ClientResult = OpResult<Client>;
export type DealResult = OpResult<Deal>;
export type InvoiceResult = OpResult<Invoice>;

export interface ActivityResult {
  activityId: string;
  deal: Deal | null;
}

// ---- Import ------------------------------------------------------------------------------------

export interface ImportFileInput {
  name: string;
  /** File bytes as base64 (google.script.run cannot carry binary). */
  base64: string;
}

export interface ImportRowProblem {
  /** 1-based row in the file (header = row 1). */
  row: number;
  /** Localised reason(s). */
  reasons: string[];
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** Header cells of the file and the ROP Desk field each maps to ('' = ignored). */
  columns: Array<{ header: string; field: string }>;
  totalRows: number;
  /** Rows that would be added, merged into an existing client, or rejected. */
  toAdd: number;
  toMerge: number;
  rejected: ImportRowProblem[];
  /** The first rows as they would be imported. */
  sample: Array<Record<string, string>>;
}

export interface ImportReport {
  added: number;
  /** Rows whose client already existed: the deal was added to that client. */
  merged: Array<{ row: number; clientId: string; dealId: string }>;
  rejected: ImportRowProblem[];
  clientIds: string[];
  dealIds: string[];
}

export type { FieldProblem };
