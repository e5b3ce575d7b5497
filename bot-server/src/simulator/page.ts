// The simulator's page, script and style, served as three files (the CSP allows no inline
// script). Kept as strings so they ship inside the bundled server with no asset copying; the
// script is plain ES2020 for any browser, driven by the Playwright test in tests/browser.

export const SIMULATOR_HTML = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mô phỏng chat Zalo OA · Khaibao</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dev/chat/chat.css">
<script src="/dev/chat/chat.js" defer></script>
</head>
<body>
<main class="phone">
  <header class="bar">
    <div class="oa-avatar" aria-hidden="true">KB</div>
    <div class="oa-name">
      <strong>Khai báo di chuyển</strong>
      <span id="owner" class="owner">Đang tải…</span>
    </div>
    <span class="dev-tag" title="Chỉ có khi chạy ở chế độ phát triển">DEV</span>
  </header>
  <section class="controls" aria-label="Người dùng mô phỏng">
    <div class="row">
      <label for="user-id">User id</label>
      <input id="user-id" inputmode="numeric" autocomplete="off" spellcheck="false">
      <button id="new-user" type="button" class="ghost" title="Tạo người dùng mới">Mới</button>
    </div>
    <div class="row">
      <button id="follow" type="button">Quan tâm OA</button>
      <button id="unfollow" type="button" class="ghost">Bỏ quan tâm</button>
      <button id="hand-back" type="button" class="ghost" hidden>Trả lại cho bot</button>
    </div>
  </section>
  <ol id="log" class="log" aria-live="polite"></ol>
  <p id="error" class="error" role="alert" hidden></p>
  <form id="composer" class="composer">
    <input id="text" placeholder="Nhập tin nhắn…" autocomplete="off" maxlength="2000" aria-label="Tin nhắn">
    <button id="send" type="submit">Gửi</button>
  </form>
