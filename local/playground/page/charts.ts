/**
 * The sheet's embedded charts, drawn with chart.js over the grid where Sheets places them (the
 * anchor cell plus the offset), and redrawn in place when the data of their ranges changes. Each
 * chart's element carries the data chart.js drew (data-drawn), so tests compare it to the cells.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartView } from '../api';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PieController,
  PointElement,
  Title,
  Tooltip,
);

/** Sheets' default series colours, in its order. */
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043'];
/** Sheets' default size of a new embedded chart, in pixels. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 371;

interface Drawn {
  el: HTMLElement;
  chart: Chart;
  sig: string;
  type: string;
}

const drawn = new Map<string, Drawn>();

function config(v: ChartView): ChartConfiguration {
  const colors = v.colors.length ? v.colors : PALETTE;
  const pie = v.type === 'PIE';
  const line = v.type === 'LINE' || v.type === 'AREA';
  const datasets = v.series.map((s, i) => ({
    label: s.name,
    data: s.values,
    backgroundColor: pie
      ? s.values.map((_, j) => colors[j % colors.length])
      : colors[i % colors.length],
    borderColor: colors[i % colors.length],
    fill: v.type === 'AREA',
  }));
  const legend = ['top', 'bottom', 'left', 'right'].includes(v.legend) ? v.legend : 'right';
  return {
    type: pie ? 'pie' : line ? 'line' : 'bar',
    data: { labels: v.labels, datasets },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      indexAxis: v.type === 'BAR' ? 'y' : 'x',
      plugins: {
        title: { display: !!v.title, text: v.title },
        legend: {
          display: v.legend !== 'none',
          position: legend as 'top' | 'bottom' | 'left' | 'right',
        },
      },
      scales: pie
        ? {}
        : { x: { stacked: v.stacked }, y: { stacked: v.stacked, beginAtZero: true } },
    },
  } as ChartConfiguration;
}

/** What chart.js holds now, for the element's data-drawn (labels and each dataset's numbers). */
function drawnData(c: Chart): string {
  return JSON.stringify({
    labels: c.data.labels,
    datasets: c.data.datasets.map((d) => ({ label: d.label, data: d.data })),
  });
}

/**
 * Places and draws `views` in `layer` (absolutely positioned over the grid's content);
 * `at(row, col)` is the top-left corner of a cell in the layer's coordinates.
 */
export function drawCharts(
  layer: HTMLElement,
  sheet: string,
  views: ChartView[],
  at: (row: number, col: number) => { top: number; left: number },
): void {
  const keep = new Set<string>();
  for (const v of views) {
    const key = `${sheet}\u0000${v.id}`;
    keep.add(key);
    const sig = JSON.stringify(v);
    let d = drawn.get(key);
    if (d && d.sig !== sig && d.type === v.type) {
      // Same kind of chart: update in place, as Sheets redraws a chart when its cells change.
      const next = config(v);
      d.chart.data = next.data;
      d.chart.options = next.options ?? {};
      d.chart.update();
      d.sig = sig;
    } else if (d && d.sig !== sig) {
      d.chart.destroy();
      d.el.remove();
      drawn.delete(key);
      d = undefined;
    }
    if (!d) {
      const canvas = document.createElement('canvas');
      canvas.width = CHART_WIDTH;
      canvas.height = CHART_HEIGHT;
      canvas.setAttribute('role', 'img');
      const el = document.createElement('div');
      el.className = 'chart';
      el.append(canvas);
      d = { el, chart: new Chart(canvas, config(v)), sig, type: v.type };
      drawn.set(key, d);
    }
    const p = at(v.position.row, v.position.column);
    d.el.style.top = `${p.top + v.position.offsetY}px`;
    d.el.style.left = `${p.left + v.position.offsetX}px`;
    d.el.dataset.chartId = String(v.id);
    d.el.dataset.type = v.type;
    d.el.dataset.ranges = v.ranges.join(',');
    d.el.dataset.drawn = drawnData(d.chart);
    d.el.querySelector('canvas')?.setAttribute('aria-label', v.title);
    if (d.el.parentElement !== layer) layer.append(d.el);
  }
  for (const [key, d] of drawn) {
    if (keep.has(key) && d.el.parentElement === layer) continue;
    if (!keep.has(key) && key.startsWith(`${sheet}\u0000`)) {
      d.chart.destroy();
      drawn.delete(key);
    }
    d.el.remove();
  }
}
