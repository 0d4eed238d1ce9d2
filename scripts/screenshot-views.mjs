// Screenshots of the page at a phone (390×844), at 200 % zoom of 1280×720
// (640×360 CSS px) and at 1280×720, in light and a dark OS:
// node scripts/screenshot-views.mjs [out-dir] [query]
import { serve, launch } from '../tests/e2e/harness.mjs';
const dir = process.argv[2] ?? '.';
const query = process.argv[3] ?? '';
const server = await serve();
const browser = await launch();
const SIZES = [['390', { width: 390, height: 844 }], ['640', { width: 640, height: 360 }], ['1280', { width: 1280, height: 720 }]];
for (const [scheme, media] of [['light', 'light'], ['dark', 'dark']]) {
  for (const [name, viewport] of SIZES) {
    const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: media });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(name, scheme, String(e)));
    await page.goto(server.url + query);
    await page.waitForSelector('html[data-ready="true"]');
    await page.screenshot({ path: `${dir}/${name}-${scheme}.png` });
    await page.screenshot({ path: `${dir}/${name}-${scheme}-full.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
await server.close();
