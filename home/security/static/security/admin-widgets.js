/*
 * Wagtail's date, time and date-time widgets start themselves with an inline <script>, which
 * the admin's Content-Security-Policy forbids. Our widget templates
 * (templates/wagtailadmin/widgets/) put the same call's arguments in data attributes instead;
 * this file makes the call, also for widgets added to the page later.
 */
(function () {
  'use strict';

  var INITIALISERS = {
    date: 'initDateChooser',
    time: 'initTimeChooser',
    datetime: 'initDateTimeChooser',
  };

  function start(input) {
    var fn = window[INITIALISERS[input.dataset.securityChooser]];
    if (typeof fn !== 'function' || input.dataset.securityStarted) return;
    input.dataset.securityStarted = 'true';
    fn(input.id, JSON.parse(input.dataset.securityConfig || '{}'));
  }

  function scan(root) {
    if (!root.querySelectorAll) return;
    if (root.matches && root.matches('[data-security-chooser]')) start(root);
    root.querySelectorAll('[data-security-chooser]').forEach(start);
  }

  function boot() {
    scan(document);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(scan);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', boot);
  } else {
    boot();
  }
})();
