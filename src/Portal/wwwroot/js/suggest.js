// Search-as-you-type on the nav search box: titles go to the document, tags to the search filtered by that tag.
// Accessible combobox: role=listbox, aria-activedescendant, Up/Down/Enter/Escape.
(function () {
    'use strict';
    var input = document.getElementById('nav-q');
    var list = document.getElementById('nav-q-suggestions');
    if (!input || !list) {
        return;
    }

    var url = input.getAttribute('data-suggest-url');
    var items = [];
    var active = -1;
    var timer = 0;
    var pending = null;

    function longEnough(text) {
        return text.length >= 2 || (text.length === 1 && text.charCodeAt(0) >= 0x2E80);
    }

    function close() {
        list.hidden = true;
        list.textContent = '';
        items = [];
        active = -1;
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
        var options = list.querySelectorAll('[role=option]');
        options.forEach(function (option, i) {
            option.setAttribute('aria-selected', i === index ? 'true' : 'false');
        });
        active = index;
        if (index >= 0) {
            input.setAttribute('aria-activedescendant', options[index].id);
        } else {
            input.removeAttribute('aria-activedescendant');
        }
    }

    function choose(index) {
        if (index >= 0 && index < items.length) {
            window.location.assign(items[index].url);
        }
    }

    function show(found) {
        close();
        items = found;
        if (items.length === 0) {
            return;
        }

        items.forEach(function (item, i) {
            var option = document.createElement('li');
            option.id = 'nav-q-option-' + i;
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', 'false');
            option.className = 'suggestion suggestion-' + item.kind;
            var kind = document.createElement('span');
            kind.className = 'suggestion-kind';
            kind.textContent = input.getAttribute(item.kind === 'tag' ? 'data-text-tag' : 'data-text-document') || item.kind;
            var text = document.createElement('span');
            text.textContent = item.text;
            option.appendChild(kind);
            option.appendChild(text);
            option.addEventListener('mousedown', function (event) {
                event.preventDefault();
                choose(i);
            });
            list.appendChild(option);
        });
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
    }

    function fetchSuggestions() {
        var text = input.value.trim();
        if (!longEnough(text)) {
            close();
            return;
        }

        if (pending) {
            pending.abort();
        }

        pending = new AbortController();
        fetch(url + '?q=' + encodeURIComponent(text), { credentials: 'same-origin', signal: pending.signal, headers: { Accept: 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (found) {
                if (input.value.trim() === text) {
                    show(found);
                }
            })
            .catch(function (error) {
                if (error.name !== 'AbortError') {
                    close();
                }
            });
    }

    input.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 200);
    });

    input.addEventListener('keydown', function (event) {
        if (list.hidden) {
            return;
        }

        if (event.key === 'ArrowDown') {
            event.preventDefault();
            highlight((active + 1) % items.length);
        } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            highlight(active <= 0 ? items.length - 1 : active - 1);
        } else if (event.key === 'Enter' && active >= 0) {
            event.preventDefault();
            choose(active);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
        }
    });

    input.addEventListener('blur', function () {
        window.setTimeout(close, 150);
    });
}());
