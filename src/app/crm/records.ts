/**
 * The CRM operations the sidebar and triggers call. Each one runs under the document lock: read
 * the sheets it needs (one getValues each), validate with the core rules, refuse a stale update,
 * allocate ids, then write: one setValues per appended block, one per run of changed cells.
 */
import { UserError } from '../../core/errors';
import { CLIENTS, DEALS } from '../../core/workbook/schema';
import type { Instant } from '../../core/time';
import type { Client, Deal, Invoice } from '../../core/types';
import { assignLead } from '../../core/crm/assign';
import { DuplicateIndex } from '../../core/crm/duplicates';
import { IdAllocator } from '../../core/workbook/ids';
import {
  clientAfterActivity,
  clientChanges,
  dealAfterActivity,
  dealChanges,
  draftActivity,
  draftInvoice,
  draftLead,
  isClosed,
  isStale,
  moveDealStage,
  nextStamp,
  paymentChanges,
  snoozeChanges,
  staleError,
} from '../../core/crm/ops';
import { activityCells, toClient, toDeal, toInvoice } from '../../core/workbook/records';
import type {
  ActivityResult,
  AddInvoiceInput,
  AddLeadResult,
  ClientResult,
  CloseLostInput,
  CloseWonInput,
  DealResult,
  DuplicateCandidate,
  InvoiceResult,
  LeadInput,
  LogActivityInput,
  MoveStageInput,
  RegisterPaymentInput,
  SnoozeInput,
  UpdateClientInput,
  UpdateDealInput,
} from '../../core/crm/types';
import type { ClientKeys } from '../../core/crm/duplicates';
import type { Table } from '../../gas/sheets/table';
import type { Workbook } from '../../gas/workbook';
import { getDocProperty, setDocProperty } from '../../gas/properties';
import { locked, readOnly, type CrmSession } from './session';
import { dealAuditEntries } from '../../core/crm/audit';
import { recordAudit } from './audit';
import { appendStageHistory } from '../../gas/journal';

const ASSIGN_KEY = 'ropdesk.assign.last';

function notFound(id: unknown): UserError {
  return new UserError('error.notFound', { id: String(id ?? '') });
}

function requireId(id: unknown): string {
  const text = String(id ?? '')
    .trim()
    .toUpperCase();
  if (!text)
    throw new UserError('field.required', { field: 'ID' }, [
      { field: 'id', key: 'field.required', params: { field: 'ID' } },
    ]);
  return text;
}

/**
 * The deal to change, refused when someone changed it after the caller read it (`expected` is
 * the updatedAt the caller saw; leaving it out skips the check, as for triggers).
 */
function dealOf(
  s: CrmSession,
  id: unknown,
  expected?: Instant | null,
): { table: Table; deal: Deal } {
  const table = s.table('deals');
  const raw = s.wb.find('deals', requireId(id));
  if (!raw) throw notFound(id);
  const deal = toDeal(raw);
  if (isStale(deal.updatedAt, expected)) throw staleError(deal.id);
  return { table, deal };
}

/** As dealOf, and the deal must still be open (won and lost deals are not closed again). */
function openDealOf(
  s: CrmSession,
  id: unknown,
  expected?: Instant | null,
): { table: Table; deal: Deal } {
  const found = dealOf(s, id, expected);
  if (isClosed(found.deal, s.settings.stages)) {
    throw new UserError('crm.dealClosed', { id: found.deal.id, stage: found.deal.stage });
  }
  return found;
}

function clientOf(
  s: CrmSession,
  id: unknown,
  expected?: Instant | null,
): { table: Table; client: Client } {
  const table = s.table('clients');
  const raw = s.wb.find('clients', requireId(id));
  if (!raw) throw notFound(id);
  const client = toClient(raw);
  if (isStale(client.updatedAt, expected)) throw staleError(client.id);
  return { table, client };
}

/** Writes changes to a record read in this execution (the workbook keeps its copy in step). */
function write<T extends { row: number }>(
  s: CrmSession,
  table: Table,
  record: T,
  changes: Partial<T>,
): T {
  s.wb.update(table.def.key, record.row, changes as Record<string, unknown>);
  return { ...record, ...changes };
}

