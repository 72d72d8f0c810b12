/* Networking Handbook: filter and sort a table as you type (the contacts and the target list).
 * No framework.
 *
 * Each row carries what it is filtered and sorted by in data attributes, read once at start.
 * Each control of the form says which attribute it tests: data-hb-match="status" (equal),
 * data-hb-has="tags" (in the row's JSON list) or data-hb-min="motivation" (at least).
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

  function list(text) {
    try { return JSON.parse(text || "[]"); } catch (e) { return []; }
  }

  // The form's filters: [{control, key, test(row value, wanted)}].
  function readFilters(form) {
    var tests = {
      match: function (value, wanted) { return value === wanted; },
      has: function (value, wanted) { return value.indexOf(wanted) !== -1; },
      min: function (value, wanted) { return Number(value) >= Number(wanted); }
    };
    var filters = [];
    Object.keys(tests).forEach(function (kind) {
      form.querySelectorAll("[data-hb-" + kind + "]").forEach(function (control) {
        filters.push({ control: control, kind: kind, key: control.getAttribute("data-hb-" + kind), test: tests[kind] });
      });
    });
    return filters;
  }

  function readRow(row, index, filters, sortKeys) {
    var read = {
      el: row,
      index: index,
      name: fold(row.cells[0].textContent),
      text: fold(row.getAttribute("data-search")),
      rank: Number(row.getAttribute("data-rank") || 0),
      values: {},
      shown: !row.hidden
    };
    filters.forEach(function (filter) {
      var value = row.getAttribute("data-" + filter.key) || "";
      read.values[filter.key] = filter.kind === "has" ? list(value) : value;
    });
    sortKeys.forEach(function (key) { read[key] = row.getAttribute("data-" + key) || ""; });
    return read;
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
    var filters = readFilters(form);
    var sortKeys = Array.prototype.map.call(table.querySelectorAll("th[data-hb-sort]"), function (th) {
      return th.getAttribute("data-hb-sort");
    }).filter(function (key) { return key !== "name" && key !== "status"; });
    var rows = Array.prototype.map.call(body.rows, function (row, index) {
      return readRow(row, index, filters, sortKeys);
    });
    var text = form.querySelector("[data-hb-filter-text]");
    var count = form.querySelector("[data-hb-filter-count]");
    var none = document.querySelector("[data-hb-filter-none]");
    var pending = false;

    function apply() {
      pending = false;
      var words = fold(text.value).split(/\s+/).filter(Boolean);
      var wanted = filters.filter(function (filter) { return filter.control.value; });
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = true;
        for (var f = 0; ok && f < wanted.length; f++) {
          ok = wanted[f].test(row.values[wanted[f].key], wanted[f].control.value);
        }
        for (var w = 0; ok && w < words.length; w++) { ok = row.text.indexOf(words[w]) !== -1; }
        if (ok !== row.shown) { row.el.hidden = !ok; row.shown = ok; }
        if (ok) { shown++; }
      }
      var filtered = words.length || wanted.length;
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
    document.querySelectorAll("table[data-hb-contacts], table[data-hb-targets]").forEach(initTable);
  }

  window.handbookOnPage(init); // from handbook.js, which main.html loads first
})();
