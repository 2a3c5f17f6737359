#!/usr/bin/env python3
"""Write every ```java snippet of README.md, in order, as the code cells of one notebook, so that
`make test` can run them in the kernel exactly as written (tools/run_notebooks.sh).

  tools/readme_notebook.py README.md OUT_DIR

Writes OUT_DIR/notebooks/readme-snippets.ipynb and links OUT_DIR/datasets to the repository's
datasets/, so that the snippets' relative paths resolve as they do from notebooks/ (the kernel
starts in the notebook's directory) while the files they write stay in OUT_DIR.
"""
import json
import os
import re
import sys

SNIPPET = re.compile(r"^```java\n(.*?)^```", re.M | re.S)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    readme, out_dir = argv
    text = open(readme, encoding="utf-8").read()
    snippets = SNIPPET.findall(text)
    if not snippets:
        print(f"{readme}: no ```java snippets", file=sys.stderr)
        return 1
    cells = [{"cell_type": "markdown", "metadata": {}, "source": f"The {len(snippets)} Java snippets of README.md, in order."}]
    for s in snippets:
        cells.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": s.rstrip("\n")})
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Java", "language": "java", "name": "java"}},
          "nbformat": 4, "nbformat_minor": 5}
    os.makedirs(os.path.join(out_dir, "notebooks"), exist_ok=True)
    link = os.path.join(out_dir, "datasets")
    if not os.path.islink(link):
        os.symlink(os.path.abspath(os.path.join(os.path.dirname(readme), "datasets")), link)
    path = os.path.join(out_dir, "notebooks", "readme-snippets.ipynb")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1)
    print(f"{path}: {len(snippets)} snippets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
