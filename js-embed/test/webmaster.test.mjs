// What a webmaster copies from and reaches: the demo's sample charity page embeds its widgets with the two-line
// snippet the builder writes (no hand-written iframe), and its link to the coordinator page leads to a form that
// takes the admin token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, widgetFrames, SITE } from './support.mjs';

let env;

before(async () => {
  env = await setup();
});

after(async () => {
  await env?.close();
});

test('the sample charity page embeds its widgets with the builder\'s own two-line snippet', async () => {
  const html = await (await fetch(`${env.demo}/`)).text();
  assert.ok(!/<iframe/i.test(html), 'no hand-written iframe');
  assert.ok(html.includes(`<div data-doorstep="events" data-site="${SITE}"><a href="${env.demo}/doorstep/w/${SITE}/events">`),
    'the events placeholder with its fallback link');
  assert.ok(html.includes(`<script src="${env.demo}/doorstep/embed.js" async></script>`), 'the snippet\'s script');

  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(`${env.demo}/`);
  const frames = await widgetFrames(page, 2);
  assert.match(await frames[0].frame.locator('main h1').innerText(), /What's on/);
  await context.close();
});

test('the sample page\'s coordinator link opens a form that takes the admin token', async () => {
  assert.ok(env.adminToken, 'the demo printed an admin token');
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(`${env.demo}/`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'coordinator page' }).click()]);
  await page.locator('#token').fill(env.adminToken);
  await Promise.all([page.waitForNavigation(), page.locator('main button[type="submit"]').click()]);
  assert.match(page.url(), /\/admin\/[0-9a-z]{26}$/, await page.locator('main').innerText());
  assert.match(await page.locator('main h1').innerText(), /oordinator/);
  await context.close();
});
