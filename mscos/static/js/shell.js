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
// Browsers that cannot style a closed <details> (no ::details-content) open the site menu on wide
// screens, where the CSS hides its toggle; on phones it stays folded.
(function () {
  "use strict";
  var menu = document.querySelector("[data-site-menu]");
  if (!menu || !window.CSS || CSS.supports("selector(::details-content)")) {
    return;
  }
  if (window.matchMedia("(min-width: 40.01rem)").matches) {
    menu.open = true;
  }
})();
