/**
 * The sidebar's pictures, drawn as SVG by the page itself (no chart library: the page must stay
 * small). Each is one `role="img"` with its numbers in `aria-label`, and draws its numbers as text
 * too, so nothing is told by colour alone: tones repeat what a number or a pattern already says.
 * Drawn in a 280-unit-wide box that the 300 px panel shows at about its own size.
 */
import type { ComponentChildren } from 'preact';

const W = 280;

/** The tone the progress bars use: done, close, far. */
export const tone = (f: number): string => (f >= 1 ? 'good' : f >= 0.7 ? 'mid' : 'low');

function Svg(props: { h: number; label: string; kind: string; children: ComponentChildren }) {
  return (
    <svg
      class={`chart ${props.kind}`}
      viewBox={`0 0 ${W} ${props.h}`}
      role="img"
      aria-label={props.label}
      data-chart={props.kind}
    >
      {props.children}
    </svg>
  );
}

/**
 * Columns over periods or weeks: each value's height in proportion to the largest (and to `goal`,
 * drawn as a dashed line), its text above and its label below. A null is drawn as an empty
 * dashed box with a dash: no plan, not zero.
 */
export function Columns(props: {
  values: Array<number | null>;
  labels: string[];
  text: (v: number) => string;
  label: string;
  kind: string;
  goal?: number;
  tones?: boolean;
}) {
  const { values, goal } = props;
  const top = 12;
  const base = 44;
  const max = Math.max(goal ?? 0, ...values.map((v) => v ?? 0)) || 1;
  const w = W / values.length;
  const y = (v: number): number => base - ((base - top) * Math.max(0, v)) / max;
  return (
    <Svg h={56} label={props.label} kind={props.kind}>
      {goal === undefined ? null : <line class="goal" x1={0} x2={W} y1={y(goal)} y2={y(goal)} />}
      {values.map((v, i) => {
        const x = i * w + w / 2;
        return (
          <g key={i}>
            {v === null ? (
              <rect class="none" x={x - w / 2 + 5} y={top} width={w - 10} height={base - top} />
            ) : (
              <rect
                class={props.tones ? tone(v) : 'plain'}
                x={x - w / 2 + 5}
                y={y(v)}
                width={w - 10}
                height={base - y(v)}
                data-value={v}
              />
            )}
            <text x={x} y={v === null ? base - 4 : y(v) - 2}>
              {v === null ? '—' : props.text(v)}
            </text>
            <text class="axis" x={x} y={55}>
              {props.labels[i]}
            </text>
          </g>
        );
      })}
    </Svg>
  );
}

/**
 * Fact against plan with a marker where an even pace over the working days puts the fact today.
 * The scale is the larger of plan and fact, so an exceeded plan still fits.
 */
export function PaceBar(props: {
  fact: number;
  plan: number;
  expected: number;
  label: string;
  mark: string;
}) {
  const scale = Math.max(props.plan, props.fact, 1);
  const x = (v: number): number => (W * Math.max(0, v)) / scale;
  const ex = x(props.expected);
  const anchor = ex < W / 4 ? ' start' : ex > (3 * W) / 4 ? ' end' : '';
  return (
    <Svg h={36} label={props.label} kind="pace">
      <rect class="track" x={0} y={4} width={x(props.plan)} height={14} data-value={props.plan} />
      <rect
        class={tone(props.fact / (props.expected || 1))}
        x={0}
        y={6}
        width={x(props.fact)}
        height={10}
        data-value={props.fact}
      />
      <line class="marker" x1={ex} x2={ex} y1={0} y2={22} data-value={props.expected} />
      <text class={`axis${anchor}`} x={ex} y={33}>
        {props.mark}
      </text>
    </Svg>
  );
}

