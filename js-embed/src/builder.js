/*
 * Doorstep embed builder: keeps the snippet and the preview in step with the form as options change, and copies
 * the snippet. The form works without it (a GET re-renders the page); the checks here match the server's.
 */
(function () {
  'use strict';

  var form = document.getElementById('builder-form');
  var snippet = document.getElementById('builder-snippet');
  var frame = document.getElementById('builder-frame');
  var openLink = document.getElementById('builder-preview-open');
  var copy = document.getElementById('builder-copy');
  var status = document.getElementById('builder-status');
  if (!form || !snippet || !frame) {
    return;
  }

  var PAGES = { events: 'events', month: 'events/month', submit: 'submit' };
  var COLOURS = ['accent', 'text', 'background'];
  var COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
  var FONTS = ['system', 'sans-serif', 'serif', 'monospace', 'humanist', 'rounded'];
  var LANGUAGES = ['en', 'cy'];

  function escape(value) {
    return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function value(name) {
    var element = field(name);
    if (!element) {
      return '';
    }
    if (element.type === 'checkbox') {
      return element.checked ? '1' : '';
    }
    return String(element.value || '').trim();
  }

  function optionValue(name) {
    var element = field(name);
    if (!element || !element.options) {
      return '';
    }
    for (var i = 0; i < element.options.length; i++) {
      if (element.options[i].value === element.value) {
        return element.value;
      }
    }
    return '';
  }

  /** The options as the snippet's data- attributes, in the server's order, each checked as the server does. */
  function attributes() {
    var list = [];
    var widget = PAGES[value('widget')] ? value('widget') : 'events';
    list.push(['doorstep', widget], ['site', form.getAttribute('data-site')]);
    var tag = optionValue('tag');
    if (tag) { list.push(['tags', tag]); }
    var area = optionValue('area');
    if (area) { list.push(['area', area]); }
    var org = optionValue('org');
    if (org) { list.push(['org', org]); }
    var lang = value('widgetLang');
    if (LANGUAGES.indexOf(lang) >= 0) { list.push(['lang', lang]); }
    COLOURS.forEach(function (name) {
      var colour = value(name);
      if (COLOUR.test(colour)) { list.push([name, colour.toLowerCase()]); }
    });
    var font = value('font');
    if (FONTS.indexOf(font) >= 0) { list.push(['font', font]); }
    var radius = value('radius').replace(/px$/, '');
    if (/^[0-9]{1,2}$/.test(radius) && Number(radius) <= 24) { list.push(['radius', String(Number(radius))]); }
    if (value('compact')) { list.push(['compact', '1']); }
    return { widget: widget, list: list };
  }

  function previewUrl(chosen) {
    var url = new URL(PAGES[chosen.widget], form.getAttribute('data-widget-base'));
    chosen.list.forEach(function (pair) {
      if (pair[0] === 'doorstep' || pair[0] === 'site') {
        return;
      }
      url.searchParams.append(pair[0] === 'tags' ? 'tag' : pair[0], pair[1]);
    });
    return url;
  }

  var timer = null;

  function update() {
    var chosen = attributes();
    var url = previewUrl(chosen);
    var html = '<div';
    chosen.list.forEach(function (pair) {
      html += ' data-' + pair[0] + '="' + escape(pair[1]) + '"';
    });
    html += '><a href="' + escape(url.href) + '">' + escape(form.getAttribute('data-link-' + chosen.widget) || '')
      + '</a></div>\n<script src="' + escape(form.getAttribute('data-script-src')) + '" async></' + 'script>';
    snippet.value = html;
    status.textContent = '';
    var src = url.pathname + url.search;
    if (openLink) {
      openLink.setAttribute('href', src);
    }
    if (frame.getAttribute('src') !== src) {
      // a moment's pause, so typing a colour does not reload the preview at every key
      clearTimeout(timer);
      timer = setTimeout(function () { frame.setAttribute('src', src); }, 300);
    }
  }

  // the colour pickers need a script; each keeps its text box in step, both ways
  COLOURS.forEach(function (name) {
    var text = document.getElementById('builder-' + name);
    var picker = document.getElementById('builder-' + name + '-picker');
    if (!text || !picker) {
      return;
    }
    picker.hidden = false;
    picker.addEventListener('input', function () {
      text.value = picker.value;
      update();
    });
    text.addEventListener('input', function () {
      var colour = text.value.trim();
      if (/^#[0-9a-fA-F]{6}$/.test(colour)) {
        picker.value = colour.toLowerCase();
      } else if (/^#[0-9a-fA-F]{3}$/.test(colour)) {
        picker.value = ('#' + colour[1] + colour[1] + colour[2] + colour[2] + colour[3] + colour[3]).toLowerCase();
      }
    });
  });

  form.addEventListener('input', update);
  form.addEventListener('change', update);

  function announce(message) {
    // cleared first, so saying the same thing twice is announced twice
    status.textContent = '';
    setTimeout(function () { status.textContent = message; }, 50);
  }

  function selectSnippet() {
    snippet.focus();
    snippet.select();
  }

  if (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var copied = function () { announce(form.getAttribute('data-copied')); };
      var fallback = function () {
        selectSnippet();
        var done = false;
        try {
          done = document.execCommand && document.execCommand('copy');
        } catch (e) {
          done = false;
        }
        announce(form.getAttribute(done ? 'data-copied' : 'data-select'));
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(snippet.value).then(copied, fallback);
      } else {
        fallback();
      }
    });
  }
}());
