"""Build danvan's geography data from the vietnamadminunits wheel on PyPI.

Run from the repository root (needs pip and network access to PyPI, nothing else):

    python scripts/build_geography.py                  # version 1.0.4, the one checked in
    python scripts/build_geography.py --version 1.0.5  # another upstream release
    python scripts/build_geography.py --wheel path/to/vietnamadminunits-1.0.4-py3-none-any.whl

The script downloads the wheel into a temporary directory (``pip download --no-deps``),
reads its data files straight from the unpacked wheel (the SQLite file
``data/dataset.db`` for the 63- and 34-province lists and ``data/converter_2025.json``
for the old-to-new mapping; it never imports the package), checks the counts against
the official figures, and writes three files into ``src/danvan/data/``:

- ``geography.json.gz``: the places and the mapping, in the compact format read by
  :mod:`danvan.geography` (described in its ``_load`` function and below);
- ``LICENSE``: upstream's licence text (MIT), which must travel with the data;
- ``SOURCE.md``: where the data came from, the wheel's hash, the date of the build and
  the counts against the official figures, differences included.

Format 1 of ``geography.json.gz`` (gzip of UTF-8 JSON)::

    {"format": 1, "source": {...},
     "old": [[code, type, rest, parent_code_or_null], ...],   # the 63-province map
     "new": [[code, type, rest, parent_code_or_null], ...],   # the 34-province map
     "provinces": [[old_code, new_code], ...],
     "communes": [[old_code, new_code, how], ...]}

``type`` is a :class:`danvan.geography.PlaceType` value, ``rest`` the name without its
type word ("Hồng Lĩnh" for "Thị xã Hồng Lĩnh"); ``how`` is 0 when the whole old
commune went into the new one, 1 when it was split and this is its default new
commune, 2 for another part of a split commune. The five island districts that had no
communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) appear in ``communes`` with
their district code, since each became a special zone (đặc khu).
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import hashlib
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

PACKAGE = "vietnamadminunits"
DEFAULT_VERSION = "1.0.4"
FORMAT = 1
OUT = Path(__file__).resolve().parent.parent / "src" / "danvan" / "data"

#: The type word a name starts with, as the official lists write it, by place type.
PREFIXES = {
    "province": "Tỉnh",
    "city": "Thành phố",
    "district": "Huyện",
    "urban_district": "Quận",
    "town": "Thị xã",
    "provincial_city": "Thành phố",
    "commune": "Xã",
    "ward": "Phường",
    "township": "Thị trấn",
    "special_zone": "Đặc khu",
}
DISTRICT_TYPES = {
    "Huyện": "district",
    "Quận": "urban_district",
    "Thị xã": "town",
    "Thành phố": "provincial_city",
}
COMMUNE_TYPES = {
    "Xã": "commune",
    "Phường": "ward",
    "Thị trấn": "township",
    "Đặc khu": "special_zone",
}

#: Official figures (NQ 202/2025/QH15 and the resolutions on the communes; DOMAIN.md).
OFFICIAL = {
    "new provinces": 34,
    "new provinces: tỉnh": 28,
    "new provinces: thành phố": 6,
    "new communes": 3321,
    "new communes: xã": 2621,
    "new communes: phường": 687,
    "new communes: đặc khu": 13,
    "old provinces": 63,
    "old communes": 10602,
    "old communes merged": 9328,
    "old communes split": 1033,
}


class BuildError(Exception):
    """The upstream data is not what this script expects."""


def download(version: str, into: Path) -> Path:
    """``pip download`` the wheel (no dependencies) and return its path."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--disable-pip-version-check",
            "--quiet",
            f"{PACKAGE}=={version}",
            "-d",
            str(into),
        ],
        check=True,
    )
    wheels = sorted(into.glob(f"{PACKAGE}-{version}-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one wheel in {into}, found {wheels}")
    return wheels[0]


def split_name(name: str, type_: str) -> str:
    """The name without its type word; the type word must be there (any case)."""
    prefix = PREFIXES[type_]
    if not name.casefold().startswith(prefix.casefold() + " "):
        raise BuildError(f"{name!r} does not start with {prefix!r}")
    rest = name[len(prefix) + 1 :].strip()
    if not rest:
        raise BuildError(f"{name!r} has nothing after its type word")
    return rest


def province_type(name: str) -> str:
    return "city" if name.startswith("Thành phố ") else "province"


#: Units whose type column upstream disagrees with the type word of their name; the
#: name wins (see SOURCE.md). Filled in by :func:`commune_type`.
MISMATCHES: list[str] = []


def commune_type(name: str, column: str, code: str) -> str:
    """The type from the name's type word, noting where upstream's type column differs."""
    folded = name.casefold()
    for word, type_ in COMMUNE_TYPES.items():
        if folded.startswith(word.casefold() + " "):
            if word != column:
                MISMATCHES.append(f"{code} {name} (type column: {column})")
            return type_
    raise BuildError(f"{name!r} ({code}) starts with no commune type word")


def read_places(db: sqlite3.Connection) -> tuple[list[list[Any]], list[list[Any]], dict[str, Any]]:
    """The old and new lists as rows of [code, type, rest, parent], and key maps."""
    old: dict[str, list[Any]] = {}
    keys: dict[str, Any] = {"old_province": {}, "old_commune": {}, "new_province": {}}
    keys["new_commune"] = {}
    legacy = db.execute(
        "SELECT province, provinceCode, provinceKey, district, districtType, districtCode,"
        " districtKey, ward, wardType, wardCode, wardKey FROM admin_units_legacy"
    )
    for (
        p_name,
        p_code,
        p_key,
        d_name,
        d_type,
        d_code,
        d_key,
        w_name,
        w_type,
        w_code,
        w_key,
    ) in legacy:
        p_type = province_type(p_name)
        row = [p_code, p_type, split_name(p_name, p_type), None]
        if old.setdefault(p_code, row) != row:
            raise BuildError(f"province {p_code} has two names: {old[p_code]} and {row}")
        keys["old_province"][p_key] = p_code
        d_type_ = DISTRICT_TYPES[d_type]
        row = [d_code, d_type_, split_name(d_name, d_type_), p_code]
        if old.setdefault(d_code, row) != row:
            raise BuildError(f"district {d_code} has two rows: {old[d_code]} and {row}")
        key = f"{p_key}_{d_key}_{w_key or ''}"
        if w_code is None:  # an island district without communes
            keys["old_commune"][key] = d_code
            continue
        w_type_ = commune_type(w_name, w_type, w_code)
        row = [w_code, w_type_, split_name(w_name, w_type_), d_code]
        if w_code in old:
            raise BuildError(f"commune code {w_code} is used twice")
        old[w_code] = row
        if key in keys["old_commune"]:
            raise BuildError(f"old key {key} is used twice")
        keys["old_commune"][key] = w_code

    new: dict[str, list[Any]] = {}
    current = db.execute(
        "SELECT province, provinceCode, provinceKey, ward, wardType, wardCode, wardKey"
        " FROM admin_units"
    )
    for p_name, p_code, p_key, w_name, w_type, w_code, w_key in current:
        p_type = province_type(p_name)
        row = [p_code, p_type, split_name(p_name, p_type), None]
        if new.setdefault(p_code, row) != row:
            raise BuildError(f"new province {p_code} has two names")
        keys["new_province"][p_key] = p_code
        w_type_ = commune_type(w_name, w_type, w_code)
        if w_code in new:
            raise BuildError(f"new commune code {w_code} is used twice")
        new[w_code] = [w_code, w_type_, split_name(w_name, w_type_), p_code]
        if (p_key, w_key) in keys["new_commune"]:
            raise BuildError(f"new key {p_key} {w_key} is used twice")
        keys["new_commune"][(p_key, w_key)] = w_code
    order = lambda row: (len(row[0]), row[0])  # noqa: E731 (provinces, districts, communes)
    return sorted(old.values(), key=order), sorted(new.values(), key=order), keys


def read_mapping(
    converter: dict[str, Any], keys: dict[str, Any]
) -> tuple[list[list[str]], list[list[Any]]]:
    """The province and commune mappings as code pairs (and how, for communes)."""
    provinces = []
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            provinces.append([keys["old_province"][old_key], keys["new_province"][new_key]])
    communes: list[list[Any]] = []
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, old_keys in wards.items():
            new_code = keys["new_commune"][(new_p, new_w)]
            for old_key in old_keys:
                communes.append([keys["old_commune"][old_key], new_code, 0])
    for new_p, divided in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in divided.items():
            defaults = [part for part in parts if part["isDefaultNewWard"]]
            if len(defaults) != 1:
                raise BuildError(f"{old_key} has {len(defaults)} default new communes")
            for part in parts:
                new_code = keys["new_commune"][(new_p, part["newWardKey"])]
                how = 1 if part["isDefaultNewWard"] else 2
                communes.append([keys["old_commune"][old_key], new_code, how])
    return sorted(provinces), sorted(communes)


def check(
    old: list[list[Any]],
    new: list[list[Any]],
    provinces: list[list[str]],
    communes: list[list[Any]],
) -> dict[str, int]:
    """Check the data hangs together and return the counts found."""
    old_by = {row[0]: row for row in old}
    new_by = {row[0]: row for row in new}
    province_of_old = {}
    for row in old:
        code = row[0]
        while old_by[code][3] is not None:
            code = old_by[code][3]
        province_of_old[row[0]] = code
    new_province_of = dict(provinces)
    if sorted(new_province_of) != sorted(r[0] for r in old if r[3] is None):
        raise BuildError("the province mapping does not cover every old province once")
    if {r[0] for r in new if r[3] is None} != set(new_province_of.values()):
        raise BuildError("some new province absorbed no old province")
    targets: dict[str, list[Any]] = defaultdict(list)
    for old_code, new_code, how in communes:
        targets[old_code].append((new_code, how))
        if new_by[new_code][3] != new_province_of[province_of_old[old_code]]:
            raise BuildError(f"{old_code} maps to {new_code}, outside its new province")
    mapped_old = {r[0] for r in old if r[1] in COMMUNE_TYPES.values()}
    mapped_old |= {r[0] for r in old if r[1] == "district" and not _has_children(old, r[0])}
    if set(targets) != mapped_old:
        raise BuildError("the commune mapping does not cover exactly the old communes")
    predecessors = Counter(new_code for _, new_code, _ in communes)
    if set(predecessors) != {r[0] for r in new if r[3] is not None}:
        raise BuildError("some new commune has no predecessor")
    counts: dict[str, int] = Counter()
    for row in new:
        if row[3] is None:
            counts["new provinces"] += 1
            counts[f"new provinces: {'tỉnh' if row[1] == 'province' else 'thành phố'}"] += 1
        else:
            counts["new communes"] += 1
            counts[f"new communes: {PREFIXES[row[1]].lower()}"] += 1
    for row in old:
        if row[3] is None:
            counts["old provinces"] += 1
            counts[f"old provinces: {'tỉnh' if row[1] == 'province' else 'thành phố'}"] += 1
        elif row[1] in DISTRICT_TYPES.values():
            counts["old districts"] += 1
            counts[f"old districts: {PREFIXES[row[1]].lower()}"] += 1
        else:
            counts["old communes"] += 1
            counts[f"old communes: {PREFIXES[row[1]].lower()}"] += 1
    for old_code, found in targets.items():
        if old_by[old_code][1] not in COMMUNE_TYPES.values():
            counts["old island districts that became special zones"] += 1
            continue
        if len(found) > 1:
            counts["old communes split"] += 1
        elif predecessors[found[0][0]] == 1:
            counts["old communes kept whole and alone"] += 1
        else:
            counts["old communes merged"] += 1
    return dict(counts)


def _has_children(rows: list[list[Any]], code: str) -> bool:
    return any(row[3] == code for row in rows)


def source_md(meta: dict[str, Any], counts: dict[str, int], size: int) -> str:
    lines = [
        "# Source of the geography data",
        "",
        f"`geography.json.gz` (format {FORMAT}, {size:,} bytes) is built by",
        "`scripts/build_geography.py` from the data files of the MIT-licensed PyPI package",
        f"[{PACKAGE}](https://pypi.org/project/{PACKAGE}/) by Tran Ngoc Minh Hieu",
        "(upstream: github.com/tranngocminhhieu/vietnamadminunits), whose own sources are the",
        "General Statistics Office's list of administrative units and the Ministry of Home",
        "Affairs' merger data. Its licence is in `LICENSE` beside this file.",
        "",
        f"- package: {PACKAGE} {meta['version']}",
        f"- wheel: `{meta['wheel']}`, sha256 `{meta['sha256']}`",
        "- files read: `vietnamadminunits/data/dataset.db` (tables `admin_units_legacy`, the",
        "  63-province list, and `admin_units`, the 34-province list) and",
        "  `vietnamadminunits/data/converter_2025.json` (the old-to-new mapping)",
        f"- built: {meta['built']}",
        "",
        "Changes made to the upstream data: the type words that upstream writes with capitals",
        "(`Thị Trấn`, `Thị Xã`, `Thành Phố`) are written as the official lists do (`Thị trấn`,",
        "`Thị xã`, `Thành phố`); upstream's disambiguated short names (`Kỳ Anh (Huyện)`) are",
        "not used, danvan derives the short name from the full name. Coordinates, areas and",
        "upstream's search keys are left out. Nothing else is changed.",
        "",
        "Upstream's type column disagrees with the type word of the name for these units;",
        "danvan takes the type from the name (on the new side the two disagreeing pairs swap",
        "a phường and a xã, so the counts by name and by column are the same and both match",
        "the official figures):",
        "",
        *[f"- {item}" for item in sorted(set(MISMATCHES))],
        "",
        "## Counts: found against official",
        "",
        "| count | found | official | difference |",
        "| --- | ---: | ---: | --- |",
    ]
    for key in sorted(counts, key=lambda k: (not k.startswith("new"), k)):
        official = OFFICIAL.get(key)
        if official is None:
            lines.append(f"| {key} | {counts[key]:,} | | |")
        else:
            diff = "none" if official == counts[key] else f"{counts[key] - official:+,}"
            lines.append(f"| {key} | {counts[key]:,} | {official:,} | {diff} |")
    for key in sorted(set(OFFICIAL) - set(counts)):
        lines.append(f"| {key} | 0 | {OFFICIAL[key]:,} | {-OFFICIAL[key]:+,} |")
    lines += [
        "",
        "The 34-province side matches the official figures exactly. On the old side the",
        "data is the list in force on 30/06/2025: 63 provinces, 696 districts and 10,035",
        "communes, which is also the official count of communes before the reorganisation.",
        "The figures 10,602 / 9,328 / 1,033 quoted in DOMAIN.md (of 10,602 old communes",
        "9,328 merged and 1,033 split) do not come out of this data and their source is not",
        "known here: 10,602 is more than the 10,035 communes that existed on 30/06/2025. In",
        "this data every old commune either went whole into one new commune or was split",
        "between two to five new communes (one of them marked as the default); the counts",
        "of each are above. Upstream may count a split differently (e.g. by area moved",
        "between communes, which its mapping does not record); the difference is kept, not",
        "hidden.",
        "",
        "The old list is one snapshot: communes merged or renamed between 2019 and",
        "30/06/2025 (e.g. Thừa Thiên Huế province, which became Thành phố Huế on 01/01/2025)",
        "appear as they were at the end, and danvan uses this list for every date before",
        "01/07/2025.",
        "",
    ]
    return "\n".join(lines)


def build(wheel: Path, version: str) -> None:
    sha256 = hashlib.sha256(wheel.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(tmp)
        root = Path(tmp)
        db = sqlite3.connect(root / PACKAGE / "data" / "dataset.db")
        try:
            old, new, keys = read_places(db)
        finally:
            db.close()
        converter = json.loads((root / PACKAGE / "data" / "converter_2025.json").read_text())
        licences = sorted(root.glob(f"{PACKAGE}-*.dist-info/**/LICENSE*"))
        if not licences:
            raise BuildError("the wheel has no LICENSE file")
        licence = licences[0].read_text(encoding="utf-8")
    provinces, communes = read_mapping(converter, keys)
    counts = check(old, new, provinces, communes)
    meta = {
        "package": PACKAGE,
        "version": version,
        "wheel": wheel.name,
        "sha256": sha256,
        "built": datetime.date.today().isoformat(),
        "licence": "MIT",
    }
    document = {
        "format": FORMAT,
        "source": meta,
        "old": old,
        "new": new,
        "provinces": provinces,
        "communes": communes,
    }
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / "geography.json.gz"
    target.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    (OUT / "LICENSE").write_text(licence, encoding="utf-8")
    size = target.stat().st_size
    (OUT / "SOURCE.md").write_text(source_md(meta, counts, size), encoding="utf-8")
    print(f"wrote {target} ({size:,} bytes, {len(payload):,} uncompressed)")
    for key in sorted(counts):
        official = OFFICIAL.get(key)
        note = "" if official is None else f" (official {official:,})"
        print(f"  {key}: {counts[key]:,}{note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", default=DEFAULT_VERSION, help="upstream version to fetch")
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading")
    args = parser.parse_args(argv)
    if args.wheel is not None:
        name = args.wheel.name.split("-")
        build(args.wheel, name[1] if len(name) > 1 else args.version)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(download(args.version, Path(tmp)), args.version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
