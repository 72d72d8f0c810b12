/* Networking Handbook: "Copy" buttons for the filled-in messages on a contact page. */
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

  window.handbookOnPage(function () { initCopyButtons(document); }); // from handbook.js, loaded first
})();
