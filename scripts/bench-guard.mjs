// Measurements that survive a crashed browser (used by bench-browser.mjs).
//
// Each measurement (one tool, one size, one cold run) runs in its own context of
// a shared headless Chromium. A browser that closes, a page that crashes or
// closes, or a step that never answers ends that measurement only: what it had
// measured so far is kept, the rest is marked with the reason ("browser
// closed", "did not draw within 60 s", ...), the browser is closed and a fresh
// one is launched for the next measurement.
//
// Crash simulation (off unless set), to check the recovery by hand:
//   BENCH_CRASH=<tool>@<events>:<step>[:page]
// closes the whole browser (or, with `:page`, crashes the tab through
// chrome://crash) just before <step> of the first run of <tool> at <events>,
// e.g. BENCH_CRASH=vis-timeline@100:filter or BENCH_CRASH=ours@100:wheel:page.
import { launch } from '../tests/e2e/harness.mjs';

const seconds = (ms) => `${Math.round(ms / 1000)} s`;

/** Parses BENCH_CRASH; null when unset (the default: no hook at all). */
function crashPlan(spec = process.env.BENCH_CRASH) {
  if (!spec) return null;
  const m = /^([^@]+)@(\d+):(\w+)(?::(page|browser))?$/.exec(spec);
  if (!m) throw new Error(`BENCH_CRASH=${spec}: expected <tool>@<events>:<step>[:page]`);
  return { tool: m[1], n: Number(m[2]), step: m[3], mode: m[4] ?? 'browser', done: false };
}

/** Closes a browser without waiting forever on one that no longer answers. */
async function closeQuietly(browser) {
  if (!browser) return;
  await Promise.race([browser.close().catch(() => {}), new Promise((ok) => setTimeout(ok, 10_000).unref())]);
}

export function createGuard({ stepLimit = 180_000 } = {}) {
  const plan = crashPlan();
  let browser = null;

  const current = async () => {
    if (!browser || !browser.isConnected()) {
      await closeQuietly(browser);
      browser = await launch();
    }
    return browser;
  };

  /** Runs `fn({ browser, page, ctx, step })` for `tool` at `n` events; returns the
   *  values it set on the result, plus `error` (a reason) and `failedAt` (the
   *  step) when it did not finish. `step(name, action, limitText)` runs one
   *  named step, racing it against the browser's or the page's end and a limit. */
  async function measure(tool, n, viewport, fn) {
    const r = {};
    let b;
    try {
      b = await current();
    } catch (e) {
      return { error: `browser did not start: ${String(e.message ?? e).split('\n')[0]}`, failedAt: 'first' };
    }
    let fail;
    const ended = new Promise((_, reject) => { fail = reject; });
    ended.catch(() => {});
    const onDisconnect = () => fail(new Error('browser closed'));
    b.on('disconnected', onDisconnect);
    let ctx;
    let page;
    const step = async (name, action, limit = stepLimit, limitText = `${name}: no answer within ${seconds(limit)}`) => {
      r.failedAt = name;
      if (plan && !plan.done && plan.tool === tool && plan.n === n && plan.step === name) {
        plan.done = true;
        console.error(`BENCH_CRASH: ${plan.mode === 'page' ? 'crashing the page' : 'closing the browser'} before ${tool} @ ${n}: ${name}`);
        if (plan.mode === 'page' && page) page.goto('chrome://crash').catch(() => {});
        else b.close().catch(() => {});
      }
      let timer;
      const limited = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(limitText)), limit); });
      const work = action();
      work.catch(() => {});
      try {
        return await Promise.race([work, ended, limited]);
      } finally {
        clearTimeout(timer);
      }
    };
    try {
      ctx = await step('first', () => b.newContext({ viewport }));
      page = await step('first', () => ctx.newPage());
      page.on('crash', () => fail(new Error('page crashed')));
      page.on('close', () => fail(new Error('page closed')));
      await fn({ browser: b, ctx, page, step, r });
      delete r.failedAt;
    } catch (e) {
      r.error = reason(e);
      // A closing browser closes its pages first: a page that closed is told
      // apart from a browser that closed once the browser has had a second to say so.
      if (r.error !== 'browser closed' && b.isConnected()) {
        await new Promise((ok) => { const t = setTimeout(ok, 1000); b.once('disconnected', () => { clearTimeout(t); ok(); }); });
      }
      if (!b.isConnected() && !/crashed/.test(r.error)) r.error = 'browser closed';
    } finally {
      b.off('disconnected', onDisconnect);
    }
    if (r.error) {
      // Whatever state it is in, the next measurement gets a fresh browser.
      await closeQuietly(b);
      if (browser === b) browser = null;
    } else {
      await Promise.race([ctx.close().catch(() => {}), new Promise((ok) => setTimeout(ok, 10_000).unref())]);
    }
    return r;
  }

  return { measure, close: async () => { await closeQuietly(browser); browser = null; } };
}

/** A short reason from what a step threw. */
function reason(e) {
  const text = String(e?.message ?? e);
  if (/has been closed|browser closed|Target closed|disconnected/i.test(text) && !/page (crashed|closed)/.test(text)) return 'browser closed';
  if (/crash/i.test(text)) return 'page crashed';
  return text.split('\n')[0].replace(/^\w*Error: /, '').slice(0, 80);
}
