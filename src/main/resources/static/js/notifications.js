/*
 * The bell's live updates. kefu.js opens the one EventSource on /live and re-dispatches only the
 * event names it knows; this file (loaded right after it, before DOMContentLoaded) wraps the
 * EventSource constructor so that the stream on /live also re-dispatches "notify" events as
 * "kefu:notify" on <body> (the bell has hx-trigger="kefu:notify from:body"). No second stream is
 * opened. If kefu.js one day dispatches every event name generically, this file can go.
 */
(function () {
  "use strict";
  var Native = window.EventSource;
  if (!Native || Native.kefuNotifyWrapped) { return; }
  function Wrapped(url, options) {
    var source = new Native(url, options);
    if (String(url).indexOf("/live") !== -1) {
      source.addEventListener("notify", function (e) {
        var data = {};
        try { data = JSON.parse(e.data); } catch (err) { /* keep empty */ }
        document.body.dispatchEvent(new CustomEvent("kefu:notify", { detail: data }));
      });
    }
    return source;
  }
  Wrapped.prototype = Native.prototype;
  Wrapped.CONNECTING = Native.CONNECTING;
  Wrapped.OPEN = Native.OPEN;
  Wrapped.CLOSED = Native.CLOSED;
  Wrapped.kefuNotifyWrapped = true;
  window.EventSource = Wrapped;
})();
