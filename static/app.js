// The few lines of script of our own. Every page works without them: they only save a
// step (copying a link) or a wasted request (a date typed digit by digit).
(function () {
  "use strict";

  // Copy buttons, hidden until this script can make them work: data-copy names the
  // element whose text they copy, data-copied the word they then show.
  function showCopyButtons(root) {
    root.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = !navigator.clipboard;
    });
  }
  document.addEventListener("DOMContentLoaded", function () { showCopyButtons(document); });
  document.addEventListener("htmx:afterSwap", function (event) { showCopyButtons(event.target); });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    var source = button && document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) return;
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      button.textContent = button.dataset.copied;
    });
  });

  // On a phone, the menu and the statistics filters fold behind a button of their own
  // (`data-fold` is its label); without this script they simply stay open.
  var phone = window.matchMedia("(max-width: 640px)");
  function fold(root, open) {
    root.querySelectorAll("[data-fold]").forEach(function (part) {
      if (!phone.matches || part.previousElementSibling && part.previousElementSibling.matches(".fold-button")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fold-button";
      button.textContent = part.dataset.fold;
      button.setAttribute("aria-controls", part.id);
      button.setAttribute("aria-expanded", String(open));
      part.classList.toggle("folded", !open);
      button.addEventListener("click", function () {
        var opened = part.classList.toggle("folded") === false;
        button.setAttribute("aria-expanded", String(opened));
      });
      part.parentNode.insertBefore(button, part);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { fold(document, false); });
  // Filters just used come back open.
  document.addEventListener("htmx:afterSwap", function (event) { fold(event.target.parentNode || document, true); });

  // A date field typed into passes through dates such as 0002-05-01 on its way to
  // 2025-05-01: its form asks for figures only once the year is whole and the typing has
  // paused, and then once.
  var pending = null;
  document.addEventListener("htmx:confirm", function (event) {
    var trigger = event.detail.triggeringEvent;
    var field = trigger && trigger.target;
    if (!field || field.type !== "date") return;
    event.preventDefault();
    clearTimeout(pending);
    if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(field.value)) return;
    pending = setTimeout(function () { event.detail.issueRequest(true); }, 500);
  });

  // In the planning grid, Enter and the up and down arrows move to the cell above or
  // below, as in a spreadsheet (leaving a cell saves it); Tab keeps moving along the row.
  document.addEventListener("keydown", function (event) {
    var input = event.target.closest && event.target.closest(".plan-grid td input");
    if (!input || !["Enter", "ArrowDown", "ArrowUp"].includes(event.key)) return;
    var cell = input.closest("td");
    var row = cell.parentElement;
    var next = event.key === "ArrowUp" ? row.previousElementSibling : row.nextElementSibling;
    var target = next && next.children[cell.cellIndex] && next.children[cell.cellIndex].querySelector("input");
    event.preventDefault();
    if (target) {
      target.focus();
      target.select();
    } else {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
  });
})();
