// oncoconcord report: sortable tables and navigation highlighting. No external resources.
(function () {
  'use strict';
  function cellValue(row, index) {
    var text = row.cells[index] ? row.cells[index].textContent.trim() : '';
    var number = parseFloat(text.replace(/[%,]/g, ''));
    return isNaN(number) || !/^[-+]?[0-9.,]+(e[-+]?[0-9]+)?%?( |$)/i.test(text) ? text.toLowerCase() : number;
  }
  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var ascending = !header.classList.contains('sorted-asc');
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
    header.classList.add(ascending ? 'sorted-asc' : 'sorted-desc');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      header.title = 'Click to sort';
      header.addEventListener('click', function () { sortBy(table, index, header); });
    });
  });
  var links = document.querySelectorAll('nav a');
  function highlight() {
    var current = null;
    document.querySelectorAll('main section[id]').forEach(function (s) {
      if (s.getBoundingClientRect().top < 120) { current = s.id; }
    });
    links.forEach(function (a) { a.classList.toggle('active', a.getAttribute('href') === '#' + current); });
  }
  window.addEventListener('scroll', highlight, { passive: true });
  highlight();
  document.body.setAttribute('data-report-ready', 'true');
}());
