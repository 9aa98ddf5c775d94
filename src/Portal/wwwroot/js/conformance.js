// Live template check for the document editor. No inline script: the panel carries data-conformance-url and
// data-conformance-type; the inputs to check carry data-conformance="title" | "markdown" | "fields[key]".
// The server answers JSON whose sentences are shown as text (never as HTML).
(function () {
  "use strict";

  var DELAY_MS = 500;
  var panel = document.querySelector("[data-conformance-url]");
  var inputs = document.querySelectorAll("[data-conformance]");
  if (!panel || inputs.length === 0) {
    return;
  }

  var url = panel.getAttribute("data-conformance-url");
  var summary = panel.querySelector(".conformance-summary");
  var list = panel.querySelector(".conformance-problems");
  var form = inputs[0].form;
  var timer = null;
  var latest = 0;

  function token() {
    var input = form && form.querySelector("input[name='__RequestVerificationToken']");
    return input ? input.value : "";
  }

  function render(answer) {
    panel.classList.toggle("conforms", answer.conforms);
    panel.classList.toggle("nonconforming", !answer.conforms);
    summary.textContent = answer.summary;
    var items = answer.problems.map(function (problem) {
      var item = document.createElement("li");
      item.className = "problem problem-" + problem.kind;
      item.setAttribute("data-key", problem.key);
      item.textContent = problem.message;
      return item;
    });
    list.replaceChildren.apply(list, items);
  }

  function check() {
    var request = ++latest;
    var body = new FormData();
    body.append("type", panel.getAttribute("data-conformance-type"));
    inputs.forEach(function (input) {
      body.append(input.getAttribute("data-conformance"), input.value);
    });
    fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "RequestVerificationToken": token(), "Accept": "application/json" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("Check failed: " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        if (request === latest) {
          render(answer);
        }
      })
      .catch(function () {
        if (request === latest) {
          summary.textContent = panel.getAttribute("data-text-unavailable") || "";
        }
      });
  }

  inputs.forEach(function (input) {
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, DELAY_MS);
    });
  });
})();
