/*
 * Copy buttons: an element with data-copy="<id>" copies the text of the element with that id and says
 * "Copied" next to itself. A static file (script-src 'self'), so no inline script is needed under the
 * console's Content-Security-Policy; one listener on the document also serves buttons that ajax updates
 * render later.
 */
(function () {
    'use strict';

    function say(button, text, ok) {
        var note = button.nextElementSibling;
        if (!note || !note.classList.contains('copy-feedback')) {
            note = document.createElement('span');
            note.className = 'copy-feedback';
            note.setAttribute('role', 'status');
            note.setAttribute('aria-live', 'polite');
            button.insertAdjacentElement('afterend', note);
        }
        note.textContent = text;
        note.classList.toggle('copy-failed', !ok);
        window.clearTimeout(note.copyTimer);
        note.copyTimer = window.setTimeout(function () {
            note.textContent = '';
        }, 4000);
    }

    /** For browsers without the asynchronous clipboard (a plain-http address other than localhost). */
    function copyBySelection(text) {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.className = 'copy-buffer';
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try {
            ok = document.execCommand('copy');
        } catch (e) {
            ok = false;
        }
        document.body.removeChild(area);
        return ok;
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('[data-copy]') : null;
        var source = button ? document.getElementById(button.getAttribute('data-copy')) : null;
        if (!source) {
            return;
        }
        event.preventDefault();
        var text = source.textContent.trim();
        var fallback = function () {
            var ok = copyBySelection(text);
            say(button, ok ? 'Copied' : 'Could not copy: select the text and copy it', ok);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(function () {
                say(button, 'Copied', true);
            }, fallback);
        } else {
            fallback();
        }
    });
})();
