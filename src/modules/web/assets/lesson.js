// Resumes a lesson video where the learner left it and saves the position as they watch
// (every 15 s and when they pause or leave). Without script the video still plays.
(function () {
  var video = document.querySelector('video[data-position-url]');
  if (!video) return;
  var url = video.getAttribute('data-position-url');
  var token = video.getAttribute('data-csrf');
  var start = Number(video.getAttribute('data-position') || 0);
  var saved = start;
  video.addEventListener('loadedmetadata', function () {
    if (start > 0 && start < video.duration - 5) video.currentTime = start;
  });
  function save() {
    var seconds = Math.floor(video.currentTime || 0);
    if (seconds === saved) return;
    saved = seconds;
    fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      keepalive: true,
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ seconds: seconds }),
    }).catch(function () {
      saved = -1; // try again on the next tick
    });
  }
  setInterval(function () {
    if (!video.paused) save();
  }, 15000);
  video.addEventListener('pause', save);
  window.addEventListener('pagehide', save);
})();
