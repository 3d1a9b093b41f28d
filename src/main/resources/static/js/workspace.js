/*
 * Workspace list behaviour (no inline scripts: the CSP forbids them):
 *  - select-all and the "n selected" counter for bulk actions;
 *  - live refreshes of the rows are skipped while tickets are selected, so a selection is never lost;
 *  - after a bulk action the selection is cleared and the list and counts refresh.
 */
(function () {
  "use strict";

  function picks() {
    return Array.prototype.slice.call(document.querySelectorAll("input[data-bulk-pick]"));
  }

  function updateCount() {
    var chosen = picks().filter(function (p) { return p.checked; }).length;
    var counter = document.getElementById("bulk-count");
    var all = document.getElementById("bulk-all");
    if (counter) { counter.textContent = chosen > 0 ? "(" + chosen + ")" : ""; }
    if (all) {
      var total = picks().length;
      all.checked = total > 0 && chosen === total;
      all.indeterminate = chosen > 0 && chosen < total;
    }
    picks().forEach(function (p) {
      var row = p.closest("tr");
      if (row) { row.classList.toggle("picked", p.checked); }
    });
  }

  document.addEventListener("change", function (e) {
    var el = e.target;
    if (el.matches && el.matches("input[data-bulk-all]")) {
      picks().forEach(function (p) { p.checked = el.checked; });
      updateCount();
    } else if (el.matches && el.matches("input[data-bulk-pick]")) {
      updateCount();
    }
  });

  // A live refresh would replace the rows and drop the agent's selection: skip it while something is picked.
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute("data-live-rows") && e.detail.requestConfig
        && e.detail.requestConfig.triggeringEvent && e.detail.requestConfig.triggeringEvent.type === "kefu:ticket"
        && picks().some(function (p) { return p.checked; })) {
      e.preventDefault();
    }
  });

  document.addEventListener("htmx:afterRequest", function (e) {
    var elt = e.detail.elt;
    if (elt && elt.id === "bulk-form" && e.detail.successful) {
      picks().forEach(function (p) { p.checked = false; });
      updateCount();
      document.body.dispatchEvent(new CustomEvent("kefu:ticket", { detail: { bulk: true } }));
    }
  });

  document.addEventListener("htmx:afterSwap", updateCount);
})();