// ---- Leads ---------------------------------------------------------------------------------

/** Duplicate candidates for a would-be client (read-only, no lock: the form checks as you type). */
export function findDuplicates(wb: Workbook, query: ClientKeys): DuplicateCandidate[] {
  return readOnly(wb, (s) => new DuplicateIndex(s.wb.list('clients')).find(query));
}

function nextAssignee(s: CrmSession, requested: string): string {
  const last = getDocProperty(ASSIGN_KEY) ?? '';
  const who = assignLead(requested, s.user, s.managers(), s.settings, last);
  if (!requested && who && who !== last) setDocProperty(ASSIGN_KEY, who);
  return who;
}

/**
 * A client and a deal in one step (or a deal for an existing client). Duplicates are looked up
 * first: unless `force`, candidates come back instead of a new record, for the user to choose.
 */
export function addLead(wb: Workbook, input: LeadInput): AddLeadResult {
  return locked(wb, (s) => addLeadIn(s, input));
}

export function addLeadIn(
  s: CrmSession,
  input: LeadInput,
  opts: { needOptional?: boolean; contactOptional?: boolean } = {},
): AddLeadResult {
  const ctx = s.ctx();
  const existing = input.existingClientId ? clientOf(s, input.existingClientId).client : undefined;
  // Validate before anything else (and before the round-robin moves on).
  const requested = String(input.manager ?? '')
    .trim()
    .toLowerCase();
  const probe = draftLead(input, requested || existing?.manager || '-', ctx, existing, opts);
  if (!existing && !input.force) {
    const dups = new DuplicateIndex(s.wb.list('clients')).find({
      name: probe.client.name,
      phone: probe.client.phone,
      email: probe.client.email,
      inn: probe.client.inn,
    });
    if (dups.length) return { status: 'duplicates', duplicates: dups };
  }
  // Every sheet this writes to must be whole before the first write.
  s.table('deals');
  s.wb.requireHeader('stageHistory');
  if (input.firstConversation) s.wb.requireHeader('activities');
  const manager = requested || (existing ? existing.manager : nextAssignee(s, ''));
  const draft = draftLead(input, manager, ctx, existing, opts);
  return writeLead(s, draft, existing);
}

function writeLead(
  s: CrmSession,
  draft: ReturnType<typeof draftLead>,
  existing?: Client,
): AddLeadResult & { status: 'created' } {
  const clients = s.table('clients');
  s.table('deals');
  const clientId = existing ? existing.id : new IdAllocator('C', s.wb.ids('clients')).take();
  const dealId = new IdAllocator('D', s.wb.ids('deals')).take();
  if (!existing) {
    s.wb.append('clients', [{ id: clientId, ...draft.client }]);
  } else if (draft.activity) {
    write(s, clients, existing, {
      lastContactAt: draft.client.lastContactAt,
      updatedAt: draft.client.updatedAt,
    });
  }
  s.wb.append('deals', [{ id: dealId, clientId, ...draft.deal }]);
  const history = [
    {
      dealId,
      fromStage: '',
      toStage: draft.deal.stage,
      at: s.now,
      by: s.user || draft.deal.manager,
    },
  ];
  appendStageHistory(s.wb.ss, history, (r) => s.wb.append('stageHistory', r));
  let activityId: string | null = null;
  if (draft.activity) {
    [activityId] = s.wb.appendWithIds('activities', 'A', [
      {
        ...activityCells(
          {
            id: '',
            at: s.now,
            manager: draft.deal.manager,
            type: draft.activity.type,
            clientId,
            dealId,
            summary: draft.activity.summary,
            nextStep: draft.deal.nextStep,
            nextStepDate: draft.deal.nextStepDate,
          },
          s.lang,
        ),
        clientName: existing ? existing.name : draft.client.name,
      },
    ]);
  }
  return {
    status: 'created',
    clientId,
    dealId,
    activityId,
    manager: draft.deal.manager,
    clientCreated: !existing,
  };
}

// ---- Updates -------------------------------------------------------------------------------

