// The ticket page's knowledge panel: "insert as link" / "insert as text" put the article into the reply composer
// (#composer-body) at the cursor and record the usage, so the article counts as helping when the ticket is resolved.
(function () {
  "use strict";

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute("content") : null;
  }

  function insert(text) {
    var box = document.getElementById("composer-body");
    if (!box) {
      return false;
    }
    var start = box.selectionStart != null ? box.selectionStart : box.value.length;
    var end = box.selectionEnd != null ? box.selectionEnd : box.value.length;
    var before = box.value.substring(0, start);
    var after = box.value.substring(end);
    var glue = before.length && !/\n$/.test(before) ? "\n" : "";
    box.value = before + glue + text + after;
    var caret = (before + glue + text).length;
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  }

  function record(panel, articleId, how) {
    var ticketId = panel.getAttribute("data-ticket-id");
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    var header = meta("_csrf_header"), token = meta("_csrf");
    if (header && token) {
      headers[header] = token;
    }
    fetch("/tickets/" + encodeURIComponent(ticketId) + "/knowledge/usages", {
      method: "POST", headers: headers, credentials: "same-origin",
      body: "articleId=" + encodeURIComponent(articleId) + "&how=" + how
    });
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest(".kb-insert-link, .kb-insert-text");
    if (!button) {
      return;
    }
    var panel = button.closest(".kb-panel");
    var item = button.closest(".kb-suggestion");
    if (!panel || !item) {
      return;
    }
    var link = button.classList.contains("kb-insert-link");
    var text = link ? button.getAttribute("data-title") + " " + button.getAttribute("data-link") : button.getAttribute("data-text");
    if (insert(text)) {
      record(panel, item.getAttribute("data-article-id"), link ? "LINK" : "TEXT");
      button.classList.add("kb-inserted");
    }
  });
})();
