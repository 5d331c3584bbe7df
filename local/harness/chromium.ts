/**
 * How this project starts Chromium, in one place: Debian's browser (CHROME_PATH, set by
 * `npm test` through scripts/ensure-chromium.mjs, or /usr/bin/chromium), headless, with the flags
 * that let it run as root on a machine whose only network is loopback (no sandbox, no background
 * or component traffic that the closed network would refuse).
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
