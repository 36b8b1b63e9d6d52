// The quiz page without a reload: answers are saved in the background a moment after each
// change (and again when the connection returns), and the countdown follows the server's
// clock, not the phone's. Without script the form still saves and submits.
(function () {
  var form = document.querySelector('form.quiz');
  if (!form) return;
  var status = form.querySelector('.save-status');
  var url = form.getAttribute('data-save-url');
  var token = form.getAttribute('data-csrf');
  var timer = null;
  var dirty = false;
  var inFlight = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function save() {
    if (inFlight) {
      dirty = true;
      return;
    }
    dirty = false;
    inFlight = true;
    say(form.getAttribute('data-saving'));
    var body = new URLSearchParams(new FormData(form));
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'x-csrf-token': token },
      body: body,
    })
      .then(function (res) {
        if (res.status === 409) return location.reload(); // closed meanwhile: show the result
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
        if (dirty) schedule(3000);
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

  var clock = document.querySelector('[data-due]');
  if (!clock) return;
  var due = new Date(clock.getAttribute('data-due')).getTime();
  // The phone's clock may be wrong: count from the server's "now" at page load.
  var offset = new Date(clock.getAttribute('data-now')).getTime() - Date.now();
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
