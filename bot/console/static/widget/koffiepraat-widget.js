/*!
 * Koffiepraat website widget
 * One script tag, no build step. Talks to Rasa's socket.io channel.
 * Options (data attributes on the script tag) are documented in index.html and README.md.
 */
(function () {
  "use strict";

  if (window.KoffiepraatWidget) {
    return; // The script was included twice: keep the first widget.
  }

  // ---------------------------------------------------------------- config

  var VERSION = "1.0.0";
  var DEFAULT_COLOR = "#6b3a1e";
  var STORAGE_PREFIX = "koffiepraat-widget:";
  var MAX_STORED_MESSAGES = 200;
  // A session id unused for this long is forgotten (shared computers: the next person
  // starts a new conversation); data-session-idle-minutes changes it.
  var DEFAULT_SESSION_IDLE_MINUTES = 30;
  var MAX_MESSAGE_LENGTH = 1000;
  var TYPING_TIMEOUT_MS = 20000;
  var BACK_ONLINE_VISIBLE_MS = 5000;
  // Keep in sync with the desktop @media rule in CSS below.
  var FULL_SCREEN_QUERY = "(max-width: 480px), (max-height: 480px)";

  var TEXT = {
    launcher: function (title) { return "Chat met " + title; },
    subtitle: "Je chat met een digitale assistent. Vraag gerust naar een mens.",
    close: "Chat sluiten",
    restart: "Nieuw gesprek",
    restartConfirm: "Wil je een nieuw gesprek beginnen? Dit gesprek verdwijnt dan uit dit venster.",
    log: "Gesprek",
    inputLabel: "Je bericht",
    placeholder: "Typ je bericht…",
    send: "Verstuur",
    you: "Jij",
    typing: function (title) { return title + " is aan het typen…"; },
    replies: "Kies een antwoord",
    newWindow: "(opent in een nieuw venster)",
    image: "Afbeelding van de assistent",
    offline: "Geen verbinding. We proberen het opnieuw…",
    offlineQueued: "Geen verbinding. Je bericht gaat weg zodra de verbinding terug is.",
    online: "De verbinding is terug.",
    tooLong: "Je bericht is te lang. Maak het wat korter.",
    // Live chat (issue 12): a consultant answers in this chat.
    liveSubtitle: function (name) { return "Je chat nu met " + name + ", een loopbaanconsulent."; },
    liveBanner: function (name) {
      return "Je praat nu met " + name + " (loopbaanconsulent, een mens). Typ 'stop' om terug te gaan naar de chatbot.";
    }
  };

  function findOwnScript() {
    if (document.currentScript) {
      return document.currentScript;
    }
    var scripts = document.querySelectorAll("script[src*='koffiepraat-widget']");
    return scripts[scripts.length - 1] || null;
  }

  function parseHexColor(value) {
    var match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value || "").trim());
    if (!match) {
      return null;
    }
    var hex = match[1];
    if (hex.length === 3) {
      hex = hex[0] + hex[0] + hex[1] + hex[1] + hex[2] + hex[2];
    }
    return "#" + hex.toLowerCase();
  }

  function readConfig(script) {
    var data = (script && script.dataset) || {};
    var scriptSrc = (script && script.src) || window.location.href;
    var defaultServer = window.location.protocol + "//" + (window.location.hostname || "localhost") + ":5005";
    return {
      serverUrl: (data.serverUrl || defaultServer).trim(),
      socketPath: (data.socketPath || "/socket.io").trim(),
      title: (data.title || "Koffiepraat").trim().slice(0, 60) || "Koffiepraat",
      color: parseHexColor(data.color) || DEFAULT_COLOR,
      startOpen: data.startOpen === "true",
      greetPayload: (data.greetPayload || "/greet").trim(),
      // "session": transcript gone when the tab closes (default, safer on shared computers).
      transcriptStorage: data.transcriptStorage === "local" ? "local" : "session",
      sessionIdleMs: (parseInt(data.sessionIdleMinutes, 10) > 0
        ? Math.min(parseInt(data.sessionIdleMinutes, 10), 1440)
        : DEFAULT_SESSION_IDLE_MINUTES) * 60000,
      userEvent: data.userEvent || "user_uttered",
      botEvent: data.botEvent || "bot_uttered",
      socketIoSrc: data.socketioSrc || new URL("vendor/socket.io.min.js", scriptSrc).href
    };
  }

  // ---------------------------------------------------------------- colour contrast

  function luminance(hex) {
    var channels = [1, 3, 5].map(function (i) {
      var c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function contrastRatio(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // Text on the brand colour: white or near-black, whichever reads better.
  function textColorOn(background) {
    var light = "#ffffff";
    var dark = "#1b1b1b";
    return contrastRatio(background, light) >= contrastRatio(background, dark) ? light : dark;
  }

  // ---------------------------------------------------------------- storage

  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; }
    };
  }

  // Storage can be blocked (privacy modes, sandboxed iframes): fall back to memory.
  function openStorage(kind) {
    try {
      var storage = window[kind + "Storage"];
      var probe = STORAGE_PREFIX + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return memoryStorage();
    }
  }

  function readJson(storage, key) {
    try {
      return JSON.parse(storage.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  }

  function writeJson(storage, key, value) {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch (error) {
      // Quota full or storage gone: the chat keeps working without history.
    }
  }

  // ---------------------------------------------------------------- safe text rendering

  var LINK_PATTERN = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>"']+)/gi;
  var TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

  function safeHttpUrl(candidate) {
    try {
      var url = new URL(candidate);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function makeLink(href, label) {
    var link = document.createElement("a");
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = label;
    var hint = document.createElement("span");
    hint.className = "kp-sr";
    hint.textContent = " " + TEXT.newWindow;
    link.appendChild(hint);
    return link;
  }

  // Bot text may hold links ("https://..." or "[label](https://...)"). Everything is
  // added as text nodes; only http(s) URLs become <a> elements. Never innerHTML.
  function appendTextWithLinks(parent, text) {
    var last = 0;
    var match;
    LINK_PATTERN.lastIndex = 0;
    while ((match = LINK_PATTERN.exec(text)) !== null) {
      var raw = match[0];
      var label = match[1];
      var url = match[2] || match[3];
      var trailing = "";
      if (!label) {
        var punctuation = TRAILING_PUNCTUATION.exec(url);
        if (punctuation) {
          trailing = punctuation[0];
          url = url.slice(0, -trailing.length);
        }
      }
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var href = safeHttpUrl(url);
      if (href) {
        parent.appendChild(makeLink(href, label || url));
        if (trailing) {
          parent.appendChild(document.createTextNode(trailing));
        }
      } else {
        parent.appendChild(document.createTextNode(raw));
      }
      last = match.index + raw.length;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // ---------------------------------------------------------------- bot message parsing

  function normaliseReplies(list) {
    if (!Array.isArray(list)) {
      return [];
    }
    return list
      .filter(function (item) { return item && typeof item.title === "string" && item.title.trim(); })
      .map(function (item) {
        return {
          title: item.title.trim().slice(0, 120),
          payload: typeof item.payload === "string" && item.payload ? item.payload : item.title.trim()
        };
      })
      .slice(0, 10);
  }

  function parseBotMessage(data) {
    if (!data || typeof data !== "object") {
      return null;
    }
    var message = {
      from: "bot",
      text: typeof data.text === "string" ? data.text : "",
      replies: normaliseReplies(data.quick_replies && data.quick_replies.length ? data.quick_replies : data.buttons),
      chosen: null,
      closed: false,
      image: null
    };
    var attachment = data.attachment;
    if (attachment && attachment.type === "image" && attachment.payload) {
      message.image = safeHttpUrl(attachment.payload.src);
    }
    if (!message.text && !message.replies.length && !message.image) {
      return null;
    }
    return message;
  }

  // ---------------------------------------------------------------- styles

  var CSS = [
    ":host { all: initial; }",
    ".kp-root { --kp-text: #1b1b1b; --kp-muted: #4a4a4a; --kp-bot-bg: #f2ede8; --kp-border: #767676;",
    "  --kp-link: #0a4a8f; --kp-focus: #1b1b1b;",
    "  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;",
    "  font-size: 16px; line-height: 1.5; color: var(--kp-text); }",
    ".kp-root *, .kp-root *::before, .kp-root *::after { box-sizing: border-box; }",
    ".kp-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;",
    "  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }",
    "button, textarea { font: inherit; color: inherit; }",
    ":focus { outline: none; }",
    ":focus-visible { outline: 3px solid var(--kp-focus); outline-offset: 2px;",
    "  box-shadow: 0 0 0 2px #ffffff; }",
    ".kp-launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;",
    "  display: inline-flex; align-items: center; gap: 8px; min-height: 48px; max-width: calc(100vw - 32px);",
    "  padding: 10px 18px; border: 2px solid var(--kp-on-primary); border-radius: 999px;",
    "  background: var(--kp-primary); color: var(--kp-on-primary); font-weight: 600; cursor: pointer;",
    "  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3); }",
    ".kp-launcher svg { width: 24px; height: 24px; flex: none; fill: currentColor; }",
    ".kp-panel { position: fixed; z-index: 2147483001; display: flex; flex-direction: column;",
    "  inset: 0; width: 100%; height: 100%; background: #ffffff; overflow: hidden; }",
    ".kp-panel[hidden] { display: none; }",
    ".kp-root.kp-open .kp-launcher { display: none; }",
    "@media (min-width: 481px) and (min-height: 481px) {",
    "  .kp-panel { inset: auto 16px 88px auto; width: 380px; max-width: calc(100vw - 32px);",
    "    height: 600px; max-height: calc(100vh - 104px); border: 1px solid var(--kp-border);",
    "    border-radius: 12px; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.25); }",
    "  .kp-root.kp-open .kp-launcher { display: inline-flex; }",
    "}",
    ".kp-header { display: flex; align-items: flex-start; gap: 8px; padding: 12px 12px 12px 16px;",
    "  background: var(--kp-primary); color: var(--kp-on-primary); }",
    ".kp-heading { flex: 1; min-width: 0; }",
    ".kp-title { margin: 0; font-size: 1.125em; line-height: 1.3; font-weight: 700; }",
    ".kp-subtitle { margin: 2px 0 0; font-size: 0.875em; }",
    ".kp-icon-button { flex: none; display: inline-flex; align-items: center; justify-content: center;",
    "  width: 44px; height: 44px; padding: 0; border: 2px solid transparent; border-radius: 8px;",
    "  background: transparent; color: var(--kp-on-primary); cursor: pointer; }",
    ".kp-icon-button:hover { border-color: var(--kp-on-primary); }",
    ".kp-icon-button svg { width: 24px; height: 24px; fill: currentColor; }",
    ".kp-header :focus-visible { outline-color: var(--kp-on-primary); box-shadow: none; outline-offset: -4px; }",
    ".kp-status { margin: 0; padding: 8px 16px; font-size: 0.9375em; font-weight: 600; }",
    ".kp-status:empty { display: none; }",
    ".kp-live { margin: 0; padding: 8px 16px; font-size: 0.9375em; font-weight: 600;",
    "  background: #e8f0fb; color: #0a3a70; border-bottom: 1px solid #0a3a70; }",
    ".kp-live[hidden] { display: none; }",
    ".kp-msg--live .kp-bubble { border-left: 4px solid #0a3a70; }",
    ".kp-status.kp-offline { background: #fdecea; color: #8a1c1c; border-bottom: 1px solid #8a1c1c; }",
    ".kp-status.kp-online { background: #e6f4ea; color: #1e5e2a; border-bottom: 1px solid #1e5e2a; }",
    ".kp-log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 8px;",
    "  outline-offset: -3px; }",
    ".kp-msg { display: flex; flex-direction: column; max-width: 85%; }",
    ".kp-msg--bot { align-self: flex-start; align-items: flex-start; }",
    ".kp-msg--user { align-self: flex-end; align-items: flex-end; }",
    ".kp-bubble { margin: 0; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap;",
    "  overflow-wrap: anywhere; }",
    ".kp-msg--bot .kp-bubble { background: var(--kp-bot-bg); color: var(--kp-text); border-bottom-left-radius: 4px; }",
    ".kp-msg--user .kp-bubble { background: var(--kp-primary); color: var(--kp-on-primary);",
    "  border-bottom-right-radius: 4px; }",
    ".kp-bubble a { color: var(--kp-link); text-decoration: underline; text-underline-offset: 2px; }",
    ".kp-image { display: block; max-width: 100%; height: auto; border-radius: 8px; margin-top: 4px; }",
    ".kp-replies { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }",
    ".kp-reply { min-height: 44px; padding: 8px 14px; border: 2px solid var(--kp-primary-strong);",
    "  border-radius: 999px; background: #ffffff; color: var(--kp-primary-strong); font-weight: 600;",
    "  cursor: pointer; text-align: left; }",
    ".kp-reply:hover:not(:disabled) { background: var(--kp-bot-bg); }",
    ".kp-reply:disabled { cursor: default; opacity: 0.6; }",
    ".kp-reply.kp-chosen { opacity: 1; background: var(--kp-primary); color: var(--kp-on-primary);",
    "  border-color: var(--kp-primary); }",
    ".kp-typing { display: flex; align-items: center; gap: 4px; min-height: 24px; padding: 0 16px 4px; }",
    ".kp-typing[hidden] { display: none; }",
    ".kp-dot { width: 8px; height: 8px; border-radius: 50%; background: var(--kp-muted);",
    "  animation: kp-bounce 1.2s infinite ease-in-out; }",
    ".kp-dot:nth-child(2) { animation-delay: 0.15s; }",
    ".kp-dot:nth-child(3) { animation-delay: 0.3s; }",
    "@keyframes kp-bounce { 0%, 80%, 100% { transform: translateY(0); opacity: 0.5; }",
    "  40% { transform: translateY(-4px); opacity: 1; } }",
    ".kp-form { display: flex; align-items: flex-end; gap: 8px; padding: 12px; border-top: 1px solid var(--kp-border); }",
    ".kp-input { flex: 1; min-width: 0; min-height: 44px; max-height: 8em; padding: 9px 12px; resize: none;",
    "  border: 2px solid var(--kp-border); border-radius: 8px; background: #ffffff; color: var(--kp-text); }",
    ".kp-input::placeholder { color: #5f5f5f; opacity: 1; }",
    ".kp-send { flex: none; min-height: 44px; padding: 8px 16px; border: 2px solid var(--kp-primary);",
    "  border-radius: 8px; background: var(--kp-primary); color: var(--kp-on-primary); font-weight: 600; cursor: pointer; }",
    "@media (prefers-reduced-motion: reduce) {",
    "  .kp-dot { animation: none; opacity: 1; }",
    "  .kp-log { scroll-behavior: auto; }",
    "}",
    "@media (forced-colors: active) {",
    "  .kp-bubble, .kp-reply, .kp-launcher, .kp-send { border: 1px solid CanvasText; }",
    "  .kp-dot { background: CanvasText; }",
    "}"
  ].join("\n");

  // Constructable stylesheets are not blocked by a strict style-src CSP on the host page.
  function applyStyles(shadow) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch (error) {
      var style = document.createElement("style");
      style.textContent = CSS;
      shadow.appendChild(style);
    }
  }

  // ---------------------------------------------------------------- DOM helpers

  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    chat: "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h2v2l2.5-2H20V5H4z",
    close: "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z",
    restart: "M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z"
  };

  function icon(name) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // ---------------------------------------------------------------- widget

  function Widget(config) {
    this.config = config;
    this.local = openStorage("local");
    this.transcriptStore = config.transcriptStorage === "local" ? this.local : openStorage("session");
    this.tabStore = openStorage("session");
    this.sessionId = this.local.getItem(STORAGE_PREFIX + "session-id");
    var seen = Number(this.local.getItem(STORAGE_PREFIX + "session-seen"));
    if (this.sessionId && !(seen > 0 && Date.now() - seen < config.sessionIdleMs)) {
      // Idle too long (or no time stored): forget it, its transcript is not shown either.
      this.sessionId = null;
      this.local.removeItem(STORAGE_PREFIX + "session-id");
      this.local.removeItem(STORAGE_PREFIX + "session-seen");
    }
    this.transcript = this.loadTranscript();
    this.socket = null;
    this.ioPromise = null;
    this.ready = false;
    this.lostConnection = false;
    this.pending = [];
    this.typingTimer = null;
    this.statusTimer = null;
  }

  Widget.prototype.loadTranscript = function () {
    var stored = readJson(this.transcriptStore, STORAGE_PREFIX + "transcript");
    if (stored && stored.sessionId && stored.sessionId === this.sessionId && Array.isArray(stored.messages)) {
      return stored;
    }
    return { sessionId: this.sessionId, greeted: false, messages: [] };
  };

  // The session was used now: its idle time starts again.
  Widget.prototype.touchSession = function () {
    if (this.sessionId) {
      this.local.setItem(STORAGE_PREFIX + "session-seen", String(Date.now()));
    }
  };

  Widget.prototype.saveTranscript = function () {
    this.transcript.sessionId = this.sessionId;
    this.transcript.messages = this.transcript.messages.slice(-MAX_STORED_MESSAGES);
    writeJson(this.transcriptStore, STORAGE_PREFIX + "transcript", this.transcript);
  };

  Widget.prototype.mount = function () {
    var config = this.config;
    var host = document.createElement("div");
    host.id = "koffiepraat-widget";
    host.style.setProperty("--kp-primary", config.color);
    host.style.setProperty("--kp-on-primary", textColorOn(config.color));
    // Reply buttons sit on white: use the brand colour only when it reads well there.
    host.style.setProperty(
      "--kp-primary-strong",
      contrastRatio(config.color, "#ffffff") >= 4.5 ? config.color : "#1b1b1b"
    );
    var shadow = host.attachShadow({ mode: "open" });
    applyStyles(shadow);

    var root = el("div", "kp-root");
    root.lang = "nl";

    var launcher = el("button", "kp-launcher");
    launcher.type = "button";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "kp-panel");
    launcher.appendChild(icon("chat"));
    launcher.appendChild(el("span", "", TEXT.launcher(config.title)));

    var panel = el("section", "kp-panel");
    panel.id = "kp-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "kp-title");
    panel.setAttribute("aria-describedby", "kp-subtitle");

    var header = el("div", "kp-header");
    var heading = el("div", "kp-heading");
    var title = el("h2", "kp-title", config.title);
    title.id = "kp-title";
    var subtitle = el("p", "kp-subtitle", TEXT.subtitle);
    subtitle.id = "kp-subtitle";
    heading.appendChild(title);
    heading.appendChild(subtitle);
    var restart = el("button", "kp-icon-button kp-restart");
    restart.type = "button";
    restart.setAttribute("aria-label", TEXT.restart);
    restart.title = TEXT.restart;
    restart.appendChild(icon("restart"));
    var close = el("button", "kp-icon-button kp-close");
    close.type = "button";
    close.setAttribute("aria-label", TEXT.close);
    close.title = TEXT.close;
    close.appendChild(icon("close"));
    header.appendChild(heading);
    header.appendChild(restart);
    header.appendChild(close);

    var status = el("p", "kp-status");
    status.setAttribute("role", "status");
    var liveBanner = el("p", "kp-live");
    liveBanner.setAttribute("role", "status");
    liveBanner.hidden = true;

    var log = el("div", "kp-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", TEXT.log);
    log.tabIndex = 0; // Lets keyboard users scroll the history.

    var typing = el("div", "kp-typing");
    typing.setAttribute("role", "status");
    typing.hidden = true;
    typing.appendChild(el("span", "kp-sr", TEXT.typing(config.title)));
    for (var i = 0; i < 3; i += 1) {
      var dot = el("span", "kp-dot");
      dot.setAttribute("aria-hidden", "true");
      typing.appendChild(dot);
    }

    var form = el("form", "kp-form");
    form.noValidate = true;
    var label = el("label", "kp-sr", TEXT.inputLabel);
    label.htmlFor = "kp-input";
    var input = el("textarea", "kp-input");
    input.id = "kp-input";
    input.rows = 1;
    input.maxLength = MAX_MESSAGE_LENGTH;
    input.placeholder = TEXT.placeholder;
    input.autocomplete = "off";
    var send = el("button", "kp-send", TEXT.send);
    send.type = "submit";
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(status);
    panel.appendChild(liveBanner);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(form);
    root.appendChild(launcher);
    root.appendChild(panel);
    shadow.appendChild(root);

    this.nodes = {
      host: host, root: root, launcher: launcher, panel: panel, close: close, restart: restart,
      status: status, log: log, typing: typing, form: form, input: input,
      subtitle: subtitle, live: liveBanner
    };
    this.renderHistory();
    this.showLive(this.transcript.live || null);
    this.bindEvents();
    document.body.appendChild(host);

    if (config.startOpen || this.tabStore.getItem(STORAGE_PREFIX + "open") === "1") {
      this.open({ moveFocus: false });
    }
  };

  Widget.prototype.bindEvents = function () {
    var self = this;
    var nodes = this.nodes;
    nodes.launcher.addEventListener("click", function () {
      if (nodes.panel.hidden) {
        self.open({ moveFocus: true });
      } else {
        self.close();
      }
    });
    nodes.close.addEventListener("click", function () { self.close(); });
    nodes.restart.addEventListener("click", function () {
      if (window.confirm(TEXT.restartConfirm)) {
        self.restart();
      }
    });
    nodes.root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !nodes.panel.hidden) {
        event.preventDefault();
        self.close();
      } else if (event.key === "Tab" && self.isFullScreen()) {
        self.keepFocusInPanel(event);
      }
    });
    nodes.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.submitInput();
    });
    nodes.input.addEventListener("keydown", function (event) {
      // Enter sends; Shift+Enter adds a new line; never while composing (IME).
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        self.submitInput();
      }
    });
    nodes.input.addEventListener("input", function () { self.resizeInput(); });
    window.matchMedia(FULL_SCREEN_QUERY).addEventListener("change", function () {
      self.updateModality();
    });
  };

  // Small screens (and 200% zoom) show the panel over the whole page, so it acts as
  // a modal dialog there: Tab must not wander to the hidden page behind it.
  Widget.prototype.isFullScreen = function () {
    return !this.nodes.panel.hidden && window.matchMedia(FULL_SCREEN_QUERY).matches;
  };

  Widget.prototype.keepFocusInPanel = function (event) {
    var focusable = Array.prototype.filter.call(
      this.nodes.panel.querySelectorAll("button, textarea, a[href], [tabindex='0']"),
      function (node) { return !node.disabled && node.getClientRects().length > 0; }
    );
    if (!focusable.length) {
      return;
    }
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    var active = this.nodes.host.shadowRoot.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  Widget.prototype.updateModality = function () {
    this.nodes.panel.setAttribute("aria-modal", this.isFullScreen() ? "true" : "false");
  };

  Widget.prototype.resizeInput = function () {
    var input = this.nodes.input;
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 4, 160) + "px";
  };

  Widget.prototype.open = function (options) {
    var nodes = this.nodes;
    nodes.panel.hidden = false;
    nodes.root.classList.add("kp-open");
    nodes.launcher.setAttribute("aria-expanded", "true");
    this.tabStore.setItem(STORAGE_PREFIX + "open", "1");
    this.updateModality();
    this.scrollToEnd();
    if (!options || options.moveFocus !== false) {
      nodes.input.focus();
    }
    this.connect();
  };

  Widget.prototype.close = function () {
    var nodes = this.nodes;
    nodes.panel.hidden = true;
    nodes.root.classList.remove("kp-open");
    nodes.launcher.setAttribute("aria-expanded", "false");
    this.tabStore.setItem(STORAGE_PREFIX + "open", "0");
    nodes.launcher.focus();
  };

  Widget.prototype.restart = function () {
    if (this.socket) {
      this.socket.disconnect();
      this.socket = null;
    }
    this.ready = false;
    this.pending = [];
    this.sessionId = null;
    this.local.removeItem(STORAGE_PREFIX + "session-id");
    this.local.removeItem(STORAGE_PREFIX + "session-seen");
    this.transcript = { sessionId: null, greeted: false, messages: [] };
    this.saveTranscript();
    this.showLive(null);
    this.nodes.log.textContent = "";
    this.setTyping(false);
    this.setStatus("", "");
    this.connect();
    this.nodes.input.focus();
  };

  // ------------------------------------------------------------ connection

  // Loads the vendored socket.io client without clobbering a site's own window.io.
  Widget.prototype.loadSocketIo = function () {
    var self = this;
    if (this.ioPromise) {
      return this.ioPromise;
    }
    this.ioPromise = new Promise(function (resolve, reject) {
      var hadIo = Object.prototype.hasOwnProperty.call(window, "io");
      var previous = window.io;
      var script = document.createElement("script");
      script.src = self.config.socketIoSrc;
      script.async = true;
      script.onload = function () {
        var ours = window.io;
        if (hadIo) {
          window.io = previous;
        } else {
          try { delete window.io; } catch (error) { window.io = undefined; }
        }
        if (typeof ours === "function") {
          resolve(ours);
        } else {
          reject(new Error("socket.io client missing"));
        }
      };
      script.onerror = function () { reject(new Error("socket.io client failed to load")); };
      document.head.appendChild(script);
    });
    this.ioPromise.catch(function () {
      self.ioPromise = null;
    });
    return this.ioPromise;
  };

  Widget.prototype.connect = function () {
    var self = this;
    if (this.socket || this.connecting) {
      return;
    }
    this.connecting = true;
    this.loadSocketIo().then(function (io) {
      self.connecting = false;
      self.openSocket(io);
    }, function () {
      self.connecting = false;
      self.connectionLost();
      window.setTimeout(function () { self.connect(); }, 5000);
    });
  };

  Widget.prototype.openSocket = function (io) {
    var self = this;
    var server = new URL(this.config.serverUrl, window.location.href);
    // A path in the server URL means a reverse proxy prefix, not a socket.io namespace.
    var prefix = server.pathname.replace(/\/+$/, "");
    var socket = io(server.origin, {
      path: prefix + this.config.socketPath,
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000
    });
    this.socket = socket;
    socket.on("connect", function () {
      // Every (re)connection is a new socket: ask Rasa to join our session again.
      self.ready = false;
      socket.emit("session_request", { session_id: self.sessionId || null });
    });
    socket.on("session_confirm", function (data) {
      var confirmed = typeof data === "string" ? data : data && data.session_id;
      self.sessionConfirmed(confirmed || self.sessionId);
    });
    socket.on(this.config.botEvent, function (data) { self.receive(data); });
    socket.on("disconnect", function (reason) {
      self.ready = false;
      if (reason === "io client disconnect") {
        return;
      }
      self.connectionLost();
      if (reason === "io server disconnect") {
        socket.connect(); // socket.io does not retry this case on its own.
      }
    });
    socket.on("connect_error", function () {
      self.connectionLost();
      if (!socket.active) {
        window.setTimeout(function () { socket.connect(); }, 5000);
      }
    });
  };

  Widget.prototype.sessionConfirmed = function (sessionId) {
    if (!sessionId) {
      return;
    }
    if (sessionId !== this.sessionId) {
      this.sessionId = sessionId;
      this.local.setItem(STORAGE_PREFIX + "session-id", sessionId);
      this.transcript.sessionId = sessionId;
      this.saveTranscript();
    }
    this.ready = true;
    this.touchSession();
    if (this.lostConnection) {
      this.lostConnection = false;
      this.setStatus(TEXT.online, "kp-online", BACK_ONLINE_VISIBLE_MS);
    }
    if (!this.transcript.greeted && this.config.greetPayload) {
      this.transcript.greeted = true;
      this.saveTranscript();
      this.transmit(this.config.greetPayload);
    }
    var queued = this.pending;
    this.pending = [];
    queued.forEach(this.transmit, this);
  };

  Widget.prototype.connectionLost = function () {
    if (!this.lostConnection) {
      this.lostConnection = true;
      this.setTyping(false);
    }
    this.setStatus(this.pending.length ? TEXT.offlineQueued : TEXT.offline, "kp-offline");
  };

  Widget.prototype.transmit = function (message) {
    if (this.ready && this.socket) {
      this.socket.emit(this.config.userEvent, { message: message, session_id: this.sessionId });
      this.touchSession();
      this.setTyping(true);
      return;
    }
    this.pending.push(message);
    if (this.lostConnection) {
      this.setStatus(TEXT.offlineQueued, "kp-offline");
    }
    this.connect();
  };

  Widget.prototype.receive = function (data) {
    var message = parseBotMessage(data);
    this.setTyping(false);
    this.touchSession();
    var live = data && typeof data === "object" ? data.live_chat : null;
    if (live && typeof live === "object") {
      this.showLive(live.live === true && typeof live.name === "string" ? live.name.slice(0, 60) : null);
      if (message && live.live === true) {
        message.live = true;
      }
    }
    if (!message) {
      return;
    }
    this.transcript.messages.push(message);
    this.saveTranscript();
    this.nodes.log.appendChild(this.renderMessage(message));
    this.scrollToEnd();
  };

  // A consultant holds the conversation (name) or the chatbot is back (null).
  Widget.prototype.showLive = function (name) {
    var nodes = this.nodes;
    nodes.live.hidden = !name;
    nodes.live.textContent = name ? TEXT.liveBanner(name) : "";
    nodes.subtitle.textContent = name ? TEXT.liveSubtitle(name) : TEXT.subtitle;
    if ((this.transcript.live || null) !== (name || null)) {
      this.transcript.live = name || null;
      this.saveTranscript();
    }
  };

  // ------------------------------------------------------------ user input

  Widget.prototype.submitInput = function () {
    var input = this.nodes.input;
    var text = input.value.trim();
    if (!text) {
      return;
    }
    if (text.length > MAX_MESSAGE_LENGTH) {
      this.setStatus(TEXT.tooLong, "kp-offline", BACK_ONLINE_VISIBLE_MS);
      return;
    }
    input.value = "";
    this.resizeInput();
    this.sendAsUser(text, text);
  };

  Widget.prototype.sendAsUser = function (shownText, payload) {
    this.closeOpenReplies();
    var message = { from: "user", text: shownText };
    this.transcript.messages.push(message);
    this.saveTranscript();
    this.nodes.log.appendChild(this.renderMessage(message));
    this.scrollToEnd();
    this.transmit(payload);
  };

  // Answer options only make sense until the person answers in any way.
  Widget.prototype.closeOpenReplies = function () {
    this.transcript.messages.forEach(function (message) {
      if (message.replies && message.replies.length) {
        message.closed = true;
      }
    });
    var buttons = this.nodes.log.querySelectorAll(".kp-reply");
    Array.prototype.forEach.call(buttons, function (button) { button.disabled = true; });
  };

  Widget.prototype.chooseReply = function (message, index) {
    if (message.closed) {
      return;
    }
    var reply = message.replies[index];
    message.chosen = index;
    this.sendAsUser(reply.title, reply.payload);
    var chosenButton = this.nodes.log.querySelector("[data-kp-reply-id='" + message.replyGroupId + "-" + index + "']");
    if (chosenButton) {
      chosenButton.classList.add("kp-chosen");
    }
    this.saveTranscript();
    // The tapped button is now disabled: keep focus somewhere useful.
    this.nodes.input.focus();
  };

  // ------------------------------------------------------------ rendering

  Widget.prototype.renderHistory = function () {
    var log = this.nodes.log;
    this.transcript.messages.forEach(function (message) {
      log.appendChild(this.renderMessage(message));
    }, this);
  };

  var replyGroupCounter = 0;

  Widget.prototype.renderMessage = function (message) {
    var self = this;
    var isBot = message.from === "bot";
    var wrapper = el("div", "kp-msg " + (isBot ? "kp-msg--bot" : "kp-msg--user") +
      (message.live ? " kp-msg--live" : ""));
    if (message.text) {
      var bubble = el("p", "kp-bubble");
      bubble.appendChild(el("span", "kp-sr", (isBot ? this.config.title : TEXT.you) + ": "));
      if (isBot) {
        appendTextWithLinks(bubble, message.text);
      } else {
        bubble.appendChild(document.createTextNode(message.text));
      }
      wrapper.appendChild(bubble);
    }
    if (isBot && message.image) {
      var image = el("img", "kp-image");
      image.src = message.image;
      image.alt = TEXT.image;
      wrapper.appendChild(image);
    }
    if (isBot && message.replies && message.replies.length) {
      replyGroupCounter += 1;
      message.replyGroupId = "g" + replyGroupCounter;
      var group = el("div", "kp-replies");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", TEXT.replies);
      message.replies.forEach(function (reply, index) {
        var button = el("button", "kp-reply", reply.title);
        button.type = "button";
        button.setAttribute("data-kp-reply-id", message.replyGroupId + "-" + index);
        button.disabled = Boolean(message.closed);
        if (message.chosen === index) {
          button.classList.add("kp-chosen");
        }
        button.addEventListener("click", function () { self.chooseReply(message, index); });
        group.appendChild(button);
      });
      wrapper.appendChild(group);
    }
    return wrapper;
  };

  Widget.prototype.scrollToEnd = function () {
    var log = this.nodes.log;
    log.scrollTop = log.scrollHeight;
  };

  Widget.prototype.setTyping = function (visible) {
    var self = this;
    window.clearTimeout(this.typingTimer);
    this.nodes.typing.hidden = !visible;
    if (visible) {
      this.scrollToEnd();
      // Never leave the dots running when no answer comes.
      this.typingTimer = window.setTimeout(function () { self.setTyping(false); }, TYPING_TIMEOUT_MS);
    }
  };

  Widget.prototype.setStatus = function (text, kind, hideAfterMs) {
    var self = this;
    var status = this.nodes.status;
    window.clearTimeout(this.statusTimer);
    status.className = "kp-status" + (kind ? " " + kind : "");
    status.textContent = text;
    if (hideAfterMs) {
      this.statusTimer = window.setTimeout(function () { self.setStatus("", ""); }, hideAfterMs);
    }
  };

  // ---------------------------------------------------------------- start

  var widget = new Widget(readConfig(findOwnScript()));

  function start() {
    widget.mount();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  window.KoffiepraatWidget = {
    version: VERSION,
    open: function () { widget.open({ moveFocus: true }); },
    close: function () { widget.close(); },
    contrastRatio: contrastRatio
  };
})();
