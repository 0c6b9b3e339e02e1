// The explainer's service worker. The server fills in {{.Version}} and
// {{.ResourcesToCache}} (go-app's ServiceWorkerTemplate).
//
// It differs from go-app's stock worker in these ways:
//  - install waits (event.waitUntil) until every resource is cached, so
//    "installed" means "works offline";
//  - what install caches is fetched with the version in the query (but for
//    the content-hashed /web/ files, whose URL names their bytes): a CDN in
//    front may keep a page or app.js for a while after a release, and the
//    new version's cache must not mix in the old one's files. The server
//    and static hosts ignore the parameter; it is stored under the plain URL;
//  - a page asked for with a query string (a deep link such as
//    /embed?event=armenia-freezes) falls back, offline, to the cached page
//    without the query, and a view's own path (/event/ID/, /country/ISO/,
//    /at/DATE/, under the site's prefix) to the cached page at /: the
//    client app reads the view from the path and the query itself;
//  - old caches are deleted only once the new one is complete, and each
//    version reads only its own cache, so old and new files never mix;
//  - it does not claim open pages on activation: go-app takes a worker
//    that takes control of a page as an update, and would offer a first-time
//    reader a "new version". Pages it does not control still load through
//    it on their next navigation, offline included.
const cacheName = "explainer-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await Promise.all(
        resourcesToCache.map(async (url) => {
          const asked = versioned(url);
          let response = await fetch(asked);
          if (!response.ok) {
            throw new Error(`caching ${url} for offline use: ${response.status}`);
          }
          if (asked !== url) {
            // Kept as the response of url itself, not of the versioned URL.
            response = new Response(await response.blob(), {
              status: response.status,
              statusText: response.statusText,
              headers: response.headers,
            });
          }
          await cache.put(url, response);
        })
      );
      await self.skipWaiting();
    })()
  );
});

// versioned is url with this version in its query, unless its path holds
// its content's hash already.
function versioned(url) {
  if (/\/web\/[0-9a-f]{12}\//.test(url)) {
    return url;
  }
  const u = new URL(url, self.location.href);
  u.searchParams.set("v", "{{.Version}}");
  return u.href;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(
        keys.filter((key) => key !== cacheName).map((key) => caches.delete(key))
      );
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }
  try {
    return await fetch(request);
  } catch {
    // Offline and not cached as asked: a page with a query string is the
    // same page; the client app restores the view from the query.
    const page = (await cache.match(request, { ignoreSearch: true })) ||
      (isViewPath(request.url) && (await cache.match(self.registration.scope)));
    if (page) {
      return page;
    }
    // A network error for the page, as without a worker; rethrowing would
    // also log an uncaught rejection in the worker for every such request.
    return Response.error();
  }
}

// isViewPath reports whether url is a view's own path within the worker's
// scope (the site's root, prefix included): the page at / draws it.
function isViewPath(url) {
  const scope = self.registration.scope;
  if (!url.startsWith(scope)) {
    return false;
  }
  const rest = url.slice(scope.length);
  return ["event/", "country/", "at/"].some((folder) => rest.startsWith(folder));
}
