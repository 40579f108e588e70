#!/usr/bin/env python3
"""analyze-load-run.py OUT [TAG] - llmbench load mode against FakeLlmServerMain's ground truth.

Joins OUT/run-TAG/requests.jsonl (llmbench's per-request record) with OUT/gt_s0.json (the server's
write stamps) on the request id (<run id>-m0-<seq>, sent as X-Req-Id), and prints:
  err_ttft    = llmbench service TTFT - (server first token line written - server request read)
  err_latency = llmbench service latency - (server done line written - server request read)
  send_delay  = llmbench sent - intended (open loop: scheduler lateness and queueing)
  harness CPU = cores used by the llmbench process over the middle 60 % of its CPU samples
plus load.json's achieved rate, in-flight maximum and tokens/s. Both sides' times come from
CLOCK_MONOTONIC, but only differences within one side are used here.
"""
import json, os, sys


def pct(v, p):
    if not v:
        return float("nan")
    s = sorted(v)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def summ(name, v):
    print("  %-12s n=%d med=%.3f p90=%.3f p99=%.3f max=%.3f ms" % (
        name, len(v), pct(v, 50), pct(v, 90), pct(v, 99), max(v) if v else float("nan")))


def main(out, tag):
    run = os.path.join(out, "run-" + tag)
    load = json.load(open(os.path.join(run, "load.json")))
    rid = load["id"]
    gt = {r["req_id"]: r for r in json.load(open(os.path.join(out, "gt_s0.json")))["requests"]}
    ttft, lat, delay, absttft = [], [], [], []
    missing = 0
    for line in open(os.path.join(run, "requests.jsonl")):
        r = json.loads(line)
        g = gt.get("%s-m0-%d" % (rid, r["seq"]))
        if g is None or r["error"] or r["ttft_ns"] < 0:
            missing += 1
            continue
        tl = g["t_lines_ns"]
        e = r["ttft_ns"] / 1e6 - (tl[0] - g["t_req_read_ns"]) / 1e6
        ttft.append(e)
        absttft.append(abs(e))
        lat.append(r["latency_ns"] / 1e6 - (tl[-1] - g["t_req_read_ns"]) / 1e6)
        delay.append((r["sent_ns"] - r["intended_ns"]) / 1e6)
    m = load["models"][0]
    print("%s  mode=%s rate=%s concurrency=%s  requests=%d matched=%d unmatched=%d" % (
        run, load["load"]["mode"], load["load"]["rate_per_s"], load["load"]["concurrency"], m["started"],
        len(ttft), missing))
    print("  offered %.1f/s achieved %.1f/s max in flight %d, output %.0f tokens/s, errors %d" % (
        m["offered_rate_per_s"], m["achieved_rate_per_s"], m["max_in_flight"], m["output_tokens_per_s"],
        m["failed"]))
    summ("err_ttft", ttft)
    summ("|err_ttft|", absttft)
    summ("err_latency", lat)
    summ("send_delay", delay)
    rows = [l.split() for l in open(os.path.join(out, "cpu-%s.tsv" % tag)) if l.strip()]
    if len(rows) >= 5:
        a, b = rows[len(rows) // 5], rows[len(rows) * 4 // 5]
        cores = (int(b[1]) - int(a[1])) / int(a[2]) / ((int(b[0]) - int(a[0])) / 1e9)
        print("  harness CPU %.2f cores over %.0f s of the steady middle of the run" % (
            cores, (int(b[0]) - int(a[0])) / 1e9))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: analyze-load-run.py OUT TAG  (TAG: c<concurrency>, as load-bench.sh names the run)")
    main(sys.argv[1], sys.argv[2])
