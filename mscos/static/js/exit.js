// Exit this page: forget drafts, blank the page at once, then leave through /exit/ (which clears
// this site's cookies and storage) with location.replace, so Back does not return here. Pressing
// Shift on its own three times within 5 seconds does the same; Shift used with another key
// (capitals, Shift+Tab) does not count, so typing cannot trigger it by accident.
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll("[data-exit-this-page]"));
  if (!links.length) {
    return;
  }
  var target = links[0].href;
  var leaving = false;
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    if (leaving) {
      return;
    }
    leaving = true;
    // Drafts and anything else this site kept in the browser go now: Clear-Site-Data from /exit/
    // does the same, but browsers honour it over HTTPS only.
    ["sessionStorage", "localStorage"].forEach(function (name) {
      try { window[name].clear(); } catch (error) { /* storage refused: nothing kept there */ }
    });
    document.title = "";
    document.body.innerHTML = "";
    document.documentElement.style.background = "#fff";
    window.location.replace(target);
  }
  links.forEach(function (link) {
    link.addEventListener("click", leave);
  });

  var SHIFT_PRESSES = 3;
  var WINDOW_MS = 5000;
  var presses = [];
  var shiftUsedWithAnotherKey = false;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      shiftUsedWithAnotherKey = event.shiftKey;
      return;
    }
    if (!event.repeat) {
      shiftUsedWithAnotherKey = false;
    }
  });
  // Counted when Shift is released having been pressed alone.
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") {
      return;
    }
    if (shiftUsedWithAnotherKey) {
      shiftUsedWithAnotherKey = false;
      presses = [];
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < WINDOW_MS;
    });
    presses.push(now);
    if (presses.length >= SHIFT_PRESSES) {
      presses = [];
      leave();
    }
  });
})();
