/* Networking Handbook: filter and sort the contacts table as you type. No framework.
 *
 * Each row carries what it is filtered and sorted by in data attributes, read once at start.
 * A keystroke then only compares strings and flips `hidden` on rows whose visibility changed,
 * and a sort moves the rows in one DocumentFragment, so a table of thousands stays quick.
 * Without JavaScript the form stays hidden and the table lists everyone.
 */
(function () {
  "use strict";

  // Case and accents are ignored: "tomas" finds "Tomáš".
  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function readRow(row, index) {
    var tags = [];
    try { tags = JSON.parse(row.getAttribute("data-tags") || "[]"); } catch (e) { tags = []; }
    return {
      el: row,
      index: index,
      name: fold(row.cells[0].textContent),
      text: fold(row.getAttribute("data-search")),
      tags: tags,
      status: row.getAttribute("data-status") || "",
      rank: Number(row.getAttribute("data-rank") || 0),
      "last-met": row.getAttribute("data-last-met") || "",
      "next-touch": row.getAttribute("data-next-touch") || "",
      shown: !row.hidden
    };
  }

  function byName(a, b) {
    return a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index;
  }

  // Each sortable column compares two rows; dates are ISO strings, so they compare as text.
  function comparer(key, descending) {
    var sign = descending ? -1 : 1;
    if (key === "name") { return function (a, b) { return sign * byName(a, b); }; }
    if (key === "status") {
      return function (a, b) { return sign * (a.rank - b.rank) || byName(a, b); };
    }
    return function (a, b) {
      // People without a date go last whichever way the column is sorted.
      if (!a[key] !== !b[key]) { return a[key] ? -1 : 1; }
      return sign * (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0) || byName(a, b);
    };
  }

  function initTable(table) {
    var form = document.querySelector("[data-hb-filter]");
    if (!form || table.hasAttribute("data-hb-ready")) { return; }
    table.setAttribute("data-hb-ready", "");
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, readRow);
    var text = form.querySelector("[data-hb-filter-text]");
    var status = form.querySelector("[data-hb-filter-status]");
    var tag = form.querySelector("[data-hb-filter-tag]");
    var count = form.querySelector("[data-hb-filter-count]");
    var none = document.querySelector("[data-hb-filter-none]");
    var pending = false;

    function apply() {
      pending = false;
      var words = fold(text.value).split(/\s+/).filter(Boolean);
      var wantStatus = status ? status.value : "";
      var wantTag = tag ? tag.value : "";
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = (!wantStatus || row.status === wantStatus) && (!wantTag || row.tags.indexOf(wantTag) !== -1);
        for (var w = 0; ok && w < words.length; w++) { ok = row.text.indexOf(words[w]) !== -1; }
        if (ok !== row.shown) { row.el.hidden = !ok; row.shown = ok; }
        if (ok) { shown++; }
      }
      var filtered = words.length || wantStatus || wantTag;
      count.textContent = filtered ? "Showing " + shown + " of " + rows.length : "";
      if (none) { none.hidden = shown !== 0; }
    }

    // Coalesce fast typing into one pass per frame.
    function schedule() {
      if (!pending) { pending = true; window.requestAnimationFrame(apply); }
    }

    function sortBy(header) {
      var key = header.getAttribute("data-hb-sort");
      var descending = header.getAttribute("aria-sort") === "ascending";
      table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      rows.sort(comparer(key, descending));
      var fragment = document.createDocumentFragment();
      rows.forEach(function (row) { fragment.appendChild(row.el); });
      body.appendChild(fragment);
    }

    table.querySelectorAll("th[data-hb-sort]").forEach(function (header) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "hb-sort";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(header); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("table[data-hb-contacts]").forEach(initTable);
  }

  window.handbookOnPage(init); // from handbook.js, which main.html loads first
})();
