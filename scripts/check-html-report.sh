#!/usr/bin/env bash
# Checks the HTML report in a real browser (headless Chromium, Debian's `chromium` package):
#   1. writes every result format of a run whose responses, check details, error messages, test ids
#      and model names are hostile (HTML and script payloads; bench-core's test fixture HostileRun);
#   2. renders report.html with --dump-dom and --screenshot;
#   3. checks that the DOM the browser built holds each payload as TEXT, that no <script>, <img> or
#      event-handler attribute was injected, that no injected handler ran (it would have set
#      data-pwned on <html>), and that the five SVG charts are there with one series per model;
#   4. does the same chart check for the report of a real offline run (two sim models, via the CLI).
# Usage: scripts/check-html-report.sh [OUTPUT_DIR]   (default: a new temporary directory)
# Installs chromium with apt-get when it is missing (needs root or sudo). Exit 0 when every check passes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"

fail() { echo "check-html-report: FAIL: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "check-html-report: installing chromium (apt-get)..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -q >&2
  $sudo_cmd apt-get install -y -q chromium >&2
fi
chromium_bin="$(command -v chromium)"

browse() { # browse FILE ARGS... : headless, no network services, a throwaway profile
  local file="$1"; shift
  local profile; profile="$(mktemp -d)"
  timeout 180 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" "$@" \
    "file://$file" 2>>"$out/chromium.log"
  rm -rf "$profile"
}

echo "check-html-report: building (./mvnw -q -B -DskipTests -pl bench-cli -am package)..." >&2
(cd "$root" && ./mvnw -q -B -DskipTests -pl bench-cli -am package >&2)
jar="$root/bench-cli/target/llmbench.jar"
[ -f "$jar" ] || fail "$jar was not built"

# 1. The hostile run.
hostile="$out/hostile"
java -cp "$jar:$root/bench-core/target/test-classes" dev.llmbench.core.results.format.HostileRun "$hostile" >/dev/null
report="$hostile/report.html"
[ -s "$report" ] || fail "no $report"

# 2. Render it.
browse "$report" --dump-dom >"$hostile/dom.html"
browse "$report" --hide-scrollbars --window-size=1280,3000 --screenshot="$hostile/report.png" >/dev/null
[ -s "$hostile/report.png" ] || fail "no screenshot"

# 3. Check the DOM.
dom="$hostile/dom.html"
for text in '&lt;script&gt;alert(1)&lt;/script&gt;' '&lt;img src=x onerror=alert(1)&gt;' \
            '&lt;svg onload=alert(1)&gt;' '&lt;/pre&gt;&lt;/details&gt;&lt;/section&gt;&lt;script&gt;alert(2)&lt;/script&gt;' \
            ']]&gt;&lt;![CDATA[&lt;x&gt;]]&gt;'; do
  grep -qF -- "$text" "$dom" || fail "payload not shown as text: $text"
done
if grep -qiE '<(script|img|iframe|object|embed)[[:space:]>]' "$dom"; then
  fail "an injected element is in the DOM: $(grep -oiE '<(script|img|iframe|object|embed)[^>]*>' "$dom" | head -1)"
fi
if grep -qiE '<[^<>]*[[:space:]]on[a-z]+[[:space:]]*=' "$dom"; then
  fail "an event-handler attribute is in the DOM: $(grep -oiE '<[^<>]*[[:space:]]on[a-z]+[[:space:]]*=[^>]*>' "$dom" | head -1)"
fi
grep -qF '<html lang="en">' "$dom" || fail "the <html> element changed (did an injected handler run?): $(grep -o '<html[^>]*>' "$dom")"

check_charts() { # check_charts DOM SERIES
  local d="$1" series="$2" kind
  for kind in scores ttft latency itl tps; do
    local svg
    svg="$(tr '\n' ' ' <"$d" | grep -oE "<svg[^>]*class=\"chart chart-$kind\".*" | sed 's#</svg>.*##')"
    [ -n "$svg" ] || fail "chart $kind is missing in $d"
    local n; n="$(grep -o '<g class="series"' <<<"$svg" | wc -l)"
    [ "$n" -eq "$series" ] || fail "chart $kind has $n series in $d, expected $series"
  done
}
check_charts "$dom" 2

# 4. A real offline run through the CLI.
sim="$out/sim-run"
"$root/llmbench" run --model "sim:oracle?ttft=50ms&tps=200" --model "sim:echo?ttft=5ms&tps=2000" \
  --trials 2 --warmup 0 --format json,html --out "$sim" >"$out/sim-run.log" 2>&1 \
  || fail "the sim run failed; see $out/sim-run.log"
browse "$sim/report.html" --dump-dom >"$sim/dom.html"
browse "$sim/report.html" --hide-scrollbars --window-size=1280,3000 --screenshot="$sim/report.png" >/dev/null
check_charts "$sim/dom.html" 2

echo "check-html-report: OK"
echo "  hostile report: $report (screenshot $hostile/report.png, DOM $dom)"
echo "  sim report:     $sim/report.html (screenshot $sim/report.png)"
