/*
 * Kefu live chat widget. Embed with
 *   <script src="https://desk.example.com/chat/widget.js" data-channel="KEY" async></script>
 * Plain JS, no framework, no inline style attributes or <style> elements (it styles through
 * element.style, which a strict Content-Security-Policy on the host page allows) inside a shadow
 * root, so host and widget styles do not mix. Every visitor and agent text is shown with
 * textContent, never as HTML. Optional attributes: data-lang="zh-CN|zh-TW|en" (else the
 * browser's language), data-open="true" (open the panel at once).
 * When the channel has the self-service bot (智能客服) on, the bot answers first from the help centre, in the
 * widget's language, with article links and "did this help?" buttons, until it hands the chat to a person.
 */
(function () {
  "use strict";

  var script = document.currentScript ||
      document.querySelector('script[data-channel][src*="/chat/widget.js"]');
  if (!script || window.__kefuChatLoaded) { return; }
  window.__kefuChatLoaded = true;
  var KEY = script.getAttribute("data-channel");
  var BASE = new URL(script.src, location.href).origin;
  var API = BASE + "/chat/api/" + encodeURIComponent(KEY);
  var STORE = "kefu-chat:" + KEY;

  var TEXTS = {
    "zh-CN": {
      button: "在线咨询", title: "在线客服", close: "关闭", name: "您的称呼（可选）", email: "邮箱（可选）",
      placeholder: "请输入消息…", send: "发送", end: "结束会话", you: "我", agent: "客服",
      waiting: "正在为您转接客服，您前面还有 {0} 位，预计等待 {1}。", joined: "{0} 为您服务",
      ended: "会话已结束。再发一条消息即可重新开始。", offline: "现在没有客服在线，请留言，我们会尽快通过邮件回复您。",
      message: "留言内容", emailRequired: "邮箱", submit: "提交留言", thanks: "已收到您的留言（工单号 {0}），我们会尽快回复。",
      tooMany: "发送太频繁，请稍后再试。", tooLong: "消息太长了。", failed: "发送失败，请重试。",
      minutes: "{0} 分钟", seconds: "{0} 秒", newMessage: "新消息",
      bot: "智能客服", helped: "有帮助", notHelped: "没帮助", person: "转人工", didItHelp: "这个回答有帮助吗？"
    },
    "zh-TW": {
      button: "線上諮詢", title: "線上客服", close: "關閉", name: "您的稱呼（選填）", email: "電子郵件（選填）",
      placeholder: "請輸入訊息…", send: "傳送", end: "結束對話", you: "我", agent: "客服",
      waiting: "正在為您轉接客服，您前面還有 {0} 位，預計等待 {1}。", joined: "{0} 為您服務",
      ended: "對話已結束。再傳一則訊息即可重新開始。", offline: "目前沒有客服在線，請留言，我們會盡快以電子郵件回覆您。",
      message: "留言內容", emailRequired: "電子郵件", submit: "送出留言", thanks: "已收到您的留言（工單號 {0}），我們會盡快回覆。",
      tooMany: "傳送太頻繁，請稍後再試。", tooLong: "訊息太長了。", failed: "傳送失敗，請重試。",
      minutes: "{0} 分鐘", seconds: "{0} 秒", newMessage: "新訊息",
      bot: "智慧客服", helped: "有幫助", notHelped: "沒幫助", person: "轉人工", didItHelp: "這個回答有幫助嗎？"
    },
    "en": {
      button: "Chat with us", title: "Live chat", close: "Close", name: "Your name (optional)", email: "Email (optional)",
      placeholder: "Type a message…", send: "Send", end: "End chat", you: "You", agent: "Agent",
      waiting: "Connecting you to an agent: {0} ahead of you, about {1}.", joined: "{0} is helping you",
      ended: "The chat has ended. Send a message to start again.", offline: "No agent is online right now. Leave a message and we will answer by email.",
      message: "Your message", emailRequired: "Email", submit: "Send message", thanks: "Thank you, we have your message (ticket {0}) and will answer soon.",
      tooMany: "Too many messages, please wait a moment.", tooLong: "The message is too long.", failed: "Could not send, please try again.",
      minutes: "{0} min", seconds: "{0} s", newMessage: "New message",
      bot: "Assistant", helped: "Helped", notHelped: "Not helped", person: "Talk to a person", didItHelp: "Did this help?"
    }
  };

  function language() {
    var wanted = script.getAttribute("data-lang") || (navigator.languages && navigator.languages[0]) ||
        navigator.language || "zh-CN";
    var tag = String(wanted).toLowerCase();
    if (tag.indexOf("zh") === 0) {
      return /^zh-(tw|hk|mo|hant)/.test(tag) ? "zh-TW" : "zh-CN";
    }
    return TEXTS[wanted] ? wanted : "en";
  }
  var LANG = language();
  var T = TEXTS[LANG];
  function t(key, a, b) {
    return T[key].replace("{0}", a == null ? "" : a).replace("{1}", b == null ? "" : b);
  }

  // ---- tiny DOM helpers (styles through element.style only) ----
  var COLOR = "#1f6feb";
  function el(tag, styles, text) {
    var node = document.createElement(tag);
    if (styles) { css(node, styles); }
    if (text != null) { node.textContent = text; }
    return node;
  }
  function css(node, styles) {
    for (var name in styles) {
      if (Object.prototype.hasOwnProperty.call(styles, name)) { node.style[name] = styles[name]; }
    }
    return node;
  }
  var FONT = "14px/1.45 system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', sans-serif";
  var INPUT = { font: FONT, padding: "8px 10px", border: "1px solid #c9d1d9", borderRadius: "6px", width: "100%",
    boxSizing: "border-box", margin: "0 0 6px 0", color: "#1f2328", background: "#fff" };
  var BUTTON = { font: FONT, padding: "8px 14px", border: "0", borderRadius: "6px", background: COLOR, color: "#fff",
    cursor: "pointer" };

  // ---- the widget ----
  var host = el("div", { position: "fixed", right: "20px", bottom: "20px", zIndex: "2147483000" });
  host.id = "kefu-chat";
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;

  var button = el("button", BUTTON, t("button"));
  css(button, { padding: "12px 18px", borderRadius: "24px", boxShadow: "0 4px 14px rgba(0,0,0,.2)", fontWeight: "600" });
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("data-kefu", "open");
  var badge = el("span", { display: "none", marginLeft: "8px", background: "#d1242f", borderRadius: "10px",
    padding: "0 7px", fontSize: "12px" }, "•");
  badge.setAttribute("aria-label", t("newMessage"));
  button.appendChild(badge);

  var panel = el("section", { display: "none", flexDirection: "column", width: "min(360px, calc(100vw - 24px))",
    height: "min(520px, calc(100vh - 90px))", background: "#fff", color: "#1f2328", font: FONT, borderRadius: "12px",
    boxShadow: "0 8px 30px rgba(0,0,0,.25)", overflow: "hidden", marginBottom: "10px" });
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", t("title"));
  panel.setAttribute("data-kefu", "panel");

  var head = el("header", { display: "flex", alignItems: "center", justifyContent: "space-between",
    padding: "10px 14px", background: COLOR, color: "#fff" });
  var titleBox = el("div");
  var title = el("strong", { display: "block", fontSize: "15px" }, t("title"));
  var subtitle = el("span", { display: "block", fontSize: "12px", opacity: ".9" });
  subtitle.setAttribute("data-kefu", "agent");
  titleBox.appendChild(title);
  titleBox.appendChild(subtitle);
  var close = el("button", { background: "transparent", border: "0", color: "#fff", fontSize: "20px", cursor: "pointer",
    lineHeight: "1", padding: "4px 8px" }, "×");
  close.type = "button";
  close.setAttribute("aria-label", t("close"));
  head.appendChild(titleBox);
  head.appendChild(close);

  var list = el("ol", { listStyle: "none", margin: "0", padding: "12px", flex: "1", overflowY: "auto",
    background: "#f6f8fa" });
  list.setAttribute("aria-live", "polite");
  list.setAttribute("data-kefu", "messages");

  var status = el("p", { margin: "0", padding: "6px 12px", fontSize: "12px", color: "#57606a", background: "#fff",
    borderTop: "1px solid #eaeef2", display: "none" });
  status.setAttribute("role", "status");
  status.setAttribute("data-kefu", "status");

  var form = el("form", { padding: "10px 12px", borderTop: "1px solid #eaeef2", margin: "0" });
  form.setAttribute("data-kefu", "composer");
  var who = el("div");
  var nameInput = field(who, "input", t("name"), "name");
  var emailInput = field(who, "input", t("email"), "email");
  emailInput.type = "email";
  var text = field(form, "textarea", t("placeholder"), "text");
  text.rows = 2;
  css(text, { resize: "none" });
  form.insertBefore(who, form.firstChild);
  var actions = el("div", { display: "flex", justifyContent: "space-between", alignItems: "center" });
  var end = el("button", { font: FONT, background: "transparent", border: "0", color: "#57606a", cursor: "pointer",
    textDecoration: "underline", padding: "0" }, t("end"));
  end.type = "button";
  end.setAttribute("data-kefu", "end");
  var send = el("button", BUTTON, t("send"));
  send.type = "submit";
  send.setAttribute("data-kefu", "send");
  var person = el("button", { font: FONT, background: "transparent", border: "0", color: COLOR, cursor: "pointer",
    textDecoration: "underline", padding: "0", display: "none" }, t("person"));
  person.type = "button";
  person.setAttribute("data-kefu", "person");
  actions.appendChild(end);
  actions.appendChild(person);
  actions.appendChild(send);
  form.appendChild(actions);

  var offline = el("form", { padding: "10px 12px", borderTop: "1px solid #eaeef2", margin: "0", display: "none" });
  offline.setAttribute("data-kefu", "offline");
  var offlineIntro = el("p", { margin: "0 0 8px 0", fontSize: "13px" }, t("offline"));
  offline.appendChild(offlineIntro);
  var offName = field(offline, "input", t("name"), "offline-name");
  var offEmail = field(offline, "input", t("emailRequired"), "offline-email");
  offEmail.type = "email";
  offEmail.required = true;
  var offText = field(offline, "textarea", t("message"), "offline-text");
  offText.required = true;
  offText.rows = 3;
  var offSend = el("button", BUTTON, t("submit"));
  offSend.type = "submit";
  offline.appendChild(offSend);

  panel.appendChild(head);
  panel.appendChild(list);
  panel.appendChild(status);
  panel.appendChild(form);
  panel.appendChild(offline);
  var wrap = el("div", { display: "flex", flexDirection: "column", alignItems: "flex-end" });
  wrap.appendChild(panel);
  wrap.appendChild(button);
  root.appendChild(wrap);

  function field(parent, tag, label, name) {
    var input = el(tag, INPUT);
    input.setAttribute("aria-label", label);
    input.placeholder = label;
    input.name = name;
    input.setAttribute("data-kefu", name);
    parent.appendChild(input);
    return input;
  }

  // ---- state and server calls ----
  var token = null, lastId = 0, state = null, stream = null, streamFailures = 0, pollTimer = null, opened = false;
  var shown = {}, botShown = {}, botLast = 0, botActive = false, botKnown = false;
  try { token = localStorage.getItem(STORE); } catch (e) { token = null; }

  function call(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (token) { headers["X-Chat-Token"] = token; }
    return fetch(API + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined,
      credentials: "omit", mode: "cors" }).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { var err = new Error("HTTP " + r.status); err.status = r.status; err.body = json; throw err; }
        return json;
      });
    });
  }

  function start() {
    var body = { token: token, name: nameInput.value || null, email: emailInput.value || null };
    return call("POST", "/conversations", body).then(function (session) {
      token = session.token;
      try { localStorage.setItem(STORE, token); } catch (e) { /* private mode: the chat lasts this page */ }
      if (session.greeting && !session.resumed) { note(session.greeting, "greeting"); }
      session.offlineForm = !!session.offlineForm;
      apply(session.conversation, session.offlineForm);
      connect();
      return hello().then(function () { return session; });
    });
  }

  // ---- the self-service bot ----
  function hello() {
    return call("POST", "/bot/hello", { language: LANG }).then(function (b) {
      botKnown = true;
      botState(b);
      if (botActive) {
        offline.style.display = "none";
        form.style.display = "block";
      }
    }).catch(function () { botActive = false; });
  }

  function botTurns() {
    if (!botKnown) { return Promise.resolve(); }
    return call("GET", "/bot/turns?since=" + botLast).then(botState).catch(function () { /* next time */ });
  }

  function botState(b) {
    botActive = !!b.active;
    person.style.display = botActive ? "inline" : "none";
    (b.turns || []).forEach(addTurn);
  }

  function addTurn(turn) {
    if (!turn || botShown[turn.id]) { return; }
    botShown[turn.id] = true;
    botLast = Math.max(botLast, turn.id);
    var item = el("li", { display: "flex", flexDirection: "column", alignItems: "flex-start", margin: "0 0 10px 0" });
    item.setAttribute("data-from", "bot");
    item.setAttribute("data-turn", String(turn.id));
    item.setAttribute("data-outcome", turn.outcome);
    var label = el("span", { fontSize: "11px", color: "#57606a", margin: "0 4px 2px" }, "🤖 " + T.bot);
    var bubble = el("div", { maxWidth: "85%", padding: "8px 11px", borderRadius: "12px", whiteSpace: "pre-wrap",
      overflowWrap: "anywhere", background: "#eef4ff", color: "#1f2328", border: "1px solid #c8d9f5" });
    bubble.setAttribute("data-kefu", "text");
    bubble.textContent = turn.text;
    (turn.articles || []).forEach(function (a) {
      if (!a.url || !/^https?:\/\//.test(a.url)) { return; }
      var link = el("a", { display: "block", marginTop: "6px", color: COLOR }, a.title);
      link.href = a.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.setAttribute("data-kefu", "article");
      bubble.appendChild(link);
    });
    item.appendChild(label);
    item.appendChild(bubble);
    if (turn.askFeedback) {
      var ask = el("div", { display: "flex", gap: "6px", alignItems: "center", margin: "4px 4px 0", fontSize: "12px",
        color: "#57606a" }, t("didItHelp"));
      ask.setAttribute("data-kefu", "feedback");
      [true, false].forEach(function (helped) {
        var b = el("button", { font: FONT, fontSize: "12px", padding: "2px 10px", border: "1px solid " + COLOR,
          borderRadius: "12px", background: "#fff", color: COLOR, cursor: "pointer" }, helped ? t("helped") : t("notHelped"));
        b.type = "button";
        b.setAttribute("data-kefu", helped ? "helped" : "not-helped");
        b.addEventListener("click", function () { feedback(turn.id, helped, ask); });
        ask.appendChild(b);
      });
      item.appendChild(ask);
    }
    place(item, turn.order || 0);
    if (!opened) { badge.style.display = "inline-block"; }
  }

  function feedback(turnId, helped, box) {
    Array.prototype.forEach.call(box.querySelectorAll("button"), function (b) { b.disabled = true; });
    call("POST", "/bot/turns/" + turnId + "/feedback", { helped: helped }).then(function (r) {
      box.textContent = helped ? t("helped") + " ✓" : t("notHelped");
      if (r.turn) { addTurn(r.turn); }
      if (r.handedOff) { botActive = false; person.style.display = "none"; refresh(); }
    }).catch(function () {
      Array.prototype.forEach.call(box.querySelectorAll("button"), function (b) { b.disabled = false; });
      say(t("failed"));
    });
  }

  /** Messages and bot turns stay in the order they happened: each item carries its timeline position. */
  function place(item, order) {
    item.setAttribute("data-order", String(order));
    var next = null;
    Array.prototype.some.call(list.children, function (child) {
      var at = child.getAttribute("data-order");
      if (at !== null && Number(at) > order) { next = child; return true; }
      return false;
    });
    if (next) { list.insertBefore(item, next); } else { list.appendChild(item); }
    list.scrollTop = list.scrollHeight;
  }

  function apply(conversation, offlineForm) {
    (conversation.messages || []).forEach(add);
    state = conversation.state;
    subtitle.textContent = conversation.agentName ? t("joined", conversation.agentName) : "";
    if (state === "WAITING") {
      var wait = conversation.estimatedWaitSeconds >= 60 ? t("minutes", Math.round(conversation.estimatedWaitSeconds / 60))
          : t("seconds", conversation.estimatedWaitSeconds);
      say(t("waiting", Math.max(0, conversation.position - 1), wait));
    } else if (state === "ENDED") {
      say(t("ended"));
    } else {
      say(null);
    }
    who.style.display = lastId === 0 ? "block" : "none";
    var noOne = !conversation.agentsAvailable && lastId === 0 && offlineForm && !botActive;
    if (offlineForm !== undefined) {
      offline.style.display = noOne ? "block" : "none";
      form.style.display = noOne ? "none" : "block";
    }
    clearInterval(pollTimer);
    if (state === "WAITING" || streamFailures > 2) {
      pollTimer = setInterval(refresh, streamFailures > 2 ? 3000 : 10000);
    }
  }

  function refresh() {
    if (!token) { return; }
    call("GET", "/messages?since=" + lastId).then(function (c) { apply(c); }).then(botTurns)
      .catch(function () { /* next time */ });
  }

  function connect() {
    if (stream || !window.EventSource || streamFailures > 2) { return; }
    stream = new EventSource(API + "/stream?token=" + encodeURIComponent(token));
    stream.addEventListener("ready", function () { streamFailures = 0; });
    stream.addEventListener("message", function (e) {
      try { add(JSON.parse(e.data)); } catch (err) { /* ignore a broken event */ }
    });
    stream.addEventListener("state", refresh);
    stream.onerror = function () {
      streamFailures++;
      if (streamFailures > 2) { // the network or a proxy does not let the stream through: poll instead
        stream.close();
        stream = null;
        refresh();
      }
    };
  }

  function add(m) {
    if (!m || shown[m.id]) { return; }
    shown[m.id] = true;
    lastId = Math.max(lastId, m.id);
    var mine = m.from === "visitor";
    var item = el("li", { display: "flex", flexDirection: "column", alignItems: mine ? "flex-end" : "flex-start",
      margin: "0 0 10px 0" });
    item.setAttribute("data-from", m.from);
    var label = el("span", { fontSize: "11px", color: "#57606a", margin: "0 4px 2px" },
        mine ? T.you : (m.name || T.agent));
    var bubble = el("div", { maxWidth: "85%", padding: "8px 11px", borderRadius: "12px", whiteSpace: "pre-wrap",
      overflowWrap: "anywhere", background: mine ? COLOR : "#fff", color: mine ? "#fff" : "#1f2328",
      border: mine ? "0" : "1px solid #d0d7de" });
    bubble.setAttribute("data-kefu", "text");
    bubble.textContent = m.text;
    item.appendChild(label);
    item.appendChild(bubble);
    place(item, m.id);
    if (!opened && !mine) { badge.style.display = "inline-block"; }
  }

  function note(textValue, kind) {
    var item = el("li", { textAlign: "center", fontSize: "12px", color: "#57606a", margin: "0 0 10px 0" }, textValue);
    item.setAttribute("data-kefu", kind);
    list.appendChild(item);
  }

  function say(message) {
    status.textContent = message || "";
    status.style.display = message ? "block" : "none";
  }

  function toggle(open) {
    opened = open;
    panel.style.display = open ? "flex" : "none";
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      badge.style.display = "none";
      if (!state) { start().catch(function () { say(t("failed")); }); }
      text.focus();
    }
  }

  button.addEventListener("click", function () { toggle(!opened); });
  close.addEventListener("click", function () { toggle(false); button.focus(); });
  panel.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { toggle(false); button.focus(); }
  });
  text.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); submit(); }
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); submit(); });

  function submit() {
    var value = text.value.trim();
    if (!value) { return; }
    send.disabled = true;
    var ready = token && state ? Promise.resolve() : start();
    ready.then(function () {
      if (lastId === 0 && (nameInput.value || emailInput.value)) {
        return start();
      }
    }).then(function () {
      return call("POST", "/messages", { text: value });
    }).then(function (m) {
      text.value = "";
      add(m);
      who.style.display = "none";
      refresh();
    }).catch(function (err) {
      say(err.status === 429 ? t("tooMany") : err.status === 413 ? t("tooLong") : t("failed"));
    }).then(function () { send.disabled = false; });
  }

  person.addEventListener("click", function () {
    if (!token) { return; }
    person.disabled = true;
    call("POST", "/bot/person").then(function (r) {
      botActive = false;
      person.style.display = "none";
      if (r.turn) { addTurn(r.turn); }
      refresh();
    }).catch(function () { say(t("failed")); }).then(function () { person.disabled = false; });
  });

  end.addEventListener("click", function () {
    if (!token || state === "ENDED" || state === "NEW") { return; }
    call("POST", "/end").then(refresh).catch(function () { say(t("failed")); });
  });

  offline.addEventListener("submit", function (e) {
    e.preventDefault();
    offSend.disabled = true;
    call("POST", "/offline-messages", { name: offName.value || null, email: offEmail.value, text: offText.value })
      .then(function (r) {
        offline.textContent = "";
        var done = el("p", { margin: "0", fontSize: "13px" }, t("thanks", r.ticketNumber));
        done.setAttribute("data-kefu", "thanks");
        offline.appendChild(done);
      })
      .catch(function (err) { offSend.disabled = false; say(err.status === 429 ? t("tooMany") : t("failed")); });
  });

  function mount() {
    document.body.appendChild(host);
    if (token) { start().catch(function () { token = null; }); }
    if (script.getAttribute("data-open") === "true") { toggle(true); }
  }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
