#!/usr/bin/env bash
# Scan page vs bare Kestrel redirect: wrk -t2 -c64 -d15s against each on loopback, then a small-threshold run that
# must not over-assign. Usage: bench/scan-bench.sh   (DURATION=15s CONNECTIONS=64 to change the load)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
PORTAL_PORT=${PORTAL_PORT:-5181}
BARE_PORT=${BARE_PORT:-5182}
UA='Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN'

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi

work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "publishing (Release) ..."
dotnet publish CommunityPortal/CommunityPortal.csproj -c Release -o "$work/portal" --nologo -v q >/dev/null
dotnet publish bench/ScanBench/ScanBench.csproj -c Release -o "$work/bare" --nologo -v q >/dev/null

export ConnectionStrings__Portal="Data Source=$work/bench.db"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
portal() { (cd "$work/portal" && dotnet CommunityPortal.dll "$@"); }
portal admin seed-bench-livecode --slug bench --groups 8 --threshold 100000
portal admin seed-bench-livecode --slug small --groups 3 --threshold 50

(cd "$work/portal" && exec dotnet CommunityPortal.dll --urls "http://127.0.0.1:$PORTAL_PORT") >"$work/portal.log" 2>&1 &
pids+=($!)
(cd "$work/bare" && exec dotnet ScanBench.dll --urls "http://127.0.0.1:$BARE_PORT") >"$work/bare.log" 2>&1 &
pids+=($!)
for url in "http://127.0.0.1:$PORTAL_PORT/healthz" "http://127.0.0.1:$BARE_PORT/q/x"; do
  for _ in $(seq 1 100); do curl -s -o /dev/null "$url" && break; sleep 0.2; done
done

# Requests/s and p99 (in ms) from wrk --latency output.
run() {
  local out rps p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "User-Agent: $UA" "$1")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")
  local errors; errors=$(awk '/Non-2xx or 3xx|Socket errors/' <<<"$out")
  [ -n "$errors" ] && echo "  wrk: $errors" >&2
  echo "$rps $p99"
}

echo "warm-up ..."
wrk -t2 -c"$CONNECTIONS" -d3s -H "User-Agent: $UA" "http://127.0.0.1:$BARE_PORT/q/bench" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d3s -H "User-Agent: $UA" "http://127.0.0.1:$PORTAL_PORT/q/bench" >/dev/null

read -r bare_rps bare_p99 < <(run "http://127.0.0.1:$BARE_PORT/q/bench")
read -r scan_rps scan_p99 < <(run "http://127.0.0.1:$PORTAL_PORT/q/bench")
printf '%-28s %12s %10s\n' "wrk -t2 -c$CONNECTIONS -d$DURATION" "requests/s" "p99 ms"
printf '%-28s %12.0f %10.2f\n' "bare Kestrel 302" "$bare_rps" "$bare_p99"
printf '%-28s %12.0f %10.2f\n' "portal /q/{slug}" "$scan_rps" "$scan_p99"
awk -v s="$scan_rps" -v b="$bare_rps" -v p="$scan_p99" 'BEGIN {
  r = s / b * 100; printf "ratio scan/bare: %.1f %% (target >= 30 %%), scan p99 %.2f ms (target < 20 ms)\n", r, p }'

echo "small thresholds (3 groups x 50) under the same load ..."
wrk -t2 -c"$CONNECTIONS" -d5s -H "User-Agent: $UA" "http://127.0.0.1:$PORTAL_PORT/q/small" >/dev/null
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
portal admin seed-bench-livecode --slug small --report
