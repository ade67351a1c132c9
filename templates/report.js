(function () {
  "use strict";

  // --- Filters and the word diff, for the claim-by-claim section -----------------------------------
  var form = document.getElementById("filters");
  var claimsBox = document.getElementById("claims");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filterable]"));
  var status = document.getElementById("filter-status");

  function has(list, value) {
    return (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  function apply() {
    var type = form.elements.type.value;
    var verdict = form.elements.verdict.value;
    var source = form.elements.source.value;
    var shown = { claim: 0, row: 0 };
    var total = { claim: 0, row: 0 };
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
      ? "Showing " + shown.claim + " of " + total.claim + " claims."
      : "Showing every claim.";
    claimsBox.classList.toggle("show-diff", form.elements.diff.checked);
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
    var details = target.closest("details");
    if (details) { details.open = true; }
  }

  // The filter bar sticks to the top of the claims: a claim or statement linked to stops below it.
  function barHeight() {
    document.documentElement.style.setProperty("--bar", form.offsetHeight + "px");
  }

  if (form) {
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    window.addEventListener("hashchange", reveal);
    form.hidden = false;
    apply();
    barHeight();
    window.addEventListener("resize", barHeight);
  }

  // --- Review decisions: kept in this browser, saved as a decisions file ---------------------------
  var body = document.body;
  var key = body.getAttribute("data-review-key") || "compare-review";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".review[data-finding]"));
  var help = document.getElementById("review-help");
  var summary = document.getElementById("review-summary");
  var labels = {};
  var stored = {};

  try {
    stored = JSON.parse(window.localStorage.getItem(key) || "{}") || {};
  } catch (e) {
    stored = {};  // storage off (private window) or unreadable: marks last until the page closes
  }

  function keep() {
    try {
      window.localStorage.setItem(key, JSON.stringify(stored));
    } catch (e) {
      help.textContent = "This browser does not keep marks here: save the decisions before closing.";
    }
  }

  function show(box) {
    var select = box.querySelector("select[name=status]");
    var note = box.querySelector("input[name=note]");
    var value = select.value;
    var record = box.querySelector(".review-record");
    record.hidden = value === "open" && !note.value.trim();
    record.textContent = "";
    var badge = document.createElement("span");
    badge.className = "status-badge status-" + value;
    badge.textContent = labels[value] || value;
    record.appendChild(badge);
    if (note.value.trim()) {
      var text = document.createElement("span");
      text.className = "review-note";
      text.textContent = " " + note.value.trim();
      record.appendChild(text);
    }
    var card = box.closest(".finding");
    if (card) {
      card.className = card.className.replace(/\bstatus-[a-z_]+/g, "").trim() + " status-" + value;
    }
  }

  function count() {
    var counts = { open: 0, needs_checking: 0, confirmed: 0, dismissed: 0 };
    var seen = {};
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-finding");
      if (seen[id]) { return; }
      seen[id] = true;
      counts[box.querySelector("select[name=status]").value] += 1;
    });
    Object.keys(counts).forEach(function (name) {
      var el = summary.querySelector("[data-count=" + name + "]");
      if (el) { el.textContent = String(counts[name]); }
    });
    summary.hidden = counts.open === Object.keys(seen).length && !body.hasAttribute("data-reviewed");
  }

  function record(box) {
    var id = box.getAttribute("data-finding");
    stored[id] = {
      status: box.querySelector("select[name=status]").value,
      note: box.querySelector("input[name=note]").value.trim(),
      decided: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      about: box.getAttribute("data-about")
    };
    box.setAttribute("data-decided", stored[id].decided);
    keep();
  }

  function decisions() {
    var list = [];
    var seen = {};
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-finding");
      var state = box.querySelector("select[name=status]").value;
      var note = box.querySelector("input[name=note]").value.trim();
      if (seen[id] || (state === "open" && !note)) { return; }
      seen[id] = true;
      list.push({
        finding: id, status: state, note: note || null,
        decided: box.getAttribute("data-decided") || null, about: box.getAttribute("data-about") || null
      });
    });
    // Decisions whose finding is gone stay in the file, so they are listed again rather than lost.
    document.querySelectorAll("[data-stale-finding]").forEach(function (el) {
      list.push({
        finding: el.getAttribute("data-stale-finding"), status: el.getAttribute("data-status"),
        note: el.getAttribute("data-note") || null, decided: el.getAttribute("data-decided") || null,
        about: el.getAttribute("data-about") || null
      });
    });
    return list;
  }

  function save() {
    var file = {
      format: "compare-decisions",
      version: 1,
      report: {
        title: body.getAttribute("data-title"),
        documents: (body.getAttribute("data-documents") || "").split(" ").filter(Boolean),
        generated: body.getAttribute("data-generated")
      },
      decisions: decisions()
    };
    var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "review.json";
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    help.textContent = "Saved review.json (" + file.decisions.length + " decisions).";
  }

  if (boxes.length) {
    if (body.querySelector("#review-summary:not([hidden])")) { body.setAttribute("data-reviewed", ""); }
    var options = boxes[0].querySelectorAll("option");
    Array.prototype.forEach.call(options, function (o) { labels[o.value] = o.textContent; });
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-finding");
      var select = box.querySelector("select[name=status]");
      var note = box.querySelector("input[name=note]");
      var mine = stored[id];
      // A mark made in this browser wins over the decisions file unless the file's is newer.
      if (mine && (mine.decided || "") > (box.getAttribute("data-decided") || "")) {
        select.value = mine.status;
        note.value = mine.note || "";
        box.setAttribute("data-decided", mine.decided || "");
      }
      box.querySelector(".review-controls").hidden = false;
      select.addEventListener("change", function () { record(box); show(box); count(); });
      // a note is kept as it is typed, not only when the field loses focus
      note.addEventListener("input", function () { record(box); show(box); count(); });
      note.addEventListener("change", function () { record(box); show(box); count(); });
      show(box);
    });
    count();
    document.getElementById("review-bar").hidden = false;
    document.getElementById("save-decisions").addEventListener("click", save);
  }
})();
