/* Networking Handbook: the follow-up calendar, regrouped by the reader's clock.
 *
 * The build wrote every item with its dates (data-date: due, data-until: late after) and grouped
 * the lists with the build's "today". A site built on Monday and read on Friday must still show
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

  function addDays(iso, days) {
    var parts = iso.split("-");
    return isoDay(new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]) + days));
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
      var parts = today.split("-");
      label.setAttribute("datetime", today);
      label.textContent = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]))
        .toLocaleDateString(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
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

  window.handbookOnPage(init); // from handbook.js, which main.html loads first
})();
