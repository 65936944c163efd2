// Keyboard shortcuts for the moderation queue; the page works fully without them, and a
// moderator can switch single-key shortcuts off (WCAG 2.1.4), which the server remembers.
(function () {
  "use strict";
  var form = document.querySelector("[data-queue]");
  if (!form || form.getAttribute("data-shortcuts") !== "on") {
    return;
  }
  var items = Array.prototype.slice.call(form.querySelectorAll("[data-queue-item]"));
  var current = 0;
  function focusItem(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  }
  function ticked() {
    return form.querySelectorAll("input[name=posts]:checked").length > 0;
  }
  function bulk(action) {
    form.querySelector("#bulk-action").value = action;
    form.querySelector("[data-queue-bulk]").click();
  }
  function onItem(selector) {
    var button = items[current].querySelector(selector);
    if (button) { button.click(); }
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
    else if (event.key === "a") { if (ticked()) { bulk("approve"); } else { onItem("[data-item-approve]"); } }
    else if (event.key === "r") {
      if (ticked()) { bulk("reject"); return event.preventDefault(); }
      var choice = items[current].querySelector("[data-item-template]");
      // Rejecting needs the message the writer will see: ask for it first.
      if (!choice.value) { choice.focus(); } else { onItem("[data-item-reject]"); }
    }
    else if (event.key === "c") { onItem("[data-item-claim]"); }
    else { return; }
    event.preventDefault();
  });
  // Focus follows clicks and tabbing, so shortcuts act on the item in view.
  items.forEach(function (item, index) {
    item.addEventListener("focusin", function () { current = index; });
  });
  if (items.length) { focusItem(0); }
})();
