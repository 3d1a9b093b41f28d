// Portal new-ticket page: while the customer types the subject and description, show matching help-centre
// articles (at most one request every 800 ms, only when the text changed). The fragment comes from our own
// server, which escapes everything in it.
(function () {
  "use strict";
  var box = document.getElementById("kb-deflect");
  var subject = document.getElementById("subject");
  var description = document.getElementById("description");
  if (!box || !subject || !description) {
    return;
  }
  var url = box.getAttribute("data-suggest-url");
  var lang = box.getAttribute("data-lang") || "";
  var last = "", timer = null, lastRun = 0, WAIT = 800;

  function query() {
    return (subject.value + " " + description.value.substring(0, 300)).trim();
  }

  function run() {
    timer = null;
    lastRun = Date.now();
    var q = query();
    if (q === last) {
      return;
    }
    last = q;
    if (q.length < 2) {
      box.innerHTML = "";
      return;
    }
    fetch(url + "?q=" + encodeURIComponent(q) + "&lang=" + encodeURIComponent(lang), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : ""; })
      .then(function (html) { if (q === last) { box.innerHTML = html; } })
      .catch(function () { /* suggestions are optional */ });
  }

  function schedule() {
    if (timer) {
      return;
    }
    timer = setTimeout(run, Math.max(0, WAIT - (Date.now() - lastRun)));
  }

  subject.addEventListener("input", schedule);
  description.addEventListener("input", schedule);
  if (query()) {
    schedule();
  }
})();