export function updateClient(wb: Workbook, input: UpdateClientInput): ClientResult {
  return locked(wb, (s) => {
    const { table, client } = clientOf(s, input.id, input.expectedUpdatedAt);
    const changes = clientChanges(input.changes ?? {}, s.ctx());
    const record = write(s, table, client, {
      ...changes,
      updatedAt: nextStamp(client.updatedAt, s.now),
    });
    // Deals show their client's name: keep it in step (only this client's deals are written).
    if (changes.name !== undefined && changes.name !== client.name) {
      const deals = s.table('deals');
      for (const deal of s.wb.list('deals')) {
        if (deal.clientId === client.id) write(s, deals, deal, { clientName: changes.name });
      }
    }
    return { record };
  });
}

export function updateDeal(wb: Workbook, input: UpdateDealInput): DealResult {
  return locked(wb, (s) => {
    const { table, deal } = dealOf(s, input.id, input.expectedUpdatedAt);
    const changes = dealChanges(deal, input.changes ?? {}, s.ctx());
    const record = write(s, table, deal, {
      ...changes,
      updatedAt: nextStamp(deal.updatedAt, s.now),
    });
    auditPanel(s, deal, changes);
    return { record };
  });
}

// ---- Activities ----------------------------------------------------------------------------

/** Logs a completed activity and updates the deal (last activity, what was discussed, next step). */
export function logActivity(wb: Workbook, input: LogActivityInput): ActivityResult {
  return locked(wb, (s) => logActivityIn(s, input));
}

export function logActivityIn(s: CrmSession, input: LogActivityInput): ActivityResult {
  const ctx = s.ctx();
  const draft = draftActivity(input, ctx);
  let deal: Deal | null = null;
  let dealTable: Table | null = null;
  if (input.dealId) {
    ({ deal, table: dealTable } = dealOf(s, input.dealId, input.expectedUpdatedAt));
  }
  const clientId = deal ? deal.clientId : requireId(input.clientId);
  if (deal && input.clientId && requireId(input.clientId) !== deal.clientId) {
    throw new UserError('crm.dealClientMismatch', { deal: deal.id, client: deal.clientId });
  }
  const clientRaw = s.wb.find('clients', clientId);
  if (!clientRaw && !deal) throw notFound(clientId);
  // The deal's row is checked (and followed after a sort) before the activity is appended: a
  // row deleted since the read must not leave an activity behind for a refused update.
  if (deal) deal = { ...deal, row: s.wb.holding('deals', deal.row) };
  const [id] = s.wb.appendWithIds('activities', 'A', [
    {
      ...activityCells(
        {
          id: '',
          at: draft.at,
          manager: s.user || deal?.manager || (clientRaw ? String(clientRaw.cells.manager) : ''),
          type: draft.type,
          clientId,
          dealId: deal ? deal.id : '',
          summary: draft.summary,
          nextStep: draft.nextStep,
          nextStepDate: draft.nextStepDate,
        },
        s.lang,
      ),
      clientName: clientRaw ? String(clientRaw.cells.name ?? '') : (deal?.clientName ?? ''),
    },
  ]);
  if (deal && dealTable) {
    deal = write(s, dealTable, deal, {
      ...dealAfterActivity(deal, draft),
      updatedAt: nextStamp(deal.updatedAt, s.now),
    });
  }
  if (clientRaw) {
    const client = toClient(clientRaw);
    const changes = clientAfterActivity(client, draft.at);
    if (Object.keys(changes).length) write(s, s.table('clients'), client, changes);
  }
  return { activityId: id, deal };
}

// ---- Stages --------------------------------------------------------------------------------

export function moveStage(wb: Workbook, input: MoveStageInput): DealResult {
  return locked(wb, (s) => {
    const { table, deal } = dealOf(s, input.id, input.expectedUpdatedAt);
    const move = moveDealStage(
      deal,
      input.stage,
      { amount: input.amount, expectedClose: input.expectedClose },
      s.ctx(),
    );
    return { record: applyMove(s, table, deal, move, input.exitMet) };
  });
}

function applyMove(
  s: CrmSession,
  table: Table,
  deal: Deal,
  move: ReturnType<typeof moveDealStage>,
  exitMet?: boolean,
): Deal {
  if (move.history) s.wb.requireHeader('stageHistory');
  const record = write(s, table, deal, {
    ...move.changes,
    updatedAt: nextStamp(deal.updatedAt, s.now),
  });
  if (move.history)
    appendStageHistory(s.wb.ss, [{ ...move.history, exitMet }], (r) =>
      s.wb.append('stageHistory', r),
    );
  auditPanel(s, deal, move.changes);
  return record;
}

