// Type-ahead pickers of people and groups ([data-people-picker], Pages/Shared/_PeoplePicker.cshtml).
// An accessible combobox (role=listbox, aria-activedescendant, Up/Down/Enter/Escape) over GET /People/Search.
// A choice goes to the picker's target: a textarea gets the entry's line (a name the server resolves back), a
// fieldset gets a ticked checkbox named after data-name. Asks only after a pause in typing; answers are cached.
(function () {
    'use strict';

    function format(template, value) {
        return (template || '').replace('{0}', value);
    }

    function setUp(picker, n) {
        var input = picker.querySelector('input[role=combobox]');
        var list = picker.querySelector('[role=listbox]');
        var status = picker.querySelector('[role=status]');
        var target = picker.getAttribute('data-target')
            ? document.getElementById(picker.getAttribute('data-target'))
            : picker.closest('fieldset');
        if (!input || !list || !target) {
            return;
        }

        var url = picker.getAttribute('data-url');
        var kind = picker.getAttribute('data-kind') || '';
        var cache = {};
        var items = [];
        var active = -1;
        var timer = 0;
        var latest = '';

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
            if (index >= 0 && options[index]) {
                input.setAttribute('aria-activedescendant', options[index].id);
                options[index].scrollIntoView({ block: 'nearest' });
            } else {
                input.removeAttribute('aria-activedescendant');
            }
        }

        function addToTextarea(item) {
            var lines = target.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
            if (lines.indexOf(item.input) < 0) {
                lines.push(item.input);
            }
            target.value = lines.join('\n');
        }

        function addToFieldset(item) {
            var name = target.getAttribute('data-name') || 'Reviewers';
            var boxes = target.querySelectorAll('input[type=checkbox]');
            for (var i = 0; i < boxes.length; i++) {
                if (boxes[i].value.toLowerCase() === item.principal.toLowerCase()) {
                    boxes[i].checked = true;
                    return;
                }
            }
            var label = document.createElement('label');
            label.className = 'reviewer-choice';
            var box = document.createElement('input');
            box.type = 'checkbox';
            box.name = name;
            box.value = item.principal;
            box.checked = true;
            label.appendChild(box);
            label.appendChild(document.createTextNode(' ' + item.name + ' '));
            var detail = document.createElement('span');
            detail.className = 'reviewer-kind';
            detail.textContent = item.detail || '';
            label.appendChild(detail);
            target.insertBefore(label, picker.parentNode === target ? picker : null);
            label.setAttribute('data-added', 'true');
        }

        function choose(index) {
            if (index < 0 || index >= items.length) {
                return;
            }
            var item = items[index];
            if (target.tagName === 'TEXTAREA') {
                addToTextarea(item);
            } else {
                addToFieldset(item);
            }
            status.textContent = format(picker.getAttribute('data-text-added'), item.name);
            input.value = '';
            close();
        }

        function show(found) {
            close();
            items = found;
            if (items.length === 0) {
                status.textContent = picker.getAttribute('data-text-none');
                return;
            }
            items.forEach(function (item, i) {
                var option = document.createElement('li');
                option.id = input.id + '-option-' + i;
                option.setAttribute('role', 'option');
                option.setAttribute('aria-selected', 'false');
                option.className = 'suggestion suggestion-' + item.kind;
                var badge = document.createElement('span');
                badge.className = 'suggestion-kind';
                badge.textContent = picker.getAttribute('data-text-' + item.kind) || item.kind;
                var name = document.createElement('span');
                name.className = 'suggestion-name';
                name.textContent = item.name;
                option.appendChild(badge);
                option.appendChild(name);
                if (item.detail) {
                    var detail = document.createElement('span');
                    detail.className = 'suggestion-detail';
                    detail.textContent = ' ' + item.detail;
                    option.appendChild(detail);
                }
                option.addEventListener('mousedown', function (event) {
                    event.preventDefault();
                    choose(i);
                });
                list.appendChild(option);
            });
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
            status.textContent = format(picker.getAttribute('data-text-count'), String(items.length));
        }

        function ask() {
            var text = input.value.trim();
            latest = text;
            if (text.length === 0) {
                close();
                return;
            }
            if (cache[text]) {
                show(cache[text]);
                return;
            }
            var query = url + '?q=' + encodeURIComponent(text) + (kind ? '&kind=' + encodeURIComponent(kind) : '');
            fetch(query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (found) {
                    cache[text] = found;
                    if (latest === text) {
                        show(found);
                    }
                })
                .catch(function () { close(); });
        }

        input.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, 200);
        });
        input.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowDown' && items.length > 0) {
                event.preventDefault();
                highlight((active + 1) % items.length);
            } else if (event.key === 'ArrowUp' && items.length > 0) {
                event.preventDefault();
                highlight(active <= 0 ? items.length - 1 : active - 1);
            } else if (event.key === 'Enter') {
                if (active >= 0) {
                    event.preventDefault();
                    choose(active);
                } else if (items.length === 1) {
                    event.preventDefault();
                    choose(0);
                } else if (input.value.trim() !== '') {
                    event.preventDefault();
                }
            } else if (event.key === 'Escape') {
                close();
            }
        });
        input.addEventListener('blur', function () {
            window.setTimeout(close, 150);
        });
        picker.hidden = false;
    }

    document.querySelectorAll('[data-people-picker]').forEach(setUp);
}());
