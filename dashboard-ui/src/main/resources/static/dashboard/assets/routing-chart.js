// The routing report's chart: the saving per provider instance and day, from the JSON block beside it
// ({"instances": [...], "data": [[day...], [saving...]...]}), drawn with uPlot (a WebJar).
(function () {
  'use strict';
  var box = document.querySelector('.routing-chart');
  if (!box || !window.uPlot) {
    return;
  }
  var source = box.querySelector('script[type="application/json"]');
  var chart = JSON.parse(source.textContent);
  var colours = ['#0a66c2', '#1a7f37', '#9a6700', '#cf222e', '#8250df', '#1b7c83', '#bc4c00'];
  var currency = box.getAttribute('data-currency');
  var series = [{}];
  chart.instances.forEach(function (name, i) {
    series.push({ label: name + ' (' + currency + ')', stroke: colours[i % colours.length], width: 2,
      points: { show: true, size: 6 } });
  });
  var width = function () { return Math.max(280, Math.min(box.clientWidth || 600, 1000)); };
  var plot = new window.uPlot({ width: width(), height: 240, scales: { x: { time: true } }, series: series,
    axes: [{}, { size: 70 }] }, chart.data, box.querySelector('.plot'));
  box.setAttribute('data-drawn', 'true');
  window.addEventListener('resize', function () { plot.setSize({ width: width(), height: 240 }); });
}());
