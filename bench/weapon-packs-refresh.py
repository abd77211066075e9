"""Refreshing every weapons day once: the triggers packing per row (a6786a9) against the writer's row and one pack per day (stop 28)."""
import sqlite3, time, re, statistics, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
guarded = {n: s for n, s in c.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger' AND tbl_name='stats_day_weapons'")}
old = {n: re.sub(r"\s+WHEN NOT EXISTS \(SELECT 1 FROM store_meta WHERE key = 'stats_packs_by_writer'\)", "", s) for n, s in guarded.items()}
days = [d for (d,) in c.execute("SELECT DISTINCT day FROM stats_day_weapons")]
import json
dl = json.dumps(days)
before = c.execute("SELECT day, rows FROM stats_day_weapon_packs ORDER BY day").fetchall()
def refresh(writer):
    c.execute("BEGIN")
    if not writer:
        for n, s in old.items():
            c.execute(f"DROP TRIGGER {n}"); c.execute(s)
    c.execute("CREATE TEMP TABLE IF NOT EXISTS saved AS SELECT * FROM stats_day_weapons ORDER BY rowid")
    t = time.perf_counter()
    if writer:
        c.execute("INSERT INTO store_meta (key, value) VALUES ('stats_packs_by_writer', '')")
    c.execute("DELETE FROM stats_day_weapons WHERE day IN (SELECT value FROM json_each(?))", (dl,))
    c.execute("INSERT INTO stats_day_weapons (day, launched_by, claimant, weapon, incidents, launched, intercepted) SELECT day, launched_by, claimant, weapon, incidents, launched, intercepted FROM saved")
    if writer:
        c.execute("DELETE FROM stats_day_weapon_packs WHERE day IN (SELECT value FROM json_each(?))", (dl,))
        c.execute("""INSERT INTO stats_day_weapon_packs (day, rows)
            SELECT d.value, (SELECT json_group_array(json_array(launched_by, claimant, weapon, incidents, launched, intercepted))
                             FROM (SELECT * FROM stats_day_weapons w WHERE w.day = d.value ORDER BY launched_by, claimant, weapon, rowid))
            FROM json_each(?) d WHERE EXISTS (SELECT 1 FROM stats_day_weapons w WHERE w.day = d.value)""", (dl,))
        c.execute("DELETE FROM store_meta WHERE key = 'stats_packs_by_writer'")
    el = time.perf_counter() - t
    same = c.execute("SELECT day, rows FROM stats_day_weapon_packs ORDER BY day").fetchall() == before
    c.execute("ROLLBACK")
    return el, same
res = {False: [], True: []}
for i in range(7):
    for w in (False, True):
        el, same = refresh(w)
        assert same
        res[w].append(el)
for w in (False, True):
    print("writer packs once" if w else "triggers per row ", len(days), "days,", sum(1 for _ in c.execute("SELECT 1 FROM stats_day_weapons")), "rows:", " ".join(f"{x*1000:.0f}" for x in res[w]), "ms; median", f"{statistics.median(res[w])*1000:.0f} ms")
