// Printed, the month view names its month once, and an event prints no "Add to your calendar" heading without the
// links it heads (the links are not printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, SITE } from './support.mjs';

let env;

before(async () => {
  env = await setup();
});

after(async () => {
  await env?.close();
});

/** The texts a printed page shows: what is rendered under print styles, visually-hidden text left out. */
function printedLines(page) {
  return page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main caption, main th')]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return element.checkVisibility() && box.width > 1 && box.height > 1;
    })
    .map((element) => element.innerText.trim()));
}

test('printed, the month is named once and no heading is left without what it heads', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  const widgets = `${env.demo}/doorstep/w/${SITE}`;

  await page.goto(`${widgets}/events/month`);
  const month = (await page.locator('main h1').innerText()).trim();
  assert.equal((await printedLines(page)).filter((line) => line === month).length, 1, `${month} is printed once`);

  const { occurrences } = await (await fetch(`${env.demo}/doorstep/api/v1/sites/${SITE}/events?limit=1`)).json();
  await page.goto(`${widgets}/events/${occurrences[0].eventId}`);
  const heading = await page.locator('#calendar-links-heading').innerText();
  assert.ok(!(await printedLines(page)).includes(heading.trim()), `"${heading}" is not printed`);
  await context.close();
});
