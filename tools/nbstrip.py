#!/usr/bin/env python3
"""Notebooks are committed without outputs.

  tools/nbstrip.py [--check] NOTEBOOK.ipynb...

Without --check: removes outputs, execution counts and per-run metadata in place (only files
that change are rewritten). With --check: changes nothing, names every notebook that has outputs
and exits 1. Uses the standard library only.
"""
import json
import sys

RUN_METADATA = ("execution", "collapsed", "scrolled")


def strip(nb):
    changed = False
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                cell["outputs"] = []
                changed = True
            if cell.get("execution_count") is not None:
                cell["execution_count"] = None
                changed = True
        meta = cell.get("metadata", {})
        for key in RUN_METADATA:
            if key in meta:
                del meta[key]
                changed = True
    return changed


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    dirty = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        if strip(nb):
            dirty.append(path)
            if not check:
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(nb, f, indent=1, ensure_ascii=False)
                    f.write("\n")
                print("stripped " + path)
    if check and dirty:
        for path in dirty:
            print(path + ": has outputs; notebooks are committed without them (run: make strip)",
                  file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
