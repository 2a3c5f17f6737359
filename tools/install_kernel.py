#!/usr/bin/env python3
"""Point the JJava kernelspec of the project's venv at sim-lib.

JJava's wheel installs <venv>/share/jupyter/kernels/java/kernel.json with an empty "env".
This script fills it in:

  JJAVA_CLASSPATH   <repo>/sim-lib/target/sim-lib-<version>.jar and <repo>/sim-lib/target/lib/*
  JJAVA_JVM_OPTS    -Djava.awt.headless=true -Xmx2g ... (see --jvm-opts)

and renames the kernel's display name. It also writes <venv>/etc/jupyter/jupyter_server_config.py,
which loads tools/jupyter_server_config.py: a pre-save hook that strips outputs from notebooks
saved in JupyterLab (they are committed without). It writes the file only when something changed, so
running it again is cheap. No JJAVA_STARTUP_SCRIPT: JJava 1.0-a6 evaluates it before it adds
JJAVA_CLASSPATH, so it could import JDK classes only; the default imports of p2psim come from
the kernel extension org.p2psim.notebook.JJavaExtension instead.

Usage: tools/install_kernel.py [--venv DIR] [--jvm-opts "..."] [--check]
"""
import argparse
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_JVM_OPTS = "-Djava.awt.headless=true -Xmx2g -Dfile.encoding=UTF-8"
DISPLAY_NAME = "Java (p2psim)"


def fail(msg):
    print("install_kernel: " + msg, file=sys.stderr)
    sys.exit(1)


def sim_lib_jar():
    target = os.path.join(ROOT, "sim-lib", "target")
    jars = [j for j in glob.glob(os.path.join(target, "sim-lib-*.jar"))
            if not j.endswith(("-sources.jar", "-javadoc.jar", "-tests.jar"))]
    if not jars:
        fail("no sim-lib/target/sim-lib-*.jar: run 'make build' first")
    if not os.path.isdir(os.path.join(target, "lib")):
        fail("no sim-lib/target/lib/: run 'make build' first")
    return max(jars, key=os.path.getmtime)  # the newest, should an old version linger


SERVER_CONFIG = os.path.join(ROOT, "tools", "jupyter_server_config.py")


def server_config_text():
    return ("# written by tools/install_kernel.py (make kernel): the project's lab configuration\n"
            "load_subconfig(%r)\n" % SERVER_CONFIG)


def install_server_config(venv, check):
    """The venv's Jupyter server config: a pre-save hook that strips notebook outputs."""
    path = os.path.join(venv, "etc", "jupyter", "jupyter_server_config.py")
    text = server_config_text()
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return 0
    if check:
        print("install_kernel: " + path + " needs an update")
        return 1
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("install_kernel: " + path + " -> " + SERVER_CONFIG)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--venv", default=os.path.join(ROOT, ".venv"))
    ap.add_argument("--jvm-opts", default=DEFAULT_JVM_OPTS,
                    help="JJAVA_JVM_OPTS, split on whitespace by the kernel launcher")
    ap.add_argument("--check", action="store_true", help="only report whether an update is needed")
    args = ap.parse_args()

    spec_path = os.path.join(os.path.abspath(args.venv), "share", "jupyter", "kernels", "java",
                             "kernel.json")
    if not os.path.isfile(spec_path):
        fail(spec_path + " is missing: run 'make venv' (pip install jjava) first")
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)

    env = dict(spec.get("env") or {})
    env["JJAVA_CLASSPATH"] = os.pathsep.join(
        [sim_lib_jar(), os.path.join(ROOT, "sim-lib", "target", "lib", "*")])
    env["JJAVA_JVM_OPTS"] = " ".join(args.jvm_opts.split())
    env.pop("JJAVA_STARTUP_SCRIPT", None)

    new = dict(spec)
    new["env"] = env
    new["display_name"] = DISPLAY_NAME
    config_stale = install_server_config(os.path.abspath(args.venv), args.check)
    if new == spec:
        return config_stale
    if args.check:
        print("install_kernel: " + spec_path + " needs an update")
        return 1
    tmp = spec_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(new, f, indent=2)
        f.write("\n")
    os.replace(tmp, spec_path)
    print("install_kernel: " + spec_path + " -> " + env["JJAVA_CLASSPATH"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
