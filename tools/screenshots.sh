#!/usr/bin/env bash
# Takes the README's and the manifest's screenshots in headless Chromium
# from a server started here on a spare loopback port.
set -euo pipefail
cd "$(dirname "$0")/.."
chrome=${CHROMIUM:-chromium}
bin=$(mktemp -d)
go build -o "$bin/explainer" .
"$bin/explainer" serve -addr 127.0.0.1:8765 >/dev/null &
server=$!
trap 'kill $server; rm -rf "$bin"' EXIT
sleep 1
shoot() { # size file query
	"$chrome" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$bin/profile-$2" \
		--window-size="$1" --virtual-time-budget=15000 --screenshot="web/screenshots/$2.png" \
		"http://127.0.0.1:8765/$3" 2>/dev/null
}
shoot 1280,800 wide "event/armenia-freezes/"
shoot 390,844 narrow ""
ls -l web/screenshots
