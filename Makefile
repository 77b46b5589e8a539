# cjkpi: build with PGXS.  make && make install && make installcheck
#
# Warnings-as-errors and sanitizers belong in CI flags (PG_CFLAGS=...), not here.

EXTENSION = cjkpi
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = cjkpi
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA = $(sort $(wildcard sql/$(EXTENSION)--*.sql))

# pg_regress reads test/sql/*.sql and ./expected/*.out; every test starts with
# the extension installed in the test database.
REGRESS = survey_types survey_aggregates survey_statistics survey_parallel \
	survey_garden_centre survey_copy survey_fuzz
REGRESS += funnel_window funnel_differential funnel_parallel funnel_summary funnel_ecom funnel_retention funnel_ttc
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION)

EXTRA_CLEAN = results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS knows nothing of our headers: rebuild every object when one changes.
$(OBJS): $(wildcard src/*.h)
