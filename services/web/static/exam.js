// The exam's enhancements; every page of it works without them (its buttons save each answer).
(function () {
  "use strict";

  function instant(text) { return Date.parse(text.replace(/(\.\d{3})\d+/, "$1")); }  // ISO with microseconds
  function pad(number) { return number < 10 ? "0" + number : String(number); }

  // The time left counts down to the server's deadline by the server's clock: the offset from this device's
  // clock is taken once from the page's server_now, so a device set to the wrong time changes nothing.
  var countdown = document.getElementById("countdown");
  if (countdown) {
    var deadline = instant(countdown.dataset.deadline);
    var offset = instant(countdown.dataset.serverNow) - Date.now();
    var clock = document.getElementById("time-left");
    var warning = document.getElementById("time-warning");
    var warned = false;
    var tick = function () {
      var left = Math.max(0, Math.ceil((deadline - (Date.now() + offset)) / 1000));
      var hours = Math.floor(left / 3600), minutes = Math.floor((left % 3600) / 60);
      clock.textContent = (hours ? hours + ":" + pad(minutes) : String(minutes)) + ":" + pad(left % 60);
      if (left <= 300 && !warned) {
        warned = true;
        warning.textContent = countdown.dataset.warningText;
      }
      if (left <= 0) {
        window.location.assign(countdown.dataset.timeUpUrl);  // the server grades it anyway
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }

  // Each change of answer is saved at once. One save at a time, the newest choice last, so an older choice
  // can never overwrite a newer one on the server.
  var form = document.querySelector("form.question[data-save-url]");
  var token = form && form.querySelector('input[name="csrf_token"]');
  if (form && token && window.fetch) {
    var status = document.getElementById("save-status");
    var pending = null, sending = false;
    var say = function (text, failed) {
      status.textContent = text;
      status.classList.toggle("save-status-error", Boolean(failed));
    };
    var send = function () {
      if (sending || pending === null) { return; }
      var chosen = pending;
      pending = null;
      sending = true;
      fetch(form.dataset.saveUrl, {
        method: "PUT", credentials: "same-origin", redirect: "error",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": token.value },
        body: JSON.stringify({ chosen: chosen })
      }).then(function (response) {
        return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
      }).then(function (reply) {
        if (pending !== null) { return; }  // a newer choice is on its way: its answer will speak
        say(reply.answer.message || form.dataset.failedText, !reply.ok);
        if (reply.answer.over) {
          form.querySelectorAll('input[name="chosen"]').forEach(function (input) { input.disabled = true; });
        }
      }).catch(function () {
        if (pending === null) { say(form.dataset.failedText, true); }
      }).then(function () {
        sending = false;
        send();
      });
    };
    form.addEventListener("change", function (event) {
      if (event.target.name !== "chosen") { return; }
      pending = Array.prototype.map.call(form.querySelectorAll('input[name="chosen"]:checked'),
                                         function (input) { return Number(input.value); });
      say(form.dataset.savingText, false);
      send();
    });
  }

  // A result being graded by the server's sweep: look again every 10 seconds, for two minutes at most (the
  // page's own "Check again" link still works after that).
  var grading = document.getElementById("being-graded");
  if (grading && window.sessionStorage) {
    var key = "graded-checks:" + grading.dataset.againUrl;
    var checks = Number(sessionStorage.getItem(key) || 0);
    if (checks < 12) {
      setTimeout(function () {
        sessionStorage.setItem(key, String(checks + 1));
        window.location.reload();
      }, 10000);
    }
  }
})();
