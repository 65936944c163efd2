// Exit this page: blank the page at once, then leave through /exit/ (which clears this site's
// cookies and storage) with location.replace, so Back does not return here. Shift x3 does the same.
(function () {
  "use strict";
  var link = document.getElementById("exit-this-page");
  if (!link) {
    return;
  }
  var leaving = false;
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    if (leaving) {
      return;
    }
    leaving = true;
    document.title = "";
    document.body.innerHTML = "";
    document.documentElement.style.background = "#fff";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);

  var SHIFT_PRESSES = 3;
  var WINDOW_MS = 5000;
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
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
