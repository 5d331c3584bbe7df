/**
 * The pure parsers the sidebar runs in the browser, so that the lead form accepts exactly what the
 * server would (src/core/workbook/normalize is the one definition). The sidebar may import only from
 * src/shared (ESLint enforces it); add a name here when the page needs another parser.
 */
export {
  formatPhone,
  normalizeEmail,
  normalizeInn,
  normalizePhone,
  parseAmount,
  parseDateText,
} from '../core/workbook/normalize';
export { readLinePrice } from '../core/money/price-text';
