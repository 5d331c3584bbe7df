/** Runs the parity checks in the emulator, driving each context as Google would. */
import path from 'node:path';
import { createEmulator, type EmulatorOptions } from '../local/emulator';
import { loadProject } from '../local/harness';
import { checksIn } from './checks';
import type { Observations } from './main';
import { encode, observe, type Observation } from './observe';

export function observeInEmulator(dir: string, opts: EmulatorOptions = {}): Observations {
  const emulator = createEmulator({ htmlDir: dir, ...opts });
  const project = loadProject({ bundlePath: path.join(dir, 'Code.js'), emulator });
  const results: Record<string, Observation> = JSON.parse(
    project.run('parityScriptChecks') as string,
  );
  for (const c of checksIn('custom'))
    results[c.id] = JSON.parse(project.customFunction('PARITY_CUSTOM', [c.id]) as string);
  project.open();
  Object.assign(results, JSON.parse(project.run('parityStored', ['simple']) as string));
  for (const c of checksIn('rpc')) {
    const seen = observe(() => project.rpc('parityRpc', [c.id]));
    results[c.id] = 'value' in seen ? { value: encode(seen.value) } : seen;
  }
  return {
    format: 'rop-desk-parity/1',
    observedAt: new Date(emulator.clock.now()).toISOString(),
    where: 'emulator',
    results,
    missing: {},
  };
}
