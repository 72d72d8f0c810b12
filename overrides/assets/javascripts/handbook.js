/* Networking Handbook: small progressive enhancements, no framework, all in this one file: each
 * script is one more request the browser waits for before a page has loaded. Each section is a
 * function of its own that runs its setup through handbookOnPage (the first section). */

/* ==== handbook ==== */
/* What every page shares: checklists, names for unnamed controls, and handbookOnPage. */
(function () {
  "use strict";

  // Checklists remember their ticks on this device, per meeting, so a live call can use them.
  function initChecklists(root) {
    root.querySelectorAll("[data-hb-checklist]").forEach(function (list) {
      var key = "handbook:checklist:" + list.getAttribute("data-hb-checklist");
      var saved = {};
      try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { saved = {}; }
      list.querySelectorAll("input[type=checkbox][data-question]").forEach(function (box) {
        var id = box.getAttribute("data-question");
        box.checked = saved[id] === true;
        box.addEventListener("change", function () {
          saved[id] = box.checked;
          try { localStorage.setItem(key, JSON.stringify(saved)); } catch (e) { /* storage full or blocked */ }
        });
      });
    });
  }

  // Names for controls the theme leaves unnamed (axe-core: aria-dialog-name, label): Material's search
  // dialog, and the tick boxes of a task list in the guide, named by their item's text.
  function nameUnnamed(root) {
    root.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach(function (dialog) {
      dialog.setAttribute("aria-label", "Search");
    });
    root.querySelectorAll(".task-list-item input[type=checkbox]:not([aria-label])").forEach(function (box) {
      var item = box.closest(".task-list-item");
      box.setAttribute("aria-label", item.textContent.trim().replace(/\s+/g, " ").slice(0, 120));
    });
  }

  function init() { initChecklists(document); nameUnnamed(document); }

  // Run a page's setup once the page is there. Material's instant loading swaps pages without a
  // reload, and document$ tells us when; our other scripts (loaded after this one) use this too.
  function onPage(setup) {
    if (window.document$ && window.document$.subscribe) {
      window.document$.subscribe(setup);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setup);
    } else {
      setup();
    }
  }

  window.handbookOnPage = onPage;
  onPage(init);
})();

