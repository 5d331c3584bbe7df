/**
 * Import (head of sales): the chosen file is read in the browser (FileReader) and its name and
 * bytes go as base64 through the ordinary `call('importFile', …)`, which works the same in Google
 * and in the playground. "Check" previews the column mapping and the rows that would be rejected
 * and why; "Import" writes and reports what was added, merged with duplicates and rejected. The
 * chosen file stays selected after a failure.
 */
import { useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, type ImportReport, type UploadMode } from '../src/shared/contract';
import { call, readBase64 } from './rpc';
import { tr } from './i18n';
import { ErrorBox, Loading, Notice, useCall, useId } from './ui';
import { ImportTargetField, type ImportTarget } from './money-import';

export function ImportPanel() {
  const fileRef = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [fileProblem, setFileProblem] = useState('');
  const c = useCall();
  const fileId = useId('file');
  const [target, setTarget] = useState<ImportTarget>('leads');

  async function send(mode: UploadMode) {
    const input = fileRef.current;
    const file = input?.files?.[0];
    if (!file) {
      setFileProblem(tr('sb.import.chooseFile'));
      input?.focus();
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setFileProblem(tr('rpc.tooLarge', { name: file.name, max: MAX_IMPORT_BYTES / 1024 / 1024 }));
      return;
    }
    setFileProblem('');
    let base64: string;
    try {
      base64 = await readBase64(file);
    } catch {
      setFileProblem(tr('sb.import.unreadable', { name: file.name }));
      return;
    }
    const r = await c.run(() =>
      call('importFile', { mode, name: file.name, type: file.type, base64, target }),
    );
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
        onSubmit={(e) => {
          e.preventDefault();
          void send('preview');
        }}
        aria-busy={c.busy ? 'true' : 'false'}
      >
        <ImportTargetField
          value={target}
          onChange={(t) => {
            setTarget(t);
            setReport(null);
          }}
        />
        <div class={fileProblem ? 'field invalid' : 'field'}>
          <label for={fileId}>{tr('sb.import.file')}</label>
          <input
            id={fileId}
            ref={fileRef}
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={fileProblem ? 'true' : undefined}
            onChange={() => {
              setReport(null);
              setFileProblem('');
            }}
          />
          {fileProblem ? (
            <div class="field-error" role="alert">
              {fileProblem}
            </div>
          ) : null}
        </div>
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
