// Counts the selection page's time left down to zero; the server still decides (a late choice is a 410).
(function () {
  var el = document.getElementById('time-left');
  if (!el) {
    return;
  }
  var left = parseInt(el.getAttribute('data-seconds'), 10);
  if (isNaN(left)) {
    return;
  }
  var end = Date.now() + left * 1000;
  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }
  function tick() {
    var s = Math.max(0, Math.round((end - Date.now()) / 1000));
    el.textContent = Math.floor(s / 60) + ':' + pad(s % 60);
    if (s === 0) {
      el.parentNode.classList.add('over');
      el.textContent = '0:00 (' + (el.getAttribute('data-over') || 'expired') + ')';
      var buttons = document.querySelectorAll('.choices button');
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].disabled = true;
      }
      return;
    }
    setTimeout(tick, 1000);
  }
  tick();
})();
