# p2psim — every target does its own set-up and is quick when nothing changed.
#
#   make lab       JupyterLab on notebooks/ with the Java kernel wired to sim-lib
#                  (LAB_ARGS="--port 8899" passes options to jupyter lab; saving strips outputs)
#   make test      unit tests (mvn verify), then every notebook and README.md's Java snippets
#                  executed headless
#   make report    every notebooks/[0-9]*.ipynb executed into reports/NAME.html, and
#                  reports/index.html listing them; code hidden (REPORT_CODE=1 shows it)
#                  (parameters as environment variables: P2PSIM_SIZE=full make report)
#   make bench     bin/p2psim bench
#   make build     the sim-lib jar and its runtime dependencies (sim-lib/target/lib/)
#   make venv      the Python virtual environment (.venv) with JupyterLab, nbconvert and JJava
#   make kernel    point the venv's Java kernel at sim-lib (JJAVA_CLASSPATH, JJAVA_JVM_OPTS)
#   make strip     remove outputs from notebooks/*.ipynb (they are committed without)
#   make clean     build outputs and reports;  make distclean  also .venv

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

PYTHON ?= python3
MVN ?= mvn
VENV := $(ROOT)/.venv
JUPYTER := $(VENV)/bin/jupyter
REQUIREMENTS := $(ROOT)/requirements-notebook.txt

# Whole-notebook and per-cell limits, in seconds (nbconvert itself has no whole-notebook limit).
NOTEBOOK_TIMEOUT ?= 1800
CELL_TIMEOUT ?= $(NOTEBOOK_TIMEOUT)
# Options of the kernel's JVM (JJAVA_JVM_OPTS; split on whitespace).
KERNEL_JVM_OPTS ?= -Djava.awt.headless=true -Xmx2g -Dfile.encoding=UTF-8

NOTEBOOKS = $(sort $(wildcard $(ROOT)/notebooks/[0-9]*.ipynb))
REPORT_DIR := $(ROOT)/reports
TEST_BUILTINS_DIR := $(ROOT)/target/builtins
TEST_NOTEBOOK_DIR := $(ROOT)/target/notebook-test
TEST_README_DIR := $(ROOT)/target/readme-test

# Jupyter looks in the venv first, and keeps its data (kernelspecs, runtime files) there, so
# a kernel named "java" in ~/.local/share/jupyter cannot shadow the project's one.
export JUPYTER_PATH := $(VENV)/share/jupyter
export JUPYTER_DATA_DIR := $(VENV)/share/jupyter
# and reads its configuration (the pre-save hook of tools/jupyter_server_config.py) from the venv
export JUPYTER_CONFIG_PATH := $(VENV)/etc/jupyter
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Everything Maven reads; the jar is rebuilt when any of it is newer than the last build.
BUILD_STAMP := $(ROOT)/sim-lib/target/.build-stamp
BUILD_INPUTS := $(ROOT)/pom.xml $(ROOT)/sim-lib/pom.xml $(shell find $(ROOT)/sim-lib/src $(ROOT)/scenarios 2>/dev/null)
VENV_STAMP := $(VENV)/.requirements-stamp
KERNEL_JSON := $(VENV)/share/jupyter/kernels/java/kernel.json

.PHONY: help build venv kernel lab report test bench strip clean distclean

help:
	@sed -n '3,16p' $(ROOT)/Makefile | sed 's/^# \{0,1\}//'

# ---- Java ---------------------------------------------------------------------------------

build: $(BUILD_STAMP)

$(BUILD_STAMP): $(BUILD_INPUTS)
	@command -v $(MVN) >/dev/null || { echo "make: Maven (mvn) not found; install Maven 3.8+" >&2; exit 1; }
	cd $(ROOT) && $(MVN) -B -q -DskipTests package -pl sim-lib
	@touch $@

# ---- Python venv with JupyterLab and the JJava kernel ------------------------------------------

venv: $(VENV_STAMP)

