#!/usr/bin/env python3
"""Notebooks are committed without outputs.

  tools/nbstrip.py [--check] NOTEBOOK.ipynb...

Without --check: removes outputs, execution counts and per-run metadata in place (only files
that change are rewritten), and reduces the notebook's language_info to its name and the kernel's
display name to the project's, so that a notebook saved from JupyterLab (whose pre-save hook,
tools/jupyter_server_config.py, calls strip) is byte for byte the committed one. Files are written
as nbformat writes them (keys sorted, indent 1). With --check: changes nothing, names every notebook that has outputs
and exits 1. Uses the standard library only.
"""
import json
import sys

RUN_METADATA = ("execution", "collapsed", "scrolled")
KERNEL_DISPLAY_NAME = "Java (p2psim)"  # as tools/install_kernel.py names the kernelspec


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
    meta = nb.get("metadata", {})
    info = meta.get("language_info")
    if isinstance(info, dict) and list(info) != ["name"]:
        meta["language_info"] = {"name": str(info.get("name", "java")).lower()}
        changed = True
    spec = meta.get("kernelspec")
    if isinstance(spec, dict) and spec.get("name") == "java" and spec.get("display_name") != KERNEL_DISPLAY_NAME:
        spec["display_name"] = KERNEL_DISPLAY_NAME
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
                    json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)
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
