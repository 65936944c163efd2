// Keyboard shortcuts for the moderation queue; the page works fully without them.
(function () {
  "use strict";
  var form = document.querySelector("[data-queue]");
  if (!form) {
    return;
  }
  var items = Array.prototype.slice.call(form.querySelectorAll("[data-queue-item]"));
  var current = 0;
  function focusItem(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" && event.target.type !== "checkbox") { return; }
    if (tag === "select" || tag === "textarea" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "j") { focusItem(current + 1); }
    else if (event.key === "k") { focusItem(current - 1); }
    else if (event.key === "x") {
      var box = items[current].querySelector("input[type=checkbox]");
      box.checked = !box.checked;
    }
    else if (event.key === "a") { form.querySelector("[data-queue-approve]").click(); }
    else if (event.key === "r") { form.querySelector("[data-queue-reject]").click(); }
    else { return; }
    event.preventDefault();
  });
  if (items.length) { focusItem(0); }
})();
