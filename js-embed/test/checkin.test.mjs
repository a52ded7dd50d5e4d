// The check-in pages in Chromium: axe-core finds no WCAG 2.2 AA violations in English or Welsh on the start page,
// the person's page, a responder's page and the coordinator's circles; their titles give nothing away; and a person
// starts a check-in and checks in with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, SITE , axeViolations } from './support.mjs';

const DISCREET = /safe|alert|danger|emergency|help|check-in|diogel|rhybudd|perygl/i;
let env;
let widgets;
let api;

before(async () => {
  env = await setup();
  widgets = `${env.demo}/doorstep/w/${SITE}`;
  api = `${env.demo}/doorstep/api/v1/sites/${SITE}`;
});

after(async () => {
  await env?.close();
});

/** The demo's circle, read off the start page's select. */
async function circleId() {
  const form = await (await fetch(`${widgets}/checkin`)).text();
  const id = /<select id="circle"[^>]*>\s*<option value="([^"]+)"/.exec(form)?.[1];
  assert.ok(id, 'the demo has a circle');
  return id;
}

/** A fresh check-in through the API; with `sos`, its alert raised at once (no waiting for a deadline). */
async function startCheckIn(sos) {
  const response = await fetch(`${api}/checkins`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ nickname: 'Axe', note: 'A note', circle: await circleId(), inMinutes: 30, graceMinutes: 5 }),
  });
  assert.equal(response.status, 201);
  const { token } = await response.json();
  if (sos) {
    assert.equal((await fetch(`${api}/checkins/${token}/sos`, { method: 'POST' })).status, 200);
  }
  return token;
}

/** The responder link of the newest alert the demo mailed, polled from its outbox page until delivered. */
async function responderPath() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const outbox = await (await fetch(`${env.demo}/outbox`)).text();
    const link = /\/w\/hulme\/(checkin\/respond\/[0-9a-z]{26})/.exec(outbox)?.[1];
    if (link) {
      return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail('no alert reached the outbox page');
}

for (const lang of ['en', 'cy']) {
  test(`axe finds no violations on the check-in pages, and their titles are discreet (${lang})`, async () => {
    const context = await env.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const person = `checkin/${await startCheckIn(false)}`;
    await startCheckIn(true);
    const report = [];
    for (const path of ['checkin', person, await responderPath(), `checkin/circles/${env.adminToken}`]) {
      await page.goto(`${widgets}/${path}?lang=${lang}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      assert.doesNotMatch(await page.title(), DISCREET, `${path}: the title gives nothing away`);
      report.push(...await axeViolations(page, `${path}?lang=${lang}`));
    }
    assert.deepEqual(report, []);
  });
}

/** Presses Tab until the element matching the selector has focus. */
async function tabTo(page, selector, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('a person starts a check-in and checks in with the keyboard alone, on big buttons', async () => {
  const context = await env.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${widgets}/checkin`);
  await tabTo(page, '#nickname');
  await page.keyboard.type('Robin');
  await tabTo(page, '#inMinutes');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('20');
  await tabTo(page, 'button[type="submit"]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('a.secret').count(), 1, await page.locator('main').innerText());
  await page.goto(await page.locator('a.secret').getAttribute('href'));
  const ok = page.getByRole('button', { name: /I.m OK/ });
  const box = await ok.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 300, `the I'm OK button is big (${box.width}×${box.height})`);
  assert.match(await page.locator('main').innerText(), /(19|20) minutes left/);
  await tabTo(page, 'button.big');
  // wait for the answer to the post itself: the page already loaded would otherwise count as it
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.match(await page.locator('main').innerText(), /Done\. Thank you\./);
  assert.deepEqual(await context.cookies(), []);
});
