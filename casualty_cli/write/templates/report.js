// Sorting and filtering of the claims table, and opening a closed article when a link points
// into it. No data is read from anywhere but the page itself.
(function () {
  "use strict";
  var table = document.getElementById("claims-table");
  var body = table.tBodies[0];
  var type = document.getElementById("f-type");
  var source = document.getElementById("f-source");
  var count = document.getElementById("f-count");

  function cellKey(row, i, numeric) {
    var cell = row.cells[i];
    var key = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    return numeric ? Number(key) : key.toLowerCase();
  }

  table.tHead.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-key]");
    if (!button) { return; }
    var th = button.parentNode;
    var i = Number(button.getAttribute("data-key"));
    var numeric = button.hasAttribute("data-numeric") || i === 0;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, i, numeric), y = cellKey(b, i, numeric);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
  });

  function filter() {
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var keep = (!type.value || r.getAttribute("data-type") === type.value) &&
        (!source.value || r.getAttribute("data-source") === source.value);
      r.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + " claims";
  }
  type.addEventListener("change", filter);
  source.addEventListener("change", filter);

  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    target.scrollIntoView({block: "center"});
    if (target.tagName === "MARK") { target.focus({preventScroll: true}); }
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) { reveal(); }

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); });
}());
