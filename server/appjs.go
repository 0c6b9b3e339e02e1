package server

import (
	"bytes"
	"net/http"
)

// appJSPatch is one change to go-app's app.js: the text it replaces, which
// must occur exactly once, and why. TestAppJSPatch fails if go-app's
// wording changes under a patch.
type appJSPatch struct {
	from, to []byte
}

var appJSPatches = []appJSPatch{
	// A failed service worker registration is logged with console.error.
	// In an embed on another site, browsers that block third-party storage
	// refuse the registration, and the explainer works on without offline
	// support: that is expected, not an error, so it becomes a warning.
	{
		[]byte(`console.error("goapp service worker registration failed: ", err);`),
		[]byte(`console.warn("service worker not available here (the explainer works without offline support):", err);`),
	},
	// The wasm is not fetched through fetchWithProgress, which read every
	// chunk into JavaScript on the main thread to update a percentage, then
	// fed it on to the compiler: on a throttled phone those chunks were
	// long tasks before the app even started. The call gets the
	// wasm's URL instead, and appJSStartWhenNeeded fetches it plainly, so
	// the browser compiles the wasm as it streams in, off the main thread.
	// The loader shows no percentage (LoadingLabel).
	{
		[]byte(`const wasm = await instantiateStreaming(`),
		[]byte(`const wasm = await explainerInstantiateWhenNeeded(`),
	},
	{
		[]byte(`fetchWithProgress("`),
		[]byte(`new URL("`),
	},
	{
		[]byte(`.wasm", showProgress),`),
		[]byte(`.wasm", location.href),`),
	},
	// The service worker is registered once the app has started
	// (explainerServiceWorkerAfterStart), not with the page: its install
	// fetched the wasm a second time while the page's own copy was still
	// loading, and cached every page and file meanwhile, on the cores the
	// start needs. Registered after, it finds the wasm in the HTTP cache
	// (its content-hashed URL is immutable). The reader waits on nothing
	// the worker does; offline use begins a moment later.
	{
		[]byte("\ngoappInitServiceWorker();\n"),
		[]byte("\nexplainerServiceWorkerAfterStart();\n"),
	},
}

