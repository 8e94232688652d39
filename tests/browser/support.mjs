// Shared by the browser test files: every file that imports this module gets its own real alis
// server (alis demo on a temporary database) and its own headless Chromium (Debian's), started
// before its tests and stopped after them. Pages are checked with axe-core (WCAG 2.1 A/AA); a page
// with a violation is screenshotted into test-output/browser/, and every page with
// ALIS_BROWSER_SCREENSHOTS=1 (a full-page PNG costs a tenth of the browser tests' CPU).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const alisBinary = process.env.ALIS_BINARY || join(root, 'build', 'release', 'alis');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(root, 'test-output', 'browser');
mkdirSync(shots, { recursive: true });
export const password = 'demo-passord-2026';

let server;
let browser;
// The demo server's address, e.g. http://127.0.0.1:41234; set before the first test runs.
export let baseUrl;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'alis-browser-'));
  server = spawn(alisBinary, ['demo', '--db', `sqlite:${join(dir, 'demo.db')}`, '--listen', '127.0.0.1:0',
    '--access-log', 'off'], { stdio: ['ignore', 'pipe', 'inherit'] });
  baseUrl = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`alis demo did not start: ${out}`)), 60000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m && out.includes('Stop with Ctrl+C')) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on('exit', (code) => reject(new Error(`alis demo exited with ${code}: ${out}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.on('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
});

// A page for a test: one a finished test gave back (release), or one in a new browser context.
// A new context with its page costs Chromium about 1 core-s, a page load in a kept page a quarter
// of that (docs/performance.md). bypassCSP lets the test inject axe-core; the pages themselves
// run under alis's CSP, which forbids inline script.
const idlePages = [];
export async function newPage(viewport = { width: 1200, height: 900 }) {
  const kept = idlePages.pop();
  if (kept) {
    await kept.setViewportSize(viewport);
    return kept;
  }
  const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'nb-NO' });
  return context.newPage();
}

// Gives a page back when its test is done with it. It leaves for about:blank, its context
// forgets every cookie (the session with it) and print emulation ends, so the next test to get it
// starts logged out on a blank page, as in a new context; only the HTTP cache is kept.
export async function release(page) {
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.emulateMedia({ media: null });
  idlePages.push(page);
}

export async function checkAccessibility(page, name) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    // Only the violations' nodes are collected (resultTypes): half the time of axe on a long page.
    axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}x: ${v.nodes[0]?.target})`);
  if (violations.length > 0 || process.env.ALIS_BROWSER_SCREENSHOTS === '1') {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }
  assert.deepEqual(violations, [], `axe violations on ${name}`);
}

export async function login(page, email) {
  await page.goto(`${baseUrl}/logg-inn`);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(/\/meg$/);
}


// Moves focus with the Tab key alone until `locator` has it (at most `limit` presses), the way a
// keyboard user gets there; fails if it never does.
export async function tabTo(page, locator, limit = 80) {
  const target = await locator.elementHandle();
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      return;
    }
  }
  throw new Error(`Tab never reached ${locator}`);
}
