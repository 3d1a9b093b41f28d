#!/usr/bin/env python3
"""How long after POST /api/v1/tickets returns does search find the new ticket?

Creates N tickets one after another, each with a unique made-up word, and polls
GET /api/v1/tickets?q=<word> every 10 ms until it is found. Prints min/p50/p90/max in ms.
Usage: bench/search-freshness.py [base-url] [token] [n]
"""
import json
import random
import sys
import time
import urllib.request

base = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18080").rstrip("/") + "/api/v1"
token = sys.argv[2] if len(sys.argv) > 2 else "kefu-bench-token-2026"
n = int(sys.argv[3]) if len(sys.argv) > 3 else 30
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def call(url, body=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode() if body else None, headers=headers,
                                     method="POST" if body else "GET")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


latencies = []
for _ in range(n):
    word = "zq" + "".join(random.choice("bcdfghjkmnpqrtvwxz") for _ in range(8)) + "x"
    call(base + "/tickets", {"subject": "freshness probe " + word, "description": "probe " + word,
                             "customer": {"email": "probe@bench.example.com", "name": "Probe"}})
    start = time.time()
    while not call(base + "/tickets?q=" + word)["items"]:
        if time.time() - start > 60:
            sys.exit("not searchable after 60 s: " + word)
        time.sleep(0.01)
    latencies.append((time.time() - start) * 1000)
    time.sleep(0.2)
latencies.sort()
print("n=%d min=%.0f p50=%.0f p90=%.0f max=%.0f ms" % (
    n, latencies[0], latencies[n // 2], latencies[int(n * 0.9)], latencies[-1]))