/** A change made in the panel, into the audit trail (only the audited fields it touched). */
function auditPanel(s: CrmSession, before: Deal, changes: Partial<Deal>): void {
  const meta = { at: s.now, user: s.user, lang: s.lang, source: 'panel' as const };
  recordAudit(s.wb, dealAuditEntries(before.id, before, changes, meta));
}

function closingStage(s: CrmSession, kind: 'won' | 'lost'): string {
  const stage = s.settings.stages.find((x) => x.kind === kind);
  return stage ? stage.name : kind;
}

export function closeWon(wb: Workbook, input: CloseWonInput): DealResult {
  return locked(wb, (s) => {
    const { table, deal } = openDealOf(s, input.id, input.expectedUpdatedAt);
    const move = moveDealStage(
      deal,
      closingStage(s, 'won'),
      { amount: input.amount, closedAt: input.closedAt },
      s.ctx(),
    );
    return { record: applyMove(s, table, deal, move, input.exitMet) };
  });
}

export function closeLost(wb: Workbook, input: CloseLostInput): DealResult {
  return locked(wb, (s) => {
    const { table, deal } = openDealOf(s, input.id, input.expectedUpdatedAt);
    const move = moveDealStage(
      deal,
      closingStage(s, 'lost'),
      { lostReason: input.reason, closedAt: input.closedAt },
      s.ctx(),
    );
    if (input.comment && input.comment.trim()) move.changes.lastDiscussed = input.comment.trim();
    return { record: applyMove(s, table, deal, move) };
  });
}

// ---- Snooze --------------------------------------------------------------------------------

export function snooze(wb: Workbook, input: SnoozeInput): DealResult | ClientResult {
  return locked(wb, (s) => {
    if (input.kind === 'client') {
      const { table, client } = clientOf(s, input.id, input.expectedUpdatedAt);
      const changes = snoozeChanges(input.until, input.reason, s.ctx(), CLIENTS.columns);
      return {
        record: write(s, table, client, {
          ...changes,
          updatedAt: nextStamp(client.updatedAt, s.now),
        }),
      };
    }
    const { table, deal } = dealOf(s, input.id, input.expectedUpdatedAt);
    const changes = snoozeChanges(input.until, input.reason, s.ctx(), DEALS.columns);
    return {
      record: write(s, table, deal, { ...changes, updatedAt: nextStamp(deal.updatedAt, s.now) }),
    };
  });
}

// ---- Invoices ------------------------------------------------------------------------------

export function addInvoice(wb: Workbook, input: AddInvoiceInput): InvoiceResult {
  return locked(wb, (s) => {
    let clientId = input.clientId ? requireId(input.clientId) : '';
    if (input.dealId) {
      const { deal } = dealOf(s, input.dealId);
      if (clientId && clientId !== deal.clientId) {
        throw new UserError('crm.dealClientMismatch', { deal: deal.id, client: deal.clientId });
      }
      clientId = deal.clientId;
    }
    if (!clientId) throw new UserError('crm.noDealOrClient');
    const client = s.wb.find('clients', clientId);
    if (!client) throw notFound(clientId);
    const draft = draftInvoice(input, clientId, s.ctx());
    const id = new IdAllocator('I', s.wb.ids('invoices')).take();
    const record: Omit<Invoice, 'row'> = { ...draft, id, number: draft.number || id };
    const row = s.wb.append('invoices', [
      { ...record, clientName: String(client.cells.name ?? '') },
    ]);
    return { record: { ...record, row } };
  });
}

export function registerPayment(wb: Workbook, input: RegisterPaymentInput): InvoiceResult {
  return locked(wb, (s) => {
    const table = s.table('invoices');
    const raw = s.wb.find('invoices', requireId(input.invoiceId));
    if (!raw) throw notFound(input.invoiceId);
    const invoice = toInvoice(raw);
    const changes = paymentChanges(invoice, input.amount, input.paidAt, s.ctx());
    return { record: write(s, table, invoice, changes) };
  });
}
