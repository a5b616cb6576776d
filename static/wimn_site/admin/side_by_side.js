/* Side-by-side translation (wimn_site.translators): the server renders the English source beside each
   translated field; this keeps a plain-text source in step when the English field itself is edited on the
   same screen, so what a translator reads is what English will be saved. No dependencies. */
(() => {
  "use strict";

  const sourcesFor = (input) =>
    input.id ? document.querySelectorAll(`[data-wimn-source-for="${CSS.escape(input.id)}"]`) : [];

  const show = (source, text) => {
    if (text.trim()) {
      source.textContent = text;
      return;
    }
    const empty = document.createElement("span");
    empty.className = "wimn-readonly__empty";
    empty.textContent = source.dataset.wimnEmptyText || "";
    source.replaceChildren(empty);
  };

  document.addEventListener("input", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) {
      return;
    }
    sourcesFor(input).forEach((source) => show(source, input.value));
  });
})();