/* ==== messages ==== */
/* "Copy" buttons for the filled-in messages on a contact page. */
(function () {
  "use strict";

  // The clipboard API needs a secure context (https or localhost); otherwise select the text and copy.
  function copyText(text, source) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      if (copied) { selection.removeAllRanges(); resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function say(button, label) {
    button.textContent = label;
    window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
  }

  function initCopyButtons(root) {
    root.querySelectorAll("button[data-hb-copy]").forEach(function (button) {
      var source = document.getElementById(button.getAttribute("data-hb-copy"));
      if (!source || button.hasAttribute("data-hb-ready")) { return; }
      button.setAttribute("data-hb-ready", "");
      button.hidden = false;  // without JavaScript the button could do nothing, so it stays hidden
      button.addEventListener("click", function () {
        // textContent is the message as plain text: the page shows it escaped, the copy is what you send.
        copyText(source.textContent, source).then(
          function () { say(button, "Copied"); },
          function () { say(button, "Press Ctrl+C to copy"); }
        );
      });
    });
  }

  window.handbookOnPage(function () { initCopyButtons(document); }); // from the first section
})();

/* ==== calendar ==== */
/* the follow-up calendar, regrouped by the reader's clock.
 *
 * The build wrote every item with its dates (data-date: due; data-until: late after, when that is
 * a later day) and grouped the lists with the build's "today". A site built on Monday and read on Friday must still show
 * what became overdue in between, so this script groups the items again with the browser's date.
 * The same rule as handbook/derive/agenda.py AgendaItem.bucket. Without JavaScript the build's
 * grouping stays, and every month grid is shown one after another.
 */
(function () {
  "use strict";

  var WEEK = 7;
  var MONTHS_SHOWN = 3;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // The reader's local calendar day as YYYY-MM-DD (toISOString would give the UTC day).
  function isoDay(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function dateOf(iso) {
    var parts = iso.split("-");
    return new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
  }

  function addDays(iso, days) {
    var date = dateOf(iso);
    date.setDate(date.getDate() + days);
    return isoDay(date);
  }

  // "Wed 2 Dec 2026", as the build writes every date (render/environment.py human_date). Not
  // toLocaleDateString: its first call loads the browser's locale data, which delayed the home page.
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function humanDate(iso) {
    var date = dateOf(iso);
    return DAYS[date.getDay()] + " " + date.getDate() + " " + MONTHS[date.getMonth()] + " " + date.getFullYear();
  }

  // ISO dates compare correctly as strings.
  function bucket(item, today, weekEnd) {
    var until = item.getAttribute("data-until") || item.getAttribute("data-date");
    if (until < today) {
      return item.getAttribute("data-hb-item") === "task" ? "overdue" : "past";
    }
    return item.getAttribute("data-date") < weekEnd ? "week" : "later";
  }

  function markItems(root, today, weekEnd) {
    root.querySelectorAll("[data-hb-item]").forEach(function (item) {
      var state = bucket(item, today, weekEnd);
      ["overdue", "week", "later", "past"].forEach(function (name) {
        item.classList.toggle("hb-item--" + name, name === state);
      });
      item.setAttribute("data-state", state);
    });
  }

  // Move each list entry into the list of its new group, keeping the build's order within a list.
  function regroupLists(root) {
    var lists = {};
    root.querySelectorAll("[data-hb-list]").forEach(function (list) {
      lists[list.getAttribute("data-hb-list")] = list;
    });
    if (!lists.overdue || !lists.week || !lists.later) { return; }
    var items = [];
    Object.keys(lists).forEach(function (name) {
      Array.prototype.push.apply(items, lists[name].querySelectorAll(":scope > [data-hb-item]"));
    });
    items.sort(function (a, b) {
      return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
    });
    items.forEach(function (item) {
      var state = item.getAttribute("data-state");
      item.hidden = state === "past"; // a meeting whose day is over is no longer ahead of you
      (lists[state] || lists.later).appendChild(item);
    });
    Object.keys(lists).forEach(function (name) {
      var empty = root.querySelector('[data-hb-empty="' + name + '"]');
      if (empty) { empty.hidden = lists[name].querySelector(":scope > [data-hb-item]:not([hidden])") !== null; }
    });
  }

  function markToday(root, today) {
    root.querySelectorAll("[data-hb-day]").forEach(function (cell) {
      cell.classList.toggle("hb-day--today", cell.getAttribute("data-hb-day") === today);
    });
    var label = root.querySelector("[data-hb-today]");
    if (label) {
      label.setAttribute("datetime", today);
      label.textContent = humanDate(today);
    }
  }

  // Show three months at a time, from the reader's month; the buttons and links page through.
  function pageMonths(root, today) {
    var months = Array.prototype.slice.call(root.querySelectorAll("[data-hb-month]"));
    var nav = root.querySelector(".hb-months-nav");
    if (!months.length || !nav) { return; }
    var keys = months.map(function (m) { return m.getAttribute("data-hb-month"); });
    var last = Math.max(keys.length - MONTHS_SHOWN, 0);
    var current = today.slice(0, 7);
    var start = keys.findIndex(function (key) { return key >= current; });
    start = Math.min(start === -1 ? last : start, last);
    var earlier = nav.querySelector('[data-hb-month-step="-1"]');
    var later = nav.querySelector('[data-hb-month-step="1"]');

    function show(first) {
      start = Math.max(0, Math.min(first, last));
      months.forEach(function (month, index) {
        month.hidden = index < start || index >= start + MONTHS_SHOWN;
      });
      nav.querySelectorAll("[data-hb-month-link]").forEach(function (link) {
        var index = keys.indexOf(link.getAttribute("data-hb-month-link"));
        if (index >= start && index < start + MONTHS_SHOWN) {
          link.setAttribute("aria-current", "true");
        } else {
          link.removeAttribute("aria-current");
        }
      });
      earlier.disabled = start === 0;
      later.disabled = start === last;
    }

    if (!nav.hasAttribute("data-hb-bound")) {
      nav.setAttribute("data-hb-bound", "");
      earlier.hidden = false;
      later.hidden = false;
      earlier.addEventListener("click", function () { show(start - 1); });
      later.addEventListener("click", function () { show(start + 1); });
      nav.querySelectorAll("[data-hb-month-link]").forEach(function (link) {
        link.addEventListener("click", function () {
          var index = keys.indexOf(link.getAttribute("data-hb-month-link"));
          if (index < start || index >= start + MONTHS_SHOWN) { show(index); }
        });
      });
    }
    show(start);
  }

  function init() {
    var today = isoDay(new Date());
    var weekEnd = addDays(today, WEEK);
    markItems(document, today, weekEnd);
    if (document.querySelector("[data-hb-calendar]")) {
      regroupLists(document);
      markToday(document, today);
      pageMonths(document, today);
    }
  }

  window.handbookOnPage(init); // from the first section
})();

/* ==== contacts ==== */
/* filter and sort a table as you type (the contacts and the target list).
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

  window.handbookOnPage(init); // from the first section
})();

/* ==== print ==== */
/* The "Print prep sheet" button. The print styles (handbook.css) turn the page into the sheet. */
(function () {
  "use strict";

  // One delegated listener survives Material's instant page swaps without re-binding.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-hb-print]") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });
})();

/* ==== search ==== */
// Site search: Pagefind's index (pagefind/, written after each build) behind Material's search box.
// The index is fetched in small pieces, only those a query needs, once the page has loaded, so
// opening a page does not wait for it. Keys as in Material: / (or s, f) opens the box, the arrow keys walk
// the results, Enter opens the first one, Escape closes.
(() => {
  "use strict";
  const box = document.querySelector("[data-hb-search]");
  const toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  const input = box.querySelector("[data-hb-search-input]");
  const form = box.querySelector("[data-hb-search-form]");
  const list = box.querySelector("[data-hb-search-results]");
  const status = box.querySelector("[data-hb-search-status]");
  const hint = status.textContent;
  const SHOWN = 10;
  let engine = null;
  let asked = 0; // the latest query: results of an earlier one arrive late and are dropped

  function load() {
    if (!engine) {
      const bundle = new URL(box.dataset.hbSearchBundle, location.href).href;
      const root = new URL(box.dataset.hbSearchRoot, location.href).pathname;
      // A big site's index comes in parts (pagefind_index.py): parts.json lists those beside the
      // bundle's own, fetched while pagefind.js loads; all are searched as one.
      const parts = fetch(bundle + "parts.json").then((r) => (r.ok ? r.json() : {})).catch(() => ({}));
      engine = Promise.all([import(bundle + "pagefind.js"), parts]).then(async ([pagefind, listed]) => {
        // A person's page names them and their company in metadata (contact.md.j2): matching it
        // counts twice what a page title does.
        const options = { baseUrl: root, excerptLength: 22, ranking: { metaWeights: { person: 10, company: 10 } } };
        await pagefind.options(options);
        await pagefind.init();
        await Promise.all((listed.parts || []).map((part) => pagefind.mergeIndex(bundle + part, { ...options })));
        return pagefind;
      });
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  // An excerpt is text with the matched words in <mark>: rebuilt from text nodes, nothing else runs.
  function excerpt(html) {
    const parsed = document.createElement("template");
    parsed.innerHTML = html;
    const paragraph = document.createElement("p");
    for (const node of parsed.content.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(document.createTextNode(node.textContent));
      }
    }
    return paragraph;
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const title = document.createElement("h1");
    if (data.meta.kind) {
      const kind = document.createElement("span");
      kind.className = "hb-search__kind";
      kind.textContent = data.meta.kind;
      title.append(kind, " ");
    }
    title.append(data.meta.title || data.url);
    article.append(title, excerpt(data.excerpt));
    link.append(article);
    li.append(link);
    return li;
  }

  // Pages holding the words in the order typed come first ("Jane Doe", or a question's words), each
  // group in Pagefind's order, which follows the weights the pages give their words.
  async function ranked(pagefind, query) {
    const words = query.split(/\s+/);
    const [all, phrase] = await Promise.all([
      pagefind.search(query),
      words.length > 1 && !query.includes('"') ? pagefind.search(`"${query}"`) : null,
    ]);
    if (!all) return null;
    if (!phrase || !phrase.results.length) return all.results;
    const together = new Set(phrase.results.map((result) => result.id));
    return [...all.results.filter((r) => together.has(r.id)), ...all.results.filter((r) => !together.has(r.id))];
  }

  function say(text) {
    status.textContent = text;
  }

  async function search() {
    const query = input.value.trim();
    const number = ++asked;
    if (!query) {
      list.replaceChildren();
      say(hint);
      return;
    }
    let pagefind;
    try {
      pagefind = await load();
    } catch (error) {
      say("Search needs the site served over http (mkdocs serve, or any web server): it cannot run from files opened directly.");
      return;
    }
    const results = await ranked(pagefind, query);
    if (number !== asked || !results) return;
    // Each result's words are one more small file: show the best at once, then the others.
    const rest = Promise.all(results.slice(1, SHOWN).map((result) => result.data()));
    const best = results.length ? [await results[0].data()] : [];
    if (number !== asked) return;
    list.replaceChildren(...best.map(item));
    const others = await rest;
    if (number !== asked) return;
    list.append(...others.map(item));
    const count = results.length;
    say(count === 0 ? `No page matches “${query}”.`
      : count === 1 ? "1 matching page"
      : count > SHOWN ? `${count} matching pages, the best ${SHOWN} shown` : `${count} matching pages`);
  }

  function open() {
    toggle.checked = true;
    load().catch(() => {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function links() {
    return [...list.querySelectorAll("a")];
  }

  // The search script and the index's table of contents (together about 150 KB, fetched once and
  // then cached) load when the page has nothing else to do, so the first query finds them ready.
  const idle = window.requestIdleCallback || ((then) => setTimeout(then, 200));
  if (document.readyState === "complete") idle(() => load().catch(() => {}));
  else window.addEventListener("load", () => idle(() => load().catch(() => {})));

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => setTimeout(() => { search(); input.focus(); }));

  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [input, ...links()];
    const at = stops.indexOf(document.activeElement);
    if (at < 0 || stops.length < 2) return;
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    stops[(at + step + stops.length) % stops.length].focus();
  });

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || !["/", "s", "f"].includes(event.key)) return;
    const at = document.activeElement;
    if (at && (at.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName))) return;
    event.preventDefault();
    open();
    input.focus();
    input.select();
  });
})();
