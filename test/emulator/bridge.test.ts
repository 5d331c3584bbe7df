import { serializeArgs, serializeResult } from '../../local/harness';
import { project } from './fixture';

const CODE = `
function echo(x) { return x; }
function withDate() { return { when: new Date(), n: 1 }; }
function holes() { return { list: [1, undefined, 3], gone: undefined, keep: null }; }
function secret_() { return 'secret'; }
function fail() { throw new Error('Нет доступа'); }
function mutate(o) { o.changed = true; return o; }
function isArray(a) { return [Array.isArray(a), a instanceof Array]; }
`;

describe('google.script.run bridge', () => {
  it('refuses Date and function arguments, even nested', () => {
    const { project: p } = project(CODE);
    expect(() => p.rpc('echo', [new Date()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => p.rpc('echo', [{ deal: { due: new Date() } }])).toThrow(
      'Failed due to illegal value in property: due',
    );
    expect(() => p.rpc('echo', [[1, () => 2]])).toThrow(
      'Failed due to illegal value in property: 1',
    );
  });

  it('returns null for a result holding a Date, maps undefined in arrays to null, drops undefined props', () => {
    const { project: p } = project(CODE);
    expect(p.rpc('withDate')).toBeNull();
    expect(p.rpc('holes')).toEqual({ list: [1, null, 3], keep: null });
    expect(Object.keys(p.rpc('holes') as object)).toEqual(['list', 'keep']);
  });

  it('refuses names ending in _ and unknown names', () => {
    const { project: p } = project(CODE);
    expect(() => p.rpc('secret_')).toThrow('google.script.run.secret_ is not a function');
    expect(() => p.rpc('SpreadsheetApp')).toThrow(
      'google.script.run.SpreadsheetApp is not a function',
    );
    expect(p.run('secret_')).toBe('secret');
  });

  it('rejects like withFailureHandler, with the message', () => {
    const { project: p } = project(CODE);
    expect(() => p.rpc('fail')).toThrow('Нет доступа');
  });

  it('hands over copies both ways, as arrays of the server realm', () => {
    const { project: p } = project(CODE);
    const arg = { a: [1, 2] };
    const out = p.rpc('mutate', [arg]) as Record<string, unknown>;
    expect(arg).toEqual({ a: [1, 2] });
    expect(out).toEqual({ a: [1, 2], changed: true });
    expect(p.rpc('isArray', [[1]])).toEqual([true, true]);
  });

  it('exports the serialisation for the sidebar host', () => {
    expect(serializeArgs([1, 'x', null, undefined, { a: undefined, b: [undefined] }])).toEqual([
      1,
      'x',
      null,
      null,
      { b: [null] },
    ]);
    expect(serializeResult([{ d: new Date() }])).toBeNull();
    expect(serializeResult(undefined)).toBeUndefined();
    expect(serializeResult(NaN)).toBeNull();
  });
});

describe('a form as the sole argument', () => {
  it('hands the server the fields, file inputs as Blobs', () => {
    const { project: p, emulator } = project(`
      function upload(form) {
        return [form.mode, form.file.getName(), form.file.getContentType(), form.file.getDataAsString()];
      }`);
    emulator.calls.reset();
    expect(
      p.rpcForm('upload', {
        mode: 'preview',
        file: { name: 'leads.csv', type: 'text/csv', content: 'ИНН;Имя' },
      }),
    ).toEqual(['preview', 'leads.csv', 'text/csv', 'ИНН;Имя']);
    expect(p.lastCalls).toEqual({
      'Blob.getName': 1,
      'Blob.getContentType': 1,
      'Blob.getDataAsString': 1,
    });
  });
});
