// Time to the first painted widget, the requests one widget costs, and the gzipped size of embed.min.js,
// in headless Chromium against a running demo (DOORSTEP_BASE) with host pages on HOST_PORT (an origin the
// demo allows). bench/embed.sh starts both; RUNS (default 20) page loads per cache state.
//
// Measured per page load, on the host page's clock (performance.now(), from its navigation start):
//   start   = responseEnd of embed.js (PerformanceResourceTiming of the host page)
//   painted = the later of the frame's `load` event and the first height message applied to it
//             (the frame's style.height leaving its starting 32rem)
// and the figure is painted - start.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const demo = process.env.DOORSTEP_BASE;
const hostPort = Number(process.env.HOST_PORT);
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const runs = Number(process.env.RUNS) || 20;
if (!demo || !hostPort) {
  console.error('DOORSTEP_BASE and HOST_PORT are needed (bench/embed.sh sets them)');
  process.exit(2);
}
const host = `http://127.0.0.1:${hostPort}`;
const embedUrl = `${demo}/doorstep/embed.js`;

const page = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hulme Community Partnership</title>
<script>
window.firstPaint = {};
new MutationObserver(function (records) {
  var fp = window.firstPaint;
  records.forEach(function (record) {
    Array.prototype.forEach.call(record.addedNodes || [], function (node) {
      if (node.tagName === 'IFRAME' && fp.inserted === undefined) {
        fp.inserted = performance.now();
        node.addEventListener('load', function () { if (fp.load === undefined) { fp.load = performance.now(); } });
      }
    });
    if (record.type === 'attributes' && record.target.tagName === 'IFRAME' && fp.height === undefined
        && record.target.style.height && record.target.style.height !== '32rem') {
      fp.height = performance.now();
    }
  });
}).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
</script>
</head>
<body>
<main>
<h1>Hulme Community Partnership</h1>
<div data-doorstep="events" data-site="hulme"><a href="/whats-on">What's on in Hulme</a></div>
</main>
<script src="${embedUrl}" async></script>
</body>
</html>`;

const server = createServer((request, response) => {
  if (new URL(request.url, host).pathname === '/') {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
});
await new Promise((resolve) => server.listen(hostPort, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});

/** One page load in `context`; resolves to the timings and every request the page and its frame made. */
async function load(context) {
  const tab = await context.newPage();
  const requests = [];
  tab.on('request', (request) => requests.push({
    url: request.url(), type: request.resourceType(), frame: request.frame() === tab.mainFrame() ? 'host' : 'widget',
  }));
  await tab.goto(host + '/');
  await tab.waitForFunction(() => window.firstPaint.load !== undefined && window.firstPaint.height !== undefined,
    null, { timeout: 30_000 });
  const result = await tab.evaluate((url) => {
    const entry = performance.getEntriesByName(url)[0];
    const fp = window.firstPaint;
    return { responseEnd: entry.responseEnd, inserted: fp.inserted, load: fp.load, height: fp.height };
  }, embedUrl);
  // what the widget frame fetched over the network (same-origin there, so transfer sizes are visible)
  const frame = tab.frames().find((each) => each.url().startsWith(demo));
  result.widget = await frame.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      document: nav.transferSize,
      resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, transferSize: r.transferSize })),
    };
  });
  result.requests = requests;
  result.painted = Math.max(result.load, result.height);
  result.firstPaint = result.painted - result.responseEnd;
  await tab.close();
  return result;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => value.toFixed(1);
const summary = (label, results) => {
  const times = results.map((r) => r.firstPaint);
  console.log(`${label}: median ${ms(median(times))} ms (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}, `
    + `n=${times.length}); embed.js responseEnd median ${ms(median(results.map((r) => r.responseEnd)))} ms, `
    + `frame load ${ms(median(results.map((r) => r.load - r.responseEnd)))} ms, `
    + `first height ${ms(median(results.map((r) => r.height - r.responseEnd)))} ms after it`);
};

try {
  // cold: a fresh context (empty HTTP cache) for every load
  const cold = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
    cold.push(await load(context));
    await context.close();
  }
  // warm: one context, a first load to fill the cache (not counted), then a fresh page per load
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  await load(context);
  const warm = [];
  for (let i = 0; i < runs; i++) {
    warm.push(await load(context));
  }
  await context.close();

  console.log(`Chromium ${browser.version()}, ${runs} loads per cache state; first paint = max(frame load, first height applied) - embed.js responseEnd`);
  summary('cold cache', cold);
  summary('warm cache', warm);

  const first = cold[0];
  const widgetRequests = first.requests.filter((r) => !(r.frame === 'host' && r.url.startsWith(host)));
  console.log(`requests of one widget (cold load; the host page itself${first.requests.some((r) => r.url.endsWith('/favicon.ico')) ? ' and its favicon' : ''} not counted): ${widgetRequests.length}`);
  for (const r of widgetRequests) {
    console.log(`  ${r.frame.padEnd(6)} ${r.type.padEnd(10)} ${r.url}`);
  }
  const hostOther = first.requests.filter((r) => r.frame === 'host' && r.url.startsWith(host));
  console.log(`host-page requests (not counted): ${hostOther.map((r) => r.url).join(', ')}`);
  const w = warm[warm.length - 1].widget;
  console.log(`warm load, bytes the widget frame transferred: document ${w.document}, `
    + w.resources.map((r) => `${new URL(r.name).pathname}${new URL(r.name).search} ${r.transferSize}`).join(', '));

  const built = join(HERE, '..', 'target', 'classes', 'community', 'doorstep', 'embed');
  for (const name of ['embed.min.js', 'frame.min.js']) {
    const file = join(built, name);
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      console.log(`${name}: ${bytes.length} bytes, gzip -9 ${gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length} bytes`);
    } else {
      console.log(`${name}: not built (run mvn -pl js-embed package)`);
    }
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
}
