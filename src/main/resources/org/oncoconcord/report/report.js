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
    if (table.pageTo) { table.pageTo(0); }
  }
  // long tables: PAGE rows at a time with previous / next / all (every row stays in the file)
  var PAGE = 25;
  function pager(table) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var bar = document.createElement('div');
    bar.className = 'pager';
    var info = document.createElement('span');
    var prev = document.createElement('button'), next = document.createElement('button'), all = document.createElement('button');
    prev.textContent = '\u2190 previous'; next.textContent = 'next \u2192'; all.textContent = 'show all';
    var first = 0, showAll = false;
    table.pageTo = function (start) {
      var rows = body.rows, n = rows.length;
      first = Math.max(0, Math.min(start, n - 1));
      for (var i = 0; i < n; i++) { rows[i].style.display = showAll || (i >= first && i < first + PAGE) ? '' : 'none'; }
      info.textContent = showAll ? 'all ' + n + ' rows' : 'rows ' + (first + 1) + '\u2013' + Math.min(n, first + PAGE) + ' of ' + n;
      all.textContent = showAll ? 'show pages' : 'show all';
    };
    prev.addEventListener('click', function () { table.pageTo(first - PAGE); });
    next.addEventListener('click', function () { if (first + PAGE < body.rows.length) { table.pageTo(first + PAGE); } });
    all.addEventListener('click', function () { showAll = !showAll; table.pageTo(0); });
    bar.appendChild(info); bar.appendChild(prev); bar.appendChild(next); bar.appendChild(all);
    table.parentNode.parentNode.insertBefore(bar, table.parentNode.nextSibling);
    table.pageTo(0);
  }
  document.querySelectorAll('table.paged').forEach(pager);
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
  // the oncoprint of a large cohort is an inline PNG without per-cell titles: the cell under the pointer is named
  // from the map beside it (data area, patient order, rows, bands) and the "Mutations per patient" table of its section
  document.querySelectorAll('.oncoprint-map').forEach(function (box) {
    var map = JSON.parse(box.querySelector('script.oncoprint-cells').textContent);
    var img = box.querySelector('img.raster');
    var section = box.closest('section');
    var table = section ? section.querySelector('.mutations table') : null;
    if (!img || !table) { return; }
    var cells = null; // patient \t gene -> the three sample types' texts, indexed at the first look-up (not at load)
    function index() {
      cells = {};
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var c = r.cells;
        cells[c[0].textContent + '\t' + c[1].textContent] = [c[2].textContent, c[3].textContent, c[4].textContent];
      });
    }
    var tip = document.createElement('div');
    tip.className = 'oncoprint-tip';
    tip.hidden = true;
    box.appendChild(tip);
    // (px, py) in chart units (the img's width attribute) -> "P001, KRAS in primary: KRAS p.G12D", or null
    box.oncoprintCellAt = function (px, py) {
      var a = map.area, n = map.patients.length, m = map.rows.length;
      var x = -0.5 + (px - a[0]) / a[2] * n, y = -0.5 + (py - a[1]) / a[3] * m;
      var p = Math.round(x), row = Math.round(y);
      if (p < 0 || p >= n || row < 0 || row >= m || !map.rows[row]) { return null; }
      for (var t = 0; t < map.types.length; t++) {
        if (Math.abs(y - row - map.offsets[t]) <= map.band / 2) {
          if (!cells) { index(); }
          var v = cells[map.patients[p] + '\t' + map.rows[row]];
          return !v || v[t] === 'wild type' || v[t] === 'NA' ? null : map.patients[p] + ', ' + map.rows[row] + ' in ' + map.types[t] + ': ' + v[t];
        }
      }
      return null;
    };
    img.addEventListener('mousemove', function (e) {
      var k = img.getAttribute('width') / img.clientWidth;
      var text = box.oncoprintCellAt(e.offsetX * k, e.offsetY * k);
      tip.hidden = !text;
      if (text) {
        tip.textContent = text;
        tip.style.left = (img.offsetLeft + e.offsetX + 12) + 'px';
        tip.style.top = (img.offsetTop + e.offsetY + 12) + 'px';
      }
    });
    img.addEventListener('mouseleave', function () { tip.hidden = true; });
  });
  document.body.setAttribute('data-report-ready', 'true');
  // load time (navigation start to the end of this script, and to the load event), for checking large reports
  document.body.setAttribute('data-script-done-ms', String(Math.round(performance.now())));
  window.addEventListener('load', function () {
    document.body.setAttribute('data-load-ms', String(Math.round(performance.now())));
  });
}());
