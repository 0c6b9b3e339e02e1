#!/usr/bin/env bash
# Load test of the explainer's server with the shapes of real traffic to a
# shared explainer, on loopback only, each run bounded in time:
#
#   root      /, one URL: the reference figure
#   tracking  /?utm_source=... different on every request (each click from
#             a social network or a newsletter is a URL of its own)
#   mix       what readers ask for: the default view, every event, every
#             state, dates, the embeds; four in ten with tracking
#             parameters unique to the request
#   flood     unique junk URLs (unknown, malformed and tracking parameters)
#             at full speed, while READERS connections ask for the mix:
#             the readers' figures are the ones that count
#   wasm      SLOW_CLIENTS clients fetching the hashed app.wasm at once, each
#             at SLOW_RATE bytes/s, while READERS connections ask for the mix
#   cdn       the mix through nginx with deploy/nginx-cdn.conf in front of
#             the server; then the hashed wasm through it. The hit ratio is
#             nginx's $upstream_cache_status over the mix's requests
#
# For each: requests/s, p50 and p99 latency, errors and the server's
# resident memory (RSS) after it. Then each goal with its figure:
#   mix >= 10,000 req/s, p99 < 25 ms, no errors;
#   tracking within 2x of root's req/s;
#   readers' p99 < 50 ms while the flood runs;
#   through the proxy a hit ratio >= 99% on the mix, and the wasm never
#   revalidated (only the first request of each coding reaches the server);
#   RSS within 20% across the runs (after the warm-up).
# The machine's load average is printed at the start and the end: other
# work on the machine moves every figure. The script exits 1 if a goal is
# missed.
#
# Settings, from the environment: DURATION (10s per run), THREADS (2),
# CONNS (50), READERS (10), SLOW_CLIENTS (100), SLOW_RATE (262144 bytes/s
# each: the wasm takes them about 5 s; tools/slowclients), PORT and
# CDN_PORT (free ones). Needs wrk, curl and nginx (Debian: apt-get install
# wrk nginx); wrk is installed with apt-get when missing and the script
# runs as root.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
THREADS=${THREADS:-2}
CONNS=${CONNS:-50}
READERS=${READERS:-10}
SLOW_CLIENTS=${SLOW_CLIENTS:-100}
SLOW_RATE=${SLOW_RATE:-262144}
BROWSER_AE='gzip, deflate, br, zstd'

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
for tool in curl nginx; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "loadtest: $tool is not installed (Debian: apt-get install $tool)" >&2
		exit 1
	fi
done
if [ ! -f web/app.wasm.br ]; then
	echo "loadtest: no built client in web/: run make build first" >&2
	exit 1
fi

work=$(mktemp -d)
pid=""
cdn_pid=""
bg_pids=()
cleanup() {
	for p in "${bg_pids[@]}" "$cdn_pid" "$pid"; do
		if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
			kill -TERM "$p" 2>/dev/null || true
			wait "$p" 2>/dev/null || true
		fi
	done
	rm -rf "$work"
}
trap cleanup EXIT

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo "$1"
}
PORT=${PORT:-$(free_port 18437)}
CDN_PORT=${CDN_PORT:-$(free_port 18438)}
if [ "$CDN_PORT" = "$PORT" ]; then CDN_PORT=$((PORT + 1)); fi
base="http://127.0.0.1:$PORT"
cdn="http://127.0.0.1:$CDN_PORT"

go build -o "$work/explainer" .
go build -o "$work/slowclients" ./tools/slowclients
# The origin readers reach it at, as a site behind a CDN is served: pages
# asked for directly and through the proxy are then the same pages.
"$work/explainer" serve -addr "127.0.0.1:$PORT" -origin "http://127.0.0.1:$CDN_PORT" >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
	if curl -fs -o /dev/null "$base/" 2>/dev/null; then break; fi
	sleep 0.1
