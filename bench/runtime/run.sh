#!/bin/sh
# Runs the runtime benchmarks and their asyncio / concurrent.futures
# equivalents, and prints the ratios. Usage:
#   bench/runtime/run.sh [go-bench-regexp]
# Each Go benchmark runs COUNT times (default 3) of BENCHTIME (default 5x);
# the best run is compared, as the Python scripts report their best run.
#
# Extending it: put a Python script in bench/runtime/ that prints lines
# "<name> <value> <unit>" (lines starting with # are comments), add Go
# benchmarks to ./runtime, and list pairs in a bench/runtime/pairs_*.txt
# file: "<python-name> <BenchmarkName>". A pair whose Python unit is a time
# (s, ms, us, ns; per operation) is compared with the benchmark's ns/op and
# gets a ratio; other units are printed side by side.
#
# On a busy machine, RUNNER="chrt -f 10" (as root) runs both sides at a
# real-time priority, so that other processes do not skew the comparison.
set -eu
runner=${RUNNER:-}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== go benchmarks (./runtime)"
(cd "$root" && $runner go test -run '^$' -bench "${1:-.}" -benchtime "${BENCHTIME:-5x}" -count "${COUNT:-3}" ./runtime/) | tee "$out/go.txt"
# Like the Python scripts (best of 3), keep each benchmark's best run.
awk '/^Benchmark/ { n=$1; sub(/-[0-9]+$/, "", n); if (!(n in best) || $3 < best[n]) best[n] = $3 }
	END { for (n in best) print n, best[n] }' "$out/go.txt" > "$out/go.vals"

echo "== python (/usr/bin/python3)"
: > "$out/py.vals"
for py in "$here"/*.py; do
	$runner /usr/bin/python3 "$py" | tee -a "$out/py.vals"
done

echo "== ratios (python time / go time: above 1 means Go is faster)"
cat "$here"/pairs_*.txt | grep -v '^#' | while read -r pyname goname rest; do
	[ -n "$pyname" ] || continue
	py=$(awk -v n="$pyname" '$1 == n { print $2, $3 }' "$out/py.vals")
	g=$(awk -v n="$goname" '$1 == n { print $2 }' "$out/go.vals")
	if [ -z "$py" ] || [ -z "$g" ]; then
		echo "$pyname vs $goname: missing measurement"
		continue
	fi
	echo "$py" | awk -v pn="$pyname" -v gn="$goname" -v g="$g" '{
		p = $1; u = $2; f = 0
		if (u == "s" || u == "") f = 1; else if (u == "ms" || u ~ /^ms\//) f = 1e-3
		else if (u == "us" || u ~ /^us\//) f = 1e-6; else if (u == "ns" || u ~ /^ns\//) f = 1e-9
		if (f == 0) { printf "%-28s %12s %-10s %-34s %12.0f ns/op\n", pn, p, u, gn, g; exit }
		ps = p * f; gs = g / 1e9
		printf "%-28s %10.4fs  %-34s %10.4fs  x%.1f\n", pn, ps, gn, gs, ps / gs
	}'
done

# --- executors and the GIL model (queue/executor helper's lines) ---
echo "== executors: pool overhead, queue throughput, CPU work over 4 workers"
awk 'function metric(unit,   i) { for (i = 4; i < NF; i++) if ($(i+1) == unit) return $i; return 0 }
	/^BenchmarkExecutorSubmitResult/ { e = metric("ns/task") }
	/^BenchmarkRawPoolSubmitResult/ { r = metric("ns/task") }
	/^BenchmarkQueueBounded1/ { printf "go queue(1)                 %.0f items/s\n", metric("items/s") }
	/^BenchmarkCPUSpeedup/ { printf "go free4-speedup            %.2fx\ngo gil4-speedup             %.2fx\n", metric("free4-speedup"), metric("gil4-speedup") }
	END { if (e && r) printf "go pool submit+result       %.0f ns/task (raw goroutine pool %.0f ns/task, x%.2f)\n", e, r, e / r }' "$out/go.txt"
awk '$1 == "cpu_threads4_speedup" { printf "python threads4-speedup     %.2fx (GIL)\n", $2 }' "$out/py.vals"

# --- the same runtime calls made from a notebook cell, through the interpreter ---
echo "== from a cell (bench/runtime/from_cell.ipynb through gokernel run)"
top=$(cd "$here/../.." && pwd)
(cd "$top" && go build -o "$out/gokernel" ./cmd/gokernel)
"$out/gokernel" run --out "$out/nb" "$here/from_cell.ipynb" >/dev/null
/usr/bin/python3 - "$out/nb/from_cell.ipynb" <<'PY'
import json, sys
for c in json.load(open(sys.argv[1]))["cells"]:
    for o in c.get("outputs", []):
        if o.get("output_type") == "stream":
            print("".join(o["text"]), end="")
PY
