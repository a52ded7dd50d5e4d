// After a failed submit, on every feature's form: focus is on the error summary, so a screen reader reads it first,
// and following one of its links brings the field's label and message into view with the field focused.
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

for (const form of ['submit', 'help/offer', 'checkin']) {
  test(`a failed submit of ${form} focuses the error summary, and its links show each field with its label`, async () => {
    const context = await env.newContext({ viewport: { width: 320, height: 560 } });
    const page = await context.newPage();
    await page.goto(`${env.demo}/doorstep/w/${SITE}/${form}`);
    await page.waitForSelector('main h1');
    const submit = page.locator('main form[method="post"] button[type="submit"]').last();
    await Promise.all([page.waitForNavigation(), submit.click()]);
    await page.waitForSelector('.error-summary');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true,
      'focus is on the error summary');

    const links = await page.locator('.error-summary a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    assert.ok(links.length > 0, 'the summary links to the fields');
    // the last link: the field furthest down, so the page has to scroll to it
    const target = links[links.length - 1].slice(1);
    await page.locator('.error-summary a').last().click();
    const seen = await page.evaluate((id) => {
      const field = document.getElementById(id);
      const label = document.querySelector(`label[for="${id}"]`) || field.closest('fieldset')?.querySelector('legend');
      const box = label.getBoundingClientRect();
      return { focused: document.activeElement === field, top: box.top, bottom: box.bottom, height: innerHeight };
    }, target);
    assert.equal(seen.focused, true, `#${target} has focus`);
    assert.ok(seen.top >= 0 && seen.bottom <= seen.height, `the label of #${target} is in view: ${JSON.stringify(seen)}`);
    await context.close();
  });
}
