/* Accessibility toolbar: display preferences kept in localStorage, applied before first paint.
   Content never depends on this script; without it the toolbar simply stays hidden. */
(function () {
    "use strict";
    var KEY = "a11y-prefs";
    var SIZES = [100, 112.5, 125, 150, 175, 200];
    var FLAGS = ["grey", "contrast", "dark", "light", "underline", "readable", "motion"];
    var EXCLUSIVE = { contrast: ["dark", "light"], dark: ["contrast", "light"], light: ["contrast", "dark"] };
    var root = document.documentElement;
    // Runs before the toolbar is parsed: its CSS reserves the toolbar's space from now on,
    // so the page does not jump when setup() shows it.
    root.classList.remove("no-js");
    root.classList.add("js");

    function load() {
        try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
    }
    function save(prefs) {
        try { window.localStorage.setItem(KEY, JSON.stringify(prefs)); } catch (e) { /* private mode */ }
    }
    function sizeOf(prefs) {
        var index = Math.max(0, Math.min(SIZES.length - 1, prefs.size || 0));
        return SIZES[index];
    }
    function apply(prefs) {
        FLAGS.forEach(function (flag) { root.classList.toggle("a11y-" + flag, !!prefs[flag]); });
        var size = sizeOf(prefs);
        root.style.fontSize = size === 100 ? "" : size + "%";
    }

    var prefs = load();
    apply(prefs);

    function setup() {
        var bar = document.querySelector("[data-a11y-toolbar]");
        if (bar) { setupToolbar(bar); }
        setupSpeed();
    }

    function setupToolbar(bar) {
        var toggle = bar.querySelector(".a11y-toolbar__toggle");
        var panel = document.getElementById(toggle.getAttribute("aria-controls"));
        var status = bar.querySelector("[data-a11y-status]");
        var sizeValue = bar.querySelector("[data-a11y-size-value]");
        bar.hidden = false;
        // The shortcuts download the article's audio and braille files: they show only on
        // a page that offers them (the link carries no href until there is a file).
        bar.querySelectorAll("[data-a11y-needs]").forEach(function (link) {
            var target = document.querySelector(link.getAttribute("data-a11y-needs"));
            if (target && target.getAttribute("href")) {
                link.setAttribute("href", target.getAttribute("href"));
                link.setAttribute("download", "");
                link.hidden = false;
            } else {
                link.removeAttribute("href");
                link.hidden = true;
            }
        });

        function refresh() {
            bar.querySelectorAll("[data-a11y-flag]").forEach(function (button) {
                button.setAttribute("aria-pressed", prefs[button.getAttribute("data-a11y-flag")] ? "true" : "false");
            });
            sizeValue.textContent = sizeOf(prefs) + "%";
        }
        function announce(text) {
            status.textContent = "";
            window.setTimeout(function () { status.textContent = text; }, 50);
        }
        function change() { apply(prefs); save(prefs); refresh(); }

        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") !== "true";
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            panel.hidden = !open;
        });
        bar.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && !panel.hidden) {
                panel.hidden = true;
                toggle.setAttribute("aria-expanded", "false");
                toggle.focus();
            }
        });
        bar.querySelectorAll("[data-a11y-flag]").forEach(function (button) {
            button.addEventListener("click", function () {
                var flag = button.getAttribute("data-a11y-flag");
                prefs[flag] = !prefs[flag];
                if (prefs[flag]) {
                    (EXCLUSIVE[flag] || []).forEach(function (other) { prefs[other] = false; });
                }
                change();
            });
        });
        bar.querySelectorAll("[data-a11y-size]").forEach(function (button) {
            button.addEventListener("click", function () {
                var step = parseInt(button.getAttribute("data-a11y-size"), 10);
                prefs.size = Math.max(0, Math.min(SIZES.length - 1, (prefs.size || 0) + step));
                change();
                announce(bar.getAttribute("data-size-message").replace("{size}", sizeOf(prefs)));
            });
        });
        bar.querySelector("[data-a11y-reset]").addEventListener("click", function () {
            prefs = {};
            change();
            announce(bar.getAttribute("data-reset-message"));
        });
        refresh();
    }

    function setupSpeed() {
        var audio = document.getElementById("a11y-audio");
        var group = document.querySelector("[data-a11y-speed]");
        if (!audio || !group) { return; }
        group.hidden = false;
        group.querySelectorAll("[data-rate]").forEach(function (button) {
            button.addEventListener("click", function () {
                audio.playbackRate = parseFloat(button.getAttribute("data-rate"));
                group.querySelectorAll("[data-rate]").forEach(function (other) {
                    other.setAttribute("aria-pressed", other === button ? "true" : "false");
                });
            });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setup);
    } else {
        setup();
    }
}());
