/* Networking Handbook: small progressive enhancements, no framework. */
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
