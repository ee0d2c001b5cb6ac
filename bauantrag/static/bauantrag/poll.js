// Reload the page when the automatic pre-check has finished (no meta refresh).
(function () {
  "use strict";
  var node = document.querySelector("[data-poll-url]");
  if (!node) { return; }
  var url = node.getAttribute("data-poll-url");
  var timer = window.setInterval(function () {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && (data.status === "done" || data.status === "failed")) {
          window.clearInterval(timer);
          window.location.reload();
        }
      })
      .catch(function () { /* try again on the next tick */ });
  }, 3000);
}());
