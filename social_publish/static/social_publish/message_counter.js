// Live character counter of the "Media sosial" composer (no dependencies).
// Each textarea with data-social-counter names its counter element; the counter is a polite
// live region, so screen readers hear the count when typing pauses, not on every key.
(function () {
  "use strict";
  var URL_RE = /https?:\/\/\S+/g;

  function length(text, urlWeight) {
    if (urlWeight > 0) {
      text = text.replace(URL_RE, "x".repeat(urlWeight));
    }
    return Array.from(text).length; // code points, as the server counts
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) {
      return String(values[name]);
    });
  }

  function bind(field, texts) {
    var counter = document.getElementById(field.dataset.socialCounter);
    if (!counter) return;
    var limit = parseInt(field.dataset.limit || "0", 10);
    var weight = parseInt(field.dataset.urlWeight || "0", 10);
    var timer = null;
    function update() {
      var count = length(field.value, weight);
      var over = limit > 0 && count > limit;
      var template = !limit ? texts.plain : over ? texts.over : texts.limit;
      counter.textContent = fill(template, { count: count, limit: limit, over: count - limit });
      counter.classList.toggle("social-counter--over", over);
      field.setAttribute("aria-invalid", over ? "true" : "false");
    }
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 250);
    });
    update();
  }

  function start() {
    var source = document.getElementById("social-counter-texts");
    if (!source) return;
    var texts = JSON.parse(source.textContent);
    document.querySelectorAll("textarea[data-social-counter]").forEach(function (field) {
      bind(field, texts);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
