/**
 * The fact basis of the plan functions (SALES_PLAN_FACT, SALES_FORECAST, SALES_BONUS,
 * SALES_FORECAST_NEXT): "won" counts won deals by close date, "payments" the Invoices range's
 * payments by payment date, as the dashboard does under the Settings fact basis.
 */
import { UserError } from '../../errors';
import { toInvoice } from '../../workbook/records';
import { INVOICES } from '../../workbook/schema';
import type { FactBasis, Invoice } from '../../types';
import { basisArg, isBlank, tableArg } from '../args';
import type { FunctionRun } from './run';

export interface BasisInputs {
  basis: FactBasis;
  invoices: Invoice[];
}

/** Blank basis = won deals, as before the argument existed; payments need the invoices. */
export function basisInputs(run: FunctionRun, basis: unknown, invoices: unknown): BasisInputs {
  const b = basisArg(run, 'basis', basis, 'won');
  if (isBlank(invoices)) {
    if (b === 'payments')
      throw new UserError('error.badArgument', {
        name: 'invoices',
        problem: run.problem('fc.arg.needInvoices'),
      });
    return { basis: b, invoices: [] };
  }
  return { basis: b, invoices: tableArg(run, 'invoices', invoices, INVOICES).map(toInvoice) };
}
