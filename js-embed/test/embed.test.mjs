// The embed script in a real Chromium, against the real demo server, on host pages from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, hostPage, placeholder, widgetFrames, startHostServer } from './support.mjs';

let env;

before(async () => {
  env = await setup();
});

after(async () => {
  await env?.close();
});

/** Opens a host page in a fresh context, recording every request and the hosts they went to. */
async function open(path, html, csp) {
  env.pages.set(path, { html, csp });
  const context = await env.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  await page.goto(env.host + path);
  return { context, page, requests, errors };
}

function assertOnlyLocalRequests(requests) {
  const allowed = new Set([new URL(env.demo).host, new URL(env.host).host]);
  const elsewhere = requests.filter((url) => !url.startsWith('data:') && !allowed.has(new URL(url).host));
  assert.deepEqual(elsewhere, [], 'requests to other hosts');
}

test('a plain host page shows the events widget in a titled, lazy, borderless frame', async () => {
  const { context, page, requests, errors } = await open('/plain.html', hostPage(env.demo,
    placeholder('data-tags="older-people" data-accent="#7a1f5c"')));
  const [{ handle, frame }] = await widgetFrames(page, 1);
  assert.equal(await handle.getAttribute('title'), "What's on in Hulme");
  assert.equal(await handle.getAttribute('loading'), 'lazy');
  const src = new URL(await handle.getAttribute('src'));
  assert.equal(src.origin, env.demo);
  assert.equal(src.pathname, '/doorstep/w/hulme/events');
  assert.equal(src.searchParams.get('tag'), 'older-people');
  assert.equal(src.searchParams.get('accent'), '#7a1f5c');
  assert.equal(src.searchParams.get('parentOrigin'), env.host);
  const style = await handle.evaluate((element) => ({ border: getComputedStyle(element).borderTopWidth,
    width: element.getBoundingClientRect().width, parent: element.parentElement.getBoundingClientRect().width }));
  assert.equal(style.border, '0px');
  assert.equal(style.width, style.parent);
  assert.ok((await frame.locator('main h2').count()) > 0, 'day headings with events');
  assert.match(await frame.locator('main').innerText(), /lunch/i);
  // the fallback link goes once the widget is there
  await page.waitForFunction(() => !document.querySelector('[data-doorstep] a'));
  assert.equal(await page.locator('style').count(), 0, 'no <style> injected into the host page');
  assert.deepEqual(errors, []);
  assert.deepEqual(await context.cookies(), []);
  assertOnlyLocalRequests(requests);
});

test('the frame is as tall as its content: no inner scrollbar', async () => {
  const { page } = await open('/height.html', hostPage(env.demo, placeholder()));
  const [{ handle, frame }] = await widgetFrames(page, 1);
  await page.waitForFunction((element) => element.style.height && element.style.height !== '32rem', handle);
  const fits = async () => frame.evaluate(() => {
    const root = document.documentElement;
    return { scrollHeight: root.scrollHeight, clientHeight: root.clientHeight };
  });
  let sizes = await fits();
  assert.ok(sizes.scrollHeight <= sizes.clientHeight, `scrollHeight ${sizes.scrollHeight} > clientHeight ${sizes.clientHeight}`);
  assert.ok(sizes.clientHeight > 600, 'a list of events is taller than the starting height');
  // narrower: the content wraps and grows, and the frame follows
  const before = (await handle.boundingBox()).height;
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForFunction(([element, old]) => element.getBoundingClientRect().height > old, [handle, before]);
  await page.waitForTimeout(300);
  sizes = await fits();
  assert.ok(sizes.scrollHeight <= sizes.clientHeight, `phone: scrollHeight ${sizes.scrollHeight} > clientHeight ${sizes.clientHeight}`);
});

test('a host page with a strict CSP works', async () => {
  const csp = `default-src 'self'; script-src ${env.demo}; frame-src ${env.demo}`;
  const { page, errors } = await open('/strict.html', hostPage(env.demo, placeholder()), csp);
  const [{ handle }] = await widgetFrames(page, 1);
  await page.waitForFunction((element) => element.style.height && element.style.height !== '32rem', handle);
  assert.deepEqual(errors.filter((error) => /Content Security Policy|Refused/i.test(error)), []);
});

