// Warns before a signed-in session runs out and keeps unsent writing in this browser.
// Nothing here is sent anywhere: drafts stay in localStorage until they are sent or discarded.
(function () {
  "use strict";

  // --- The idle-time warning -------------------------------------------------------------
  var warning = document.querySelector("[data-session-warning]");
  if (warning) {
    var idleMs = parseInt(warning.getAttribute("data-idle-seconds"), 10) * 1000;
    var warnMs = parseInt(warning.getAttribute("data-warn-seconds"), 10) * 1000;
    var show = function (name) {
      ["idle", "soon", "ended"].forEach(function (part) {
        var element = warning.querySelector("[data-session-" + part + "]");
        if (element) { element.hidden = part !== name; }
      });
    };
    var soonTimer, endTimer;
    var schedule = function () {
      clearTimeout(soonTimer);
      clearTimeout(endTimer);
      warning.classList.remove("session-warning--urgent");
      warning.removeAttribute("role");
      show("idle");
      soonTimer = setTimeout(function () {
        warning.classList.add("session-warning--urgent");
        warning.setAttribute("role", "alert");
        show("soon");
        warning.querySelector("[data-session-extend]").focus({ preventScroll: false });
      }, Math.max(0, idleMs - warnMs));
      endTimer = setTimeout(function () {
        show("ended");
        warning.querySelector("[data-session-extend]").hidden = true;
      }, idleMs);
    };
    warning.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(warning.action, {
        method: "POST",
        body: new FormData(warning),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      }).then(function (response) {
        if (response.ok) { schedule(); } else { warning.submit(); }
      }, function () { warning.submit(); });
    });
    schedule();
  }

  // --- Drafts -----------------------------------------------------------------------------
  var storage;
  try { storage = window.localStorage; storage.getItem("x"); } catch (error) { return; }
  var PREFIX = "mscos-draft:";
  var PENDING = "mscos-draft-pending";
  var template = document.getElementById("draft-restore");
  var signInPath = document.body.getAttribute("data-sign-in-path") || "";

  // A draft sent last time is forgotten once the next page shows no errors, is not the
  // sign-in page, and does not say the text was handed back unsent (a session that ran out
  // leads to one of those two).
  var pending = null;
  try { pending = JSON.parse(storage.getItem(PENDING) || "null"); } catch (error) { pending = null; }
  if (pending && pending.length) {
    var failed = document.querySelector(".error-summary, [data-draft-not-sent]") ||
      (signInPath && location.pathname.indexOf(signInPath) === 0);
    if (!failed) { pending.forEach(function (key) { storage.removeItem(key); }); }
    storage.removeItem(PENDING);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[method=post]"), function (form) {
    var areas = form.querySelectorAll("textarea");
    if (!areas.length) { return; }
    var keyOf = function (area) {
      return PREFIX + (form.getAttribute("action") || location.pathname) + "#" + area.name;
    };
    Array.prototype.forEach.call(areas, function (area) {
      var key = keyOf(area);
      var saved = storage.getItem(key);
      if (saved && saved !== area.value && template) {
        if (!area.value.trim()) {
          var offer = template.content.firstElementChild.cloneNode(true);
          offer.querySelector("[data-draft-restore]").addEventListener("click", function () {
            area.value = saved;
            offer.remove();
            area.focus();
          });
          offer.querySelector("[data-draft-discard]").addEventListener("click", function () {
            storage.removeItem(key);
            offer.remove();
            area.focus();
          });
          area.parentNode.insertBefore(offer, area);
        }
      }
      area.addEventListener("input", function () {
        if (area.value.trim()) { storage.setItem(key, area.value); } else { storage.removeItem(key); }
      });
    });
    form.addEventListener("submit", function () {
      var keys = Array.prototype.map.call(areas, keyOf);
      storage.setItem(PENDING, JSON.stringify(keys));
    });
  });
})();
