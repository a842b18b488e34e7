/* Demo page: embed the widget, pointed at ?server= or http://<same host>:<Rasa port>
   (the console writes the configured RASA_PORT into <meta name="koffiepraat-rasa-port">). */
(function () {
  "use strict";

  function rasaPort() {
    var meta = document.querySelector('meta[name="koffiepraat-rasa-port"]');
    var port = meta && /^[0-9]{1,5}$/.test(meta.content) ? meta.content : "5005";
    return port;
  }

  function serverFromQuery() {
    var fallback = window.location.protocol === "https:" ? "https:" : "http:";
    var defaultUrl = fallback + "//" + (window.location.hostname || "localhost") + ":" + rasaPort();
    var requested = new URLSearchParams(window.location.search).get("server");
    if (!requested) {
      return defaultUrl;
    }
    try {
      var url = new URL(requested);
      if (url.protocol === "http:" || url.protocol === "https:") {
        return url.href.replace(/\/$/, "");
      }
    } catch (error) {
      // Not a URL: use the default below.
    }
    return defaultUrl;
  }

  var serverUrl = serverFromQuery();
  var widgetSrc = new URL("koffiepraat-widget.js", window.location.href).href;

  var embedCode = document.getElementById("embed-code");
  embedCode.textContent =
    '<script src="' + widgetSrc + '"\n' +
    '        data-server-url="' + serverUrl + '"\n' +
    '        data-title="Koffiepraat"\n' +
    '        data-color="#6b3a1e"\n' +
    '        data-start-open="false"></script>';
  document.getElementById("server-url").textContent = serverUrl;

  var script = document.createElement("script");
  script.src = widgetSrc;
  script.dataset.serverUrl = serverUrl;
  script.dataset.title = "Koffiepraat";
  script.dataset.color = "#6b3a1e";
  script.dataset.startOpen = "false";
  document.body.appendChild(script);

  document.getElementById("open-chat").addEventListener("click", function () {
    if (window.KoffiepraatWidget) {
      window.KoffiepraatWidget.open();
    }
  });
})();
