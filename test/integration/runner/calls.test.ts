/** The runner's `--calls` table: what one execution added to the emulator's call counter. */
import { parseRunnerArgs } from '../../../local/runner/args';
import { callsBetween, formatCalls } from '../../../local/runner/calls';

test('counts only the calls made between the two snapshots', () => {
  const before = { 'Range.getValues': 3, 'Session.getActiveUser': 1 };
  const after = { 'Range.getValues': 10, 'Session.getActiveUser': 1, 'Utilities.formatDate': 3 };
  expect(callsBetween(before, after)).toEqual({
    'Range.getValues': 7,
    'Utilities.formatDate': 3,
  });
});

test('prints one aligned line per method, most-called first, and the total', () => {
  const text = formatCalls('rpc', {
    'Utilities.formatDate': 3,
    'Range.getValues': 7,
    'Range.setValues': 3,
  });
  expect(text.split('\n')).toEqual([
    'service calls of rpc:',
    '  Range.getValues           7',
    '  Range.setValues           3',
    '  Utilities.formatDate      3',
    '  total                    13',
    '',
  ]);
  expect(formatCalls('PHONE_RU', {})).toBe('service calls of PHONE_RU:\n  total      0\n');
});

test('--calls is a flag of the runner, off by default', () => {
  expect(parseRunnerArgs(['--calls', 'rpc', '"today"', '{}'])).toMatchObject({
    calls: true,
    fn: 'rpc',
    args: ['"today"', '{}'],
  });
  expect(parseRunnerArgs(['onOpen']).calls).toBe(false);
});
