#!/usr/bin/env python3
"""Times networkx on the graph graph_bench writes, for the ratio in bench/README.md.

    python3 bench/networkx_compare.py /tmp/graph_S.graphml /tmp/pairs_S.tsv

Reads the GraphML with networkx.read_graphml (MultiDiGraph), adds the reverse
of every symmetric edge (newsgraph follows those both ways), then times the
operations graph_bench times, on the pairs graph_bench saved with --pairs-out:
BFS from the same node, one shortest path (hops, weighted), 10 shortest simple
paths (hops, weighted). The weight of an edge is 1 / (1 + evidence_count), as
in newsgraph. Prints median and p90, and checks the costs against newsgraph's.
"""
import itertools
import resource
import statistics
import sys
import time

import networkx as nx


def quantiles(values):
    s = sorted(values)
    return statistics.median(s), s[min(len(s) - 1, int(0.9 * (len(s) - 1) + 0.5))]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, pairs_path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    g = nx.read_graphml(path, force_multigraph=True)
    read_s = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"read                         {read_s:8.2f} s   {g.number_of_nodes()} nodes, "
          f"{g.number_of_edges()} edges, peak RSS {rss_mb:.0f} MB")

    # Node keys are the XML ids; newsgraph ids are in 'uid' (the same here).
    simple = nx.DiGraph()
    simple.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        w = 1.0 / (1.0 + max(0, int(d.get("evidence_count", 0))))
        for a, b in ((u, v), (v, u)) if d.get("symmetric") else ((u, v),):
            if a == b:
                continue
            if not simple.has_edge(a, b) or simple[a][b]["w"] > w:
                simple.add_edge(a, b, w=w)

    bfs_node, pairs, expected = None, [], []
    with open(pairs_path) as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "bfs":
                bfs_node = cols[1]
            else:
                pairs.append((cols[1], cols[2]))
                expected.append((float(cols[3]), float(cols[4])))

    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        reached = len(nx.single_source_shortest_path_length(simple, bfs_node))
        times.append(time.perf_counter() - t0)
    print(f"BFS from one node            median {statistics.median(times) * 1e3:10.4f} ms   "
          f"({reached} nodes reached)")

    rows = {"one shortest path (hops)": [], "one shortest path (weighted)": [],
            "10 shortest paths (hops)": [], "10 shortest paths (weighted)": []}
    mismatches = 0
    for (s, t), (hops, weighted) in zip(pairs, expected):
        t0 = time.perf_counter()
        try:
            p = nx.shortest_path(simple, s, t)
            got_hops = len(p) - 1
        except nx.NetworkXNoPath:
            got_hops = -1
        rows["one shortest path (hops)"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        try:
            got_w = nx.bidirectional_dijkstra(simple, s, t, weight="w")[0]
        except nx.NetworkXNoPath:
            got_w = -1
        rows["one shortest path (weighted)"].append(time.perf_counter() - t0)
        for name, weight in (("10 shortest paths (hops)", None),
                             ("10 shortest paths (weighted)", "w")):
            t0 = time.perf_counter()
            try:
                list(itertools.islice(nx.shortest_simple_paths(simple, s, t, weight=weight), 10))
            except nx.NetworkXNoPath:
                pass
            rows[name].append(time.perf_counter() - t0)
        if got_hops != hops or abs(got_w - weighted) > 1e-9:
            mismatches += 1
    for name, values in rows.items():
        med, p90 = quantiles(values)
        print(f"{name:<28} median {med * 1e3:10.4f} ms   p90 {p90 * 1e3:10.4f} ms   "
              f"({len(values)} queries)")
    t0 = time.perf_counter()
    nx.write_graphml(g, "/tmp/networkx_compare_out.graphml")
    print(f"write                        {time.perf_counter() - t0:8.2f} s")
    print(f"costs that differ from newsgraph's: {mismatches} of {len(pairs)}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