// appJSStartWhenNeeded is added to go-app's app.js. The Go app's start
// (compiling and instantiating the wasm, the Go runtime, the first renders)
// holds the main thread for a few hundred milliseconds on a phone. Where
// the interactive panels open the page (the wide layout, an embed), that is
// worth it at once. Where they come after the article (the phone layout),
// the reader reads first: the wasm is fetched meanwhile, at no cost to the
// main thread, and the app is compiled and started when the reader comes
// within a screen of the panels, usually before they reach them. Until then
// the server's HTML is the page, and its links work as plain links.
// Elements that may wait are marked data-app-start="near"; with none on
// the page, one of them near already, or no IntersectionObserver, the app
// starts at once.
//
// The wasm that starts late must be the one that matches the page's
// scripts. A page the service worker controls takes it from the worker at
// once and keeps the response: a new version's worker may take over the
// page while the reader reads, and would answer with the new wasm. An
// uncontrolled page (a first visit) prefetches it into the HTTP cache and
// revalidates it at the start, which matches unless a release lands in
// between.
//
// The names are prefixed: app.js is a classic script, its functions are
// globals. go-app's own fallback for browsers without instantiateStreaming
// is no longer called; explainerInstantiateWhenNeeded has its own.
var appJSStartWhenNeeded = []byte(`
// Added by the explainer's server: start the app when it is needed.
async function explainerInstantiateWhenNeeded(url, importObject) {
  const waiting = explainerAppWaiting();
  let source, bytes;
  if (waiting) {
    // Nothing is loading meanwhile that the reader waits for: no loader.
    const loader = document.getElementById("app-wasm-loader");
    loader?.setAttribute("data-waiting", "");
    if (explainerControlled()) {
      source = fetch(url);
      source.catch(() => {}); // handled below, once needed
    } else {
      bytes = explainerPrefetch(url);
    }
    // The reader reads meanwhile: the worker may install now.
    explainerRegisterServiceWorker();
    await waiting;
    loader?.removeAttribute("data-waiting");
  }
  bytes = await bytes;
  let module;
  if (bytes) {
    module = await WebAssembly.compile(bytes);
  } else {
    source ??= fetch(url);
    module = WebAssembly.compileStreaming
      ? await WebAssembly.compileStreaming(source)
      : await WebAssembly.compile(await (await source).arrayBuffer());
  }
  // Each step in a task of its own: the module's last bytes and its
  // compilation, its instantiation, and then the Go runtime's start
  // (go.run) were one long task on a throttled phone.
  await explainerNextTask();
  const instance = await WebAssembly.instantiate(module, importObject);
  await explainerNextTask();
  return { module, instance };
}

// explainerNextTask resolves in a task of its own, once the browser has
// run what was waiting (input first).
function explainerNextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// explainerServiceWorkerAfterStart registers go-app's service worker
// once the app is ready (<html data-ready>), once it waits for the reader
// (explainerInstantiateWhenNeeded), or 10 s after the page has loaded,
// whichever comes first: a page whose app never starts (no WebAssembly, a
// failed load) still works offline next time.
function explainerServiceWorkerAfterStart() {
  const html = document.documentElement;
  if (html.dataset.ready === "true") {
    explainerRegisterServiceWorker();
    return;
  }
  const observer = new MutationObserver(() => {
    if (html.dataset.ready === "true") {
      explainerRegisterServiceWorker();
    }
  });
  observer.observe(html, { attributes: true, attributeFilter: ["data-ready"] });
  const later = () => setTimeout(explainerRegisterServiceWorker, 10000);
  if (document.readyState === "complete") {
    later();
  } else {
    addEventListener("load", later, { once: true });
  }
  explainerStopWatchingReady = () => observer.disconnect();
}

// var without a value, not let: app.js calls the functions above before
// this part of the script runs; a let would not exist yet, and a value
// given here would overwrite what they set.
var explainerServiceWorkerRegistered;
var explainerStopWatchingReady;

// explainerRegisterServiceWorker registers the worker, once.
function explainerRegisterServiceWorker() {
  if (explainerServiceWorkerRegistered) {
    return;
  }
  explainerServiceWorkerRegistered = true;
  explainerStopWatchingReady?.();
  goappInitServiceWorker();
}

// explainerAppWaiting returns null if the app is needed now, or else a
// promise that resolves when the reader comes within a screen of a
// data-app-start="near" element.
function explainerAppWaiting() {
  const marked = [...document.querySelectorAll('[data-app-start="near"]')];
  const near = (el) => {
    const r = el.getBoundingClientRect();
    return r.top < 2 * innerHeight && r.bottom > -innerHeight;
  };
  if (marked.length === 0 || !("IntersectionObserver" in window) || marked.some(near)) {
    return null;
  }
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    }, { rootMargin: "100% 0px" });
    marked.forEach((el) => observer.observe(el));
  });
}

// explainerControlled reports whether a service worker controls the page.
// An opaque origin (a sandboxed frame) throws on reading it: none does.
function explainerControlled() {
  try {
    return !!navigator.serviceWorker?.controller;
  } catch {
    return false;
  }
}

// explainerPrefetch puts url in the browser's HTTP cache; a prefetch
// link's body never reaches JavaScript. Where the browser has no prefetch
// (Safari), it reads the body instead, which costs a task when it ends,
// and resolves to the bytes, to compile from. If the app is needed while a
// prefetch link is still loading, the wasm may be fetched twice; only a
// reload restored near the panels does that.
function explainerPrefetch(url) {
  const link = document.createElement("link");
  if (link.relList.supports("prefetch")) {
    link.rel = "prefetch";
    link.href = url;
    document.head.append(link);
    return null;
  }
  return fetch(url).then((r) => r.arrayBuffer()).catch(() => null);
}
`)

// patchAppJS applies appJSPatches to go-app's app.js and adds
// appJSStartWhenNeeded.
func patchAppJS(js []byte) []byte {
	for _, p := range appJSPatches {
		js = bytes.Replace(js, p.from, p.to, 1)
	}
	return append(js, appJSStartWhenNeeded...)
}

// PatchedAppJS serves go-app's /app.js with patchAppJS applied (the
// explainer's loader, which make bench-peer also gives go-app's hello
// world, to measure the floor under the explainer), gzipped
// for clients that accept it. That is done on each request, a fraction of
// a millisecond for its 9 KB: a browser fetches it once and then only
// revalidates it, which go-app answers with a 304 that has nothing to gzip.
func PatchedAppJS(goapp http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedResponse{header: http.Header{}}
		goapp.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if rec.status == 0 || rec.status == http.StatusOK {
			body = patchAppJS(body)
		}
		rec.send(w, r, encodeBody(rec.header, body))
	})
}