test('two widgets and a placeholder added after load all appear', async () => {
  const { page } = await open('/several.html', hostPage(env.demo,
    placeholder('data-title="Events for older people" data-tags="older-people"')
    + placeholder('data-lang="cy" data-title="Digwyddiadau"', 'Beth sydd ymlaen')
    + '<div id="later"></div>'));
  await widgetFrames(page, 2);
  await page.evaluate(() => {
    const late = document.createElement('div');
    late.setAttribute('data-doorstep', 'events');
    late.setAttribute('data-site', 'hulme');
    late.setAttribute('data-title', 'Added later');
    document.getElementById('later').appendChild(late);
  });
  const frames = await widgetFrames(page, 3);
  const titles = await Promise.all(frames.map(({ handle }) => handle.getAttribute('title')));
  assert.deepEqual(titles, ['Events for older people', 'Digwyddiadau', 'Added later']);
  assert.equal(await frames[1].frame.evaluate(() => document.documentElement.lang), 'cy');
});

test('loading the script twice still makes one frame per placeholder', async () => {
  const { page } = await open('/twice.html', hostPage(env.demo, placeholder() + placeholder(), { scripts: 2 }));
  await widgetFrames(page, 2);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('iframe').count(), 2);
  assert.equal(await page.evaluate(() => Object.keys(window).filter((name) => /doorstep/i.test(name)).join()), 'Doorstep');
});

test('a height message from a foreign origin changes nothing', async () => {
  const { page } = await open('/foreign.html', hostPage(env.demo, placeholder()));
  const [{ handle }] = await widgetFrames(page, 1);
  await page.waitForFunction((element) => element.style.height && element.style.height !== '32rem', handle);
  await page.waitForTimeout(300);
  const height = await handle.evaluate((element) => element.style.height);
  // the host page itself (another origin than the server) posts, naming the frame as its source cannot be faked
  await page.evaluate(() => window.postMessage({ type: 'doorstep:height', height: 5 }, '*'));
  // and a frame of the host's own origin tries too
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>other</p>';
    document.body.appendChild(frame);
    return new Promise((resolve) => frame.addEventListener('load', () => {
      frame.contentWindow.parent.postMessage({ type: 'doorstep:height', height: 7 }, '*');
      resolve();
    }));
  });
  await page.waitForTimeout(300);
  assert.equal(await handle.evaluate((element) => element.style.height), height);
});

test('no cookie is set and no request leaves for another host, across the widget pages', async () => {
  const { context, page, requests } = await open('/privacy.html', hostPage(env.demo, placeholder()));
  const [{ frame }] = await widgetFrames(page, 1);
  // each click waits for the page it leads to, not for the one already there
  await Promise.all([frame.waitForURL(/\/events\/month/), frame.locator('nav a').nth(1).click()]);
  await frame.waitForSelector('main h1');
  await Promise.all([frame.waitForURL(/\/submit/), frame.locator('nav a').nth(2).click()]);
  await frame.waitForSelector('form[method="post"]');
  assert.deepEqual(await context.cookies(), []);
  assertOnlyLocalRequests(requests);
  assert.ok(requests.some((url) => url.startsWith(env.demo + '/doorstep/assets/frame.js')), 'the frame script loaded');
});

test('a host page on an origin the site does not allow gets no widget: frame-ancestors stops it', async () => {
  // a third loopback port: the demo allows only the host pages' own origin (--allow-origin)
  const stranger = await startHostServer();
  try {
    assert.notEqual(stranger.origin, env.host);
    stranger.pages.set('/stranger.html', { html: hostPage(env.demo, placeholder()) });
    const context = await env.newContext();
    const page = await context.newPage();
    const refusals = [];
    page.on('console', (message) => {
      if (/frame-ancestors/.test(message.text())) {
        refusals.push(message.text());
      }
    });
    const widgetResponse = page.waitForResponse((response) =>
      response.url().startsWith(env.demo + '/doorstep/w/hulme/events'));
    await page.goto(stranger.origin + '/stranger.html');
    await page.waitForFunction(() => document.querySelectorAll('[data-doorstep] iframe').length === 1);
    const handle = await page.$('[data-doorstep] iframe');
    const src = new URL(await handle.getAttribute('src'));
    assert.equal(src.searchParams.get('parentOrigin'), stranger.origin);

    // the server answered, with a policy that names the allowed host but not this one
    const response = await widgetResponse;
    assert.equal(response.status(), 200);
    const csp = (await response.allHeaders())['content-security-policy'] || '';
    const ancestors = (csp.split(';').map((part) => part.trim()).find((part) => part.startsWith('frame-ancestors ')) || '')
      .split(/\s+/).slice(1);
    assert.ok(ancestors.length > 0, `a frame-ancestors directive in ${csp}`);
    assert.ok(ancestors.includes(env.host), `frame-ancestors ${ancestors.join(' ')} names the allowed host`);
    assert.ok(!ancestors.includes(stranger.origin), `frame-ancestors ${ancestors.join(' ')} must not name ${stranger.origin}`);
    assert.ok(!ancestors.includes('*'));

    // Chromium refuses to render it: an error page in the frame, never the widget
    await page.waitForFunction(() => document.readyState === 'complete');
    await page.waitForTimeout(1000);
    const frame = await handle.contentFrame();
    assert.ok(frame, 'the iframe element has a frame');
    assert.ok(!frame.url().startsWith(env.demo), `frame URL ${frame.url()} is not the widget`);
    assert.match(frame.url(), /^chrome-error:/);
    const content = await frame.content().catch(() => '');
    assert.doesNotMatch(content, /lunch|Hulme Community|doorstep/i);
    assert.equal(await frame.locator('main h1').count(), 0);
    assert.equal(page.frames().filter((each) => each.url().startsWith(env.demo)).length, 0);
    assert.ok(refusals.length > 0, 'Chromium reported the frame-ancestors refusal');
    // no height message either: the frame keeps its starting height
    assert.equal(await handle.evaluate((element) => element.style.height), '32rem');
  } finally {
    await stranger.close();
  }
});