$(VENV_STAMP): $(REQUIREMENTS)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
	  || { echo "make: $(PYTHON) is older than 3.10; JupyterLab needs 3.10+ (set PYTHON=...)" >&2; exit 1; }
	@test -x $(VENV)/bin/python || { echo "creating $(VENV)"; $(PYTHON) -m venv $(VENV); } \
	  || { echo "make: '$(PYTHON) -m venv' failed (Debian: apt-get install python3-venv)" >&2; rm -rf $(VENV); exit 1; }
	$(VENV)/bin/python -m pip install -q -r $(REQUIREMENTS)
	@test -f $(KERNEL_JSON) || { echo "make: JJava did not install $(KERNEL_JSON)" >&2; exit 1; }
	@touch $@

# Cheap: the script rewrites kernel.json only when the jar path or the options changed.
kernel: build venv
	@$(VENV)/bin/python $(ROOT)/tools/install_kernel.py --venv $(VENV) --jvm-opts "$(KERNEL_JVM_OPTS)"

# ---- Notebooks ------------------------------------------------------------------------------

lab: kernel
	@command -v java >/dev/null || { echo "make: java not found on PATH; the kernel needs a JDK 17+" >&2; exit 1; }
	@mkdir -p $(ROOT)/notebooks
	cd $(ROOT) && $(JUPYTER) lab --notebook-dir=$(ROOT)/notebooks \
	  --MultiKernelManager.default_kernel_name=java \
	  $$( [ "$$(id -u)" = 0 ] && echo --allow-root ) \
	  $$( [ -z "$${DISPLAY:-}" ] && [ "$$(uname)" != Darwin ] && echo --no-browser ) $(LAB_ARGS)

# Each notebook under `timeout`, executed by nbconvert's execute preprocessor into NAME.html.
RUN_NOTEBOOKS = NB_PYTHON=$(VENV)/bin/python KERNEL_NAME=java NOTEBOOK_TIMEOUT=$(NOTEBOOK_TIMEOUT) \
  CELL_TIMEOUT=$(CELL_TIMEOUT) $(ROOT)/tools/run_notebooks.sh

# The index is written also when a notebook failed (it says which), then the failure is reported.
report: kernel
	@rc=0; $(RUN_NOTEBOOKS) $(REPORT_DIR) $(NOTEBOOKS) || rc=$$?; \
	  $(VENV)/bin/python $(ROOT)/tools/report_index.py $(REPORT_DIR) $(NOTEBOOKS); exit $$rc

# `mvn verify` also packages the jar and sim-lib/target/lib, so the build stamp is renewed after it.
test:
	@$(PYTHON) $(ROOT)/tools/nbstrip.py --check $(wildcard $(ROOT)/notebooks/*.ipynb)
	@command -v $(MVN) >/dev/null || { echo "make: Maven (mvn) not found; install Maven 3.8+" >&2; exit 1; }
	cd $(ROOT) && $(MVN) -B verify
	@touch $(BUILD_STAMP)
	@$(ROOT)/tools/run_builtins.sh $(TEST_BUILTINS_DIR)
	@$(MAKE) --no-print-directory kernel
	@$(RUN_NOTEBOOKS) $(TEST_NOTEBOOK_DIR) $(NOTEBOOKS)
	@rm -rf $(TEST_README_DIR)
	@$(VENV)/bin/python $(ROOT)/tools/readme_notebook.py $(ROOT)/README.md $(TEST_README_DIR)
	@$(RUN_NOTEBOOKS) $(TEST_README_DIR) $(TEST_README_DIR)/notebooks/readme-snippets.ipynb

bench: build
	$(ROOT)/bin/p2psim bench

strip:
	@$(PYTHON) $(ROOT)/tools/nbstrip.py $(wildcard $(ROOT)/notebooks/*.ipynb)

clean:
	rm -rf $(ROOT)/sim-lib/target $(ROOT)/target $(REPORT_DIR)

distclean: clean
	rm -rf $(VENV)
