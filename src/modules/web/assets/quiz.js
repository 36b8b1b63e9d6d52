// The quiz page without a reload: answers are saved in the background a moment after each
// change (and again when the connection returns), and the countdown follows the server's
// clock, not the phone's. Without script the form still saves and submits.
// Answers not yet saved are kept on the phone (localStorage, per attempt) until the server
// has them: a sign-in that ended, a dropped connection or a closed tab loses nothing, and
// the attempt page puts them back when the server has nothing newer. On a shared computer
// they must not outlive the attempt: the page of a closed attempt drops its copy, signing out
// drops them all (and the server sends Clear-Site-Data), and copies past their due time go.
(function () {
  function drop(k) {
    try {
      localStorage.removeItem(k);
    } catch {
      // No storage.
    }
  }
  function read(k) {
    try {
      return JSON.parse(localStorage.getItem(k) || 'null');
    } catch {
      return null;
    }
  }
  function each(fn) {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var k = localStorage.key(i);
        if (k && k.indexOf('bina.quiz.') === 0) fn(k);
      }
    } catch {
      // No storage.
    }
  }
  // Submitted or graded: nothing is left to save.
  var done = document.querySelector('[data-attempt-done]');
  if (done) drop('bina.quiz.' + done.getAttribute('data-attempt-done'));
  var signOut = document.querySelector('form[action="/keluar"]');
  if (signOut)
    signOut.addEventListener('submit', function () {
      each(drop);
    });
  // Copies of attempts past their deadline, or left long ago, are never asked for again.
  each(function (k) {
    var old = read(k);
    if (!old || Date.now() - old.at > 14 * 86400000 || (old.until && Date.now() > old.until)) drop(k);
  });

  var form = document.querySelector('form.quiz');
  if (!form) return;
  var status = form.querySelector('.save-status');
  var url = form.getAttribute('data-save-url');
  var token = form.getAttribute('data-csrf');
  var timer = null;
  var dirty = false;
  var inFlight = false;
  var ended = false;
  var refused = false;
  var revision = Number(form.getAttribute('data-revision')) || 0;
  var key = 'bina.quiz.' + form.getAttribute('data-attempt');
  var clock = document.querySelector('[data-due]');
  // The phone's clock may be wrong: count from the server's "now" at page load.
  var offset = clock ? new Date(clock.getAttribute('data-now')).getTime() - Date.now() : 0;
  // By the phone's clock: when the server no longer takes answers (the due time and its 30 s grace).
  var until = clock ? new Date(clock.getAttribute('data-due')).getTime() + 30000 - offset : null;

  function say(text) {
    if (status) status.textContent = text;
  }

  function answers() {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== '_csrf' && typeof value === 'string') pairs.push([name, value]);
    });
    return pairs;
  }

  // Kept with the server revision they were typed on: a later save elsewhere wins over them.
  function keep() {
    try {
      var copy = { base: revision, at: Date.now(), until: until, answers: answers() };
      localStorage.setItem(key, JSON.stringify(copy));
    } catch {
      // Storage full or off: the server copy is all there is.
    }
  }

  function forget() {
    drop(key);
  }

  function restore(pairs) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === '_csrf' || el.type === 'submit' || el.type === 'hidden') return;
      var values = pairs
        .filter(function (p) {
          return p[0] === el.name;
        })
        .map(function (p) {
          return p[1];
        });
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = values.indexOf(el.value) >= 0;
      else el.value = values.length ? values[0] : '';
    });
  }

  function save() {
    if (inFlight) {
      dirty = true;
      return;
    }
    dirty = false;
    inFlight = true;
    say(form.getAttribute('data-saving'));
    keep();
    var body = new URLSearchParams(new FormData(form));
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': token },
      body: body,
    })
      .then(function (res) {
        if (res.status === 401 || res.status === 403 || res.redirected) {
          // Signed out (403: the form's CSRF token went with a sign-out): the answers stay on
          // the phone; saving resumes once signed in again.
          ended = true;
          refused = res.status === 403;
          say(form.getAttribute('data-session-ended'));
          return;
        }
        ended = false;
        if (res.status === 409) {
          forget();
          return location.reload(); // closed meanwhile: show the result
        }
        if (res.status === 422) {
          // Sending the same answers again would be refused again: say which question to check.
          return res.json().then(function (problems) {
            var slot = /^responses\.(\d+)/.exec(
              (problems.fields && problems.fields[0] && problems.fields[0].field) || '',
            );
            say(form.getAttribute('data-invalid').replace('{n}', slot ? Number(slot[1]) + 1 : '?'));
          });
        }
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.json().then(function (saved) {
          revision = saved.revision;
          if (!dirty) forget();
          var time = new Date(saved.savedAt).toLocaleTimeString();
          say(form.getAttribute('data-saved').replace('{time}', time));
        });
      })
      .catch(function () {
        dirty = true;
        say(form.getAttribute('data-offline'));
      })
      .then(function () {
        inFlight = false;
        if (dirty && !ended) schedule(3000);
      });
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  }

  form.addEventListener('change', function () {
    schedule(800);
  });
  form.addEventListener('input', function (e) {
    if (e.target && (e.target.tagName === 'TEXTAREA' || e.target.type === 'text' || e.target.type === undefined))
      schedule(2000);
  });
  window.addEventListener('online', function () {
    if (dirty) save();
  });
  // Back from signing in again in another tab: try again. A refused token stays refused:
  // once signed in, a fresh page has the new one (and puts the kept answers back).
  function again() {
    if (!ended) return;
    if (!refused) return save();
    fetch(location.href, { credentials: 'same-origin' })
      .then(function (res) {
        if (res.ok && !res.redirected) location.reload();
      })
      .catch(function () {
        // Still offline: the next visit tries again.
      });
  }
  window.addEventListener('focus', again);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) again();
  });
  // A plain submit that fails (signed out meanwhile) must not lose what was typed since the last save.
  form.addEventListener('submit', keep);

  var kept = read(key);
  if (kept && kept.base >= revision && Array.isArray(kept.answers)) {
    restore(kept.answers);
    save();
  } else if (kept) forget();

  if (!clock) return;
  var due = new Date(clock.getAttribute('data-due')).getTime();
  var shown = clock.querySelector('.remaining');
  function tick() {
    var left = Math.max(0, due - (Date.now() + offset));
    var m = Math.floor(left / 60000);
    var s = Math.floor((left % 60000) / 1000);
    shown.textContent = m + ':' + (s < 10 ? '0' : '') + s;
    if (left <= 60000) clock.classList.add('urgent');
    if (left === 0) {
      clearInterval(interval);
      say(clock.getAttribute('data-time-up'));
      // The server closes the attempt with what was saved; look again shortly.
      setTimeout(function () {
        location.reload();
      }, 35000);
    }
  }
  var interval = setInterval(tick, 1000);
  tick();
})();
