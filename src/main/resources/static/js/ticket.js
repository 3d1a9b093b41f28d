/*
 * The ticket page (templates/ticket/page.html): reply / internal-note toggle, clearing the
 * composer after a successful send, showing refused changes (409/422 fragments) in place, and
 * not reloading the properties panel under the agent's cursor. No inline scripts (CSP).
 */
(function () {
  "use strict";

  var page = document.querySelector(".ticket-page");
  if (!page) { return; }

  function setMode(mode, focus) {
    var composer = document.getElementById("composer");
    var input = document.getElementById("composer-mode");
    if (!composer || !input) { return; }
    composer.setAttribute("data-mode", mode);
    input.value = mode;
    composer.querySelectorAll("[data-mode]").forEach(function (b) {
      if (b.tagName === "BUTTON") { b.setAttribute("aria-pressed", String(b.getAttribute("data-mode") === mode)); }
    });
    ["composer-label", "composer-send"].forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { el.textContent = el.getAttribute("data-label-" + mode); }
    });
    if (focus) { document.getElementById("composer-body").focus(); }
  }

  document.addEventListener("click", function (e) {
    var toggle = e.target.closest("#composer button[data-mode]");
    if (toggle) { setMode(toggle.getAttribute("data-mode"), true); }
  });

  // Refused changes come back as 409/413/422 with a fragment that shows the message in place.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var status = e.detail.xhr.status;
    // (a generic error page carries X-Kefu-Message instead and stays a toast)
    if ((status === 409 || status === 413 || status === 422) && !e.detail.xhr.getResponseHeader("X-Kefu-Message") &&
        e.detail.target && e.detail.target.closest(".ticket-page")) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // A sent reply or note: empty the composer (only then, so nothing typed is lost on an error).
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.detail.elt;
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    if (!form || form.id !== "composer-form" || status < 200 || status >= 300) { return; }
    document.getElementById("composer-body").value = "";
    document.getElementById("composer-files").value = "";
    document.getElementById("composer-status").value = "";
    var feedback = document.getElementById("composer-feedback");
    setTimeout(function () {
      var ok = feedback && feedback.querySelector(".sent-ok");
      if (ok) { ok.remove(); }
    }, 4000);
  });

  // A live refresh of the properties must not wipe a field the agent is editing right now.
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    if (elt && elt.id === "ticket-props" && elt.contains(document.activeElement) &&
        document.activeElement.matches("input, textarea, select")) {
      e.preventDefault();
    }
  });

  // The customer 360 panel is optional: without it the plain fallback stays, without an error toast.
  var panel = document.getElementById("customer-panel");
  if (panel) {
    panel.addEventListener("htmx:responseError", function (e) { e.stopPropagation(); });
    panel.addEventListener("htmx:sendError", function (e) { e.stopPropagation(); });
  }
})();
