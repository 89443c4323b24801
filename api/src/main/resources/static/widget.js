/*
 * Paymux payment widget: <script src="https://PAYMUX/widget.js"></script>, then
 *   CryptoMerchant.init({ apiKey: 'STORE_API_KEY' });
 *   CryptoMerchant.pay({ amount | fiat_amount + fiat_currency, currency, order_id, metadata,
 *                        onSuccess, onClose, onError });
 * or, for a payment the merchant's server created with a signed request (recommended: the amount cannot
 * be changed in the customer's browser),
 *   CryptoMerchant.pay({ payment_id, onSuccess, onClose, onError });
 * The checkout opens in an overlay, in a frame of this Paymux; the frame and the page talk by
 * postMessage, each checking the other's origin. The site's origin must be one of the store's allowed
 * widget origins. Plain ES5 plus fetch and Promise, no dependencies; the DOM is built with createElement.
 */
(function () {
  'use strict';

  if (window.CryptoMerchant) {
    return; // loaded twice: the first copy stays in charge
  }

  var PREFIX = 'paymux-widget';
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  var PAID = { completed: true, overpaid: true };
  var ENDED = { expired: 'the payment expired before it was paid', failed: 'the payment failed' };

  var script = document.currentScript || (function () {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (/\/widget\.js(\?|$)/.test(all[i].src || '')) {
        return all[i];
      }
    }
    return null;
  }());
  /** This Paymux: the origin the script came from, the only one the frame's messages may come from. */
  var base = (function () {
    var a = document.createElement('a');
    a.href = script ? script.src : '/';
    return a.protocol + '//' + a.host;
  }());

  var apiKey = null;
  var open = null; // the overlay while one is shown

  function init(options) {
    if (!options || typeof options.apiKey !== 'string' || options.apiKey.replace(/\s+/g, '') === '') {
      throw new Error('CryptoMerchant.init: apiKey (the store\'s public API key) is required');
    }
    apiKey = options.apiKey.replace(/^\s+|\s+$/g, '');
  }

  function callback(options, name, arg) {
    var fn = options && options[name];
    if (typeof fn === 'function') {
      fn(arg);
    }
  }

  /** An error for onError: a stable code, the server's or our message, and the HTTP status when there was one. */
  function failure(code, message, extra) {
    var err = { code: code, message: message };
    for (var k in extra || {}) {
      if (Object.prototype.hasOwnProperty.call(extra, k)) {
        err[k] = extra[k];
      }
    }
    return err;
  }

  function codeFor(status) {
    switch (status) {
      case 400: case 422: return 'bad_request';
      case 403: return 'forbidden';
      case 404: return 'not_found';
      case 409: return 'conflict';
      case 429: return 'rate_limited';
      case 503: return 'unavailable';
      default: return 'server';
    }
  }

  function pay(options) {
    options = options || {};
    if (open) {
      callback(options, 'onError', failure('already_open', 'a payment is already open'));
      return;
    }
    if (options.payment_id != null) {
      if (!/^[0-9a-fA-F-]{36}$/.test(String(options.payment_id))) {
        callback(options, 'onError', failure('bad_request', 'payment_id is not a payment id'));
        return;
      }
      show('/pay/' + encodeURIComponent(String(options.payment_id)), options);
      return;
    }
    if (!apiKey) {
      callback(options, 'onError', failure('not_initialized', 'call CryptoMerchant.init({ apiKey }) first'));
      return;
    }
    var body = {};
    var fields = ['order_id', 'amount', 'fiat_amount', 'fiat_currency', 'currency', 'metadata'];
    for (var i = 0; i < fields.length; i++) {
      if (options[fields[i]] != null) {
        body[fields[i]] = options[fields[i]];
      }
    }
    var url = base + '/widget/v1/stores/' + encodeURIComponent(apiKey) + '/payments';
    fetch(url, {
      method: 'POST', mode: 'cors', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (json) { return { r: r, json: json }; }, function () { return { r: r, json: null }; });
    }).then(function (answer) {
      var json = answer.json;
      if (answer.r.ok && json && json.success && json.data) {
        var token = /[?&]token=([^&#]+)/.exec(json.data.payment_url || '');
        if (json.data.payment_id) {
          show('/pay/' + encodeURIComponent(json.data.payment_id), options);
          return;
        }
        if (token) {
          // No currency given and the store takes several: the customer chooses first, in the frame.
          show('/pay/select?token=' + token[1], options);
          return;
        }
      }
      var extra = { status: answer.r.status };
      var retry = answer.r.headers.get('Retry-After');
      if (retry) {
        extra.retry_after = parseInt(retry, 10);
      }
      callback(options, 'onError', failure(codeFor(answer.r.status),
          json && json.error ? json.error : 'the payment could not be created', extra));
    }, function () {
      // Also what a browser reports when the store does not allow this site (the CORS check fails).
      callback(options, 'onError', failure('network', 'Paymux could not be reached, or this site is not one of '
          + 'the store\'s allowed widget origins'));
    });
  }

  function css(el, styles) {
    for (var k in styles) {
      if (Object.prototype.hasOwnProperty.call(styles, k)) {
        el.style[k] = styles[k];
      }
    }
    return el;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    e.className = className;
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  /** The overlay with the page at {@code path} of this Paymux (checkout or currency choice) in a frame. */
  function show(path, options) {
    var backdrop = css(el('div', PREFIX + '-overlay'), {
      position: 'fixed', top: '0', left: '0', right: '0', bottom: '0', zIndex: '2147483646',
      background: 'rgba(0, 0, 0, 0.55)', display: 'flex', alignItems: 'center', justifyContent: 'center',
      padding: '16px', boxSizing: 'border-box'
    });
    var dialog = css(el('div', PREFIX + '-dialog'), {
      position: 'relative', width: '100%', maxWidth: '480px', height: '100%', maxHeight: '820px',
      background: '#ffffff', borderRadius: '12px', overflow: 'hidden', boxShadow: '0 10px 40px rgba(0,0,0,0.35)',
      display: 'flex', flexDirection: 'column'
    });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', 'Payment');
    var bar = css(el('div', PREFIX + '-bar'), { display: 'flex', justifyContent: 'flex-end', padding: '4px',
      background: '#f3f4f6' });
    var close = el('button', PREFIX + '-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    css(close, {
      font: '700 22px/1 ' + FONT, width: '36px', height: '36px', cursor: 'pointer', border: '0', borderRadius: '6px',
      background: 'transparent', color: '#1b1f24', padding: '0', margin: '0'
    });
    var frame = css(el('iframe', PREFIX + '-frame'), { border: '0', width: '100%', flex: '1 1 auto', background: '#ffffff' });
    frame.setAttribute('title', 'Payment');
    frame.setAttribute('allow', 'clipboard-write');
    frame.src = base + path + (path.indexOf('?') < 0 ? '?' : '&') + 'embed=1&origin='
        + encodeURIComponent(window.location.origin);
    // Keeps Tab inside the dialog.
    var trapStart = el('span', PREFIX + '-trap');
    trapStart.tabIndex = 0;
    trapStart.addEventListener('focus', function () { frame.focus(); });
    var trapEnd = el('span', PREFIX + '-trap');
    trapEnd.tabIndex = 0;
    trapEnd.addEventListener('focus', function () { close.focus(); });
    bar.appendChild(close);
    dialog.appendChild(trapStart);
    dialog.appendChild(bar);
    dialog.appendChild(frame);
    dialog.appendChild(trapEnd);
    backdrop.appendChild(dialog);

    var state = { root: backdrop, frame: frame, options: options, paid: false, ended: false,
      returnFocus: document.activeElement, overflow: document.documentElement.style.overflow };
    state.onMessage = function (e) {
      // Only this frame, from this Paymux, is listened to.
      if (e.source !== frame.contentWindow || e.origin !== base || !e.data || typeof e.data !== 'object') {
        return;
      }
      if (e.data.type === 'paymux:close') {
        shut();
      } else if (e.data.type === 'paymux:payment' && e.data.payment) {
        report(state, e.data.payment);
      }
    };
    state.onKey = function (e) {
      if (e.key === 'Escape' || e.key === 'Esc' || e.keyCode === 27) {
        shut();
      }
    };
    close.addEventListener('click', shut);
    backdrop.addEventListener('click', function (e) {
      if (e.target === backdrop) {
        shut();
      }
    });
    window.addEventListener('message', state.onMessage);
    document.addEventListener('keydown', state.onKey);
    open = state;
    document.documentElement.style.overflow = 'hidden';
    document.body.appendChild(backdrop);
    close.focus();
  }

  /** onSuccess once the payment is paid; onError once when it expired or failed unpaid. */
  function report(state, payment) {
    if (PAID[payment.status] && !state.paid) {
      state.paid = true;
      callback(state.options, 'onSuccess', payment);
    } else if (ENDED[payment.status] && !state.paid && !state.ended) {
      state.ended = true;
      callback(state.options, 'onError', failure(payment.status, ENDED[payment.status], { payment: payment }));
    }
  }

  /** Closes the overlay (the customer, or the merchant's page); onClose follows. */
  function shut() {
    var state = open;
    if (!state) {
      return;
    }
    open = null;
    window.removeEventListener('message', state.onMessage);
    document.removeEventListener('keydown', state.onKey);
    state.root.parentNode.removeChild(state.root);
    document.documentElement.style.overflow = state.overflow;
    if (state.returnFocus && state.returnFocus.focus) {
      state.returnFocus.focus();
    }
    callback(state.options, 'onClose');
  }

  window.CryptoMerchant = { init: init, pay: pay, close: shut };
}());
