// Warns before a signed-in session runs out and keeps unsent writing in this tab.
// Nothing here is sent anywhere. Drafts live in sessionStorage (this tab only, gone when it
// closes), for 3 hours at most, and are removed on sending, Exit and signing out. A reader who is
// not signed in has them kept only after ticking "Keep a copy while I write".
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
  var PREFIX = "mscos-draft:";
  var PENDING = "mscos-draft-pending";
  var MAX_AGE_MS = 3 * 60 * 60 * 1000;

  // Once: the old code kept drafts in localStorage, where they outlived the tab and the visit.
  try {
    var old = window.localStorage;
    Object.keys(old).forEach(function (key) {
      if (key.indexOf("mscos-draft") === 0) { old.removeItem(key); }
    });
  } catch (error) { /* storage refused: nothing was kept there either */ }

  var storage;
  try { storage = window.sessionStorage; storage.getItem("x"); } catch (error) { return; }
  var template = document.getElementById("draft-restore");
  var keepTemplate = document.getElementById("draft-keep");
  var body = document.body;
  var signInPath = body.getAttribute("data-sign-in-path") || "";
  var signOutPath = body.getAttribute("data-sign-out-path") || "";
  var signedIn = body.hasAttribute("data-signed-in");

  var forgetAll = function () {
    Object.keys(storage).forEach(function (key) {
      if (key.indexOf(PREFIX) === 0 || key === PENDING) { storage.removeItem(key); }
    });
  };
  var read = function (key) {
    var entry = null;
    try { entry = JSON.parse(storage.getItem(key) || "null"); } catch (error) { entry = null; }
    if (!entry || typeof entry.text !== "string" || !(Date.now() - entry.at < MAX_AGE_MS)) {
      storage.removeItem(key);
      return "";
    }
    return entry.text;
  };
  // Older than 3 hours: discarded, whichever page the tab is on.
  Object.keys(storage).forEach(function (key) {
    if (key.indexOf(PREFIX) === 0) { read(key); }
  });

  // A draft sent last time is forgotten once the next page shows no errors, is not the
  // sign-in page, and does not say the text was handed back unsent (a session that ran out
  // leads to one of those two).
  var pending = null;
  try { pending = JSON.parse(storage.getItem(PENDING) || "null"); } catch (error) { pending = null; }
  if (pending && pending.length) {
    var failed = document.querySelector(".error-summary, [data-draft-not-sent]") ||
      (signInPath && location.pathname.indexOf(signInPath) === 0);
    if (!failed) { pending.forEach(function (key) { storage.removeItem(key); }); }
  }
  storage.removeItem(PENDING);

  var pathOf = function (form) {
    try { return new URL(form.getAttribute("action") || location.href, location.href).pathname; }
    catch (error) { return ""; }
  };

  Array.prototype.forEach.call(document.querySelectorAll("form[method=post]"), function (form) {
    if (signOutPath && pathOf(form) === signOutPath) {
      form.addEventListener("submit", forgetAll);
      return;
    }
    var areas = form.querySelectorAll("textarea");
    if (!areas.length) { return; }
    var keyOf = function (area) {
      return PREFIX + (form.getAttribute("action") || location.pathname) + "#" + area.name;
    };
    var saved = {};
    Array.prototype.forEach.call(areas, function (area) { saved[area.name] = read(keyOf(area)); });

    // Someone who is not signed in may be on a shared device: keep nothing unless they ask.
    var keep = null;
    if (!signedIn && keepTemplate) {
      var choice = keepTemplate.content.firstElementChild.cloneNode(true);
      keep = choice.querySelector("input[type=checkbox]");
      var id = "draft-keep-" + Math.random().toString(36).slice(2);
      keep.id = id;
      choice.querySelector("label").setAttribute("for", id);
      choice.querySelector("[data-draft-keep-hint]").id = id + "-hint";
      keep.setAttribute("aria-describedby", id + "-hint");
      // Ticked again only if this tab already holds a copy the reader asked for.
      keep.checked = Object.keys(saved).some(function (name) { return saved[name]; });
      var last = areas[areas.length - 1];
      var field = last.closest(".field") || last;
      field.parentNode.insertBefore(choice, field.nextSibling);
      keep.addEventListener("change", function () {
        Array.prototype.forEach.call(areas, function (area) {
          if (keep.checked && area.value.trim()) { store(area); }
          if (!keep.checked) { storage.removeItem(keyOf(area)); }
        });
      });
    }
    var allowed = function () { return !keep || keep.checked; };
    var store = function (area) {
      if (area.value.trim()) {
        storage.setItem(keyOf(area), JSON.stringify({ text: area.value, at: Date.now() }));
      } else {
        storage.removeItem(keyOf(area));
      }
    };

    Array.prototype.forEach.call(areas, function (area) {
      var key = keyOf(area);
      var text = saved[area.name];
      if (text && text !== area.value && template && !area.value.trim()) {
        var offer = template.content.firstElementChild.cloneNode(true);
        offer.querySelector("[data-draft-restore]").addEventListener("click", function () {
          area.value = text;
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
      area.addEventListener("input", function () {
        if (allowed()) { store(area); }
      });
    });
    form.addEventListener("submit", function () {
      if (!allowed()) { return; }
      storage.setItem(PENDING, JSON.stringify(Array.prototype.map.call(areas, keyOf)));
    });
  });
})();
