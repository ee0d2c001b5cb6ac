// Live progress of reading the text of Bauvorlagen ("Text wird gelesen: Seite 3 von 12"), no page reload.
// Each status element (role="status", so screen readers announce changes politely) carries its JSON URL.
(function () {
  "use strict";
  if (window.bauantragTextStatus) { return; }  // the script tag may appear once per document
  window.bauantragTextStatus = true;
  var INTERVAL = 2500;
  var MAX_POLLS = 1440;  // one hour; after that a reload shows the state

  function render(node, data) {
    if (node.textContent !== data.label) { node.textContent = data.label; }
    if (data.final && data.text_url) {
      node.appendChild(document.createTextNode(" · "));
      var link = document.createElement("a");
      link.href = data.text_url;
      link.textContent = data.text_link_label;
      node.appendChild(link);
    }
  }

  function start() {
    var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-text-status-url]"));
    var polls = 0;
    if (!nodes.length) { return; }
    function tick() {
      polls += 1;
      var pending = nodes.map(function (node) {
        return fetch(node.getAttribute("data-text-status-url"), {
          credentials: "same-origin", headers: { "Accept": "application/json" }
        })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (data) {
            if (!data) { return; }
            render(node, data);
            if (data.final) { node.removeAttribute("data-text-status-url"); nodes.splice(nodes.indexOf(node), 1); }
          })
          .catch(function () { /* try again on the next tick */ });
      });
      Promise.all(pending).then(function () {
        if (nodes.length && polls < MAX_POLLS) { window.setTimeout(tick, INTERVAL); }
      });
    }
    window.setTimeout(tick, INTERVAL);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
