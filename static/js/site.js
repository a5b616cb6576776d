// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Filter forms: submit as soon as a select changes (the submit button stays for no-JS users).
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
