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

  // The sender is trusted by where its iframe points, not by the message's
  // origin: an iframe sandboxed without allow-same-origin posts from the
  // opaque origin "null", whoever serves it. Only a window that is one of
  // this page's iframes with its src on the explainer's origin is heard.
  function explainerFrame(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== source || !source) {
        continue;
      }
      try {
        if (new URL(frames[i].src, window.location.href).origin === origin) {
          return frames[i];
        }
      } catch (e) {
        // An unreadable src is not the explainer's.
      }
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    if (!event.data || event.data.sentinel !== "amp" || event.data.type !== "embed-size") {
      return;
    }
    var h = Number(event.data.height);
    if (!(h > 0 && h < 100000)) {
      return;
    }
    var frame = explainerFrame(event.source);
    if (frame) {
      frame.style.height = h + "px";
      frame.setAttribute("height", String(h));
    }
  });
})();
