// Progressive enhancement: show an event's time in the visitor's own time zone under the event's own.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var visitorZone;
  try { visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  document.querySelectorAll("[data-event-local]").forEach(function (el) {
    var start = new Date(el.getAttribute("data-start"));
    var end = new Date(el.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end) || el.getAttribute("data-zone") === visitorZone) { return; }
    var lang = document.documentElement.lang || undefined;
    try {
      var format = new Intl.DateTimeFormat(lang, {
        weekday: "long", day: "numeric", month: "long", year: "numeric",
        hour: "numeric", minute: "2-digit", timeZoneName: "short"
      });
      var text = format.formatRange ? format.formatRange(start, end) : format.format(start) + " – " + format.format(end);
      el.textContent = el.getAttribute("data-label") + " " + text;
      el.hidden = false;
    } catch (e) { /* the event's own time is already on the page */ }
  });
})();
