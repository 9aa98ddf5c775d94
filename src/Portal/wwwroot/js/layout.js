// Panels that are collapsible on narrow screens (filters, marked data-wide-open) start open on wide ones, where they
// sit beside the results. Without script they stay <details> that open on a click.
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 48.01rem)");

  function apply() {
    if (!wide.matches) {
      return;
    }
    document.querySelectorAll("details[data-wide-open]").forEach(function (panel) {
      panel.open = true;
    });
  }

  apply();
  wide.addEventListener("change", apply);
})();
