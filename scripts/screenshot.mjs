// Takes screenshots of the built app: node scripts/screenshot.mjs [query] [out-prefix]
import { serve, launch, open } from '../tests/e2e/harness.mjs';
const query = process.argv[2] ?? '';
const prefix = process.argv[3] ?? 'shot';
const server = await serve();
const browser = await launch();
for (const [name, vp] of [['1280', { width: 1280, height: 720 }], ['1920', { width: 1920, height: 1080 }], ['390', { width: 390, height: 844 }]]) {
  const page = await open(browser, server.url + query, vp);
  await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: name === '390' });
  if (page.errors.length) console.error(name, page.errors);
  await page.close();
}
await browser.close();
await server.close();
