// Live chat view: new messages arrive over server-sent events (no reload); the answer is
// posted in the background. Without JavaScript the forms still work (page reload).
(function () {
  "use strict";
  var box = document.querySelector(".live-chat");
  if (!box) { return; }
  var list = document.getElementById("live-messages");
  var state = document.getElementById("live-state");
  var crisis = document.getElementById("live-crisis");
  var who = { member: "Persoon", bot: "Chatbot", system: "Systeem" };
  var seen = {};

  function add(m) {
    if (seen[m.id]) { return; }
    seen[m.id] = true;
    var item = document.createElement("li");
    item.className = "live-" + m.from + (m.crisis ? " live-crisis" : "");
    var name = document.createElement("span");
    name.className = "live-who";
    name.textContent = m.from === "consultant" ? (m.author || "Consulent") : who[m.from];
    var time = document.createElement("time");
    time.dateTime = m.at;
    time.textContent = " " + m.at.substring(11, 16);
    var text = document.createElement("p");
    text.textContent = m.text;
    item.appendChild(name);
    item.appendChild(time);
    item.appendChild(text);
    list.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  var events = new EventSource(box.dataset.events + "?after=" + box.dataset.after);
  events.onmessage = function (event) { add(JSON.parse(event.data)); };
  events.addEventListener("state", function (event) {
    var s = JSON.parse(event.data);
    if (s.crisis && crisis) { crisis.hidden = false; }
    var wasLive = box.dataset.live === "1";
    box.dataset.live = s.live ? "1" : "0";
    state.textContent = s.live ? "Jij bent in gesprek" : "De chatbot antwoordt";
    if (wasLive && !s.live) { window.location.reload(); }  // ended: show the take-over button
  });
  events.addEventListener("gone", function () { events.close(); window.location.reload(); });
  box.dataset.live = state.textContent.indexOf("in gesprek") >= 0 ? "1" : "0";

  var compose = document.getElementById("live-compose");
  if (compose) {
    compose.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = document.getElementById("live-text");
      if (!field.value.trim()) { return; }
      var body = new URLSearchParams(new FormData(compose));
      fetch(compose.action, { method: "POST", body: body, credentials: "same-origin",
                              headers: { "X-Requested-With": "fetch" } })
        .then(function (reply) { if (reply.ok) { field.value = ""; field.focus(); } });
    });
  }
})();
