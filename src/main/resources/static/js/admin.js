/*
 * Admin pages. data-copy="#selector" on a button copies that input's value to the clipboard
 * (falling back to selecting it); data-select-on-focus selects an input's text when focused.
 */
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy]");
    if (!button) { return; }
    var input = document.querySelector(button.getAttribute("data-copy"));
    if (!input) { return; }
    input.focus();
    input.select();
    var done = function () {
      if (window.kefuToast && button.dataset.copiedText) { window.kefuToast(button.dataset.copiedText); }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("[data-select-on-focus]")) { e.target.select(); }
  });
})();
