from pathlib import Path
import yaml
from test_search import recall, QUERIES, OTHER_NAMES
EX = yaml.safe_load(Path("/work/notes/ex/queries.yml").read_text(encoding="utf-8"))

def test_scratch(visit, built_site):
    for name, cases in (("exercises", EX), ("curated", QUERIES), ("other", OTHER_NAMES)):
        r1, r3, misses = recall(visit, built_site, cases)
        print(f"\n{name}: {len(cases)} r@1 {r1:.3f} r@3 {r3:.3f} misses {misses}")
