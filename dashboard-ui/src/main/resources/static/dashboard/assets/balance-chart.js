// Balance charts: each .balance-chart element holds its data as JSON ([[day, …], [available, …],
// [pending, …]]) in a script block of type application/json; uPlot (a WebJar) draws it. The same numbers
// are in the table beside it, for screen readers and without JavaScript.
(function () {
  'use strict';
  if (!window.uPlot) {
    return;
  }
  var charts = document.querySelectorAll('.balance-chart');
  Array.prototype.forEach.call(charts, function (box) {
    var source = box.querySelector('script[type="application/json"]');
    if (!source) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var currency = box.getAttribute('data-currency');
    var width = Math.max(280, Math.min(box.clientWidth || 600, 1000));
    var plot = new window.uPlot({
      width: width,
      height: 220,
      scales: { x: { time: true } },
      series: [
        {},
        { label: 'available ' + currency, stroke: '#1a7f37', width: 2 },
        { label: 'pending ' + currency, stroke: '#9a6700', width: 2, dash: [6, 4] }
      ],
      axes: [{}, { size: 70 }]
    }, data, box.querySelector('.plot'));
    box.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () {
      plot.setSize({ width: Math.max(280, Math.min(box.clientWidth || 600, 1000)), height: 220 });
    });
  });
}());