done
curl -fsS -o /dev/null "$base/" || { echo "loadtest: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

# The proxy: deploy/nginx-cdn.conf with its address, origin, cache folder
# and a log of each request's cache status set here.
mkdir -p "$work/cdn/tmp" "$work/cdn/cache"
sed -e "s|listen 8081;|listen 127.0.0.1:$CDN_PORT;|" \
	-e "s|server 127.0.0.1:8000;|server 127.0.0.1:$PORT;|" \
	-e "s|/var/cache/explainer-cdn |$work/cdn/cache |" \
	-e "s|access_log off;|log_format status '\$upstream_cache_status \$uri'; access_log $work/cdn/status.log status buffer=64k flush=1s;|" \
	-e "s|^http {|http {\n\tclient_body_temp_path tmp/body;\n\tproxy_temp_path tmp/proxy;\n\tfastcgi_temp_path tmp/fastcgi;\n\tuwsgi_temp_path tmp/uwsgi;\n\tscgi_temp_path tmp/scgi;|" \
	deploy/nginx-cdn.conf >"$work/cdn/nginx.conf"
nginx -p "$work/cdn/" -c "$work/cdn/nginx.conf" -g 'daemon off; master_process off;' >"$work/cdn/nginx.out" 2>&1 &
cdn_pid=$!
for _ in $(seq 1 50); do
	if curl -fs -o /dev/null "$cdn/" 2>/dev/null; then break; fi
	sleep 0.1
done
curl -fsS -o /dev/null "$cdn/" || { echo "loadtest: nginx did not start:" >&2; cat "$work/cdn/nginx.out" >&2; exit 1; }

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }

# The hashed wasm, as app.js names it; the events and states, as the page
# links and draws them.
wasm=$(curl -fsS "$base/app.js" | grep -o '/web/[0-9a-f]*/app\.wasm' | head -1)
page=$(curl -fsS "$base/")
events=$(grep -o 'data-event="[a-z0-9-]*"' <<<"$page" | cut -d'"' -f2 | sort -u)
states=$(grep -o 'data-iso="[A-Z]*"' <<<"$page" | cut -d'"' -f2 | sort -u)
if [ -z "$wasm" ] || [ -z "$events" ] || [ -z "$states" ]; then
	echo "loadtest: could not read the hashed wasm, the events or the states from the server" >&2
	exit 1
fi

# The mix's paths, repeated by how often readers ask for them: the opening
# page most, then events, states, dates (the same ones every run) and the
# embeds; the views at their canonical paths, which the pages link.
{
	for _ in $(seq 1 120); do echo "/"; done
	for e in $events; do for _ in 1 2 3; do echo "/event/$e/"; done; done
	for s in $states; do echo "/country/$s/"; done
	RANDOM=42
	for _ in $(seq 1 60); do
		echo "/at/$(date -u -d "@$((694224000 + (RANDOM * 32768 + RANDOM) % 1104537600))" +%F)/"
	done
	for v in all map timeline article; do for _ in $(seq 1 8); do echo "/embed?view=$v"; done; done
} >"$work/paths.txt"

# wrk's summary, one line: requests, duration (us), p50 and p99 (ms), errors.
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.2f %.2f %d %d %d %d %d\n",
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
LUA
# Each thread numbers its requests: URLs unique across threads and runs.
cat >"$work/threads.lua" <<'LUA'
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
LUA
{
	cat "$work/threads.lua"
	cat <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, "/?utm_source=share" .. tid .. "x" .. n)
