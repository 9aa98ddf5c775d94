// The import page's progress: polls the job's progress as JSON every second while it runs, updates the bar and the
// line, and reloads the page (which then shows the report) once the batch is done.
(function () {
    "use strict";
    var section = document.querySelector("[data-import-progress]");
    if (!section || section.getAttribute("data-finished") === "true") {
        return;
    }

    var bar = section.querySelector("[data-progress-bar]");
    var line = section.querySelector("[data-progress-text]");
    var url = section.getAttribute("data-progress-url");

    function poll() {
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (p) {
                if (!p) {
                    return;
                }

                bar.max = Math.max(p.total, 1);
                bar.value = p.done;
                var text = p.done + " / " + p.total + " · ✓ " + p.imported + " · ↷ " + p.skipped + " · ✗ " + p.failed + " · " + Math.round(p.elapsedSeconds) + " s";
                if (p.remainingSeconds !== null && !p.finished) {
                    text += " · ~" + p.remainingSeconds + " s";
                }

                line.textContent = text;
                if (p.finished) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }

    window.setTimeout(poll, 500);
})();