/** Stages as bars centred on one axis, each as wide as the deals that reached it. */
export function FunnelChart(props: {
  steps: Array<{ name: string; value: number; text: string }>;
  label: string;
}) {
  const top = Math.max(1, ...props.steps.map((s) => s.value));
  const row = 30;
  const width = (v: number): number => (W * v) / top;
  return (
    <Svg h={props.steps.length * row} label={props.label} kind="funnel">
      {props.steps.map((s, i) => {
        const y = i * row;
        const w = width(s.value);
        const next = props.steps[i + 1];
        const nw = next ? width(next.value) : 0;
        return (
          <g key={i}>
            <text class="name" x={0} y={y + 10}>
              {s.name}
            </text>
            <text class="num" x={W} y={y + 10}>
              {s.text}
            </text>
            <rect
              class="plain"
              x={(W - w) / 2}
              y={y + 13}
              width={w}
              height={12}
              data-value={s.value}
            />
            {next ? (
              <polygon
                class="neck"
                points={`${(W - w) / 2},${y + 25} ${(W + w) / 2},${y + 25} ${(W + nw) / 2},${y + row + 13} ${(W - nw) / 2},${y + row + 13}`}
              />
            ) : null}
          </g>
        );
      })}
    </Svg>
  );
}

export interface StackRow {
  name: string;
  text: string;
  parts: number[];
}

/** Hatches tell the buckets apart without colour; the legend repeats each bucket's amount. */
function Patterns() {
  return (
    <defs>
      {[2, 3].map((i) => (
        <pattern
          key={i}
          id={`pat${i}`}
          width={i * 2}
          height={i * 2}
          patternUnits="userSpaceOnUse"
          patternTransform={`rotate(${i === 2 ? 45 : -45})`}
        >
          <rect class={`b${i}`} width={i * 2} height={i * 2} />
          <line x1={0} y1={0} x2={0} y2={i * 2} />
        </pattern>
      ))}
    </defs>
  );
}

/**
 * Amounts by bucket as stacked bars: the total first with a legend of the buckets and their
 * amounts, then one bar per row (a manager), all rows on one scale so they compare.
 */
export function Stacks(props: {
  total: StackRow;
  legend: string[];
  rows: StackRow[];
  rowsTitle: string;
  label: string;
}) {
  const legendTop = 26;
  const rowsTop = legendTop + props.legend.length * 14 + (props.rows.length ? 16 : 0);
  const sum = (r: StackRow): number => r.parts.reduce((a, b) => a + b, 0);
  const scale = Math.max(1, ...props.rows.map(sum));
  const bar = (r: StackRow, y: number, of: number) => {
    let x = 0;
    return r.parts.map((v, i) => {
      const w = (W * v) / of;
      x += w;
      return v > 0 ? (
        <rect key={i} class={`k${i}`} x={x - w} y={y} width={w} height={12} data-value={v} />
      ) : null;
    });
  };
  return (
    <Svg h={rowsTop + props.rows.length * 30} label={props.label} kind="aging">
      <Patterns />
      <text class="num" x={W} y={10}>
        {props.total.text}
      </text>
      {bar(props.total, 13, Math.max(1, sum(props.total)))}
      {props.legend.map((text, i) => (
        <g key={i}>
          <rect class={`k${i}`} x={0} y={legendTop + i * 14} width={10} height={10} />
          <text class="name" x={14} y={legendTop + i * 14 + 9}>
            {text}
          </text>
        </g>
      ))}
      {props.rows.length ? (
        <text class="name strong" x={0} y={rowsTop - 6}>
          {props.rowsTitle}
        </text>
      ) : null}
      {props.rows.map((r, j) => (
        <g key={j} data-row={r.name}>
          <text class="name" x={0} y={rowsTop + j * 30 + 10}>
            {r.name}
          </text>
          <text class="num" x={W} y={rowsTop + j * 30 + 10}>
            {r.text}
          </text>
          {bar(r, rowsTop + j * 30 + 13, scale)}
        </g>
      ))}
    </Svg>
  );
}
