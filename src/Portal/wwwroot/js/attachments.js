// Attachment upload by button or drag-and-drop with a progress bar. No inline script: the form carries
// data-attachment-upload (and data-max-bytes, data-too-large); without script it is a plain multipart post.
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
        preview.textContent = "预览 Preview";
        item.appendChild(document.createTextNode(" "));
        item.appendChild(preview);
      }
      list.appendChild(item);
    }

    function upload(file) {
      if (busy || !file) {
        return;
      }
      if (maxBytes > 0 && file.size > maxBytes) {
        say(form.getAttribute("data-too-large") || "The file is too large.", true);
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
          say("已上传 Uploaded: " + answer.name, false);
          added(answer);
          input.value = "";
        } else {
          say(answer && answer.error ? answer.error : "上传失败 The upload failed (" + xhr.status + ").", true);
        }
      });
      xhr.addEventListener("error", function () {
        busy = false;
        progress.hidden = true;
        say("网络错误，未上传 The upload did not reach the server; try again.", true);
      });
      progress.value = 0;
      progress.hidden = false;
      say("正在上传 Uploading " + file.name + "…", false);
      xhr.send(data);
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      upload(input.files && input.files[0]);
    });
    input.addEventListener("change", function () {
      upload(input.files && input.files[0]);
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
      upload(e.dataTransfer && e.dataTransfer.files[0]);
    });
  }

  document.querySelectorAll("form[data-attachment-upload]").forEach(attach);
})();