end
LUA
	cat "$work/report.lua"
} >"$work/tracking.lua"
{
	cat "$work/threads.lua"
	cat <<LUA
local file = "$work/paths.txt"
LUA
	cat <<'LUA'
local paths, n = {}, 0
init = function(args)
  for line in io.lines(file) do paths[#paths + 1] = line end
  math.randomseed(tid * 7919 + os.time())
end
local tracking = {"fbclid=IwAR", "utm_source=newsletter&utm_medium=email&utm_campaign=", "gclid=Cj0K", "mc_eid="}
request = function()
  n = n + 1
  local p = paths[math.random(#paths)]
  if math.random() < 0.4 then
    local sep = p:find("?", 1, true) and "&" or "?"
    p = p .. sep .. tracking[math.random(#tracking)] .. tid .. "x" .. n
  end
  return wrk.format(nil, p)
end
LUA
	cat "$work/report.lua"
} >"$work/mix.lua"
{
	cat "$work/threads.lua"
	cat <<'LUA'
local n = 0
local junk = {"x%d=%d", "%%zz%d=%d", "at=garbage%d-%d", "event=nope%d&q=%d", "a%d=%%ff%d", "utm_term=%d&ref=%d", "country=ZZ%d&_=%d"}
request = function()
  n = n + 1
  local path = (n % 5 == 0) and "/embed?" or "/?"
  return wrk.format(nil, path .. string.format(junk[n % #junk + 1], tid, n) .. "&r=" .. math.random(1e9))
end
LUA
	cat "$work/report.lua"
} >"$work/flood.lua"

# run NAME CONNS URL SCRIPT [wrk args...]: one wrk run; prints its line and
# keeps the figures in fig_NAME_{rps,p50,p99,err}.
run() {
	local name=$1 conns=$2 url=$3 script=$4
	shift 4
	local line
	line=$(wrk -t"$THREADS" -c"$conns" -d"$DURATION" --timeout 5s -H "Accept-Encoding: $BROWSER_AE" "$@" -s "$script" "$url" | grep '^RESULT') || {
		echo "loadtest: wrk failed for $name" >&2
		exit 1
	}
	report "$name" "$line"
}

report() {
	local name=$1 reqs dur p50 p99 ec er ew es et
	read -r _ reqs dur p50 p99 ec er ew es et <<<"$2"
	local rps errors rss
	rps=$(awk -v r="$reqs" -v d="$dur" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
	errors=$((ec + er + ew + es + et))
	rss=$(rss_kb)
	rss_samples+=("$rss")
	printf '%-16s %10s %9s %9s %8s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$(mb "$rss")"
	if [ "$errors" -ne 0 ]; then
		echo "    errors: connect $ec, read $er, write $ew, non-2xx/3xx $es, timeout $et"
	fi
	printf -v "fig_${name//[^a-z]/_}_rps" '%s' "$rps"
	printf -v "fig_${name//[^a-z]/_}_p50" '%s' "$p50"
	printf -v "fig_${name//[^a-z]/_}_p99" '%s' "$p99"
	printf -v "fig_${name//[^a-z]/_}_err" '%s' "$errors"
}

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $(go version | cut -d' ' -f3), $(nproc) cores; wrk $THREADS threads, $CONNS connections, $DURATION per run"
echo "RSS at start: $(mb "$(rss_kb)")"

# Warm-up: every path of the mix once, and the wasm, as readers would
# have asked for them before; RSS is compared from here on.
while read -r p; do curl -fsS -o /dev/null -H "Accept-Encoding: $BROWSER_AE" "$base$p"; done < <(sort -u "$work/paths.txt")
curl -fsS -o /dev/null -H 'Accept-Encoding: br' "$base$wasm"
rss_samples=()
echo "RSS after warm-up: $(mb "$(rss_kb)")"
rss_samples+=("$(rss_kb)")

printf '%-16s %10s %9s %9s %8s %10s\n' run "req/s" "p50 ms" "p99 ms" errors "RSS after"
run root "$CONNS" "$base/" "$work/report.lua"
run tracking "$CONNS" "$base/" "$work/tracking.lua"
run mix "$CONNS" "$base/" "$work/mix.lua"

# The flood and the readers at once; the readers' figures are the goal's.
wrk -t1 -c"$CONNS" -d"$DURATION" --timeout 5s -H "Accept-Encoding: $BROWSER_AE" -s "$work/flood.lua" "$base/" >"$work/flood.out" &
bg_pids+=($!)
run readers_flood "$READERS" "$base/" "$work/mix.lua"
wait "${bg_pids[-1]}"
report flood "$(grep '^RESULT' "$work/flood.out")"

# Slow clients fetching the wasm at once, readers meanwhile.
wasm_size=$(curl -fsS -H 'Accept-Encoding: br' -o /dev/null -w '%{size_download}' "$base$wasm")
"$work/slowclients" -url "$base$wasm" -n "$SLOW_CLIENTS" -rate "$SLOW_RATE" -accept-encoding br -size "$wasm_size" >"$work/slow.out" 2>"$work/slow.err" &
bg_pids+=($!)
run readers_wasm "$READERS" "$base/" "$work/mix.lua"
wait "${bg_pids[-1]}" || true
bg_pids=()
read -r _ slow_ok slow_err slow_p50 slow_p99 slow_secs < <(grep '^RESULT' "$work/slow.out" || echo "RESULT 0 $SLOW_CLIENTS - - 1")
slow_rps=$(awk -v n="$slow_ok" -v s="$slow_secs" 'BEGIN { printf "%.1f", n / s }')
rss=$(rss_kb)
rss_samples+=("$rss")
printf '%-16s %10s %9s %9s %8s %10s   (%d clients at %s bytes/s, %s bytes each)\n' wasm_slow "$slow_rps" "$slow_p50" "$slow_p99" "$slow_err" "$(mb "$rss")" "$SLOW_CLIENTS" "$SLOW_RATE" "$wasm_size"
if [ "$slow_err" != 0 ]; then sed 's/^/    /' "$work/slow.err" | sort | uniq -c | head -5; fi

# Through the proxy: the mix, then the wasm in both codings browsers use.
logged() { wc -l <"$work/cdn/status.log" 2>/dev/null || echo 0; }
sleep 1.5
from=$(logged)
run cdn_mix "$CONNS" "$cdn/" "$work/mix.lua"
sleep 1.5
to=$(logged)
read -r cdn_total cdn_hits < <(sed -n "$((from + 1)),${to}p" "$work/cdn/status.log" | awk '{ n++ } $1 == "HIT" { h++ } END { printf "%d %d\n", n, h }')
cdn_ratio=$(awk -v h="$cdn_hits" -v n="$cdn_total" 'BEGIN { if (n == 0) print "0.00"; else printf "%.2f", 100 * h / n }')
curl -fsS -o /dev/null -H "Accept-Encoding: $BROWSER_AE" "$cdn$wasm"
sleep 1.5
from=$(logged)
run cdn_wasm 10 "$cdn$wasm" "$work/report.lua"
sleep 1.5
to=$(logged)
read -r wasm_total wasm_asked < <(sed -n "$((from + 1)),${to}p" "$work/cdn/status.log" | awk '{ n++ } $1 != "HIT" { a++ } END { printf "%d %d\n", n, a }')

sleep 2
idle=$(rss_kb)
rss_samples+=("$idle")
echo "RSS after all, idle 2 s: $(mb "$idle")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

# The goals, each with its figure.
failed=0
goal() { # goal TEXT FIGURE MET(0/1)
	local verdict=met
	if [ "$3" != 1 ]; then verdict=MISSED; failed=1; fi
	printf '  %-62s %-34s %s\n' "$1" "$2" "$verdict"
}
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? 1 : 0 }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'; }
rss_min=$(printf '%s\n' "${rss_samples[@]}" | sort -n | head -1)
rss_max=$(printf '%s\n' "${rss_samples[@]}" | sort -n | tail -1)
rss_spread=$(awk -v a="$rss_min" -v b="$rss_max" 'BEGIN { printf "%.0f", 100 * (b - a) / a }')
tracking_ratio=$(awk -v t="$fig_tracking_rps" -v r="$fig_root_rps" 'BEGIN { printf "%.2f", t / r }')
echo "goals:"
goal "mix >= 10000 req/s" "$fig_mix_rps req/s" "$(ge "$fig_mix_rps" 10000)"
goal "mix p99 < 25 ms" "$fig_mix_p99 ms" "$(lt "$fig_mix_p99" 25)"
goal "mix without errors" "$fig_mix_err errors" "$([ "$fig_mix_err" -eq 0 ] && echo 1 || echo 0)"
goal "unique tracking URL within 2x of / (req/s ratio >= 0.5)" "$fig_tracking_rps / $fig_root_rps = $tracking_ratio" "$(ge "$tracking_ratio" 0.5)"
goal "readers' p99 < 50 ms during the junk flood" "$fig_readers_flood_p99 ms (flood $fig_flood_rps req/s)" "$(lt "$fig_readers_flood_p99" 50)"
goal "behind nginx proxy_cache: hit ratio >= 99% on the mix" "$cdn_ratio% ($cdn_hits of $cdn_total)" "$(ge "$cdn_ratio" 99)"
goal "behind nginx: the wasm never revalidated once cached" "$wasm_asked of $wasm_total not a HIT" "$([ "$wasm_asked" -eq 0 ] && echo 1 || echo 0)"
goal "RSS within 20% across the runs" "$(mb "$rss_min") .. $(mb "$rss_max") ($rss_spread%)" "$([ "$rss_spread" -le 20 ] && echo 1 || echo 0)"
exit $failed
