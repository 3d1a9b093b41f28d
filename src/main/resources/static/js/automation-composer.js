/*
 * Reply templates and macros on the ticket page (automation module). Typing "/" at the start of a line or
 * word in the composer, pressing Ctrl+/ or the 模板 button opens the picker; what follows the "/" filters
 * the list (fetched with htmx); ↑ ↓ choose, Enter inserts, Esc closes. The chosen template is rendered on
 * the server for this ticket and inserted at the cursor; its first unfilled placeholder (【客户姓名?】 /
 * [customer name?]) is selected so the agent types over it. Macros that insert text hand it over in a
 * hidden element of their feedback. No inline scripts (CSP).
 */
(function () {
  "use strict";

  var picker = document.getElementById("automation-picker");
  var body = document.getElementById("composer-body");
  if (!picker || !body) { return; }
  var search = document.getElementById("automation-picker-q");
  var list = document.getElementById("automation-picker-list");
  var hint = document.getElementById("automation-hint");
  var ticketId = picker.getAttribute("data-ticket-id");
  var PLACEHOLDER = /【[^【】\n]{1,80}\?】|\[[^\[\]\n]{1,80}\?\]/;

  // Where the inserted text goes: from the typed "/" (slash mode) or the saved cursor (button mode) to the cursor.
  var slashAt = -1, rangeStart = 0, rangeEnd = 0;

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  function isOpen() { return !picker.hidden; }

  function refresh() {
    if (window.htmx) { window.htmx.trigger(list, "automation:search"); }
  }

  function open(fromSlash) {
    picker.hidden = false;
    if (fromSlash) {
      search.value = "";
    } else {
      slashAt = -1;
      rangeStart = body.selectionStart;
      rangeEnd = body.selectionEnd;
      search.value = "";
      search.focus();
    }
    refresh();
  }

  function close(refocus) {
    picker.hidden = true;
    slashAt = -1;
    if (refocus) { body.focus(); }
  }

  function options() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-template-id]"));
  }

  function move(step) {
    var items = options();
    if (!items.length) { return; }
    var index = items.findIndex(function (li) { return li.classList.contains("active"); });
    var next = Math.max(0, Math.min(items.length - 1, index + step));
    items.forEach(function (li, i) {
      li.classList.toggle("active", i === next);
      li.setAttribute("aria-selected", String(i === next));
    });
    items[next].scrollIntoView({ block: "nearest" });
    search.setAttribute("aria-activedescendant", items[next].id);
  }

  function chosen() {
    return list.querySelector("[data-template-id].active") || list.querySelector("[data-template-id]");
  }

  function showHint(text) {
    if (!hint) { return; }
    hint.textContent = text || "";
    hint.hidden = !text;
  }

  // Puts text into the composer between start and end, then selects the first placeholder in what was put in.
  function place(text, start, end) {
    var value = body.value;
    body.value = value.slice(0, start) + text + value.slice(end);
    body.focus();
    var found = PLACEHOLDER.exec(text);
    if (found) {
      body.setSelectionRange(start + found.index, start + found.index + found[0].length);
    } else {
      body.setSelectionRange(start + text.length, start + text.length);
    }
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function insertTemplate(templateId, start, end) {
    var headers = { "Accept": "application/json" };
    var header = meta("_csrf_header"), token = meta("_csrf");
    if (header && token) { headers[header] = token; }
    return fetch("/tickets/" + encodeURIComponent(ticketId) + "/templates/" + encodeURIComponent(templateId) + "/use", {
      method: "POST", headers: headers, credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      place(data.text, start, end);
      showHint(data.hint);
    }).catch(function (err) {
      if (window.kefuToast) { window.kefuToast((document.body.dataset.errorText || "Error") + " (" + err.message + ")"); }
    });
  }

  function choose(item) {
    if (!item) { return; }
    var start, end;
    if (slashAt >= 0) {
      start = slashAt;
      end = body.selectionEnd;
    } else {
      start = rangeStart;
      end = rangeEnd;
    }
    close(false);
    insertTemplate(item.getAttribute("data-template-id"), start, end);
  }

  // "/" typed at the start of a line or word opens the picker; what follows filters it.
  body.addEventListener("input", function (e) {
    var caret = body.selectionStart;
    if (e.inputType === "insertText" && e.data === "/" && !isOpen()) {
      var before = caret >= 2 ? body.value.charAt(caret - 2) : "";
      if (caret === 1 || before === "" || /\s/.test(before)) {
        slashAt = caret - 1;
        open(true);
      }
      return;
    }
    if (isOpen() && slashAt >= 0) {
      var typed = body.value.slice(slashAt, caret);
      if (caret <= slashAt || typed.charAt(0) !== "/" || /\s/.test(typed)) {
        close(false);
        return;
      }
      search.value = typed.slice(1);
      refresh();
    }
  });

  function keys(e) {
    if (!isOpen()) { return; }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Enter" && !e.ctrlKey) {
      e.preventDefault();
      choose(chosen());
    } else if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    }
  }

  body.addEventListener("keydown", function (e) {
    if (e.ctrlKey && e.key === "/") {
      e.preventDefault();
      if (isOpen()) { close(true); } else { open(false); }
      return;
    }
    keys(e);
  });
  search.addEventListener("keydown", keys);
  search.addEventListener("input", refresh);

  list.addEventListener("mousedown", function (e) {
    // keep the composer's cursor where it is
    e.preventDefault();
  });
  list.addEventListener("click", function (e) {
    choose(e.target.closest("[data-template-id]"));
  });

  document.addEventListener("click", function (e) {
    if (e.target.closest("#automation-open-picker")) {
      if (isOpen()) { close(true); } else { open(false); }
      return;
    }
    var suggestion = e.target.closest(".automation-insert[data-template-id]");
    if (suggestion) {
      var at = document.activeElement === body ? body.selectionStart : body.value.length;
      insertTemplate(suggestion.getAttribute("data-template-id"), at, at);
      return;
    }
    if (isOpen() && !picker.contains(e.target) && e.target !== body) { close(false); }
  });

  // A macro that inserts its reply hands the text over in a hidden element of its feedback.
  document.addEventListener("htmx:afterSwap", function (e) {
    var holder = e.detail.target && e.detail.target.querySelector && e.detail.target.querySelector("[data-automation-insert]");
    if (holder) {
      var at = body.value.length;
      place((at > 0 && body.value.charAt(at - 1) !== "\n" ? "\n" : "") + holder.textContent, at, at);
      holder.remove();
    }
    if (e.detail.target && e.detail.target.id === "automation-picker-list") {
      var first = list.querySelector("[data-template-id]");
      if (first) { search.setAttribute("aria-activedescendant", first.id); }
    }
    var details = document.getElementById("automation-macros");
    if (details && e.detail.target && e.detail.target.id === "composer-feedback") { details.open = false; }
  });

  // The hint about placeholders goes once none is left.
  body.addEventListener("input", function () {
    if (hint && !hint.hidden && !PLACEHOLDER.test(body.value) && body.value.indexOf("{{") < 0) { showHint(""); }
  });
})();
