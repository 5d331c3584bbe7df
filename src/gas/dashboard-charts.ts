/**
 * The Dashboard's native charts, created once and then updated in place. Each chart's id is kept
 * in the Dashboard sheet's developer metadata (key ropdesk.chart.<name>), so a refresh finds its
 * own charts however the user moved or restyled them, and never adds a second copy.
 */
import type { ChartModel, DashBlock } from '../core/analytics/dashboard';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export const CHART_META_PREFIX = 'ropdesk.chart.';

export function syncCharts(
  sheet: Sheet,
  charts: readonly ChartModel[],
  blocks: readonly DashBlock[],
): void {
  const meta = new Map<string, GoogleAppsScript.Spreadsheet.DeveloperMetadata>();
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey().startsWith(CHART_META_PREFIX)) meta.set(m.getKey(), m);
  }
  const existing = sheet.getCharts();
  const byId = new Map<string, EmbeddedChart>();
  for (const c of existing) byId.set(String(c.getChartId()), c);
  let created = false;
  const pending: Array<[string, ChartModel]> = [];

  for (const model of charts) {
    const block = blocks.find((b) => b.key === model.block);
    if (!block) continue;
    // Header row + data rows (at least one, so an empty block still makes a valid range).
    const rows = Math.max(1, Math.min(block.rows.length, model.rows ?? block.rows.length));
    const range = sheet.getRange(block.row + 1, block.column, 1 + rows, model.columns);
    const key = CHART_META_PREFIX + model.key;
    const id = meta.get(key)?.getValue() ?? '';
    const chart = id ? byId.get(id) : undefined;
    const type =
      model.type === 'BAR'
        ? Charts.ChartType.BAR
        : model.type === 'LINE'
          ? Charts.ChartType.LINE
          : Charts.ChartType.COLUMN;
    if (chart) {
      // Position is left to the user once the chart exists; data, type and title follow the sheet.
      sheet.updateChart(
        chart
          .modify()
          .clearRanges()
          .addRange(range)
          .setChartType(type)
          .setOption('title', model.title)
          .build(),
      );
      continue;
    }
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(type)
        .addRange(range)
        .setNumHeaders(1)
        .setOption('title', model.title)
        .setOption('legend', { position: 'bottom' })
        .setPosition(model.row, model.column, 0, 0)
        .build(),
    );
    created = true;
    pending.push([key, model]);
  }
  if (!created) return;
  // A freshly inserted chart gets its id from the sheet: read them back once and remember the new.
  const known = new Set(byId.keys());
  const fresh = sheet
    .getCharts()
    .map((c) => String(c.getChartId()))
    .filter((id) => !known.has(id));
  pending.forEach(([key], i) => {
    const id = fresh[i];
    if (!id) return;
    const m = meta.get(key);
    if (m) m.setValue(id);
    else sheet.addDeveloperMetadata(key, id);
  });
}
