// The donation page: the form posts to /donate/create and the donor goes on to the checkout page of the
// new donation; a refusal is read out in the page's live region. Without script the form posts itself.
(function () {
  'use strict';
  var main = document.getElementById('donate');
  var form = document.getElementById('donate-form');
  if (!main || !form) {
    return;
  }
  var error = document.getElementById('error');
  var submit = document.getElementById('donate-submit');
  var custom = document.getElementById('custom-amount');
  var customRadio = document.getElementById('amount-custom');
  var key = main.getAttribute('data-api-key');
  var lang = main.getAttribute('data-lang');

  // Typing an amount chooses "other"; choosing a preset clears the typed one.
  custom.addEventListener('input', function () {
    if (custom.value.replace(/\s/g, '') !== '') {
      customRadio.checked = true;
    }
  });
  Array.prototype.forEach.call(form.querySelectorAll('input[name="fiat_amount"]'), function (r) {
    r.addEventListener('change', function () {
      if (r.checked && r !== customRadio) {
        custom.value = '';
      } else if (r.checked) {
        custom.focus();
      }
    });
  });

  function value(name) {
    var el = form.elements[name];
    if (!el) {
      return null;
    }
    var v = el.value;
    if (el.length !== undefined && el.tagName === undefined) {
      // A radio group.
      v = null;
      Array.prototype.forEach.call(el, function (r) { if (r.checked) { v = r.value; } });
    }
    v = v == null ? '' : String(v).replace(/^\s+|\s+$/g, '');
    return v === '' ? null : v;
  }

  function amount() {
    var typed = value('custom_amount');
    if (typed !== null) {
      // A decimal comma, as many donors write it.
      return typed.indexOf('.') < 0 && typed.indexOf(',') === typed.lastIndexOf(',') ? typed.replace(',', '.') : typed;
    }
    var preset = value('fiat_amount');
    return preset === 'custom' ? null : preset;
  }

  function show(text) {
    error.textContent = text;
  }

  function busy(on) {
    submit.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  form.addEventListener('submit', function (event) {
    if (!window.fetch || !window.JSON) {
      return; // the plain form POST
    }
    event.preventDefault();
    show('');
    busy(true);
    var body = { api_key: key, currency: value('currency'), fiat_amount: amount(),
      fiat_currency: value('fiat_currency'), donor_name: value('donor_name'), donor_message: value('donor_message') };
    fetch('/donate/create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit'
    }).then(function (r) {
      return r.json().then(function (json) { return { status: r.status, json: json }; },
        function () { return { status: r.status, json: null }; });
    }).then(function (res) {
      if (res.status === 200 && res.json && res.json.success && res.json.data && res.json.data.payment_id) {
        window.location.assign('/pay/' + encodeURIComponent(res.json.data.payment_id)
          + (lang ? '?lang=' + encodeURIComponent(lang) : ''));
        return;
      }
      busy(false);
      if (res.status === 429) {
        show(form.getAttribute('data-busy'));
      } else if (res.status === 403) {
        show(form.getAttribute('data-disabled'));
      } else {
        var why = res.json && typeof res.json.error === 'string' ? res.json.error : '';
        if (why) {
          why = /\.$/.test(why) ? why : why + '.';
        }
        show(form.getAttribute('data-refused') + (why ? ' ' + why : ''));
      }
    }, function () {
      busy(false);
      show(form.getAttribute('data-network'));
    });
  });

  // In the widget's frame, Escape closes the widget (the key never reaches the page around the frame).
  if (main.getAttribute('data-embed') === 'true' && window.parent && window.parent !== window) {
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' || e.key === 'Esc' || e.keyCode === 27) {
        window.parent.postMessage('paymux-donate:close', '*');
      }
    });
  }
}());
