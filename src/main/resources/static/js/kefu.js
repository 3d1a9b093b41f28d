/*
 * Kefu's page behaviour, loaded on every workspace page after htmx. No inline scripts anywhere
 * (the Content-Security-Policy forbids them); pages opt in with data- attributes:
 *   data-shortcut="r"       pressing r clicks (or focuses) this element
 *   data-autosubmit         a select/checkbox that submits its form when changed
 *   data-confirm="text"     a button/form that asks first
 *   data-live-ticket="123"  this element reloads (hx-get) when ticket 123 changes
 * Live updates: one EventSource on /live; each "ticket" event is re-dispatched on <body> as
 * "kefu:ticket" and "kefu:ticket-<id>", so htmx elements can use hx-trigger="kefu:ticket from:body".
 */
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  // CSRF token on every htmx request that changes something.
  document.addEventListener("htmx:configRequest", function (e) {
    var header = meta("_csrf_header"), token = meta("_csrf");
    if (header && token && e.detail.verb !== "get") {
      e.detail.headers[header] = token;
    }
  });

  // Server errors on htmx requests become a visible message instead of silence.
  document.addEventListener("htmx:responseError", function (e) {
    var status = e.detail.xhr ? e.detail.xhr.status : 0;
    var text = e.detail.xhr && e.detail.xhr.getResponseHeader("X-Kefu-Message");
    toast(text ? decodeURIComponent(text) : (document.body.dataset.errorText || "Error") + " (" + status + ")");
  });

  function toast(text) {
    var region = document.getElementById("toasts");
    if (!region) { return; }
    var el = document.createElement("div");
    el.className = "toast";
    el.setAttribute("role", "status");
    el.textContent = text;
    region.appendChild(el);
    setTimeout(function () { el.remove(); }, 6000);
  }
  window.kefuToast = toast;

  // ---- Live updates ----
  var live = null, liveRetry = 1000;
  function connectLive() {
    if (!document.body.hasAttribute("data-live") || !window.EventSource) { return; }
    live = new EventSource("/live");
    live.addEventListener("ready", function () {
      liveRetry = 1000;
      var banner = document.getElementById("live-banner");
      if (banner) { banner.hidden = true; }
    });
    live.addEventListener("ticket", function (e) {
      var data;
      try { data = JSON.parse(e.data); } catch (err) { return; }
      document.body.dispatchEvent(new CustomEvent("kefu:ticket", { detail: data }));
      document.body.dispatchEvent(new CustomEvent("kefu:ticket-" + data.ticketId, { detail: data }));
    });
    live.addEventListener("presence", function (e) {
      var data;
      try { data = JSON.parse(e.data); } catch (err) { return; }
      document.body.dispatchEvent(new CustomEvent("kefu:presence-" + data.ticketId, { detail: data }));
    });
    live.onerror = function () {
      live.close();
      var banner = document.getElementById("live-banner");
      if (banner) { banner.hidden = false; }
      setTimeout(connectLive, liveRetry);
      liveRetry = Math.min(liveRetry * 2, 30000);
    };
  }

  // ---- Keyboard shortcuts ----
  function typing(target) {
    var tag = target.tagName;
    return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey && e.key === "Enter" && typing(e.target) && e.target.form) {
      e.preventDefault();
      e.target.form.requestSubmit();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) { return; }
    if (e.key === "?") {
      var help = document.getElementById("shortcut-help");
      if (help) {
        e.preventDefault();
        if (help.open) { help.close(); } else { help.showModal(); }
      }
      return;
    }
    if (e.key === "/") {
      var search = document.getElementById("global-search");
      if (search) { e.preventDefault(); search.focus(); search.select(); }
      return;
    }
    if (e.key === "j" || e.key === "k") {
      moveSelection(e.key === "j" ? 1 : -1) && e.preventDefault();
      return;
    }
    if (e.key === "o" || e.key === "Enter") {
      var selected = document.querySelector("[data-row].selected a[data-row-link]");
      if (selected) { e.preventDefault(); selected.click(); }
      return;
    }
    var target = document.querySelector('[data-shortcut="' + CSS.escape(e.key) + '"]');
    if (target) {
      e.preventDefault();
      if (target.matches("input, textarea, select")) { target.focus(); } else { target.click(); }
    }
  });

  function moveSelection(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-row]"));
    if (!rows.length) { return false; }
    var index = rows.findIndex(function (r) { return r.classList.contains("selected"); });
    var next = Math.max(0, Math.min(rows.length - 1, index + step));
    if (index >= 0) { rows[index].classList.remove("selected"); }
    rows[next].classList.add("selected");
    rows[next].scrollIntoView({ block: "nearest" });
    return true;
  }

  // ---- Small behaviours ----
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-autosubmit]") && e.target.form) { e.target.form.requestSubmit(); }
  });
  document.addEventListener("submit", function (e) {
    var text = e.target.getAttribute("data-confirm") ||
      (e.submitter && e.submitter.getAttribute("data-confirm"));
    if (text && !window.confirm(text)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);
  document.addEventListener("click", function (e) {
    var closer = e.target.closest("[data-close-dialog]");
    if (closer) { var d = closer.closest("dialog"); if (d) { d.close(); } }
    var opener = e.target.closest("[data-open-dialog]");
    if (opener) {
      var dialog = document.getElementById(opener.getAttribute("data-open-dialog"));
      if (dialog) { dialog.showModal(); }
    }
  });

  document.addEventListener("DOMContentLoaded", connectLive);
})();
