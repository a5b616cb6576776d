// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Filter forms: submit as soon as a select changes (the submit button stays for no-JS users).
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // Times: add the visitor's own local time next to event times marked with data-localize.
  document.querySelectorAll("time[data-localize]").forEach(function (el) {
    var when = new Date(el.getAttribute("datetime"));
    if (isNaN(when)) { return; }
    try {
      var local = new Intl.DateTimeFormat(document.documentElement.lang, {
        dateStyle: "medium", timeStyle: "short", timeZoneName: "short"
      }).format(when);
      var span = document.createElement("span");
      span.className = "local-time";
      span.textContent = " (" + (el.getAttribute("data-localize-label") || "") + local + ")";
      el.insertAdjacentElement("afterend", span);
    } catch (e) { /* old browser: the event's own time is already shown */ }
  });
})();
