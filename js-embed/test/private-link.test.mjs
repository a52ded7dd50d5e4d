// The private link a resident is shown once: one sentence says what it is for, a button copies it, another prints
// the page, switching language leads to the link's own page rather than losing it, and the link survives
// being copied by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, SITE, DEMO_NOW, axeViolations } from './support.mjs';

let env;

before(async () => {
  env = await setup();
});

after(async () => {
  await env?.close();
});

test('the private link is copied by a button and kept when the language changes', async () => {
  // axe is injected by the test, so this context lets it past the widgets' own script policy
  const context = await env.newContext({ bypassCSP: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.demo });
  const page = await context.newPage();
  await page.goto(`${env.demo}/doorstep/w/${SITE}/submit`);
  const day = new Date(DEMO_NOW.getTime() + 3 * 24 * 3600 * 1000);
  await page.locator('#title').fill('Copy the link coffee morning');
  await page.locator('#date').fill(`${day.getUTCDate()}/${day.getUTCMonth() + 1}/${day.getUTCFullYear()}`);
  await Promise.all([page.waitForNavigation(), page.locator('main form[method="post"] button[type="submit"]').click()]);
  const link = await page.locator('#private-link').getAttribute('href');
  assert.match(link, /\/w\/hulme\/manage\/[0-9a-z]{26}$/);
  assert.match(await page.locator('.private-link strong').innerText(), /only way back/);
  assert.deepEqual(await axeViolations(page, 'the page with the private link'), []);

  await page.getByRole('button', { name: 'Copy the link' }).click();
  await page.waitForFunction(() => document.querySelector('.link-status').textContent.length > 0);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.ok(await page.getByRole('button', { name: 'Print this page' }).isVisible());

  await Promise.all([page.waitForNavigation(), page.locator('.languages a[lang="cy"]').click()]);
  assert.equal(new URL(page.url()).pathname, new URL(link).pathname);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'cy');
  assert.match(await page.locator('main').innerText(), /Copy the link coffee morning/);

  // written down and typed back in capitals, with O for 0 and L for 1, the link still opens its page
  const url = new URL(link);
  const token = url.pathname.split('/').pop();
  const typed = token.toUpperCase().replaceAll('0', 'O').replaceAll('1', 'L');
  await page.goto(`${url.origin}${url.pathname.replace(token, typed)}`);
  assert.match(await page.locator('main').innerText(), /Copy the link coffee morning/);
  await context.close();
});
