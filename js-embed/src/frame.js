/*
 * Runs inside every Doorstep widget page. After a form comes back with errors, focus moves to the error summary so
 * a screen reader reads it first, and following one of its links brings the field's label and message into view,
 * not only the input (the GOV.UK pattern); after filtering, focus moves to the heading that counts what was found;
 * a private link shown once gets working copy and print buttons. Framed, it tells the embedding page how tall the widget is, so it needs
 * no inner scrollbar, posting only to the origin the server checked and wrote into data-parent-origin.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var parentOrigin = script && script.getAttribute('data-parent-origin');

  var summary = document.querySelector('.error-summary[tabindex]');
  var found = document.querySelector('[data-focus][tabindex]');
  if (found && !summary) {
    found.focus();
  }
  if (summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest && event.target.closest('a[href^="#"]');
      var field = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
      if (!field) {
        return;
      }
      event.preventDefault();
      var group = field.closest('fieldset') || field.closest('.field');
      (group || field).scrollIntoView({ block: 'start' });
      field.focus({ preventScroll: true });
    });
  }

  // a private link shown once: copying and printing it are a button away (without a script, the browser's own)
  var copy = document.querySelector('[data-copy]');
  var print = document.querySelector('[data-print]');
  var status = document.querySelector('.link-status');
  if (copy) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var link = document.getElementById(copy.getAttribute('data-copy'));
      var copied = function () {
        status.textContent = copy.getAttribute('data-copied');
      };
      var byHand = function () {
        // a framed page may not have the clipboard API: select the link and copy the selection
        var range = document.createRange();
        range.selectNodeContents(link);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        if (document.execCommand('copy')) {
          copied();
        }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(link.href).then(copied, byHand);
      } else {
        byHand();
      }
    });
  }
  if (print) {
    print.hidden = false;
    print.addEventListener('click', function () {
      window.print();
    });
  }

  if (!parentOrigin || window.parent === window || !window.ResizeObserver) {
    return;
  }
  var reported = 0;

  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== reported) {
      reported = height;
      window.parent.postMessage({ type: 'doorstep:height', height: height }, parentOrigin);
    }
  }

  new ResizeObserver(report).observe(document.documentElement);
  report();
}());
