(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filterable]"));
  var status = document.getElementById("filter-status");
  var names = { finding: "findings", claim: "claims", row: "matrix rows" };

  function has(list, value) {
    return (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  function apply() {
    var type = form.elements.type.value;
    var verdict = form.elements.verdict.value;
    var source = form.elements.source.value;
    var shown = { finding: 0, claim: 0, row: 0 };
    var total = { finding: 0, claim: 0, row: 0 };
    items.forEach(function (el) {
      var kind = el.getAttribute("data-filterable");
      var ok = (!type || has(el.getAttribute("data-types"), type)) &&
        (!verdict || el.getAttribute("data-verdict") === verdict) &&
        (!source || has(el.getAttribute("data-sources"), source));
      el.hidden = !ok;
      total[kind] += 1;
      if (ok) { shown[kind] += 1; }
    });
    document.querySelectorAll("[data-empty-for]").forEach(function (el) {
      var kind = el.getAttribute("data-empty-for");
      el.hidden = !(total[kind] > 0 && shown[kind] === 0);
    });
    var filtered = type || verdict || source;
    status.textContent = filtered
      ? "Showing " + shown.finding + " of " + total.finding + " " + names.finding + " and " +
        shown.claim + " of " + total.claim + " " + names.claim + "."
      : "Showing everything.";
    document.body.setAttribute("data-filtered", filtered ? "yes" : "no");
  }

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    var box = target.closest("[data-filterable]");
    if (box && box.hidden) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  apply();
})();
