// The widget pages themselves in Chromium: axe-core finds no WCAG 2.2 AA violations in English or Welsh,
// a keyboard alone filters the list and sends a suggestion, and screenshots for the documentation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setup, hostPage, placeholder, widgetFrames, screenshotsOf, SITE, DEMO_NOW , axeViolations } from './support.mjs';

let env;
let widgets;

before(async () => {
  env = await setup();
  widgets = `${env.demo}/doorstep/w/${SITE}`;
});

after(async () => {
  await env?.close();
});

async function firstEventPath() {
  const response = await fetch(`${env.demo}/doorstep/api/v1/sites/${SITE}/events?limit=1`);
  const { occurrences } = await response.json();
  assert.ok(occurrences.length > 0, 'the demo has events');
  return `events/${occurrences[0].eventId}`;
}

/** The pages behind secret links: a fresh suggestion's manage page, the coordinator's and an organiser's. */
async function secretLinkPaths() {
  assert.ok(env.adminToken, 'the demo printed an admin token');
  const origin = { Origin: env.demo, 'Content-Type': 'application/x-www-form-urlencoded' };
  const submitted = await (await fetch(`${widgets}/submit`, { method: 'POST', headers: origin,
    body: 'title=Axe+check&date=2030-01-15&startTime=10%3A00' })).text();
  const manage = /\/w\/hulme\/(manage\/[0-9a-z]{26})/.exec(submitted)?.[1];
  assert.ok(manage, 'a manage link was shown');
  const admin = `admin/${env.adminToken}`;
  const added = await (await fetch(`${widgets}/${admin}`, { method: 'POST', headers: origin,
    body: `action=add-organisation&id=axe-${Date.now()}&name=Axe+check+group` })).text();
  const organiser = /\/w\/hulme\/(organiser\/[0-9a-z]{26})/.exec(added)?.[1];
  assert.ok(organiser, 'an organiser link was shown');
  return [manage, admin, organiser];
}

for (const lang of ['en', 'cy']) {
  test(`axe finds no violations on the widget pages (${lang})`, async () => {
    // axe is injected by the test, so this context lets it past the widgets' own script policy
    const context = await env.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const report = [];
    for (const path of ['events', 'events/month', await firstEventPath(), 'submit', 'admin', ...await secretLinkPaths()]) {
      await page.goto(`${widgets}/${path}?lang=${lang}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      report.push(...await axeViolations(page, `${path}?lang=${lang}`));
    }
    assert.deepEqual(report, []);
  });
}

function twoDigitsOf(number) {
  return String(number).padStart(2, '0');
}

/** Presses Tab until the element matching the selector has focus, at most `limit` times. */
async function tabTo(scope, keyboard, selector, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await scope.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
    await keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('a keyboard alone filters the embedded events list and sends a suggestion', async () => {
  env.pages.set('/keyboard.html', { html: hostPage(env.demo, placeholder()) });
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(`${env.host}/keyboard.html`);
  let [{ frame }] = await widgetFrames(page, 1);

  // from the top of the host page into the widget, to its search field
  await page.locator('h1').first().click();
  await tabTo(frame, page.keyboard, '#filter-q');
  await page.keyboard.type('lunch');
  await tabTo(frame, page.keyboard, 'form.filters button[type="submit"]');
  await page.keyboard.press('Enter');
  await frame.waitForURL(/[?&]q=lunch/);
  await frame.waitForSelector('main h1');
  // the count of what was found is read out first: focus is on it
  assert.match(await frame.evaluate(() => document.activeElement?.id === 'results' && document.activeElement.textContent),
    /^\d+ events? found/);
  const listed = await frame.locator('main .day').allInnerTexts();
  assert.ok(listed.length > 0 && listed.every((day) => /lunch/i.test(day)), 'only lunch events are listed');

  // to the suggestion form through the widget's own navigation
  await tabTo(frame, page.keyboard, 'nav a[href*="/submit"]');
  await page.keyboard.press('Enter');
  await frame.waitForSelector('form[method="post"] #title');
  await tabTo(frame, page.keyboard, '#title');
  await page.keyboard.type('Keyboard coffee morning');
  await tabTo(frame, page.keyboard, '#date');
  // a plain text box, typed the British way round: a coming day by the demo's clock
  const date = new Date(DEMO_NOW.getTime() + 7 * 24 * 3600 * 1000);
  const typed = `${twoDigitsOf(date.getUTCDate())}/${twoDigitsOf(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  await page.keyboard.type(typed);
  assert.equal(await frame.locator('#date').inputValue(), typed);
  await tabTo(frame, page.keyboard, '#startTime');
  await page.keyboard.type('10.30am');
  await tabTo(frame, page.keyboard, '#place');
  await page.keyboard.type('Hulme Library');
  await tabTo(frame, page.keyboard, 'form[method="post"] button[type="submit"]');
  await page.keyboard.press('Enter');
  await frame.waitForSelector('a.secret', { timeout: 5000 }).catch(async (error) => {
    throw new Error(`no success page: ${await frame.locator('main').innerText().catch(() => '?')}`, { cause: error });
  });
  assert.match(await frame.locator('h1').innerText(), /Thank you/);
  assert.deepEqual(await context.cookies(), []);
});

test('screenshots of the events widget at desktop and phone width', async () => {
  await screenshotsOf(env, `${widgets}/events`, 'events');
});
