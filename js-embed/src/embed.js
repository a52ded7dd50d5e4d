/*
 * Doorstep embed: turns each <div data-doorstep="events" data-site="…"> on the page into an iframe of the
 * hosted widget, sized by origin-checked postMessage. No cookies, no storage, no requests but the frames, and,
 * when a widget cannot be shown, one to ask the server why. Then the placeholder keeps its link, visitors see a
 * short note, and the console tells the webmaster what to change.
 * Paste it with: <script src="https://your-server/doorstep/embed.js" async></script>
 */
(function () {
  'use strict';

  // a second copy of the script (pasted twice, or by two plugins) leaves the first in charge
  if (window.Doorstep) {
    return;
  }
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }

  // the server is wherever this script came from: self-hosting needs no configuration
  var scriptUrl = new URL(script.src);
  var serverOrigin = scriptUrl.origin;
  var prefix = scriptUrl.pathname.replace(/\/[^/]*$/, '');

  var PAGES = { events: 'events', month: 'events/month', submit: 'submit' };
  var SINGLE = ['area', 'org', 'lang', 'accent', 'text', 'background', 'font', 'radius', 'compact'];
  var HEIGHT_MESSAGE = 'doorstep:height';
  var SKIP = { en: 'Skip past: ', cy: 'Neidio heibio: ' };
  // a frame's name when the placeholder gives neither data-title nor link text
  var TITLE = { en: 'Community noticeboard', cy: 'Hysbysfwrdd cymunedol' };
  var NOT_SHOWN = {
    en: 'This could not be shown here. The link above still works.',
    cy: 'Doedd dim modd dangos hwn yma. Mae’r ddolen uchod yn dal i weithio.'
  };
  // a widget that loaded says so within moments; one the server refused (a website not on the site's list, a
  // mistyped site) never does
  var SHOWN_WITHIN = 4000;

  var frames = [];
  var done = new WeakSet();

  function widgetUrl(placeholder, page) {
    var url = new URL(prefix + '/w/' + encodeURIComponent(placeholder.getAttribute('data-site')) + '/' + page,
      serverOrigin);
    var tags = placeholder.getAttribute('data-tags');
    if (tags) {
      tags.split(',').forEach(function (tag) {
        if (tag.trim()) {
          url.searchParams.append('tag', tag.trim());
        }
      });
    }
    SINGLE.forEach(function (name) {
      var value = placeholder.getAttribute('data-' + name);
      if (value) {
        url.searchParams.set(name, value);
      }
    });
    // the frame posts its height only to this origin, once the server has checked the site allows it
    if (location.origin && location.origin !== 'null') {
      url.searchParams.set('parentOrigin', location.origin);
    }
    return url.href;
  }

  function embed(placeholder) {
    if (done.has(placeholder)) {
      return;
    }
    done.add(placeholder);
    var page = PAGES[placeholder.getAttribute('data-doorstep')];
    if (!page || !placeholder.getAttribute('data-site')) {
      notShown(placeholder);
      return;
    }
    var fallback = placeholder.querySelector('a[href]');
    var frame = document.createElement('iframe');
    frame.title = placeholder.getAttribute('data-title')
      || (fallback && fallback.textContent.trim())
      || TITLE[placeholder.getAttribute('data-lang')] || TITLE.en;
    frame.loading = 'lazy';
    frame.src = widgetUrl(placeholder, page);
    // properties, not an injected <style>, so a strict host CSP allows them
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.height = '32rem';
    frame.style.display = 'block';
    var entry = { frame: frame, shown: false, fallback: fallback };
    frame.addEventListener('load', function () {
      if (!checked()) {
        // without an origin to check (a file opened from disk) no frame reports: the link goes once it loads
        removeNode(fallback);
        return;
      }
      setTimeout(function () {
        if (!entry.shown) {
          removeNode(frame);
          removeNode(entry.skip);
          removeNode(entry.end);
          notShown(placeholder);
        }
      }, SHOWN_WITHIN);
    });
    frames.push(entry);
    placeholder.appendChild(frame);
    skipLink(placeholder, frame.title, entry);
  }

  function checked() {
    return Boolean(location.origin && location.origin !== 'null');
  }

  function removeNode(node) {
    if (node && node.parentNode) {
      node.parentNode.removeChild(node);
    }
  }

  // the link stays, visitors read why nothing else is there, and the webmaster reads in the console what to change
  function notShown(placeholder) {
    var note = document.createElement('p');
    note.textContent = NOT_SHOWN[placeholder.getAttribute('data-lang')] || NOT_SHOWN.en;
    placeholder.appendChild(note);
    var type = placeholder.getAttribute('data-doorstep');
    var site = placeholder.getAttribute('data-site');
    if (!site) {
      console.warn('Doorstep: this placeholder has no data-site, so no widget can be shown: add the site\'s name, '
        + 'as the embed builder writes it (data-site="…").');
      return;
    }
    var check = new URL(prefix + '/embed/check', serverOrigin);
    check.searchParams.set('site', site);
    check.searchParams.set('widget', type);
    check.searchParams.set('page', location.href);
    var builder = new URL(prefix + '/w/' + encodeURIComponent(site) + '/embed', serverOrigin).href;
    fetch(check.href).then(function (answer) {
      return answer.json();
    }).then(function (answer) {
      console.warn('Doorstep: ' + (answer.ok
        ? 'the ' + type + ' widget did not load in time: check this page with the embed builder, ' + builder
        : answer.message));
    }, function () {
      console.warn('Doorstep: the ' + type + ' widget for "' + site + '" could not be shown here; the embed builder, '
        + builder + ', checks whether this page may show it.');
    });
  }

  // a keyboard user passes a whole calendar in one step: a link before it, shown while it has focus
  function skipLink(placeholder, title, entry) {
    var skip = document.createElement('a');
    var end = document.createElement('span');
    end.tabIndex = -1;
    skip.href = '#';
    skip.textContent = (SKIP[placeholder.getAttribute('data-lang')] || SKIP.en) + title;
    function show(shown) {
      skip.style.position = shown ? 'static' : 'absolute';
      skip.style.clipPath = shown ? 'none' : 'inset(50%)';
      skip.style.overflow = 'hidden';
      skip.style.width = shown ? 'auto' : '1px';
      skip.style.height = shown ? 'auto' : '1px';
    }
    show(false);
    skip.addEventListener('focus', function () { show(true); });
    skip.addEventListener('blur', function () { show(false); });
    skip.addEventListener('click', function (event) {
      event.preventDefault();
      end.focus();
    });
    placeholder.parentNode.insertBefore(skip, placeholder);
    placeholder.parentNode.insertBefore(end, placeholder.nextSibling);
    entry.skip = skip;
    entry.end = end;
  }

  function scan() {
    var placeholders = document.querySelectorAll('[data-doorstep]');
    for (var i = 0; i < placeholders.length; i++) {
      embed(placeholders[i]);
    }
  }

  window.addEventListener('message', function (event) {
    // only our own server, and only from one of our own frames
    if (event.origin !== serverOrigin || !event.data || event.data.type !== HEIGHT_MESSAGE) {
      return;
    }
    var height = Number(event.data.height);
    if (!(height > 0 && height < 100000)) {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].frame.contentWindow === event.source) {
        frames[i].frame.style.height = Math.ceil(height) + 'px';
        if (!frames[i].shown) {
          // the link stays until the widget is really there
          frames[i].shown = true;
          removeNode(frames[i].fallback);
        }
      }
    }
  });

  // placeholders a page adds later (tabs, page builders) are picked up too
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  }
  scan();

  window.Doorstep = Object.freeze({ version: '1', scan: scan });
}());
