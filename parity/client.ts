/**
 * The parity project's dialog: calls each rpc check through google.script.run, writes down what
 * arrives in the browser with the same encoder the server uses, and stores it for runParity.
 */
import { encode, type Observation } from './observe';

interface Runner {
  withSuccessHandler(fn: (v: unknown) => void): Runner;
  withFailureHandler(fn: (e: Error) => void): Runner;
  [name: string]: unknown;
}
declare const google: { script: { run: Runner } };

function call(name: string, ...args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler(resolve).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

async function main(): Promise<void> {
  const status = document.getElementById('status') as HTMLElement;
  const ids = (await call('parityRpcIds')) as string[];
  const results: Record<string, Observation> = {};
  for (const id of ids) {
    try {
      results[id] = { value: encode(await call('parityRpc', id)) };
    } catch (e) {
      results[id] = { error: e instanceof Error ? e.message : String(e) };
    }
  }
  await call('parityRecordClient', JSON.stringify(results));
  status.textContent = `Recorded ${ids.length} google.script.run checks. Close this and run Parity → 2.`;
}

main().catch((e: unknown) => {
  const status = document.getElementById('status') as HTMLElement;
  status.textContent = `Failed: ${e instanceof Error ? e.message : String(e)}`;
});
