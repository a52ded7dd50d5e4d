/*
 * Runs inside every Doorstep widget page: tells the embedding page how tall the widget is, so it needs no
 * inner scrollbar. It posts only to the origin the server checked and wrote into data-parent-origin.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var parentOrigin = script && script.getAttribute('data-parent-origin');
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
