// The host page's side of the explainer's embed code: it sizes each
// explainer iframe on the page from the height messages the embed sends.
// Include it once, after or before the iframes; it finds them by the
// message's source window, so it needs no ids.
(function () {
  "use strict";
  if (window.explainerEmbedHost) {
    return;
  }
  window.explainerEmbedHost = true;
  var origin = new URL(document.currentScript ? document.currentScript.src : window.location.href).origin;

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || !event.data || event.data.sentinel !== "amp" || event.data.type !== "embed-size") {
      return;
    }
    var h = Number(event.data.height);
    if (!(h > 0 && h < 100000)) {
      return;
    }
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = h + "px";
        frames[i].setAttribute("height", String(h));
      }
    }
  });
})();
