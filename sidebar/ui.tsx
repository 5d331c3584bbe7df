/**
 * Small building blocks: labelled fields with their error text, status and error boxes, progress
 * bars. Preact renders every string as a text node, so data never becomes markup here; nothing in
 * the sidebar sets raw HTML (a browser test scans these files for it).
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { CallError } from './rpc';
import { tr } from './i18n';

let nextId = 0;
export function useId(prefix: string): string {
  const ref = useRef('');
  if (!ref.current) ref.current = `${prefix}-${++nextId}`;
  return ref.current;
}

interface FieldProps {
  label: string;
  error?: string;
  required?: boolean;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => ComponentChildren;
}

/** A label, the control (given its id), and the error or hint tied to it by aria-describedby. */
export function Field({ label, error, required, hint, children }: FieldProps) {
  const id = useId('f');
  const msgId = error || hint ? `${id}-msg` : undefined;
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>
        {label}
        {required ? (
          <span class="req" title={tr('sb.required')}>
            {' *'}
          </span>
        ) : null}
      </label>
      {children(id, msgId)}
      {error ? (
        <div class="field-error" id={msgId} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div class="hint" id={msgId}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (v: string) => void;
  onBlur?: () => void;
  error?: string;
  required?: boolean;
  hint?: string;
  type?: string;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric' | 'decimal';
  autocomplete?: string;
  min?: number;
  max?: number;
  maxLength?: number;
}

export function TextField(props: TextFieldProps) {
  const { label, error, required, hint, onValue, ...rest } = props;
  return (
    <Field label={label} error={error} required={required} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          {...rest}
          type={rest.type ?? 'text'}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy}
          aria-required={required ? 'true' : undefined}
          onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

export function TextArea(props: {
  label: string;
  name: string;
  value: string;
  onValue: (v: string) => void;
  error?: string;
  required?: boolean;
  rows?: number;
  onBlur?: () => void;
}) {
  return (
    <Field label={props.label} error={props.error} required={props.required}>
      {(id, describedBy) => (
        <textarea
          id={id}
          name={props.name}
          rows={props.rows ?? 2}
          value={props.value}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
          aria-required={props.required ? 'true' : undefined}
          onBlur={props.onBlur}
          onInput={(e) => props.onValue((e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: {
  label: string;
  name: string;
  value: string;
  options: Option[];
  onValue: (v: string) => void;
  error?: string;
  required?: boolean;
  placeholder?: string;
}) {
  return (
    <Field label={props.label} error={props.error} required={props.required}>
      {(id, describedBy) => (
        <select
          id={id}
          name={props.name}
          value={props.value}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}
        >
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function Loading({ label }: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? tr('sb.loading')}
    </div>
  );
}

/** The message of a failed call, in the user's language. */
export function errorText(e: unknown): string {
  // Only a call that never got through is "no connection"; a refusal says what went wrong.
  if (e instanceof CallError) {
    if (e.code === 'network') return tr('sb.error.network');
    if (e.message) return e.message;
    if (e.detail) return tr('sb.error.failed', { detail: e.detail });
    return tr('error.internal');
  }
  return tr('sb.error.page', { detail: e instanceof Error ? e.message : String(e) });
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="error-box" role="alert">
      <strong>{tr('sb.error.title')}</strong>
      <div>{errorText(error)}</div>
      {onRetry ? (
        <button type="button" class="btn small" onClick={onRetry}>
          {tr('sb.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Notice({ text, kind = 'ok' }: { text: string; kind?: 'ok' | 'warn' }) {
  return (
    <div class={`notice ${kind}`} role="status" aria-live="polite">
      {text}
    </div>
  );
}

export function Bar(props: { fraction: number | null; label: string; neutral?: boolean }) {
  const { fraction, label } = props;
  const pct = fraction === null ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
  const tone =
    props.neutral || fraction === null
      ? ''
      : fraction >= 1
        ? 'good'
        : fraction >= 0.7
          ? 'mid'
          : 'low';
  return (
    <div
      class="bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(pct)}
    >
      <div class={`bar-fill ${tone}`} style={{ width: `${pct}%` }} />
    </div>
  );
}

/** Field errors from a failed call, keyed by field name, for the form that sent it. */
export function fieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (e instanceof CallError) for (const f of e.fields) out[f.field] ??= f.message;
  return out;
}

/** Tracks one pending call: its busy flag and last error; the form's own values stay untouched. */
export function useCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run<T>(p: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      return await p();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, setError };
}
