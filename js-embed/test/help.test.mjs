// The help board's pages in Chromium: axe-core finds no WCAG 2.2 AA violations in English or Welsh, on the board,
// its forms and the pages behind private links; and a giver and a resident, each in a browser of their own, go from
// an offer to a collected claim, talking through Doorstep without either seeing the other's contact details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, SITE, DEMO_NOW, hostPage, widgetFrames, screenshotsOf , axeViolations } from './support.mjs';

const MANAGE = /\/w\/hulme\/(help\/manage\/([0-9a-z]{26}))/;
let env;
let widgets;

before(async () => {
  env = await setup();
  widgets = `${env.demo}/doorstep/w/${SITE}`;
});

after(async () => {
  await env?.close();
});

/**
 * The day `days` after the demo's clock as a date field sends it (yyyy-mm-dd). Two days or more ahead, so the
 * site's time zone cannot make it today or yesterday.
 */
function dayAfterDemoNow(days) {
  return new Date(DEMO_NOW.getTime() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A form post as the demo's own pages send it. */
async function postForm(path, fields) {
  const response = await fetch(`${widgets}/${path}`, {
    method: 'POST',
    headers: { Origin: env.demo, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text() };
}

/** The first offer's and (if any) the first request's page on the board, as paths under the widgets. */
async function boardPaths() {
  const board = await (await fetch(`${widgets}/help`)).text();
  const offer = /\/w\/hulme\/(help\/offers\/[^"?#]+)/.exec(board)?.[1];
  assert.ok(offer, 'the board lists an offer');
  const request = /\/w\/hulme\/(help\/requests\/[^"?#]+)/.exec(board)?.[1];
  return request ? [offer, request] : [offer];
}

/**
 * The pages behind private links: a fresh offer's manage page, the manage page of a claim on it, the giver's
 * round list (with that claim on it) and the coordinator's desk.
 */
async function secretLinkPaths() {
  assert.ok(env.adminToken, 'the demo printed an admin token');
  const title = `Axe check meals ${Date.now()}`;
  const day = dayAfterDemoNow(2);
  const offered = await postForm('help/offer', {
    title, category: 'meals', quantity: '6', area: 'Hulme', repeats: 'once', windowDate: day,
    windowStart: '17:00', windowEnd: '19:00', expiresDate: day, expiresTime: '20:00', 'dietary-halal': 'on',
    handover: 'collection', giverName: 'Axe check kitchen', email: 'axe@givers.example',
  });
  const giver = MANAGE.exec(offered.html);
  assert.ok(giver, `a manage link was shown for the offer (${offered.status})`);

  const board = await (await fetch(`${widgets}/help`)).text();
  const offer = new RegExp(`/w/hulme/(help/offers/[^"?#]+)[^"]*">${title}</a>`).exec(board)?.[1];
  assert.ok(offer, 'the fresh offer is on the board');
  const claimed = await postForm(offer, { quantity: '1', name: 'Axe' });
  const claim = MANAGE.exec(claimed.html);
  assert.ok(claim, `a manage link was shown for the claim (${claimed.status})`);

  return [giver[1], claim[1], `help/round/${giver[2]}`, `help/desk/${env.adminToken}`];
}

for (const lang of ['en', 'cy']) {
  test(`axe finds no violations on the help pages (${lang})`, async () => {
    // axe is injected by the test, so this context lets it past the widgets' own script policy
    const context = await env.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const report = [];
    const [offer, ...request] = await boardPaths();
    for (const path of ['help', offer, 'help/offer', 'help/request', ...request, ...await secretLinkPaths()]) {
      await page.goto(`${widgets}/${path}?lang=${lang}`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      report.push(...await axeViolations(page, `${path}?lang=${lang}`));
    }
    assert.deepEqual(report, []);
  });
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

/** The private link a listing's or claim's page shows once, or the page's words if it shows none. */
async function secretLink(page) {
  const link = page.locator('a.secret');
  await link.waitFor({ timeout: 5000 }).catch(async (error) => {
    throw new Error(`no private link: ${await page.locator('main').innerText().catch(() => '?')}`, { cause: error });
  });
  const href = await link.getAttribute('href');
  assert.match(href, MANAGE);
  return href;
}

test('a giver offers meals, a resident in another browser context claims two, they exchange a message without '
  + 'seeing each other\'s address, and the giver confirms and marks them collected', async () => {
  const title = 'Curry and rice from the Zion kitchen';
  const giverEmail = 'zion@givers.example';
  const giverPhone = '0161 496 0200';
  const residentEmail = 'sam@residents.example';
  const day = dayAfterDemoNow(2);

  // the giver puts the meals on the board
  const a = await (await env.newContext()).newPage();
  await a.goto(`${widgets}/help/offer`);
  await a.fill('#title', title);
  await a.selectOption('#category', 'meals');
  await a.fill('#quantity', '12');
  await a.fill('#area', 'Hulme');
  await a.check('#repeats-once');
  await a.fill('#windowDate', day);
  await a.fill('#windowStart', '17:00');
  await a.fill('#windowEnd', '19:00');
  await a.fill('#expiresDate', day);
  await a.fill('#expiresTime', '20:00');
  await a.check('#dietary-halal');
  await a.check('#dietary-vegetarian');
  await a.fill('#allergens', 'milk');
  await a.selectOption('#handover', 'collection');
  await a.fill('#giverName', 'Zion kitchen');
  await a.fill('#email', giverEmail);
  await a.fill('#phone', giverPhone);
  await a.getByRole('button', { name: 'Put it on the board' }).click();
  const giverLink = await secretLink(a);
  assert.match(await a.locator('h1').innerText(), /Your offer is in/);

  // a resident, in a browser of their own, finds it on the board and claims two with the keyboard alone
  const b = await (await env.newContext()).newPage();
  await b.goto(`${widgets}/help`);
  assert.ok(!(await b.content()).includes(giverEmail), 'the board does not show the giver\'s email');
  await b.getByRole('link', { name: title, exact: true }).click();
  await b.waitForSelector('form[method="post"] #quantity');
  assert.equal(await b.locator('h1').innerText(), title);
  await tabTo(b, b.keyboard, '#quantity');
  await b.keyboard.press('Control+A');
  await b.keyboard.type('2');
  assert.equal(await b.locator('#quantity').inputValue(), '2');
  await tabTo(b, b.keyboard, '#name');
  await b.keyboard.type('Sam');
  await tabTo(b, b.keyboard, '#email');
  await b.keyboard.type(residentEmail);
  await tabTo(b, b.keyboard, 'form[method="post"] button[type="submit"]');
  await b.keyboard.press('Enter');
  const residentLink = await secretLink(b);
  assert.match(await b.locator('h1').innerText(), /Held for you/);
  assert.notEqual(residentLink, giverLink);

  // the resident writes to the giver through Doorstep
  await b.goto(residentLink);
  await b.getByLabel('Write a message').fill('Can I come at 18:00?');
  await b.getByRole('button', { name: 'Send', exact: true }).click();
  await b.getByText('Your message was sent.').waitFor();

  // the giver sees the claim and the message, and replies; the resident's email stays hidden
  await a.goto(giverLink);
  const claim = a.locator('article', { has: a.getByRole('heading', { name: 'Sam: 2' }) });
  await claim.waitFor();
  assert.match(await claim.innerText(), /Can I come at 18:00\?/);
  await claim.getByLabel('Write a message').fill('Yes, ring the side door.');
  await claim.getByRole('button', { name: 'Send', exact: true }).click();
  await a.getByText('Your message was sent.').waitFor();
  assert.match(await a.locator('main').innerText(), /Yes, ring the side door\./);
  assert.ok(!(await a.content()).includes(residentEmail), 'the giver does not see the resident\'s email');

  // the resident sees the reply, and neither the giver's email nor phone
  await b.goto(residentLink);
  const residentPage = await b.locator('main').innerText();
  assert.match(residentPage, /Messages with Zion kitchen/);
  assert.match(residentPage, /Yes, ring the side door\./);
  const residentHtml = await b.content();
  assert.ok(!residentHtml.includes(giverEmail), 'the resident does not see the giver\'s email');
  assert.ok(!residentHtml.includes(giverPhone), 'the resident does not see the giver\'s phone');

  // the giver confirms the claim, then marks it collected
  await a.locator('article', { has: a.getByRole('heading', { name: 'Sam: 2' }) })
    .getByRole('button', { name: 'Confirm', exact: true }).click();
  await a.getByText('The claim is now: Confirmed.').waitFor();
  await a.locator('article', { has: a.getByRole('heading', { name: 'Sam: 2' }) })
    .getByRole('button', { name: 'Mark as collected', exact: true }).click();
  await a.getByText('The claim is now: Collected.').waitFor();
  const collected = await a.locator('article', { has: a.getByRole('heading', { name: 'Sam: 2' }) }).innerText();
  assert.match(collected, /Collected/);
  assert.equal(await a.getByRole('button', { name: 'Mark as collected' }).count(), 0);
});

test('the same two-line snippet embeds the help board on a host page of another origin', async () => {
  env.pages.set('/help.html', { html: hostPage(env.demo, `<div data-doorstep="help" data-site="${SITE}">`
    + '<a href="/help">Help near you</a></div>') });
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(`${env.host}/help.html`);
  const [{ handle, frame }] = await widgetFrames(page, 1);
  assert.match(await handle.getAttribute('src'), /\/doorstep\/w\/hulme\/help\?/);
  assert.ok(await handle.getAttribute('title'), 'the frame has a title');
  assert.match(await frame.locator('h1').innerText(), /Help board/);
  assert.ok(await frame.getByRole('link', { name: 'Hot meals' }).count() > 0, 'the seeded meals are on the board');
  assert.deepEqual(await context.cookies(), []);
});

test('screenshots of the help board at desktop and phone width', async () => {
  await screenshotsOf(env, `${widgets}/help`, 'help');
});
