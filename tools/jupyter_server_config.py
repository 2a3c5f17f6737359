# Jupyter server configuration of the project's lab, loaded from the venv's
# etc/jupyter/jupyter_server_config.py (written by tools/install_kernel.py, i.e. `make kernel`).
#
# Notebooks are committed without outputs (`make test` checks it with tools/nbstrip.py --check).
# Saving from JupyterLab must not break that: this pre-save hook strips outputs, execution counts
# and per-run metadata from every notebook before it is written. The open notebook keeps its outputs
# in the browser until it is reloaded; reports (`make report`) are where outputs are kept.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nbstrip  # noqa: E402


def strip_outputs_before_save(model, path, contents_manager, **kwargs):
    if model.get("type") == "notebook" and isinstance(model.get("content"), dict):
        nbstrip.strip(model["content"])


c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)
c.FileContentsManager.pre_save_hook = strip_outputs_before_save
