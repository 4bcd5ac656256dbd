// Small enhancements; every page works without them.
(function () {
  "use strict";

  // A form sent back with errors: bring keyboard and screen-reader users to the list of problems.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  // "Copy" next to each license code (the code itself stays selectable without JavaScript).
  if (navigator.clipboard) {
    document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(button.dataset.copy).then(function () {
          button.textContent = button.dataset.copiedText || label;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // A document over the size limit is refused before it travels (the server refuses it too, with a 413 page).
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      var tooLarge = file && file.size > Number(input.dataset.maxBytes);
      input.setCustomValidity(tooLarge ? input.dataset.tooLargeText : "");
      if (tooLarge) { input.reportValidity(); }
    });
  });

  // A payment being confirmed: the page moves on by itself once the order is no longer awaiting payment.
  var confirming = document.getElementById("confirming-notice");
  if (confirming && window.fetch) {
    var follow = function () {
      fetch(confirming.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (order) {
          if (order.status === "awaiting_payment") { setTimeout(follow, 3000); }
          else { window.location.assign(confirming.dataset.followUrl); }
        })
        .catch(function () { setTimeout(follow, 10000); });
    };
    setTimeout(follow, 3000);
  }

  // While a paid order's codes are being issued, the dashboard's numbers follow: soon at first (codes usually
  // arrive within a second or two), then less and less often, so a tab left open does not load the server.
  var notice = document.getElementById("issuing-notice");
  if (!notice || !window.fetch) { return; }
  var delay = 500, maxDelay = 15000, giveUpAfter = Date.now() + 10 * 60 * 1000;
  function again() {
    if (Date.now() > giveUpAfter) { return; }  // the page's own "refresh" link still works
    setTimeout(poll, delay);
    delay = Math.min(delay * 1.5, maxDelay);
  }
  function poll() {
    fetch(notice.dataset.progressUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (state) {
        Object.keys(state.counts).forEach(function (name) {
          var cell = document.querySelector('[data-count="' + name + '"]');
          if (cell) { cell.textContent = state.counts[name]; }
        });
        Object.keys(state.orders).forEach(function (id) {
          var issued = document.querySelector('[data-issuing-order="' + id + '"] [data-issued]');
          if (issued) { issued.textContent = state.orders[id].issued; }
        });
        if (state.issuing) { again(); } else { notice.textContent = notice.dataset.doneText; }
      })
      .catch(function () { delay = Math.max(delay, 5000); again(); });
  }
  again();
})();
