/**
 * Import (head of sales): a real <form> with a file input, sent as the sole argument of
 * google.script.run (the only way a file reaches Apps Script). "Check" previews the column
 * mapping and the rows that would be rejected and why; "Import" writes and reports what was
 * added, merged with duplicates and rejected. The chosen file stays selected after a failure.
 */
import { useRef, useState } from 'preact/hooks';
import { UPLOAD_FIELDS, type ImportReport, type UploadMode } from '../src/shared/contract';
import { upload } from './rpc';
import { tr } from './i18n';
import { ErrorBox, Loading, Notice, useCall, useId } from './ui';

export function ImportPanel() {
  const formRef = useRef<HTMLFormElement>(null);
  const modeRef = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [needFile, setNeedFile] = useState(false);
  const c = useCall();
  const fileId = useId('file');

  async function send(mode: UploadMode) {
    const form = formRef.current;
    const file = form?.elements.namedItem(UPLOAD_FIELDS.file) as HTMLInputElement | null;
    if (!form || !file?.files?.length) {
      setNeedFile(true);
      file?.focus();
      return;
    }
    setNeedFile(false);
    if (modeRef.current) modeRef.current.value = mode;
    const r = await c.run(() => upload(form));
    if (r) setReport(r);
  }

  const canImport =
    report !== null &&
    report.mode === 'preview' &&
    !report.missing.length &&
    report.added + report.merged > 0;

  return (
    <div class="import">
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          void send('preview');
        }}
        aria-busy={c.busy ? 'true' : 'false'}
      >
        <div class={needFile ? 'field invalid' : 'field'}>
          <label for={fileId}>{tr('sb.import.file')}</label>
          <input
            id={fileId}
            type="file"
            name={UPLOAD_FIELDS.file}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={needFile ? 'true' : undefined}
            onChange={() => {
              setReport(null);
              setNeedFile(false);
            }}
          />
          {needFile ? (
            <div class="field-error" role="alert">
              {tr('sb.import.chooseFile')}
            </div>
          ) : null}
        </div>
        <input ref={modeRef} type="hidden" name={UPLOAD_FIELDS.mode} value="preview" />
        <div class="form-buttons">
          <button type="submit" class="btn" disabled={c.busy}>
            {tr('sb.import.preview')}
          </button>
          <button
            type="button"
            class="btn primary"
            disabled={c.busy || !canImport}
            onClick={() => void send('import')}
          >
            {tr('sb.import.run')}
          </button>
        </div>
      </form>
      {c.busy ? <Loading /> : null}
      {c.error ? <ErrorBox error={c.error} /> : null}
      {report ? <Report report={report} /> : null}
    </div>
  );
}

function Report({ report }: { report: ImportReport }) {
  const counts = {
    total: report.totalRows,
    added: report.added,
    merged: report.merged,
    rejected: report.rejected.length,
  };
  const done = report.mode === 'import';
  return (
    <div class="import-report" data-mode={report.mode}>
      <Notice
        text={tr(done ? 'sb.import.result' : 'sb.import.summary', counts)}
        kind={report.rejected.length || report.missing.length ? 'warn' : 'ok'}
      />
      {report.missing.length ? (
        <div class="error-box" role="alert">
          {tr('sb.import.missing', { columns: report.missing.join(', ') })}
        </div>
      ) : null}
      {!done && report.mapping.length ? (
        <>
          <h2 class="section-title">{tr('sb.import.mapping')}</h2>
          <table class="mapping">
            <tbody>
              {report.mapping.map((m, i) => (
                <tr key={i}>
                  <td>{m.header}</td>
                  <td class="arrow" aria-hidden="true">
                    →
                  </td>
                  <td class={m.field ? '' : 'muted'}>{m.field || tr('sb.import.ignored')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {report.rejected.length ? (
        <>
          <h2 class="section-title">
            {tr(done ? 'sb.import.rejectedDone' : 'sb.import.rejected')}
            <span class="count hot">{report.rejected.length}</span>
          </h2>
          <ul class="rejected">
            {report.rejected.map((r) => (
              <li key={r.row}>
                <strong>{tr('sb.import.row', { row: r.row })}</strong>
                {': '}
                {r.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
