/*
 * Secure 2FA console, account pages: copy a list (the backup codes) to the clipboard with "Copied" as
 * feedback, and print the page. A static file, so the strict Content-Security-Policy allows it.
 */
(function () {
    'use strict';

    function feedback(button, text) {
        var status = document.getElementById(button.getAttribute('data-feedback') || 'copyFeedback');
        var label = button.querySelector('.ui-button-text');
        if (status) {
            status.textContent = text;
        }
        if (label) {
            var before = label.getAttribute('data-label') || label.textContent;
            label.setAttribute('data-label', before);
            label.textContent = text === 'Copied' ? 'Copied' : before;
            window.setTimeout(function () { label.textContent = before; }, 3000);
        }
    }

    function copyByCommand(text) {
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.top = '0';
        area.style.left = '0';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        var done = false;
        try {
            done = document.execCommand('copy');
        } catch (e) {
            done = false;
        }
        document.body.removeChild(area);
        return done;
    }

    function copy(button) {
        var list = document.getElementById(button.getAttribute('data-copy-list'));
        if (!list) {
            return;
        }
        var text = Array.prototype.map.call(list.querySelectorAll('li'), function (li) {
            return li.textContent.trim();
        }).join('\n') + '\n';
        var failed = function () {
            feedback(button, copyByCommand(text) ? 'Copied' : 'Copying did not work here: select the codes and copy them.');
        };
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(function () { feedback(button, 'Copied'); }, failed);
        } else {
            failed();
        }
    }

    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target : null;
        var copyButton = target && target.closest('[data-copy-list]');
        if (copyButton) {
            copy(copyButton);
            return;
        }
        if (target && target.closest('[data-print]')) {
            window.print();
        }
    });
}());
