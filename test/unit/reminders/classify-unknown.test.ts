import { classifyError } from '../../../src/core/reminders/classify';

describe('an error nobody catalogued is retried by the next run, a bug of ours is not', () => {
  it.each([
    ['Service error: Gmail', 'transient'],
    ['Ошибка службы: Gmail', 'transient'],
    ['Something new went wrong at Google', 'later'],
    ['TypeError: x is undefined', 'permanent'],
  ])('%s -> %s', (text, cls) => {
    expect(classifyError(new Error(text)).cls).toBe(cls);
  });

  it('reads a JavaScript error by its name, whatever its message', () => {
    expect(classifyError(new TypeError('cannot read properties of undefined')).cls).toBe(
      'permanent',
    );
    expect(classifyError(new RangeError('invalid array length')).cls).toBe('permanent');
  });
});
