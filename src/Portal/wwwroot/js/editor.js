// Live Markdown preview for the document editor. No inline script: the page marks the textarea with
// data-preview-url and data-preview-target; the server returns sanitized HTML (MarkdownRenderer).
(function () {
  "use strict";

  var DELAY_MS = 400;

  function antiforgeryToken(textarea) {
    var form = textarea.form || document.querySelector("form");
    var input = form && form.querySelector("input[name='__RequestVerificationToken']");
    return input ? input.value : "";
  }

  function attach(textarea) {
    var target = document.getElementById(textarea.getAttribute("data-preview-target"));
    var url = textarea.getAttribute("data-preview-url");
    if (!target || !url) {
      return;
    }

    var timer = null;
    var latest = 0;

    function render() {
      var request = ++latest;
      var body = new FormData();
      body.append("markdown", textarea.value);
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "RequestVerificationToken": antiforgeryToken(textarea) }
      })
        .then(function (response) {
          return response.text().then(function (text) {
            if (request !== latest) {
              return;
            }
            if (response.ok) {
              target.innerHTML = text; // sanitized on the server
            } else {
              target.textContent = text; // the server's sentence, in the page's language (413/400)
            }
          });
        })
        .catch(function () {
          if (request === latest) {
            target.textContent = textarea.getAttribute("data-text-unavailable") || "";
          }
        });
    }

    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, DELAY_MS);
    });
    render();
  }

  document.querySelectorAll("textarea[data-preview-url]").forEach(attach);
})();
