// The embed builder in Chromium: axe-core finds no WCAG 2.2 AA violations in English or Welsh, a keyboard alone
// changes the options and the snippet follows, the copy button copies, and the snippet it writes, pasted into a
// host page on the second origin, shows a working widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setup, widgetFrames, SITE } from './support.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let env;
let builder;

before(async () => {
  env = await setup();
  builder = `${env.demo}/doorstep/w/${SITE}/embed`;
});

after(async () => {
  await env?.close();
});

/** Presses Tab until the element matching the selector has focus, at most `limit` times. */
async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

for (const lang of ['en', 'cy']) {
  test(`axe finds no violations on the embed builder (${lang})`, async () => {
    // axe is injected by the test, so this context lets it past the page's own script policy
    const context = await env.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const report = [];
    for (const query of [`lang=${lang}`, `lang=${lang}&widget=month&accent=%23a4000f&radius=12&compact=1`]) {
      await page.goto(`${builder}?${query}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      // once builder.js has run: the pickers and the copy button are shown
      await page.waitForSelector('#builder-copy:not([hidden])');
      await page.evaluate(AXE);
      // the preview's widget pages are checked on their own in widgets.test.mjs
      const { violations } = await page.evaluate((tags) => window.axe.run(document,
        { runOnly: { type: 'tag', values: tags }, iframes: false }), TAGS);
      for (const violation of violations) {
        report.push(`embed?${query}: ${violation.id} (${violation.impact}): ${violation.help}\n    `
          + violation.nodes.slice(0, 5).map((node) => node.target.join(' ')).join('\n    '));
      }
    }
    assert.deepEqual(report, []);
  });
}

test('a keyboard alone changes the options, and the snippet and preview follow', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${builder}?lang=en`);
  await page.waitForSelector('#builder-copy:not([hidden])');
  const snippet = page.locator('#builder-snippet');
  assert.match(await snippet.inputValue(), /^<div data-doorstep="events" data-site="hulme">/);

  await page.keyboard.press('Tab');
  await tabTo(page, '#builder-widget-events');
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.locator('#builder-widget-month').isChecked());
  assert.match(await snippet.inputValue(), /^<div data-doorstep="month" data-site="hulme">/);

  // Tab reaches a radio group at its chosen button; the arrow keys move the choice
  await tabTo(page, '#builder-lang-browser');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.locator('#builder-lang-cy').isChecked());
  assert.match(await snippet.inputValue(), /data-lang="cy"/);
  await tabTo(page, '#builder-accent');
  await page.keyboard.type('#a4000f');
  await tabTo(page, '#builder-compact');
  await page.keyboard.press('Space');
  const written = await snippet.inputValue();
  assert.match(written, /data-accent="#a4000f"/);
  assert.match(written, /data-compact="1"/);
  assert.match(written, /<script src="http:\/\/127\.0\.0\.1:\d+\/doorstep\/embed\.js" async><\/script>$/);
  // the colour picker follows the text box
  assert.equal(await page.locator('#builder-accent-picker').inputValue(), '#a4000f');
  await page.waitForFunction(() => document.getElementById('builder-frame').getAttribute('src')
    .includes('/events/month?lang=cy&accent=%23a4000f&compact=1'));
  const frame = await (await page.$('#builder-frame')).contentFrame();
  await frame.waitForSelector('main h1');

  // the preview is inert: from the link that opens it, Tab goes on without entering the calendar,
  // round to the top of the page and back to the colours in a few steps
  await tabTo(page, '#builder-preview-open', 10);
  assert.match(await page.locator('#builder-preview-open').getAttribute('href'), /\/events\/month\?lang=cy/);
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'builder-frame');
  // a colour that is not one is left out, as the server would
  await tabTo(page, '#builder-text', 30);
  await page.keyboard.type('red');
  assert.doesNotMatch(await snippet.inputValue(), /data-text/);

  // with JavaScript off, the same choices reach the server through the form and come back as the same snippet
  const serverSide = await (await fetch(`${builder}?lang=en&widget=month&widgetLang=cy&accent=%23a4000f&compact=1`)).text();
  const escaped = written.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
  assert.ok(serverSide.includes(`>${escaped}</textarea>`), 'the script writes what the server writes');
  assert.deepEqual(errors, []);
});

test('the copy button copies the code and says so', async () => {
  const context = await env.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.demo });
  const page = await context.newPage();
  await page.goto(`${builder}?lang=en&widget=submit`);
  await page.waitForSelector('#builder-copy:not([hidden])');
  await page.locator('#builder-copy').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('builder-status').textContent === 'Copied');
  assert.equal(await page.locator('#builder-status').getAttribute('aria-live'), 'polite');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.locator('#builder-snippet').inputValue());
});

test('the snippet it writes, pasted into a host page on another origin, shows a working widget', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(`${builder}?lang=en&widgetLang=cy&accent=%23a4000f&radius=8`);
  const snippet = await page.locator('#builder-snippet').inputValue();
  env.pages.set('/builder-pasted.html', { html: `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hulme Community Partnership</title></head>
<body>
<main>
<h1>Hulme Community Partnership</h1>
${snippet}
</main>
</body>
</html>` });
  await page.goto(`${env.host}/builder-pasted.html`);
  const [{ handle, frame }] = await widgetFrames(page, 1);
  assert.equal(await handle.getAttribute('title'), "What's on");
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'cy');
  assert.match(frame.url(), /accent=%23a4000f/);
  assert.match(frame.url(), /radius=8/);
  const accent = await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ds-accent').trim());
  assert.equal(accent, '#a4000f');
  // the frame grows to fit its content once the widget reports its height
  await page.waitForFunction(() => document.querySelector('[data-doorstep] iframe').style.height.endsWith('px'));
  assert.equal(await page.locator('[data-doorstep] a').count(), 0, 'the fallback link is gone');
  assert.deepEqual(await context.cookies(), []);
});
