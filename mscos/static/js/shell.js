// Small improvements to the page shell; everything works without them.
(function () {
  "use strict";
  var dropdowns = Array.prototype.slice.call(document.querySelectorAll("[data-dropdown]"));
  function closeAll(except) {
    dropdowns.forEach(function (dropdown) {
      if (dropdown !== except) {
        dropdown.removeAttribute("open");
      }
    });
  }
  dropdowns.forEach(function (dropdown) {
    dropdown.addEventListener("toggle", function () {
      if (dropdown.open) {
        closeAll(dropdown);
      }
    });
    dropdown.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && dropdown.open) {
        dropdown.removeAttribute("open");
        dropdown.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-dropdown]")) {
      closeAll(null);
    }
  });
})();
