// Shared by the browser tests: the Doorstep demo (started here unless DOORSTEP_BASE names one already running),
// a tiny static server for "charity website" host pages on a second loopback port, and headless Chromium.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SITE = 'hulme';
/**
 * The instant the demo's clock starts at: no test depends on today's date. CI runs the suite at several
 * (a short month, December, a month with a clock change); a demo started elsewhere must be given the same.
 */
export const DEMO_NOW = new Date(process.env.DOORSTEP_DEMO_NOW || '2027-02-10T10:00:00Z');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `./doorstep demo` on a free port with a fresh data directory; resolves once it says it is running. */
async function startDemo(hostOrigin) {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'doorstep-demo-'));
  const child = spawn(join(ROOT, 'doorstep'), ['demo', '--host', '127.0.0.1', '--port', String(port),
    '--data', join(data, 'data'), '--allow-origin', hostOrigin, '--now', DEMO_NOW.toISOString()], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo did not start in time:\n' + output)), 300_000);
    const read = (chunk) => {
      output += chunk;
      if (output.includes('Doorstep demo is running.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the demo stopped (${code}):\n${output}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    adminToken: /Admin token[^:]*: (\S+)/.exec(output)?.[1],
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/**
 * Everything a test file needs: `demo` (origin of the Doorstep server), `adminToken` (the demo's coordinator
 * token), `host` (origin of the host pages),
 * `pages` (path -> {html, csp}) to serve, `newContext()` for a fresh browser context, and `close()`.
 */
export async function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install chromium`);
  }
  const hostPort = Number(process.env.HOST_PORT) || await freePort();
  const host = `http://127.0.0.1:${hostPort}`;
  const demo = process.env.DOORSTEP_BASE
    ? { base: process.env.DOORSTEP_BASE, adminToken: process.env.DOORSTEP_ADMIN_TOKEN, stop: async () => {} }
    : await startDemo(host);
  try {
    return await startHostAndBrowser(demo, host, hostPort);
  } catch (error) {
    await demo.stop();
    throw error;
  }
}

/** The host pages' request handler: serves `pages` (path -> {html, csp}), no-store, 404 otherwise. */
function hostHandler(pages, host) {
  return (request, response) => {
    const path = new URL(request.url, host).pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const page = pages.get(path);
    if (!page) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    if (page.csp) {
      headers['Content-Security-Policy'] = page.csp;
    }
    response.writeHead(200, headers).end(page.html);
  };
}

/**
 * Another host-page server on a free loopback port of its own (an origin the demo was not told to allow):
 * serves the same kind of `pages` map; resolves to {origin, pages, close()}.
 */
export async function startHostServer(pages = new Map()) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer(hostHandler(pages, origin));
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin, pages, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function startHostAndBrowser(demo, host, hostPort) {
  const pages = new Map();
  const server = createServer(hostHandler(pages, host));
  await new Promise((resolve) => server.listen(hostPort, '127.0.0.1', resolve));

  // launch() gives the browser a fresh, throwaway profile of its own
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  const contexts = [];
  return {
    demo: demo.base,
    adminToken: demo.adminToken,
    host,
    pages,
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', ...options });
      contexts.push(context);
      return context;
    },
    async close() {
      for (const context of contexts) {
        await context.close().catch(() => {});
      }
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await demo.stop();
    },
  };
}

/** A host page: the placeholders given, then the two-line snippet's script tag. */
export function hostPage(demo, body, { scripts = 1 } = {}) {
  const tag = `<script src="${demo}/doorstep/embed.js" async></script>\n`;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hulme Community Partnership</title></head>
<body>
<main>
<h1>Hulme Community Partnership</h1>
${body}
</main>
${tag.repeat(scripts)}</body>
</html>`;
}

export function placeholder(attributes = '', linkText = "What's on in Hulme") {
  return `<div data-doorstep="events" data-site="${SITE}" ${attributes}><a href="/whats-on">${linkText}</a></div>`;
}

/** Waits until the page has `count` Doorstep frames whose widget has loaded. */
export async function widgetFrames(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-doorstep] iframe').length === n, count);
  const handles = await page.$$('[data-doorstep] iframe');
  const frames = [];
  for (const handle of handles) {
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForSelector('main h1');
    frames.push({ handle, frame });
  }
  return frames;
}

/**
 * Screenshots of a widget page at desktop and phone width into docs/screenshots (`${name}-desktop.png`,
 * `${name}-phone.png`), failing if either width scrolls sideways.
 */
export async function screenshotsOf(env, url, name) {
  const directory = join(ROOT, 'docs', 'screenshots');
  mkdirSync(directory, { recursive: true });
  for (const [suffix, width] of [['desktop', 1280], ['phone', 390]]) {
    const context = await env.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('main h1');
    await page.screenshot({ path: join(directory, `${name}-${suffix}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${name}-${suffix}: no sideways scrolling`);
  }
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The rules every widget page is held to: WCAG 2.0 and 2.1 A and AA, and 2.2 AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now (its context must bypass the page's script policy) and returns one line per
 * violation, naming the path and up to five of the elements at fault; empty when there are none.
 */
export async function axeViolations(page, label) {
  await page.evaluate(AXE);
  const { violations } = await page.evaluate((tags) => window.axe.run(document,
    { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  return violations.map((violation) => `${label}: ${violation.id} (${violation.impact}): ${violation.help}\n    `
    + violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join('\n    '));
}
