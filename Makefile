# Two commands on a fresh machine: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# Debian packages the product and its tests use: Chromium for browser tests, gettext to compile
# translations, espeak-ng + lame for audio versions, liblouis for braille, hunspell-id for spelling,
# pango + DejaVu fonts for WeasyPrint's PDFs, poppler-utils to read those PDFs back in tests,
# Varnish for the caching proxy (deploy/varnish/) and its tests.
DEBIAN_PACKAGES := chromium gettext espeak-ng lame liblouis20 liblouis-data liblouis-bin hunspell hunspell-id \
	libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils varnish
DEBIAN_COMMANDS := chromium msgfmt espeak-ng lame lou_translate hunspell pdftotext varnishd
# Packages with no command to look for: checked with dpkg.
DEBIAN_LIBRARIES := hunspell-id libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core

.PHONY: run test test-suite lint system-deps venv messages migrate demo clean

$(BIN)/activate: pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else "Python 3.11 or newer is needed (found %s)." % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --constraint constraints.txt --editable ".[dev]"
	@touch $(BIN)/activate

venv: $(BIN)/activate

system-deps:
	@missing=""; for cmd in $(DEBIAN_COMMANDS); do command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	for pkg in $(DEBIAN_LIBRARIES); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "Installing Debian packages: $(DEBIAN_PACKAGES)"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBIAN_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing tools:$$missing"; \
	    echo "Install them with: sudo apt-get install $(DEBIAN_PACKAGES)"; exit 1; \
	  fi; \
	fi

messages: venv
	@cd $(CURDIR) && $(MANAGE) compilemessages --ignore=.venv --verbosity 0

migrate: venv messages
	$(MANAGE) migrate --noinput --verbosity 0

demo: migrate
	$(MANAGE) seed_demo

run: system-deps demo
	@echo "Web server: http://localhost:$(PORT)/  (institutions: http://bantul.localhost:$(PORT)/ …)"
	@echo "Admin: http://bantul.localhost:$(PORT)/admin/  — demo users are listed in README.md"
	@trap 'kill 0' INT TERM EXIT; \
	$(MANAGE) qcluster & \
	$(MANAGE) runserver 0.0.0.0:$(PORT)

test: system-deps venv messages
	$(MAKE) --no-print-directory test-suite

# The suite alone (no install step): .ci/run calls it again with DATABASE_URL and REDIS_URL.
test-suite:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3* media static .test-media test-artifacts .pytest_cache .ruff_cache
	find . -name '*.mo' -not -path './.venv/*' -delete
