/*
 * Doorstep embed: turns each <div data-doorstep="events" data-site="…"> on the page into an iframe of the
 * hosted widget, sized by origin-checked postMessage. No cookies, no storage, no requests but the frames.
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
      return;
    }
    var fallback = placeholder.querySelector('a[href]');
    var frame = document.createElement('iframe');
    frame.title = placeholder.getAttribute('data-title')
      || (fallback && fallback.textContent.trim())
      || 'Community events';
    frame.loading = 'lazy';
    frame.src = widgetUrl(placeholder, page);
    // properties, not an injected <style>, so a strict host CSP allows them
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.height = '32rem';
    frame.style.display = 'block';
    frame.addEventListener('load', function () {
      // the link stays until the widget is really there
      if (fallback && fallback.parentNode) {
        fallback.parentNode.removeChild(fallback);
      }
    });
    frames.push(frame);
    placeholder.appendChild(frame);
    skipLink(placeholder, frame.title);
  }

  // a keyboard user passes a whole calendar in one step: a link before it, shown while it has focus
  function skipLink(placeholder, title) {
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
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
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
