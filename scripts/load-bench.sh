#!/usr/bin/env bash
# load-bench.sh OUT C M [TTFT_MS ITL_MS TOKENS]
#
# The load benchmark's driver (issue 8): starts FakeLlmServerMain (bench-testkit) in its own JVM,
# resets its ground truth, runs a client against it, dumps the ground truth and stops the server.
# Output in OUT: client.json and client.out (the client's), gt_s0.json (server ground truth, the
# JSON shape of /work/shared/bench-anchor/fake_ollama.py), server.out, params.txt. Analyse with
#   python3 /work/shared/bench-anchor/analyze_client.py OUT
#
# Builds nothing: compile first with  ./mvnw -q -B -o -pl bench-testkit -am compile
# The server's classpath is bench-testkit/target/classes, bench-core/target/classes and the
# third-party jars listed by `./mvnw -q -o -pl bench-testkit dependency:build-classpath` (cached in
# bench-testkit/target/load-server.classpath; delete it to refresh).
#
# Environment:
#   CLIENT_CMD   the client, word-split (default: scripts/anchor-client); called with the bench-anchor
#                client contract: --urls U --concurrency C --num-requests M --endpoint EP --tag T
#                --out OUT/client.json.  Python aiohttp client:
#                CLIENT_CMD="/usr/bin/python3 /work/shared/bench-anchor/bench_client.py"
#   PORT         server port (default 11700)
#   FORMAT       ollama|openai|anthropic (default ollama); ENDPOINT default /api/chat
#   SERVER_JAVA_OPTS  JVM options of the server (default "-Xss256k -XX:+UseSerialGC -Xms1g -Xmx1g
#                -Xmn768m -XX:MaxTenuringThreshold=0 -XX:+AlwaysPreTouch": one GC thread that does not
#                compete with the client, a large young generation so that the GC pauses, which scan
#                every connection thread's stack, come seldom, and the recorded ground truth promoted
#                at once instead of being copied between survivor spaces at every pause)
#   SERVER_ARGS  extra FakeLlmServerMain arguments, e.g. "--emitters 0 --max-connections 4096"
#   WARMUP       requests of a warm-up run before the measured one (default: min(C,200); 0 for none):
#                the client at concurrency min(C,200) against the same server, output in
#                OUT/warmup.json, then the ground truth is reset, so the server's JIT is warm
set -euo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,4p' "$0" >&2
  exit 2
fi
OUT=$1; C=$2; M=$3; TTFT=${4:-200}; ITL=${5:-50}; N=${6:-100}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-11700}
FORMAT=${FORMAT:-ollama}
ENDPOINT=${ENDPOINT:-/api/chat}
JAVA_OPTS=${SERVER_JAVA_OPTS:--Xss256k -XX:+UseSerialGC -Xms1g -Xmx1g -Xmn768m -XX:MaxTenuringThreshold=0 -XX:+AlwaysPreTouch}
WARMUP=${WARMUP:-$(( C < 200 ? C : 200 ))}
CLIENT_CMD=${CLIENT_CMD:-$ROOT/scripts/anchor-client}
URL="http://127.0.0.1:$PORT"

for d in "$ROOT/bench-testkit/target/classes" "$ROOT/bench-core/target/classes"; do
  if [ ! -d "$d" ]; then
    echo "load-bench: $d is missing; build first: ./mvnw -q -B -o -pl bench-testkit -am compile" >&2
    exit 1
  fi
done
CPFILE="$ROOT/bench-testkit/target/load-server.classpath"
if [ ! -s "$CPFILE" ] || [ "$ROOT/bench-testkit/pom.xml" -nt "$CPFILE" ]; then
  (cd "$ROOT" && ./mvnw -q -B -o -pl bench-testkit dependency:build-classpath -DincludeScope=runtime \
      -DexcludeGroupIds=dev.llmbench -Dmdep.outputFile="$CPFILE") >&2
fi
CP="$ROOT/bench-testkit/target/classes:$ROOT/bench-core/target/classes:$(cat "$CPFILE")"

# shellcheck disable=SC2206  # CLIENT_CMD is deliberately split into words
CMD=($CLIENT_CMD)
if ! command -v "${CMD[0]}" > /dev/null 2>&1; then
  echo "load-bench: client '${CMD[0]}' not found; set CLIENT_CMD" >&2
  exit 1
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if curl -sf -o /dev/null "$URL/"; then
  echo "load-bench: something already answers on $URL; set PORT" >&2
  exit 1
fi
# shellcheck disable=SC2086  # option strings are deliberately split into words
java $JAVA_OPTS -cp "$CP" dev.llmbench.testkit.FakeLlmServerMain --port "$PORT" --format "$FORMAT" \
     --ttft-ms "$TTFT" --itl-ms "$ITL" --tokens "$N" ${SERVER_ARGS:-} > "$OUT/server.out" 2>&1 &
SPID=$!
trap 'kill $SPID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf -o /dev/null "$URL/" && break
  if ! kill -0 $SPID 2>/dev/null; then
    echo "load-bench: server exited:" >&2; cat "$OUT/server.out" >&2; exit 1
  fi
  sleep 0.1
done
if [ "$WARMUP" -gt 0 ]; then
  WC=$(( C < 200 ? C : 200 )); WC=$(( WC < WARMUP ? WC : WARMUP ))
  "${CMD[@]}" --urls "$URL" --concurrency "$WC" --num-requests "$WARMUP" --endpoint "$ENDPOINT" \
       --tag "warmup" --out "$OUT/warmup.json" > "$OUT/warmup.out" 2>&1
fi
curl -sf -o /dev/null -X POST "$URL/_gt/reset"
set +e
"${CMD[@]}" --urls "$URL" --concurrency "$C" --num-requests "$M" --endpoint "$ENDPOINT" \
     --tag "c$C" --out "$OUT/client.json" 2>&1 | tee "$OUT/client.out"
RC=${PIPESTATUS[0]}
set -e
curl -sf "$URL/_gt/dump?file=$OUT/gt_s0.json" > "$OUT/dump.out"
echo "$OUT C=$C M=$M servers=1 ttft=$TTFT itl=$ITL tokens=$N ep=$ENDPOINT format=$FORMAT port=$PORT" \
     "server=FakeLlmServerMain java_opts='$JAVA_OPTS' server_args='${SERVER_ARGS:-}' warmup=$WARMUP client=${CMD[*]}" \
     "load='$(cut -d' ' -f1-3 /proc/loadavg)' client_rc=$RC" > "$OUT/params.txt"
kill $SPID 2>/dev/null || true
wait $SPID 2>/dev/null || true
trap - EXIT
exit $RC
