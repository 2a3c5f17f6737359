#!/usr/bin/env python3
"""Execute one notebook headless and write it as HTML: what
`jupyter nbconvert --to html --execute --ExecutePreprocessor.kernel_name=KERNEL
 --ExecutePreprocessor.timeout=SECONDS --output-dir OUT_DIR NOTEBOOK` does, with two differences
that matter when a cell throws: the HTML is still written (up to and including the failing cell,
with its stack trace), and the exception's class and message are printed. nbconvert's own message
loses them with the JJava kernel.

  tools/execute_notebook.py [--kernel java] [--timeout SECONDS] [--show-code] --out-dir DIR NOTEBOOK.ipynb

The HTML shows prose and outputs only, like a paper; --show-code keeps the code cells. The first
figure the notebook draws is also written as DIR/NAME.png (the report index shows it).

Exit status: 0 if every cell ran, 1 if a cell threw or timed out, 2 on bad arguments.
The kernel starts in the notebook's directory and inherits this process's environment.
"""
import argparse
import base64
import os
import re
import sys

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import ExecutePreprocessor

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def first_error(nb):
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return index, cell, out
    return None


def write_first_figure(nb, path):
    """The first PNG output of the executed notebook, for the report index; removes a stale one."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {}).get("image/png")
            if data:
                with open(path, "wb") as f:
                    f.write(base64.b64decode(data))
                return
    if os.path.exists(path):
        os.remove(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notebook")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--kernel", default="java")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per cell (-1: none)")
    ap.add_argument("--startup-timeout", type=int, default=180)
    ap.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    args = ap.parse_args()

    path = os.path.abspath(args.notebook)
    name = os.path.splitext(os.path.basename(path))[0]
    nb = nbformat.read(path, as_version=4)

    ep = ExecutePreprocessor(kernel_name=args.kernel, timeout=args.timeout,
                             startup_timeout=args.startup_timeout)
    failure = None
    try:
        ep.preprocess(nb, {"metadata": {"path": os.path.dirname(path)}})
    except Exception as e:  # CellExecutionError, CellTimeoutError, a dead kernel...
        failure = e

    exporter = HTMLExporter(exclude_input=not args.show_code, exclude_input_prompt=not args.show_code,
                            exclude_output_prompt=not args.show_code)
    html, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    os.makedirs(args.out_dir, exist_ok=True)
    write_first_figure(nb, os.path.join(args.out_dir, name + ".png"))
    out_path = os.path.join(args.out_dir, name + ".html")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(html)

    if failure is None:
        print("wrote " + out_path)
        return 0

    err = first_error(nb)
    if err is not None:
        index, cell, out = err
        print("cell %d threw %s: %s" % (index + 1, out.get("ename"), out.get("evalue")), file=sys.stderr)
        print("---- cell source ----", file=sys.stderr)
        print(cell.source, file=sys.stderr)
        print("---- traceback ----", file=sys.stderr)
        for line in out.get("traceback", [])[:40]:
            print(ANSI.sub("", line), file=sys.stderr)
    else:
        print("execution failed: %s: %s" % (type(failure).__name__, str(failure)[:2000]), file=sys.stderr)
    print("partial report: " + out_path, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
