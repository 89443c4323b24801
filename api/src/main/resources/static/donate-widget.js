/*
 * Paymux donation widget: <script src="https://PAYMUX/donate-widget.js" data-store-key="KEY"></script>
 * data-mode: button (default, placed right after this script), topbar (a bar fixed at the top of the
 * page) or inline (inside the element whose id is data-target); data-text, data-amounts ("5,10,25"),
 * data-color ("#e11d48"). A click opens the store's donation page of this Paymux in an overlay.
 * Plain ES5, no dependencies; everything is built with createElement and textContent.
 */
(function () {
  'use strict';

  var PREFIX = 'paymux-donate';
  var DEFAULT_COLOR = '#0a66c2';

  var script = document.currentScript || (function () {
    // Older browsers: the last widget script not yet seen.
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) {
      if (/donate-widget\.js/.test(all[i].src || '') && !all[i].getAttribute('data-' + PREFIX + '-seen')) {
        return all[i];
      }
    }
    return null;
  }());
  if (!script) {
    return;
  }
  script.setAttribute('data-' + PREFIX + '-seen', '1');

  var key = script.getAttribute('data-store-key');
  if (!key) {
    if (window.console) { window.console.error('Paymux donation widget: data-store-key is required'); }
    return;
  }
  var base = (function () {
    var a = document.createElement('a');
    a.href = script.src;
    return a.protocol + '//' + a.host;
  }());
  var mode = script.getAttribute('data-mode') || 'button';
  var text = trim(script.getAttribute('data-text'));
  var color = validColor(script.getAttribute('data-color'));
  var amounts = parseAmounts(script.getAttribute('data-amounts'));
  var ink = textColor(color);

  function trim(s) {
    return s == null ? '' : String(s).replace(/^\s+|\s+$/g, '');
  }

  /** #rgb or #rrggbb, as #rrggbb; anything else is the default colour. */
  function validColor(c) {
    c = trim(c).toLowerCase();
    if (/^#[0-9a-f]{3}$/.test(c)) {
      return '#' + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
    }
    return /^#[0-9a-f]{6}$/.test(c) ? c : DEFAULT_COLOR;
  }

  /** Black or white, whichever reads better on the colour. */
  function textColor(hex) {
    var l = 0;
    var weights = [0.2126, 0.7152, 0.0722];
    for (var i = 0; i < 3; i++) {
      var c = parseInt(hex.substr(1 + 2 * i, 2), 16) / 255;
      c = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
      l += weights[i] * c;
    }
    return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
  }

  function parseAmounts(s) {
    var out = [];
    var parts = trim(s) === '' ? [] : trim(s).split(',');
    for (var i = 0; i < parts.length && out.length < 6; i++) {
      var a = trim(parts[i]);
      if (/^(0|[1-9]\d{0,6})(\.\d{1,2})?$/.test(a) && !/^0(\.0*)?$/.test(a)) {
        out.push(a);
      }
    }
    return out;
  }

  function css(el, styles) {
    for (var k in styles) {
      if (Object.prototype.hasOwnProperty.call(styles, k)) {
        el.style[k] = styles[k];
      }
    }
    return el;
  }

  function el(tag, className, content) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (content != null) {
      e.textContent = content;
    }
    return e;
  }

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

  function button(label, primary, onClick) {
    var b = el('button', PREFIX + '-button' + (primary ? ' ' + PREFIX + '-primary' : ' ' + PREFIX + '-amount'), label);
    b.type = 'button';
    css(b, {
      font: '600 15px/1.2 ' + FONT, cursor: 'pointer', borderRadius: '8px', padding: '9px 16px', margin: '0',
      border: '2px solid ' + color, background: primary ? color : '#ffffff', color: primary ? ink : '#1b1f24',
      textTransform: 'none', letterSpacing: 'normal', boxShadow: 'none', minHeight: '0', width: 'auto'
    });
    b.addEventListener('click', onClick);
    return b;
  }

  function amountButtons(container) {
    for (var i = 0; i < amounts.length; i++) {
      (function (a) {
        var b = button('$' + a, false, function () { open(a, b); });
        b.setAttribute('data-amount', a);
        container.appendChild(b);
      }(amounts[i]));
    }
  }

  // ---- the overlay ----

  var overlay = null;
  var returnFocus = null;
  var savedOverflow = '';

  function pageUrl(amount) {
    var q = ['embed=1'];
    if (text) { q.push('text=' + encodeURIComponent(text)); }
    if (amounts.length) { q.push('amounts=' + encodeURIComponent(amounts.join(','))); }
    if (color !== DEFAULT_COLOR) { q.push('color=' + encodeURIComponent(color)); }
    if (amount) { q.push('amount=' + encodeURIComponent(amount)); }
    return base + '/donate/' + encodeURIComponent(key) + '?' + q.join('&');
  }

  function open(amount, opener) {
    if (overlay) {
      return;
    }
    returnFocus = opener || document.activeElement;
    var backdrop = css(el('div', PREFIX + '-overlay'), {
      position: 'fixed', top: '0', left: '0', right: '0', bottom: '0', zIndex: '2147483646',
      background: 'rgba(0, 0, 0, 0.55)', display: 'flex', alignItems: 'center', justifyContent: 'center',
      padding: '16px', boxSizing: 'border-box'
    });
    var dialog = css(el('div', PREFIX + '-dialog'), {
      position: 'relative', width: '100%', maxWidth: '480px', height: '100%', maxHeight: '760px',
      background: '#ffffff', borderRadius: '12px', overflow: 'hidden', boxShadow: '0 10px 40px rgba(0,0,0,0.35)',
      display: 'flex', flexDirection: 'column'
    });
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', text || 'Donate');
    var bar = css(el('div'), { display: 'flex', justifyContent: 'flex-end', padding: '4px', background: color });
    var close = el('button', PREFIX + '-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    css(close, {
      font: '700 22px/1 ' + FONT, width: '36px', height: '36px', cursor: 'pointer', border: '0', borderRadius: '6px',
      background: 'transparent', color: ink, padding: '0', margin: '0'
    });
    close.addEventListener('click', shut);
    var frame = css(el('iframe', PREFIX + '-frame'), { border: '0', width: '100%', flex: '1 1 auto', background: '#ffffff' });
    frame.setAttribute('title', text || 'Donate');
    frame.src = pageUrl(amount);
    // Keeps Tab inside the dialog: past the frame it comes back to the close button.
    var trap = el('span');
    trap.tabIndex = 0;
    trap.addEventListener('focus', function () { close.focus(); });
    var trapStart = el('span');
    trapStart.tabIndex = 0;
    trapStart.addEventListener('focus', function () { frame.focus(); });
    bar.appendChild(close);
    dialog.appendChild(trapStart);
    dialog.appendChild(bar);
    dialog.appendChild(frame);
    dialog.appendChild(trap);
    backdrop.appendChild(dialog);
    backdrop.addEventListener('click', function (e) {
      if (e.target === backdrop) { shut(); }
    });
    overlay = { root: backdrop, frame: frame };
    savedOverflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    document.body.appendChild(backdrop);
    close.focus();
  }

  function shut() {
    if (!overlay) {
      return;
    }
    overlay.root.parentNode.removeChild(overlay.root);
    overlay = null;
    document.documentElement.style.overflow = savedOverflow;
    if (returnFocus && returnFocus.focus) {
      returnFocus.focus();
    }
  }

  document.addEventListener('keydown', function (e) {
    if (overlay && (e.key === 'Escape' || e.key === 'Esc' || e.keyCode === 27)) {
      shut();
    }
  });
  // Escape pressed inside the frame: the donation page tells us.
  window.addEventListener('message', function (e) {
    if (overlay && e.source === overlay.frame.contentWindow && e.origin === base && e.data === PREFIX + ':close') {
      shut();
    }
  });

  // ---- the three modes ----

  function whenReady(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  function renderButton() {
    var b = button(text || 'Donate', true, function () { open(null, b); });
    b.className += ' ' + PREFIX + '-widget';
    var parent = script.parentNode;
    if (parent && parent !== document.head && parent.nodeName !== 'HEAD') {
      parent.insertBefore(b, script.nextSibling);
    } else {
      whenReady(function () { document.body.appendChild(b); });
    }
  }

  function panel(className, styles) {
    var box = css(el('div', PREFIX + '-widget ' + className), styles);
    if (text) {
      box.appendChild(css(el('span', PREFIX + '-text', text), { font: '600 15px/1.4 ' + FONT, marginRight: '4px' }));
    }
    amountButtons(box);
    var main = button('Donate', true, function () { open(null, main); });
    box.appendChild(main);
    return box;
  }

  function renderTopbar() {
    whenReady(function () {
      var bar = panel(PREFIX + '-topbar', {
        position: 'fixed', top: '0', left: '0', right: '0', zIndex: '2147483640', display: 'flex',
        flexWrap: 'wrap', alignItems: 'center', justifyContent: 'center', gap: '8px', padding: '8px 12px',
        background: color, color: ink, boxSizing: 'border-box', boxShadow: '0 2px 8px rgba(0,0,0,0.2)'
      });
      var main = bar.querySelector('.' + PREFIX + '-primary');
      // On the bar's colour the main button is drawn the other way round.
      css(main, { background: ink, color: color, borderColor: ink });
      bar.setAttribute('role', 'region');
      bar.setAttribute('aria-label', text || 'Donate');
      // The page keeps its top visible below the bar.
      var spacer = el('div', PREFIX + '-spacer');
      document.body.insertBefore(spacer, document.body.firstChild);
      document.body.insertBefore(bar, document.body.firstChild);
      spacer.style.height = bar.offsetHeight + 'px';
    });
  }

  function renderInline() {
    var id = script.getAttribute('data-target');
    var place = function () {
      var target = id ? document.getElementById(id) : null;
      if (!target) {
        if (window.console) { window.console.error('Paymux donation widget: no element with id "' + id + '"'); }
        return false;
      }
      target.appendChild(panel(PREFIX + '-inline', {
        display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '8px', padding: '12px',
        border: '2px solid ' + color, borderRadius: '10px', boxSizing: 'border-box', color: '#1b1f24',
        background: '#ffffff'
      }));
      return true;
    };
    if (!(id && document.getElementById(id))) {
      // The element may come later in the page.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', place);
        return;
      }
    }
    place();
  }

  if (mode === 'topbar') {
    renderTopbar();
  } else if (mode === 'inline') {
    renderInline();
  } else {
    renderButton();
  }
}());
