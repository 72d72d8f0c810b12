/* Networking Handbook: the "Print prep sheet" button. print.css turns the page into the sheet. */
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
