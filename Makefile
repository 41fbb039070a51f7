# Thin wrappers: install what Debian 12 lacks, build with meson, run.
BUILD ?= build
DEMO_CASES ?= 20000

PACKAGES = build-essential meson ninja-build pkg-config gettext \
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libpq-dev libsecret-1-dev libpam0g-dev libzip-dev postgresql-15 \
  libpoppler-glib-dev libtiff-dev libsane-dev sane-utils libssl-dev openssl libqrencode-dev \
  check appstream desktop-file-utils glib-networking \
  fonts-noto-core fonts-hosny-amiri icc-profiles-free poppler-utils qpdf mupdf-tools zbar-tools imagemagick \
  xvfb xauth dbus dbus-x11 gnome-keyring at-spi2-core python3-gi python3-pyatspi gir1.2-atspi-2.0

SUDO = $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
LAJNACTL = $(BUILD)/ui/cli/lajnactl
RUN_ENV = GSETTINGS_SCHEMA_DIR=$(BUILD)/ui/data LAJNA_LOCALEDIR=$(BUILD)/po

.PHONY: all deps build run test bench clean

all: build

# What the bench adds: LibreOffice, the rulings' reference.
BENCH_PACKAGES = libreoffice-writer-nogui

deps:
	@missing=$$(for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

# The embedded database is seeded with demo files on its very first start.
run: build
	@if [ "$$($(RUN_ENV) $(LAJNACTL) case list --limit 1 --json)" = "[]" ]; then \
	  echo "First start: loading $(DEMO_CASES) demo files"; \
	  $(RUN_ENV) $(LAJNACTL) demo --cases $(DEMO_CASES); \
	fi
	$(RUN_ENV) $(BUILD)/ui/lajna

# Ends with the failed tests' last lines and one "N passed, N failed" line.
test: build
	@status=0; meson test -C $(BUILD) --print-errorlogs || status=$$?; \
	tests/summarize-run $(BUILD)/meson-logs/testlog.json; exit $$status

bench:
	$(MAKE) build EXTRA_PACKAGES="$(BENCH_PACKAGES)"
	tests/bench/run-bench $(BUILD)

clean:
	rm -rf $(BUILD)
