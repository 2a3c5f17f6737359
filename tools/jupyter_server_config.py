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

# The kernel's status right after it starts. JupyterLab ignores status messages whose parent is one
# of the server's "untracked" message types, which by default include kernel_info_request. JJava
# announces "starting" before anyone listens, and its only status messages until the first
# execute_request answer kernel_info requests: so JupyterLab showed "Unknown" from the moment the
# JVM was up until the first cell ran. Tracking kernel_info_request makes the answer to JupyterLab's
# own kernel_info request count: the status reads "Idle" as soon as the kernel has started. (The
# list also decides what counts as user activity for culling idle kernels, which the lab does not do.)
from jupyter_server.services.kernels.kernelmanager import MappingKernelManager  # noqa: E402

c.MappingKernelManager.untracked_message_types = [
    t for t in MappingKernelManager.class_traits()["untracked_message_types"].default()
    if t != "kernel_info_request"]
