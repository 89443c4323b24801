// The checkout page, live: copy buttons, the countdown, and the state kept current. Server-sent events
// say when the payment changed; the page then fetches itself and swaps the state section, so every
// state is rendered by the server alone. Where events fail, the status is polled instead.
(function () {
  'use strict';
  var main = document.getElementById('checkout');
  if (!main) {
    return;
  }
  var id = main.getAttribute('data-payment-id');
  var lang = main.getAttribute('data-lang');
  var live = document.getElementById('live');
  var version = main.getAttribute('data-version');
  var timer = null;
  var source = null;
  var polling = null;
  // Set only when the page is the payment widget's frame on one of the store's allowed sites: the
  // status goes to that site alone, never to '*'.
  var parentOrigin = main.getAttribute('data-parent-origin');
  var framed = parentOrigin && window.parent && window.parent !== window;
  var announced = null;

  /** Tells the widget on the merchant's page the payment's status, once per change. */
  function announce() {
    if (!framed) {
      return;
    }
    fetch('/pay/' + encodeURIComponent(id) + '/status', { credentials: 'omit', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (body) {
        var key = body.data.status + '/' + body.data.version;
        if (key !== announced) {
          announced = key;
          window.parent.postMessage({ type: 'paymux:payment', payment: body.data }, parentOrigin);
        }
      })
      .catch(function () { /* the next change announces it */ });
  }

  function copyButtons(root) {
    var buttons = root.querySelectorAll('button.copy');
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener('click', function () {
        var text = b.getAttribute('data-copy');
        var done = function () {
          var label = b.textContent;
          b.textContent = b.getAttribute('data-done');
          live.textContent = b.getAttribute('data-done');
          setTimeout(function () { b.textContent = label; }, 2000);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
        } else {
          fallbackCopy(text);
          done();
        }
      });
    });
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function countdown() {
    if (timer) {
      clearTimeout(timer);
    }
    var el = document.getElementById('time-left');
    if (!el) {
      return;
    }
    var left = parseInt(el.getAttribute('data-seconds'), 10);
    if (isNaN(left)) {
      return;
    }
    var end = Date.now() + left * 1000;
    var pad = function (n) { return n < 10 ? '0' + n : String(n); };
    var tick = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      el.textContent = Math.floor(s / 60) + ':' + pad(s % 60);
      if (s === 0) {
        el.parentNode.classList.add('over');
        el.textContent = el.getAttribute('data-over');
        // The server expires the payment; the next change event brings its page.
        return;
      }
      timer = setTimeout(tick, 1000);
    };
    tick();
  }

  function refresh() {
    var url = '/pay/' + encodeURIComponent(id) + '?lang=' + encodeURIComponent(lang);
    return fetch(url, { headers: { 'Accept': 'text/html' }, credentials: 'omit', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var next = doc.getElementById('state');
        var current = document.getElementById('state');
        if (!next || !current) {
          return;
        }
        var changed = next.getAttribute('data-version') !== current.getAttribute('data-version');
        current.replaceWith(next);
        version = next.getAttribute('data-version');
        copyButtons(next);
        countdown();
        if (changed) {
          var title = next.querySelector('h1');
          live.textContent = title ? title.textContent : '';
          announce();
        }
        if (next.getAttribute('data-settled') === 'true') {
          stop();
        }
      })
      .catch(function () { /* the next event or poll tries again */ });
  }

  function stop() {
    if (source) {
      source.close();
      source = null;
    }
    if (polling) {
      clearInterval(polling);
      polling = null;
    }
  }

  function poll() {
    if (polling) {
      return;
    }
    polling = setInterval(function () {
      fetch('/pay/' + encodeURIComponent(id) + '/status', { credentials: 'omit', cache: 'no-store' })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (body) {
          if (String(body.data.version) !== String(version)) {
            refresh();
          }
        })
        .catch(function () { /* try again at the next interval */ });
    }, 5000);
  }

  function listen() {
    if (!window.EventSource) {
      poll();
      return;
    }
    var failures = 0;
    source = new EventSource('/pay/' + encodeURIComponent(id) + '/events?version=' + encodeURIComponent(version));
    source.addEventListener('change', function () {
      failures = 0;
      refresh();
    });
    source.addEventListener('open', function () {
      main.setAttribute('data-live', 'events');
      // A change may have happened while the stream was away.
      if (failures > 0) {
        refresh();
      }
      failures = 0;
    });
    source.addEventListener('error', function () {
      failures++;
      if (failures >= 3 && source) {
        // Events do not get through (a proxy, say): poll instead.
        source.close();
        source = null;
        main.setAttribute('data-live', 'polling');
        poll();
      }
    });
  }

  if (framed) {
    // Escape inside the frame closes the widget's overlay too.
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' || e.key === 'Esc' || e.keyCode === 27) {
        window.parent.postMessage({ type: 'paymux:close' }, parentOrigin);
      }
    });
    announce();
  }
  copyButtons(document);
  countdown();
  if (main.getAttribute('data-settled') !== 'true') {
    listen();
  }
})();
