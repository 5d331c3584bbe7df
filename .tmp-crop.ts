import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
// usage: tsx .tmp-crop.ts in.png out.png y height
(async () => {
  const [src, out, y, h] = process.argv.slice(2);
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await b.newPage({ viewport: { width: 300, height: 800 } });
  const data = readFileSync(src).toString('base64');
  await p.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}"></body>`);
  await p.screenshot({ path: out, clip: { x: 0, y: Number(y), width: 300, height: Number(h) }, fullPage: true });
  await b.close();
})();
