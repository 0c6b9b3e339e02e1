#!/usr/bin/env bash
# Load test of the explainer's server: builds it, serves the built client
# (run `make build` first) on a loopback port, and drives it with wrk, one
# URL at a time: the opening page, a deep link, and the brotli-compressed
# wasm. For each it reports requests per second, the median and 99th
# percentile latency and the errors, and it samples the server's resident
# memory before, between and after the runs, to show it stays flat.
#
# Goals (a 2-core machine): at least MIN_RPS requests/s, p99 under MAX_P99_MS,
# no errors. The script exits 1 if a URL misses them.
#
# Settings, from the environment: DURATION (10s), THREADS (2), CONNS (50),
# PORT (a free one), MIN_RPS (1000), MAX_P99_MS (100), URLS (space-separated
# paths; the default three). wrk is installed with apt-get when missing
# and the script runs as root; otherwise install it (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNS=${CONNS:-50}
MIN_RPS=${MIN_RPS:-1000}
MAX_P99_MS=${MAX_P99_MS:-100}
URLS=${URLS:-"/ /?event=armenia-freezes&country=ARM /web/app.wasm"}

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "installing wrk"
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	else
		echo "loadtest: wrk is not installed (Debian: apt-get install wrk)" >&2
		exit 1
	fi
fi
if [ ! -f web/app.wasm.br ]; then
	echo "loadtest: no built client in web/: run make build first" >&2
	exit 1
fi

work=$(mktemp -d)
pid=""
cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/explainer" .
if [ -z "${PORT:-}" ]; then
	PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 18437)
fi
base="http://127.0.0.1:$PORT"
"$work/explainer" serve -addr "127.0.0.1:$PORT" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
	if curl -fs -o /dev/null "$base/" 2>/dev/null; then break; fi
	sleep 0.1
done
curl -fsS -o /dev/null "$base/" || { echo "loadtest: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

rss() { awk '/^VmRSS:/ { printf "%.1f MB", $2 / 1024 }' "/proc/$pid/status"; }

# wrk's summary, one line: requests, duration (us), p50 and p99 (ms), errors.
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.2f %.2f %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
LUA

# Warm up: go-app's first render, the page cache of the wasm files.
for u in $URLS; do
	for _ in 1 2 3; do curl -fsS -o /dev/null -H 'Accept-Encoding: br' "$base$u"; done
done

echo "server: $(go version | cut -d' ' -f3), $(nproc) cores; wrk $THREADS threads, $CONNS connections, $DURATION per URL"
echo "RSS before: $(rss)"
printf '%-40s %10s %9s %9s %8s  %s\n' URL "req/s" "p50 ms" "p99 ms" errors result
failed=0
for u in $URLS; do
	headers=()
	case "$u" in
	*.wasm) headers=(-H 'Accept-Encoding: br') ;;
	esac
	line=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --timeout 5s "${headers[@]}" -s "$work/report.lua" "$base$u" | grep '^RESULT')
	read -r _ reqs dur p50 p99 ec er ew es et <<<"$line"
	rps=$(awk -v r="$reqs" -v d="$dur" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
	errors=$((ec + er + ew + es + et))
	verdict=ok
	if [ "$rps" -lt "$MIN_RPS" ] || awk -v p="$p99" -v m="$MAX_P99_MS" 'BEGIN { exit !(p >= m) }' || [ "$errors" -ne 0 ]; then
		verdict="MISSED (goal: >= $MIN_RPS req/s, p99 < $MAX_P99_MS ms, no errors)"
		failed=1
	fi
	printf '%-40s %10s %9s %9s %8s  %s\n' "$u" "$rps" "$p50" "$p99" "$errors" "$verdict"
	if [ "$errors" -ne 0 ]; then
		echo "    errors: connect $ec, read $er, write $ew, non-2xx/3xx $es, timeout $et"
	fi
	echo "    RSS after: $(rss)"
done
sleep 2
echo "RSS after all, idle 2 s: $(rss)"
exit $failed
