#!/usr/bin/env python3
"""Write OUT_DIR/index.html: every report of `make report` with its question and headline.

  tools/report_index.py OUT_DIR NOTEBOOK.ipynb...

Per notebook, from its own text: the title (the first "# " heading), the question (the paragraph
that starts with "**Question.**"), the headline (the bold lead or first sentence of the first point under "## What it means"/"gives",
else of the first "Finding:" paragraph), the first figure of the executed notebook (OUT_DIR/NAME.png, written
by tools/execute_notebook.py) and whether its report exists. Runs with the notebook venv's Python
(mistune, which nbconvert brings, turns the Markdown into HTML).
"""
import html
import json
import os
import re
import sys

import mistune

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.lead { color: #555; margin-top: 0; }
.report { display: flex; gap: 1.2rem; border-top: 1px solid #ddd; padding: 1rem 0; }
.report img { width: 16rem; height: auto; border: 1px solid #eee; align-self: flex-start; }
.report h2 { font-size: 1.15rem; margin: 0 0 .3rem 0; }
.report p { margin: .3rem 0; }
.headline { background: #f6f8fa; border-left: 3px solid #2a6fbb; padding: .3rem .6rem; }
.failed { color: #b00020; font-weight: bold; }
code { background: #f3f3f3; padding: 0 .2em; border-radius: 3px; }
"""


def markdown_cells(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            src = cell.get("source", "")
            yield "".join(src) if isinstance(src, list) else src


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def summary(path):
    title, question, headline = None, None, None
    cells = list(markdown_cells(path))
    for text in cells:
        for para in paragraphs(text):
            if title is None and para.startswith("# "):
                title = para.splitlines()[0][2:].strip()
                para = "\n".join(para.splitlines()[1:]).strip()
            if question is None and para.startswith("**Question.**"):
                question = para[len("**Question.**"):].strip()
    for text in cells:
        # "## What it means" (or "gives", "shows") anywhere in a cell, then its first point ("* " or "- ");
        # or a "**What it means.**" paragraph
        m = re.search(r"^##\s+What it (?:means|gives|shows)\s*$(.*)", text, flags=re.S | re.M)
        if m:
            points = re.findall(r"^[*-]\s+(.*?)(?=^[*-]\s|\Z)", m.group(1), flags=re.S | re.M)
            if points:
                headline = " ".join(points[0].split())
            break
        m = re.search(r"\*\*What it means\.?\*\*\s*(.*?)(?:\n\s*\n|\Z)", text, flags=re.S)
        if m:
            headline = " ".join(m.group(1).split())
            break
    if headline is None:
        for text in cells:
            m = re.search(r"\*\*Finding[.:]?\*\*\s*(.*?)(?:\n\s*\n|\Z)", text, flags=re.S)
            if m:
                headline = " ".join(m.group(1).split())
                break
    return title, question, one_line(headline)


def one_line(finding):
    """The headline of a finding: its bold lead ("**X.** more…" → "X."), else its first sentence."""
    if not finding:
        return finding
    m = re.match(r"\*\*(.+?)\*\*", finding)
    if m:
        return m.group(1).strip()
    m = re.match(r"(.+?[.!?])(?:\s+(?=[A-Z(`*])|$)", finding)
    return m.group(1) if m else finding


def inline(md):
    """Markdown of one paragraph as HTML without the enclosing <p>."""
    out = mistune.html(md).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S)


def entry(out_dir, nb_path):
    name = os.path.splitext(os.path.basename(nb_path))[0]
    title, question, headline = summary(nb_path)
    report = name + ".html"
    ok = os.path.isfile(os.path.join(out_dir, report))
    failed = os.path.isfile(os.path.join(out_dir, name + ".log")) and not ok
    parts = ['<div class="report">']
    if os.path.isfile(os.path.join(out_dir, name + ".png")):
        parts.append('<a href="%s"><img src="%s.png" alt="first figure of %s"></a>'
                     % (html.escape(report), html.escape(name), html.escape(name)))
    parts.append("<div>")
    heading = html.escape(title or name)
    parts.append('<h2><a href="%s">%s</a></h2>' % (html.escape(report), heading) if ok
                 else '<h2>%s <span class="failed">(no report: the notebook failed)</span></h2>' % heading
                 if failed else "<h2>%s</h2>" % heading)
    if question:
        parts.append("<p><b>Question.</b> %s</p>" % inline(question))
    if headline:
        parts.append('<p class="headline"><b>Finding.</b> %s</p>' % inline(headline))
    parts.append("<p><code>notebooks/%s</code></p>" % html.escape(os.path.basename(nb_path)))
    parts.append("</div></div>")
    return "\n".join(parts)


def main(argv):
    if len(argv) < 1:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir, notebooks = argv[0], sorted(argv[1:])
    os.makedirs(out_dir, exist_ok=True)
    size = os.environ.get("P2PSIM_SIZE", "small")
    body = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        "<title>p2psim reports</title><style>%s</style></head><body>" % STYLE,
        "<h1>p2psim reports</h1>",
        '<p class="lead">Each notebook of <code>notebooks/</code> executed headless (size: %s). '
        "Every run is deterministic: the same seed gives the same numbers.</p>" % html.escape(size),
    ]
    body += [entry(out_dir, nb) for nb in notebooks]
    body.append("</body></html>")
    path = os.path.join(out_dir, "index.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    print("report index: " + path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
