// The editor's "Related lessons" aside: posts the title and Markdown being written (with the antiforgery token)
// and lists lessons of similar past documents. Debounced; the document being edited is left out.
(function () {
    'use strict';
    var aside = document.querySelector('.related-lessons[data-related-url]');
    var form = document.querySelector('form.doc-form');
    if (!aside || !form) {
        return;
    }

    var list = aside.querySelector('.related-lesson-list');
    var title = form.querySelector('[name="Form.Title"]');
    var markdown = form.querySelector('[name="Form.Markdown"]');
    var token = form.querySelector('input[name="__RequestVerificationToken"]');
    var timer = 0;
    var pending = null;

    function item(entry) {
        var li = document.createElement('li');
        if (entry.lesson) {
            var text = document.createElement('span');
            text.className = 'lesson-text';
            text.textContent = entry.lesson + ' — ';
            li.appendChild(text);
        }

        var link = document.createElement('a');
        link.href = entry.url;
        link.textContent = entry.title;
        li.appendChild(link);
        return li;
    }

    function render(data) {
        list.textContent = '';
        (data.lessons || []).concat(data.documents || []).forEach(function (entry) {
            list.appendChild(item(entry));
        });
    }

    function refresh() {
        if (!token || !title || !markdown) {
            return;
        }

        if (pending) {
            pending.abort();
        }

        pending = new AbortController();
        var body = new URLSearchParams();
        body.set('title', title.value);
        body.set('markdown', markdown.value);
        body.set('id', aside.getAttribute('data-document-id') || '');
        body.set('__RequestVerificationToken', token.value);
        fetch(aside.getAttribute('data-related-url'), { method: 'POST', credentials: 'same-origin', body: body, signal: pending.signal })
            .then(function (response) { return response.ok ? response.json() : { lessons: [], documents: [] }; })
            .then(render)
            .catch(function () { /* aborted or offline: keep the last list */ });
    }

    function schedule() {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 800);
    }

    [title, markdown].forEach(function (field) {
        if (field) {
            field.addEventListener('input', schedule);
        }
    });
    refresh();
}());