/**
 * Opens a host page whose widget cannot be shown, and waits for the snippet to give up on it: what the placeholder
 * then holds, and what the console told the webmaster.
 */
async function refusedEmbed(server, path, body) {
  server.pages.set(path, { html: hostPage(env.demo, body) });
  const context = await env.newContext();
  const page = await context.newPage();
  const told = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('Doorstep: ')) {
      told.push(message.text());
    }
  });
  await page.goto(server.origin + path);
  await page.waitForFunction(() => !document.querySelector('[data-doorstep] iframe')
    && document.querySelector('[data-doorstep] p'), null, { timeout: 15000 });
  for (let i = 0; i < 50 && told.length === 0; i++) {
    await page.waitForTimeout(100);
  }
  const placeholder = await page.evaluate(() => {
    const element = document.querySelector('[data-doorstep]');
    return { link: element.querySelector('a[href]')?.textContent, note: element.querySelector('p')?.textContent };
  });
  await context.close();
  return { placeholder, told };
}

test('a page the site does not allow keeps the link, tells visitors plainly and the webmaster why', async () => {
  const stranger = await startHostServer();
  try {
    const { placeholder: shown, told } = await refusedEmbed(stranger, '/refused.html', placeholder());
    assert.equal(shown.link, "What's on in Hulme");
    assert.match(shown.note, /could not be shown here/);
    assert.equal(told.length, 1, told.join('\n'));
    assert.match(told[0], new RegExp(`this page's address, ${stranger.origin}, is not on hulme's list of allowed websites: `
      + 'a coordinator adds it on the coordinator page', 'i'));
  } finally {
    await stranger.close();
  }
});

test('a misspelt widget type or site keeps the link and says in the console what to change', async () => {
  const host = { origin: env.host, pages: env.pages };
  const misspelt = await refusedEmbed(host, '/misspelt.html',
    `<div data-doorstep="evnts" data-site="hulme"><a href="/whats-on">What's on in Hulme</a></div>`);
  assert.equal(misspelt.placeholder.link, "What's on in Hulme");
  assert.match(misspelt.told.join('\n'), /There is no widget called "evnts": data-doorstep must be one of events/);
  const wrongSite = await refusedEmbed(host, '/wrong-site.html', placeholder('', "What's on").replace('data-site="hulme"',
    'data-site="hulmee"'));
  assert.equal(wrongSite.placeholder.link, "What's on");
  assert.match(wrongSite.told.join('\n'), /There is no site called "hulmee"/);
});

test('in Welsh the snippet\'s own words are Welsh: the frame\'s name and the skip link', async () => {
  const { page } = await open('/cymraeg.html', hostPage(env.demo, '<div data-doorstep="events" data-site="hulme" data-lang="cy"></div>'));
  const [{ handle }] = await widgetFrames(page, 1);
  assert.equal(await handle.getAttribute('title'), 'Hysbysfwrdd cymunedol');
  assert.equal(await page.locator('a[href="#"]').first().textContent(), 'Neidio heibio: Hysbysfwrdd cymunedol');
});

test('a keyboard user passes an embedded list in one step, by the skip link before it', async () => {
  const { page } = await open('/skip.html', hostPage(env.demo,
    `<p><a href="#top" id="before">Before the widget</a></p>\n${placeholder()}\n<p><a href="#top" id="after">After the widget</a></p>`));
  await widgetFrames(page, 1);
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => ({ text: document.activeElement.textContent,
    width: document.activeElement.getBoundingClientRect().width }));
  assert.equal(skip.text, "Skip past: What's on in Hulme");
  assert.ok(skip.width > 1, 'the skip link shows while it has focus');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'after');
});
