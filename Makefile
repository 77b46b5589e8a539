# cjkpi: build with PGXS.  make && make install && make installcheck
#
# Warnings-as-errors and sanitizers belong in CI flags (PG_CFLAGS=...), not here.

EXTENSION = cjkpi
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = cjkpi
OBJS = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
# The install script of the current version is generated from the per-concept
# pieces in sql/src (in name order) and committed, so every released version
# stays installable; the scripts of older versions and the update scripts are
# written by hand and frozen once released.
SQL_PIECES = $(sort $(wildcard sql/src/*.sql))
SQL_CURRENT = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(sort $(wildcard sql/$(EXTENSION)--*.sql) $(SQL_CURRENT))

# pg_regress reads test/sql/*.sql and ./expected/*.out; every test starts with
# the extension installed in the test database.
REGRESS = catalog_sanity
REGRESS += survey_types survey_aggregates survey_statistics survey_multiple survey_sample_size survey_parallel \
	survey_garden_centre survey_copy survey_fuzz
REGRESS += funnel_window funnel_differential funnel_parallel funnel_summary funnel_ecom funnel_retention funnel_ttc \
	funnel_bounds funnel_options funnel_states funnel_start funnel_entry_cohort funnel_events funnel_any_order
REGRESS += sequence_match sequence_next_node journey_path funnel_svg
REGRESS += journey_model journey_survey journey_events journey_loop
REGRESS += limits search_path_hostile
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION)

EXTRA_CLEAN = results regression.diffs regression.out

all: $(SQL_CURRENT)

# The pieces, in name order, under the header: written to $(1).
define concat_pieces
	@sed 's/@EXTVERSION@/$(EXTVERSION)/' sql/header.sql.in > $(1)
	@for f in $(SQL_PIECES); do echo; cat $$f; done >> $(1)
endef

# Always remade, and replaced only when the pieces give other text: after a
# merge or a checkout the file's time says nothing about whether it is stale.
$(SQL_CURRENT): FORCE
	$(call concat_pieces,$@.tmp)
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; echo "made $@"; fi

# Fails when the committed install script is not the one the pieces make.
check-sql:
	$(call concat_pieces,$(SQL_CURRENT).check)
	@cmp -s $(SQL_CURRENT) $(SQL_CURRENT).check || \
		{ rm -f $(SQL_CURRENT).check; echo "$(SQL_CURRENT) is stale: run make"; exit 1; }
	@rm -f $(SQL_CURRENT).check

FORCE:

.PHONY: check-sql FORCE

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS knows nothing of our headers: rebuild every object when one changes.
$(OBJS): $(wildcard src/*.h)