</main>
</body>
</html>
`;

export const SIMULATOR_CSS = `
:root { --blue: #0068ff; --bg: #e2e9f1; --ink: #1b2733; --muted: #6b7785; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #c9d3de; }
.phone { max-width: 480px; height: 100%; margin: 0 auto; display: flex; flex-direction: column; background: var(--bg); }
.bar { display: flex; align-items: center; gap: 10px; padding: 10px 12px; background: var(--blue); color: #fff; }
.oa-avatar { width: 36px; height: 36px; border-radius: 50%; background: #fff; color: var(--blue); display: grid; place-items: center; font-weight: 700; font-size: 13px; }
.oa-name { display: flex; flex-direction: column; flex: 1; min-width: 0; }
.owner { font-size: 12px; opacity: .9; }
.dev-tag { font-size: 11px; font-weight: 700; padding: 2px 6px; border-radius: 4px; background: #ffcc00; color: #3a2c00; }
.controls { padding: 8px 12px; background: #fff; border-bottom: 1px solid #d5dde6; display: flex; flex-direction: column; gap: 6px; }
.controls label { font-size: 12px; color: var(--muted); align-self: center; }
.controls button, .controls input { padding: 5px 10px; font-size: 14px; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.row input { flex: 1; min-width: 0; }
input { font: inherit; padding: 8px 10px; border: 1px solid #c3ccd6; border-radius: 8px; background: #fff; }
button { font: inherit; padding: 8px 12px; border-radius: 8px; border: 1px solid var(--blue); background: var(--blue); color: #fff; cursor: pointer; }
button.ghost { background: #fff; color: var(--blue); }
button:disabled { opacity: .5; cursor: default; }
.log { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 82%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; box-shadow: 0 1px 1px rgba(0,0,0,.06); }
.msg.user { align-self: flex-end; background: #d4e6ff; border-bottom-right-radius: 4px; }
.msg.oa { align-self: flex-start; background: #fff; border-bottom-left-radius: 4px; }
.msg.system { align-self: center; background: none; box-shadow: none; color: var(--muted); font-size: 12px; padding: 0; }
.msg time { display: block; font-size: 11px; color: var(--muted); margin-top: 2px; }
.buttons { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
.oa-button { display: block; width: 100%; text-align: center; padding: 8px 10px; border-radius: 8px; border: 1px solid #c8d8f0; background: #f3f7fd; color: var(--blue); font-weight: 600; text-decoration: none; font-size: 14px; }
.oa-button:hover { background: #e6effc; }
a.oa-button::after { content: " ↗"; font-weight: 400; }
.empty { align-self: center; color: var(--muted); font-size: 13px; text-align: center; margin-top: 24px; }
.error { margin: 0; padding: 6px 12px; background: #fde8e8; color: #9b1c1c; font-size: 13px; }
.composer { display: flex; gap: 6px; padding: 8px 12px calc(8px + env(safe-area-inset-bottom)); background: #fff; border-top: 1px solid #d5dde6; }
.composer input { flex: 1; min-width: 0; }
`;

export const SIMULATOR_JS = `"use strict";
(function () {
  var DEFAULT_USER = "8123456789012345678";
  var $ = function (id) { return document.getElementById(id); };
  var userInput = $("user-id"), log = $("log"), errorBox = $("error"), ownerLabel = $("owner"), handBack = $("hand-back");
  var mine = [];       // what this citizen sent: {at, text}
  var theirs = [];     // what the OA sent, from the stand-in
  var seenKey = "";
  var pollTimer = 0;

  function currentUser() { return userInput.value.trim(); }
  function showError(text) { errorBox.textContent = text || ""; errorBox.hidden = !text; }
  function time(at) { return new Date(at).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", second: "2-digit" }); }

  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { if (!res.ok) throw new Error(json.error || res.status); return json; }); });
  }

  function send(kind, text, shown) {
    var userId = currentUser();
    if (!/^\\d{1,20}$/.test(userId)) { showError("User id chỉ gồm chữ số."); return Promise.resolve(); }
    showError("");
    mine.push({ at: Date.now(), text: shown || (kind === "follow" ? "— Bạn đã quan tâm OA —" : kind === "unfollow" ? "— Bạn đã bỏ quan tâm OA —" : text), system: kind !== "text" });
    render();
    var body = { kind: kind, userId: userId };
    if (kind === "text") body.text = text;
    return post("/dev/chat/api/events", body).then(function (answer) {
      if (answer.webhookStatus !== 200) showError("Webhook trả về HTTP " + answer.webhookStatus);
      poll();
    }, function (e) { showError("Không gửi được: " + e.message); });
  }

  function bubble(cls, text, at) {
    var li = document.createElement("li");
    li.className = "msg " + cls;
    li.appendChild(document.createTextNode(text));
    if (at) { var t = document.createElement("time"); t.textContent = time(at); li.appendChild(t); }
    return li;
  }

  function render() {
    var items = mine.map(function (m) { return { at: m.at, node: bubble(m.system ? "system" : "user", m.text, m.system ? 0 : m.at) }; });
    theirs.forEach(function (m) {
      var li = bubble("oa", m.text, m.at);
      li.setAttribute("data-message-id", m.id);
      if (m.buttons.length) {
        var box = document.createElement("div");
        box.className = "buttons";
        m.buttons.forEach(function (b) {
          var el;
          if (b.kind === "link") {
            el = document.createElement("a");
            el.href = b.value; el.target = "_blank"; el.rel = "noopener";
          } else if (b.kind === "phone") {
            el = document.createElement("a");
            el.href = "tel:" + b.value;
          } else {
            el = document.createElement("button");
            el.type = "button";
            el.setAttribute("data-payload", b.value);
            el.addEventListener("click", function () { send("text", b.value, b.title); });
          }
          el.className = "oa-button";
          el.textContent = b.title;
          box.appendChild(el);
        });
        li.insertBefore(box, li.querySelector("time"));
      }
      items.push({ at: m.at, node: li });
    });
    items.sort(function (a, b) { return a.at - b.at; });
    log.replaceChildren.apply(log, items.map(function (i) { return i.node; }));
    if (!items.length) {
      var empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "Chưa có tin nhắn. Bấm \\u201cQuan tâm OA\\u201d hoặc gõ \\u201cxin chào\\u201d để bắt đầu.";
      log.appendChild(empty);
    }
    log.scrollTop = log.scrollHeight;
  }

  function poll() {
    var userId = currentUser();
    if (!/^\\d{1,20}$/.test(userId)) return;
    fetch("/dev/chat/api/messages?user_id=" + encodeURIComponent(userId)).then(function (res) { return res.json(); }).then(function (body) {
      if (userId !== currentUser() || !body.messages) return;
      ownerLabel.textContent = body.owner === "human" ? "Nhân viên hỗ trợ đang trả lời" : body.owner === "bot" ? "Trợ lý tự động đang trả lời" : "Chưa trò chuyện";
      ownerLabel.setAttribute("data-owner", body.owner || "");
      handBack.hidden = body.owner !== "human";
      var key = body.messages.map(function (m) { return m.id; }).join(",");
      if (key !== seenKey) { seenKey = key; theirs = body.messages; render(); }
    }).catch(function () { /* the next poll tries again */ });
  }

  function switchUser() {
    localStorage.setItem("khaibao.sim.user", currentUser());
    mine = []; theirs = []; seenKey = "";
    render(); poll();
  }

  userInput.value = localStorage.getItem("khaibao.sim.user") || DEFAULT_USER;
  userInput.addEventListener("change", switchUser);
  $("new-user").addEventListener("click", function () {
    userInput.value = "8" + String(Math.floor(Math.random() * 1e17)).padStart(17, "0") + String(Math.floor(Math.random() * 10));
    switchUser();
  });
  $("follow").addEventListener("click", function () { send("follow"); });
  $("unfollow").addEventListener("click", function () { send("unfollow"); });
  handBack.addEventListener("click", function () {
    post("/dev/chat/api/hand-back", { userId: currentUser() }).then(function () {
      mine.push({ at: Date.now(), text: "— Nhân viên đã trả cuộc trò chuyện cho bot —", system: true });
      poll();
    }, function (e) { showError(e.message); });
  });
  $("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var input = $("text"), text = input.value.trim();
    if (!text) return;
    input.value = "";
    send("text", text);
  });
  render(); poll();
  pollTimer = setInterval(poll, 700);
  window.addEventListener("pagehide", function () { clearInterval(pollTimer); });
})();
`;
