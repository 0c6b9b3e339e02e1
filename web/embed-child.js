// Runs in every page of the explainer. When the page is in an iframe, it
// tells the host page its height whenever that changes, in every format
// host pages already listen for:
//   - Pym.js:       "pymxPYMx{childId}xPYMxheightxPYMx{px}" (when the URL has childId)
//   - Datawrapper:  {"datawrapper-height": {"{embedId}": px}} (embedId from the URL,
//                   else the page's path and query, which the iframe's src contains)
//   - AMP:          {sentinel: "amp", type: "embed-size", height: px}
//   - Embedly/Medium: '{"src": url, "context": "iframe.resize", "height": px}'
// Once the interactive app is running (<html data-ready="true">) it also
// posts {type: "explainer:ready"}, for hosts that want to know.
// It is plain JavaScript so it works before the wasm has loaded.
(function () {
  "use strict";
  if (window.parent === window || window.explainerEmbedChild) {
    return;
  }
  window.explainerEmbedChild = true;

  var params = new URLSearchParams(window.location.search);
  var childId = params.get("childId");
  var embedId = params.get("embedId") || window.location.pathname + window.location.search;
  var last = -1;
  var timer = 0;

  // The height of <html>'s box, not scrollHeight: scrollHeight includes the
  // iframe's own viewport, so it grows with every resize the host makes.
  function height() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  function send(force) {
    var h = height();
    if (h === last && !force) {
      return;
    }
    last = h;
    var parent = window.parent;
    if (childId) {
      parent.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + h, "*");
    }
    var dw = {};
    dw[embedId] = h;
    parent.postMessage({ "datawrapper-height": dw }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    parent.postMessage(JSON.stringify({ src: window.location.href, context: "iframe.resize", height: h }), "*");
  }

  // At most one message per 100 ms while the size keeps changing, and
  // always one for the final size.
  function schedule() {
    if (timer) {
      return;
    }
    timer = window.setTimeout(function () {
      timer = 0;
      send(false);
    }, 100);
  }

  // Pym.js parents send the width they gave the iframe; answer with the height.
  window.addEventListener("message", function (event) {
    if (typeof event.data !== "string" || !childId) {
      return;
    }
    var prefix = "pymxPYMx" + childId + "xPYMxwidthxPYMx";
    if (event.data.indexOf(prefix) === 0) {
      send(true);
    }
  });

  var announced = false;
  function announceReady() {
    if (!announced && document.documentElement.dataset.ready === "true") {
      announced = true;
      window.parent.postMessage({ type: "explainer:ready" }, "*");
      send(true);
    }
  }
  new MutationObserver(announceReady).observe(document.documentElement, { attributes: true, attributeFilter: ["data-ready"] });

  if (window.ResizeObserver) {
    // The border box: the height sent is <html>'s border box, and a
    // change of its padding or border alone would not notify a watch of
    // the content box.
    new ResizeObserver(schedule).observe(document.documentElement, { box: "border-box" });
  }
  window.addEventListener("load", function () { send(true); });
  send(true);
})();
