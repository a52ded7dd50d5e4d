// No sideways scrolling at 320 px whatever a group writes: an approved event with a 120-character word in its
// title, place and description and a long meeting link wraps in the list, the month view and the event page.
// (Named to run after the screenshots, which this event would otherwise appear in.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, SITE, DEMO_NOW } from './support.mjs';

let env;

before(async () => {
  env = await setup();
});

after(async () => {
  await env?.close();
});

const WORD = 'Llanfairpwllgwyngyll'.repeat(6);
const MEETING = 'https://us02web.zoom.us/j/81234567890?pwd=' + 'QWxhZGRpbjpvcGVuIHNlc2FtZQ'.repeat(4) + '&uname=Hulme+Community';

async function approvedLongEvent() {
  assert.ok(env.adminToken, 'the demo printed an admin token');
  const widgets = `${env.demo}/doorstep/w/${SITE}`;
  const headers = { Origin: env.demo, 'Content-Type': 'application/x-www-form-urlencoded' };
  const day = new Date(DEMO_NOW.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  const title = `Online ${WORD}`;
  const form = new URLSearchParams({ title, date: day, startTime: '18:00', place: `${WORD} ${MEETING}`,
    description: `Join here: ${MEETING} ${WORD}`, bookingLink: MEETING });
  const submitted = await fetch(`${widgets}/submit`, { method: 'POST', headers, body: form.toString() });
  assert.equal(submitted.status, 200, await submitted.text());
  const admin = await (await fetch(`${widgets}/admin/${env.adminToken}`)).text();
  const pending = new RegExp(`name="eventId" value="([^"]+)">\\s*<input type="hidden" name="revision" value="([0-9a-f]+)">`
    + `\\s*<button type="submit" name="action" value="approve">[^<]*<span class="visually-hidden">: ${title}</span>`).exec(admin);
  assert.ok(pending, 'the suggestion waits for approval');
  // the approval names the revision the coordinator read, as the page's own form does
  const approved = await fetch(`${widgets}/admin/${env.adminToken}`, { method: 'POST', headers,
    body: `action=approve&eventId=${encodeURIComponent(pending[1])}&revision=${pending[2]}` });
  assert.equal(approved.status, 200);
  return { id: pending[1], month: day.slice(0, 7) };
}

test('long words and meeting links wrap at 320 px in the list, the month view and the event page', async () => {
  const { id, month } = await approvedLongEvent();
  const context = await env.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const widgets = `${env.demo}/doorstep/w/${SITE}`;
  for (const path of ['events', `events/month?month=${month}`, `events/${id}`]) {
    await page.goto(`${widgets}/${path}`);
    await page.waitForSelector('main h1');
    assert.ok((await page.locator('main').innerText()).includes(WORD.slice(0, 40)), `${path} shows the event`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${path} scrolls sideways by ${overflow} px`);
  }
  await context.close();
});
