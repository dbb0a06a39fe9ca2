#!/usr/bin/env python3
"""Derive resources/packs/core/lexicons/name_idioms.toml: THUOCL idioms that contain a
county-or-higher division name (长治久安 holds 长治, 大同小异 holds 大同, 江山如画 holds 江山).

Account names built on such an idiom do not use the division (SA2023-2.1), so
checks.rules.division_names masks them before matching. Re-run after a gazetteer update:
    python tools/derive_place_idioms.py ../shared/lexicons/thuocl/THUOCL_chengyu.txt
THUOCL (THU Open Chinese Lexicon), © 2018 THUNLP, MIT licence.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.text.divisions import names  # noqa: E402

OUT = ROOT / "resources/packs/core/lexicons/name_idioms.toml"
HEADER = """# Idioms that contain a county-or-higher division name (长治久安 → 长治, 大同小异 → 大同): an
# account name built on one does not use the division (SA2023-2.1). Derived by
# tools/derive_place_idioms.py from THUOCL_chengyu (idioms with a division inside), not edited
# by hand. Contains word lists from THUOCL (THU Open Chinese Lexicon), © 2018 THUNLP, MIT licence.
kind = "lexicon"
lexicon = "name_idioms"
"""


def main(src: str) -> int:
    full, short = names()
    idioms = []
    for line in Path(src).read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0].strip()
        if len(word) >= 4 and any(n in word for n in (*short, *full)):
            idioms.append(word)
    body = ",\n".join(f'  "{w}"' for w in sorted(set(idioms)))
    OUT.write_text(HEADER + "entries = [\n" + body + ",\n]\n", encoding="utf-8")
    print(f"{len(set(idioms))} idioms → {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared/lexicons/thuocl/THUOCL_chengyu.txt")))
