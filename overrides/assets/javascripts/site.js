/* Sortable tables: progressive enhancement; without JavaScript the table keeps its server order. */
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.getAttribute("data-sort") || cell.textContent.trim().toLowerCase();
  }
  function lastRank(row, index) {
    var cell = row.cells[index];
    return cell && cell.hasAttribute("data-sort-last") ? Number(cell.getAttribute("data-sort-last")) : 0;
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      // Cells marked data-sort-last (no year, no date) stay at the end in either direction.
      var la = lastRank(a, index), lb = lastRank(b, index);
      if (la !== lb) return la - lb;
      var x = cellValue(a, index), y = cellValue(b, index);
      var nx = parseFloat(x), ny = parseFloat(y);
      var cmp = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y);
      return ascending ? cmp : -cmp;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  function setup() {
    document.querySelectorAll("table.ow-sortable").forEach(function (table) {
      if (table.dataset.sortReady) return;
      table.dataset.sortReady = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = th.textContent;
        button.addEventListener("click", function () { sortBy(table, index, th); });
        th.textContent = "";
        th.appendChild(button);
      });
    });
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(setup); } else { document.addEventListener("DOMContentLoaded", setup); }
})();
/* Printing: the address the page was read at and the day it was printed, in the print header. */
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    var address = document.querySelector('[data-ow-print="address"]');
    if (address) address.textContent = window.location.href.split("#")[0];
    var date = document.querySelector('[data-ow-print="date"]');
    if (date) date.textContent = "; printed on " + new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  });
})();
