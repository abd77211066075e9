#!/usr/bin/env python3
"""Compares two Sitrep SQLite stores as content, not row by row (usage: compare-stores.py A.db B.db; exit 1 when they differ): events by (doc, id), incidents by their
members, documents by id, stats and figures with keys mapped to (doc, id) / member sets."""
import sqlite3, sys, hashlib

def load(path):
    c = sqlite3.connect(path)
    ev = {r[0]: (r[2], r[1]) for r in c.execute("select key,id,doc from events")}
    out = {}
    cols = [r[1] for r in c.execute("pragma table_info(events)") if r[1] != 'key']
    out['events'] = sorted(map(repr, c.execute(f"select {','.join(cols)} from events")))
    members = {}
    for e, i in c.execute("select event, incident from incident_members"):
        members.setdefault(i, set()).add(ev[e])
    inc = {i: tuple(sorted(m)) for i, m in members.items()}
    out['incident_sets'] = sorted(map(repr, inc.values()))
    icols = [r[1] for r in c.execute("pragma table_info(incidents)") if r[1] not in ('id', 'updated_at')]
    out['incidents'] = sorted(repr((inc.get(r[0]), r[1:])) for r in c.execute(f"select id,{','.join(icols)} from incidents"))
    out['incident_figures'] = sorted(repr((inc.get(r[0]), r[1:])) for r in c.execute("select * from incident_figures"))
    out['incident_listing'] = sorted(repr((inc.get(r[0]), r[1:])) for r in c.execute("select * from incident_listing"))
    out['event_weapons'] = sorted(repr((ev[r[0]], r[1:])) for r in c.execute("select * from event_weapons"))
    out['event_places'] = sorted(repr((ev.get(r[0]), r[1:])) for r in c.execute("select * from event_places"))
    out['evidence'] = sorted(repr(r) for r in c.execute("select e.doc, e.id, v.* from evidence v join events e on e.key = v.rowid"))
    dcols = [r[1] for r in c.execute("pragma table_info(documents)") if r[1] != 'ingested_at']
    out['documents'] = sorted(map(repr, c.execute(f"select {','.join(dcols)} from documents")))
    for t in ('stats_days', 'stats_day_weapons', 'stats_day_weapon_packs'):
        out[t] = sorted(map(repr, c.execute(f"select * from {t}")))
    return out

a, b = load(sys.argv[1]), load(sys.argv[2])
bad = 0
for k in a:
    ha = hashlib.sha256('\n'.join(a[k]).encode()).hexdigest()[:16]
    hb = hashlib.sha256('\n'.join(b[k]).encode()).hexdigest()[:16]
    print(('same ' if ha == hb else 'DIFF ') + k, len(a[k]), len(b[k]), ha, hb)
    bad += ha != hb
print('differ:', bad)
sys.exit(1 if bad else 0)
