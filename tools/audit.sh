#!/usr/bin/env bash
# Lighthouse audit of the explainer: performance, accessibility, best
# practices and SEO, on a phone (Lighthouse's default mobile emulation and
# throttling), against the built app served on loopback.
#
#   tools/audit.sh [PATH]        e.g. tools/audit.sh "/event/armenia-freezes/"
#
# It prints the four scores and every audit that does not pass, and keeps
# the full reports in $AUDIT_OUT (default .cache/audit/). AUDIT_WEB
# serves another build's web folder (default web). AUDIT_PRESET=desktop
# audits a desktop screen (Lighthouse's desktop preset) instead. Lighthouse is
# installed with npm into .cache/ on first use. It reports; it fails only
# when it cannot run. Needs: a built wasm (make build), Go, Node.js and
# npm, and Chromium ($CHROME_PATH, else chromium on PATH).
#
#   tools/audit.sh --install     installs Lighthouse if need be and prints
#                                its path (tools/benchpeer runs it so)
set -euo pipefail
cd "$(dirname "$0")/.."

LH_VERSION=12.2.3
LH_DIR=.cache/lighthouse-$LH_VERSION
LH=$LH_DIR/node_modules/.bin/lighthouse
AUDIT_OUT=${AUDIT_OUT:-.cache/audit}
PAGE=${1:-/}
AUDIT_WEB=${AUDIT_WEB:-web}
AUDIT_PRESET=${AUDIT_PRESET:-mobile}
install_lighthouse() {
	if [ ! -x "$LH" ]; then
		echo "audit: installing lighthouse@$LH_VERSION into $LH_DIR" >&2
		mkdir -p "$LH_DIR"
		npm install --prefix "$LH_DIR" --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >&2
	fi
}
if [ "$PAGE" = --install ]; then
	install_lighthouse
	echo "$PWD/$LH"
	exit 0
fi

case "$AUDIT_PRESET" in
mobile) preset=() ;;
desktop) preset=(--preset=desktop) ;;
*)
	echo "audit: AUDIT_PRESET is mobile or desktop, not $AUDIT_PRESET" >&2
	exit 1
	;;
esac

if [ ! -f "$AUDIT_WEB/app.wasm" ]; then
	echo "audit: $AUDIT_WEB/app.wasm is missing: run make build first" >&2
	exit 1
fi
if [ -z "${CHROME_PATH:-}" ]; then
	CHROME_PATH=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
fi
if [ -z "$CHROME_PATH" ]; then
	echo "audit: no Chromium found; set CHROME_PATH" >&2
	exit 1
fi
export CHROME_PATH
install_lighthouse

tmp=$(mktemp -d)
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/server" .
"$tmp/server" serve -addr 127.0.0.1:0 -web "$AUDIT_WEB" >"$tmp/server.log" 2>&1 &
server_pid=$!
base=
for _ in $(seq 100); do
	base=$(grep -o 'http://[^ ]*' "$tmp/server.log" | head -1 || true)
	[ -n "$base" ] && break
	sleep 0.1
done
if [ -z "$base" ]; then
	echo "audit: the server did not start:" >&2
	cat "$tmp/server.log" >&2
	exit 1
fi

mkdir -p "$AUDIT_OUT"
echo "audit: Lighthouse $LH_VERSION on $base$PAGE ($AUDIT_PRESET)" >&2
"$LH" "$base$PAGE" \
	--quiet \
	${preset[@]+"${preset[@]}"} \
	--only-categories=performance,accessibility,best-practices,seo \
	--chrome-flags="--headless=new --no-sandbox --disable-gpu" \
	--output=json --output=html \
	--output-path="$AUDIT_OUT/report"

# Scores, then what did not pass, by category.
node - "$AUDIT_OUT/report.report.json" <<'EOF'
const fs = require("fs");
const lhr = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cats = ["performance", "accessibility", "best-practices", "seo"];
console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${lhr.finalDisplayedUrl}`);
console.log("");
for (const id of cats) {
  const c = lhr.categories[id];
  console.log(`  ${c.title.padEnd(16)} ${c.score === null ? "n/a" : Math.round(c.score * 100)}`);
}
const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "interactive"];
console.log("\nmetrics:");
for (const id of metrics) {
  const a = lhr.audits[id];
  if (a) console.log(`  ${a.title.padEnd(28)} ${String(a.displayValue ?? "").padEnd(10)} score ${a.score === null ? "n/a" : a.score.toFixed(2)}`);
}
console.log("\naudits that do not pass:");
let failing = 0;
for (const id of cats) {
  const seen = new Set();
  for (const ref of lhr.categories[id].auditRefs) {
    const a = lhr.audits[ref.id];
    if (!a || seen.has(a.id) || a.score === null || a.score >= 0.9) continue;
    if (["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode)) continue;
    if (ref.group === "metrics") continue;
    seen.add(a.id);
    failing++;
    const value = a.displayValue ? ` (${a.displayValue})` : "";
    console.log(`  [${id}] ${a.id}: ${a.title}${value}, score ${a.score.toFixed(2)}`);
    const items = (a.details && a.details.items) || [];
    for (const it of items.slice(0, 4)) {
      const what = (it.node && (it.node.selector || it.node.snippet)) || it.url || it.source?.url || it.description || "";
      if (what) console.log(`      ${String(what).slice(0, 150)}`);
    }
  }
}
if (failing === 0) console.log("  none");
EOF
echo "audit: full reports in $AUDIT_OUT/report.report.html and .json" >&2
