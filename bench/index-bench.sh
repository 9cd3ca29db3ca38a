#!/usr/bin/env bash
# Operation indices at issue 11's scale: 200,000 members and 2,000,000 events over 6 months (admin seed-bench-indices),
# then the portal's start-up rebuild and each index's first load, as ratios to baselines measured in the same run
# (bench/IndexBench). Usage: bench/index-bench.sh   (INDEX_DB=/path/file.db reuses a seeded database; MEMBERS=N)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-5191}
UNTIL=${UNTIL:-2026-12-01}
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

echo "publishing (Release) ..."
dotnet publish CommunityPortal/CommunityPortal.csproj -c Release -o "$work/portal" --nologo -v q >/dev/null
dotnet publish bench/IndexBench/IndexBench.csproj -c Release -o "$work/client" --nologo -v q >/dev/null

db=${INDEX_DB:-$work/indices.db}
export ConnectionStrings__Portal="Data Source=$db"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
portal() { (cd "$work/portal" && dotnet CommunityPortal.dll "$@"); }
if [ ! -s "$db" ]; then
  portal admin seed-bench-indices --members "${MEMBERS:-200000}" --until "$UNTIL"
fi
email="bench-$(date +%s)@example.cn"; password="Bench-pass-2026"
portal admin create-user --email "$email" --password "$password" --role Manager >/dev/null
key=$(portal admin create-api-key --name "bench-$(date +%s)" --role Manager | grep -oE '[A-Za-z0-9_-]{32,}' | tail -1)

(cd "$work/portal" && exec env "Logging__LogLevel__CommunityPortal.Features.Indices=Information" dotnet CommunityPortal.dll --urls "http://127.0.0.1:$PORT") >"$work/portal.log" 2>&1 &
pids+=($!)
dotnet "$work/client/IndexBench.dll" "http://127.0.0.1:$PORT" "$key" "$UNTIL"
dotnet "$work/client/IndexBench.dll" circuits "http://127.0.0.1:$PORT" "${pids[0]}" "$email" "$password" "${CIRCUITS:-40}"
grep -h "rebuilt" "$work/portal.log" || true
echo "portal memory after the run: $(ps -o rss= -p "${pids[0]}" | awk '{printf "%.0f MB", $1/1024}')"
