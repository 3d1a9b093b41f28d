/*
 * Chat console behaviour (no inline scripts: the CSP forbids them).
 * - data-chat-composer forms are posted by htmx; on success the textarea is cleared (the new
 *   message arrives through the live kefu:ticket-<id> event), Enter sends, Shift+Enter breaks.
 * - [data-norm-due] shows the chat norm: seconds left until the deadline, or how late, or met.
 * - the chat log scrolls to the newest message after each refresh.
 */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "zh-CN";
  var TEXT = lang.indexOf("en") === 0 ? { left: "{0} s left", late: "{0} s late", met: "met in time", metLate: "met late" }
      : lang === "zh-TW" ? { left: "剩 {0} 秒", late: "逾時 {0} 秒", met: "已達標", metLate: "逾時達成" }
      : { left: "剩 {0} 秒", late: "超时 {0} 秒", met: "已达标", metLate: "超时达成" };

  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.target.closest && e.target.closest("form[data-chat-composer]");
    if (form && e.detail.successful) { form.reset(); form.querySelector("textarea").focus(); }
  });
  document.addEventListener("keydown", function (e) {
    var area = e.target;
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && area.matches && area.matches("form[data-chat-composer] textarea")) {
      e.preventDefault();
      if (area.value.trim()) { htmx.trigger(area.form, "submit"); }
    }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target.classList && e.target.classList.contains("chat-log")) {
      e.target.scrollTop = e.target.scrollHeight;
      var first = e.target.querySelector(".chat-first-response");
      var box = e.target.closest(".chat-pane").querySelector("[data-norm-kind=first]");
      if (first && box) { box.setAttribute("data-norm-met", first.getAttribute("data-at")); tick(); }
    }
  });

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-norm-due]").forEach(function (box) {
      var due = Date.parse(box.getAttribute("data-norm-due"));
      var met = box.getAttribute("data-norm-met");
      var out = box.querySelector(".chat-timer");
      var state, text;
      if (met) {
        state = Date.parse(met) <= due ? "met" : "late";
        text = state === "met" ? TEXT.met : TEXT.metLate;
      } else if (now <= due) {
        state = "running";
        text = TEXT.left.replace("{0}", Math.ceil((due - now) / 1000));
      } else {
        state = "late";
        text = TEXT.late.replace("{0}", Math.floor((now - due) / 1000));
      }
      out.textContent = text;
      box.setAttribute("data-norm-state", state);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
