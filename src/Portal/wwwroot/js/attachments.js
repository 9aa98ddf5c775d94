// Attachment upload with a progress bar: choose a file (or drop it on the zone), then the Upload button sends it,
// once. No inline script: the form carries data-attachment-upload, data-max-bytes and its sentences in the page's
// language (data-too-large, data-text-*); without script it is a plain multipart post.
// XMLHttpRequest (not fetch) because only it reports upload progress. The server answers JSON:
// 201 with the stored file, or {error: sentence} that is shown as text.
(function () {
  "use strict";

  function attach(form) {
    var input = form.querySelector("input[type='file']");
    var zone = form.querySelector("[data-drop-zone]");
    var progress = form.querySelector(".upload-progress");
    var status = form.querySelector(".upload-status");
    var maxBytes = Number(form.getAttribute("data-max-bytes") || "0");
    var busy = false;

    function token() {
      var field = form.querySelector("input[name='__RequestVerificationToken']");
      return field ? field.value : "";
    }

    function text(name, value) {
      return (form.getAttribute("data-text-" + name) || "").replace("{0}", value === undefined ? "" : value);
    }

    function say(text, failed) {
      status.textContent = text;
      status.classList.toggle("form-error", !!failed);
    }

    function added(file) {
      var section = form.closest(".attachments");
      var list = section && section.querySelector(".attachment-list");
      var empty = section && section.querySelector(".attachments-empty");
      if (!list) {
        list = document.createElement("ul");
        list.className = "attachment-list";
        form.parentNode.insertBefore(list, form);
      }
      if (empty) {
        empty.remove();
      }
      var item = document.createElement("li");
      item.className = "attachment";
      var link = document.createElement("a");
      link.className = "attachment-download";
      link.href = file.url;
      link.textContent = file.name;
      item.appendChild(link);
      if (file.previewUrl) {
        var preview = document.createElement("a");
        preview.className = "attachment-preview";
        preview.href = file.previewUrl;
        preview.textContent = text("preview");
        item.appendChild(document.createTextNode(" "));
        item.appendChild(preview);
      }
      list.appendChild(item);
    }

    function upload(file) {
      if (busy) {
        return;
      }
      if (!file) {
        say(text("choose"), true);
        return;
      }
      if (maxBytes > 0 && file.size > maxBytes) {
        say(form.getAttribute("data-too-large") || "", true);
        return;
      }

      busy = true;
      var data = new FormData();
      data.append("file", file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("RequestVerificationToken", token());
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          progress.value = Math.round((e.loaded / e.total) * 100);
        }
      });
      xhr.addEventListener("load", function () {
        busy = false;
        progress.hidden = true;
        var answer = null;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch (ignored) {
          answer = null;
        }
        if (xhr.status === 201 && answer) {
          say(text("uploaded", answer.name), false);
          added(answer);
          input.value = "";
        } else {
          say(answer && answer.error ? answer.error : text("failed", xhr.status), true);
        }
      });
      xhr.addEventListener("error", function () {
        busy = false;
        progress.hidden = true;
        say(text("network"), true);
      });
      progress.value = 0;
      progress.hidden = false;
      say(text("uploading", file.name), false);
      xhr.send(data);
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      upload(input.files && input.files[0]);
    });
    // Choosing a file only says which one; the Upload button sends it (one file, one request, one audit record).
    input.addEventListener("change", function () {
      if (input.files && input.files[0]) {
        say(text("chosen", input.files[0].name), false);
      }
    });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (e) {
        e.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (e) {
        e.preventDefault();
        zone.classList.remove("dragging");
      });
    });
    zone.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length > 0) {
        input.files = e.dataTransfer.files;
        say(text("chosen", e.dataTransfer.files[0].name), false);
      }
    });
  }

  document.querySelectorAll("form[data-attachment-upload]").forEach(attach);
})();
