// The console's only script: the live events stream, self-refreshing pages and delete confirmations.
(function () {
    "use strict";

    function liveEvents() {
        var table = document.getElementById("events");
        var state = document.getElementById("live-state");
        if (!table || !table.dataset.stream || !window.EventSource) {
            if (state) { state.textContent = "not live"; }
            return;
        }
        var body = table.tBodies[0];
        var source = new EventSource(table.dataset.stream);
        source.addEventListener("open", function () {
            state.textContent = "live";
            state.className = "live on";
        });
        source.addEventListener("event", function (message) {
            var template = document.createElement("template");
            template.innerHTML = message.data.trim();
            var row = template.content.firstElementChild;
            if (!row || body.querySelector('tr[data-event-id="' + CSS.escape(row.dataset.eventId) + '"]')) {
                return;
            }
            body.insertBefore(row, body.firstChild);
            while (body.rows.length > 100) {
                body.deleteRow(body.rows.length - 1);
            }
        });
        source.onerror = function () {
            state.textContent = "reconnecting…";
            state.className = "live";
        };
    }

    function refresh() {
        var every = document.body.dataset.refresh;
        if (every) {
            setTimeout(function () { window.location.reload(); }, parseInt(every, 10));
        }
    }

    function confirmations() {
        document.querySelectorAll("form.confirm").forEach(function (form) {
            form.addEventListener("submit", function (event) {
                if (!window.confirm(form.dataset.confirm)) {
                    event.preventDefault();
                }
            });
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        liveEvents();
        refresh();
        confirmations();
    });
})();
