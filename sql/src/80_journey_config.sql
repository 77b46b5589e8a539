/* 80_journey_config.sql: the journey model's schema and configuration tables */

/*
 * The journey model lives in its own schema, created here so that it is a
 * member of the extension (the extension's functions stay in the install
 * schema, @extschema@).  Every object below is qualified, and every PL/pgSQL
 * function pins search_path, so no caller's search_path can redirect them.
 */
CREATE SCHEMA cjkpi;
COMMENT ON SCHEMA cjkpi IS 'cjkpi journey model: stages, touchpoints, survey responses, events, daily rollups and KPI views';
GRANT USAGE ON SCHEMA cjkpi TO PUBLIC;

/*
 * Seeded rows carry is_seed = true and are left out of pg_dump (the filter of
 * pg_extension_config_dump), because CREATE EXTENSION seeds them again on
 * restore.  Editing a seeded row makes it the user's (is_seed = false, so it
 * is dumped), and inserting a row with the key of a seeded row replaces the
 * seed in place: that is what a restore does with an edited seed, and it
 * keeps rows that reference the seed valid.
 */
CREATE FUNCTION cjkpi.seed_edited() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    NEW.is_seed := false;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.seed_edited() IS
    'Trigger: an edited seeded configuration row becomes a user row (is_seed = false), so pg_dump keeps the edit';

CREATE TABLE cjkpi.stages (
    stage text PRIMARY KEY,
    position integer NOT NULL,
    is_seed boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE cjkpi.stages IS 'Journey stages in journey order; seeded with awareness, engagement, conversion, retention (editable)';
COMMENT ON COLUMN cjkpi.stages.stage IS 'Stage name';
COMMENT ON COLUMN cjkpi.stages.position IS 'Order of the stage in the journey (ascending)';
COMMENT ON COLUMN cjkpi.stages.is_seed IS 'True for a row seeded by the extension and not edited since (not dumped by pg_dump)';
INSERT INTO cjkpi.stages VALUES ('awareness', 1, true), ('engagement', 2, true),
                                ('conversion', 3, true), ('retention', 4, true);

CREATE FUNCTION cjkpi.stages_replace_seed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    UPDATE cjkpi.stages SET position = NEW.position WHERE stage = NEW.stage AND is_seed;
    IF FOUND THEN
        RETURN NULL;
    END IF;
    NEW.is_seed := false;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.stages_replace_seed() IS
    'Trigger: inserting a stage that exists as a seed replaces the seed in place (as pg_restore does with an edited seed)';
CREATE TRIGGER stages_replace_seed BEFORE INSERT ON cjkpi.stages
    FOR EACH ROW EXECUTE FUNCTION cjkpi.stages_replace_seed();
CREATE TRIGGER stages_seed_edited BEFORE UPDATE ON cjkpi.stages
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION cjkpi.seed_edited();

CREATE TABLE cjkpi.touchpoints (
    touchpoint text PRIMARY KEY,
    stage text NOT NULL REFERENCES cjkpi.stages ON UPDATE CASCADE,
    channel text
);
COMMENT ON TABLE cjkpi.touchpoints IS 'Touchpoints (where a customer meets the business) and the journey stage each belongs to';
COMMENT ON COLUMN cjkpi.touchpoints.touchpoint IS 'Touchpoint name, referenced by responses and events';
COMMENT ON COLUMN cjkpi.touchpoints.stage IS 'Journey stage of the touchpoint';
COMMENT ON COLUMN cjkpi.touchpoints.channel IS 'Channel of the touchpoint (web, store, email, ...), free text';

/*
 * One row of settings.  The seeded row is replaced by a user's row on insert
 * (pg_restore) and becomes the user's when edited.
 */
CREATE TABLE cjkpi.settings (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    time_zone text NOT NULL DEFAULT 'UTC',
    alert_level double precision NOT NULL DEFAULT 0.05 CHECK (alert_level > 0 AND alert_level < 1),
    min_responses_alert integer NOT NULL DEFAULT 30 CHECK (min_responses_alert >= 1),
    min_responses_display integer NOT NULL DEFAULT 5 CHECK (min_responses_display >= 1),
    text_search_config regconfig NOT NULL DEFAULT 'pg_catalog.simple',
    industry text,
    control_variant text,
    entry_stage text NOT NULL DEFAULT 'awareness',
    conversion_stage text NOT NULL DEFAULT 'conversion',
    retention_stage text NOT NULL DEFAULT 'retention',
    conversion_window interval NOT NULL DEFAULT '1 day' CHECK (conversion_window > '0'::interval AND conversion_window <= '366 days'::interval),
    chart_periods integer NOT NULL DEFAULT 8 CHECK (chart_periods >= 2),
    cusum_k double precision NOT NULL DEFAULT 0.5 CHECK (cusum_k >= 0),
    cusum_h double precision NOT NULL DEFAULT 4 CHECK (cusum_h > 0),
    is_seed boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE cjkpi.settings IS 'Journey model settings, one row (UPDATE it); changing the time zone or the conversion rule marks the rollups for refresh';
COMMENT ON COLUMN cjkpi.settings.singleton IS 'Always true: the table holds one row';
COMMENT ON COLUMN cjkpi.settings.time_zone IS 'Time zone whose calendar days define the day buckets (a name known to pg_timezone_names)';
COMMENT ON COLUMN cjkpi.settings.alert_level IS 'Significance level of decline alerts and benchmark gaps (one-sided), default 0.05';
COMMENT ON COLUMN cjkpi.settings.min_responses_alert IS 'Minimum responses (or customers) in each compared period for an alert, default 30';
COMMENT ON COLUMN cjkpi.settings.min_responses_display IS 'Below this many responses a KPI value is not shown (NULL), for anonymity; default 5';
COMMENT ON COLUMN cjkpi.settings.text_search_config IS 'Text-search configuration for comment themes (french for the bundled survey)';
COMMENT ON COLUMN cjkpi.settings.industry IS 'Benchmark industry to compare with (cjkpi.benchmarks.industry); NULL compares with every industry';
COMMENT ON COLUMN cjkpi.settings.control_variant IS 'A/B control variant; NULL takes the first variant in sort order';
COMMENT ON COLUMN cjkpi.settings.entry_stage IS 'Stage whose first event in a period is a customer''s entry for conversion_rate';
COMMENT ON COLUMN cjkpi.settings.conversion_stage IS 'Stage whose events count as a conversion';
COMMENT ON COLUMN cjkpi.settings.retention_stage IS 'Stage under which journey_kpis reports repeat_rate';
COMMENT ON COLUMN cjkpi.settings.conversion_window IS 'A conversion counts when it follows the entry within this interval, default 1 day';
COMMENT ON COLUMN cjkpi.settings.chart_periods IS 'Number of preceding periods that set a p-chart''s centre line and the CUSUM target, default 8';
COMMENT ON COLUMN cjkpi.settings.cusum_k IS 'CUSUM allowance k in standard errors, default 0.5';
COMMENT ON COLUMN cjkpi.settings.cusum_h IS 'CUSUM decision interval h in standard errors, default 4';
COMMENT ON COLUMN cjkpi.settings.is_seed IS 'True while the row is the seeded default (not dumped by pg_dump)';
INSERT INTO cjkpi.settings (is_seed) VALUES (true);

CREATE FUNCTION cjkpi.settings_check() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_names WHERE name = NEW.time_zone)
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_abbrevs WHERE abbrev = NEW.time_zone) THEN
        RAISE EXCEPTION 'time zone "%" is not recognized', NEW.time_zone
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Use a name from pg_timezone_names, such as Europe/Paris or UTC.';
    END IF;
    IF TG_OP = 'INSERT' THEN
        DELETE FROM cjkpi.settings WHERE is_seed;
        NEW.is_seed := false;
    ELSIF OLD.is_seed THEN
        NEW.is_seed := false;
    END IF;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.settings_check() IS
    'Trigger: checks the time zone; an inserted settings row replaces the seeded one, an edited seed becomes the user''s';
CREATE TRIGGER settings_check BEFORE INSERT OR UPDATE ON cjkpi.settings
    FOR EACH ROW EXECUTE FUNCTION cjkpi.settings_check();

CREATE TABLE cjkpi.benchmarks (
    metric text NOT NULL,
    industry text NOT NULL,
    value double precision NOT NULL,
    year integer NOT NULL,
    source text NOT NULL,
    study text,
    note text,
    is_seed boolean NOT NULL DEFAULT false,
    PRIMARY KEY (metric, industry, year, source)
);
COMMENT ON TABLE cjkpi.benchmarks IS
    'Published industry benchmarks (seeded from test/data/benchmarks, each with its source and year) and users'' own targets';
COMMENT ON COLUMN cjkpi.benchmarks.metric IS 'nps (points, -100..100), csat (% satisfied, top-2-box) or acsi (an index, not comparable with CSAT)';
COMMENT ON COLUMN cjkpi.benchmarks.industry IS 'Industry (or a label such as "target" for a user''s own goal)';
COMMENT ON COLUMN cjkpi.benchmarks.value IS 'Benchmark value in the metric''s unit';
COMMENT ON COLUMN cjkpi.benchmarks.year IS 'Year of the study';
COMMENT ON COLUMN cjkpi.benchmarks.source IS 'Where the value was published';
COMMENT ON COLUMN cjkpi.benchmarks.study IS 'Study or period the value describes';
COMMENT ON COLUMN cjkpi.benchmarks.note IS 'Remarks on how the value was measured';
COMMENT ON COLUMN cjkpi.benchmarks.is_seed IS 'True for a seeded published value not edited since (not dumped by pg_dump)';
INSERT INTO cjkpi.benchmarks (metric, industry, value, year, study, source, note) VALUES
    ('acsi', 'US economy (national)', 77.8, 2023, 'Q4 2023', 'ACSI press release 23 Jan 2024 (theacsi.org "U.S. Overall Customer Satisfaction"; BusinessWire/Yahoo)', NULL),
    ('acsi', 'US economy (national)', 78.0, 2024, 'Q1 2024', 'ACSI via Chain Store Age "Customer satisfaction continues to climb"', NULL),
    ('acsi', 'Retail trade (sector)', 78.0, 2024, '2024 (Retail & Consumer Shipping Study 2023-2024)', 'ACSI via appleworld.today / digitalmedianet (BusinessWire)', NULL),
    ('acsi', 'Retail trade (sector)', 74.7, 2023, '2023 (Study 2022-2023)', 'ACSI via techcentury.com / salestechstar', NULL),
    ('acsi', 'Online retailers', 80, 2024, '2024 (unchanged from 2023)', 'ACSI Retail Study 2023-2024', NULL),
    ('acsi', 'General merchandise retailers', 77, 2024, '2024', 'ACSI Retail Study 2023-2024 (thelifestyledata.com)', NULL),
    ('acsi', 'Specialty retailers', 79, 2024, '2024', 'ACSI Retail Study 2023-2024 (thelifestyledata.com)', NULL),
    ('acsi', 'Gas stations', 75, 2024, '2024', 'ACSI Retail Study 2023-2024 (thelifestyledata.com)', NULL),
    ('acsi', 'Internet service providers', 71, 2024, '2024 (Telecom Study, 12 mo to Mar 2024)', 'ACSI Telecommunications Study 2024 (BusinessWire 4 Jun 2024)', 'fiber 76, non-fiber 68'),
    ('acsi', 'Internet service providers', 68, 2023, '2023', 'ACSI Telecom Study 2023 (via teqgo/PCMag report)', 'fiber 75, non-fiber 66'),
    ('acsi', 'Video streaming service', 79, 2024, '2024', 'ACSI Telecom Study 2024 (cloudfront news copy)', NULL),
    ('acsi', 'Subscription TV service', 70, 2024, '2024', 'ACSI Telecom Study 2024 (cloudfront news copy)', NULL),
    ('acsi', 'Airlines', 77, 2024, '2024 (Travel Study 2023-2024)', 'ACSI via AJC, zzdtravel', 'record'),
    ('acsi', 'Airlines', 74, 2025, '2025 (Travel Study 2025)', 'ACSI via canadian-reviews.ca', NULL),
    ('acsi', 'Lodging (hotels)', 77, 2024, '2024 (Travel Study 2023-2024)', 'ACSI via cxmtoday.com', NULL),
    ('acsi', 'Online travel agencies', 75, 2025, '2025', 'ACSI Travel Study 2025', NULL),
    ('acsi', 'Full-service restaurants', 84, 2024, '2024', 'ACSI Restaurant & Food Delivery Study 2024 (25 Jun 2024)', NULL),
    ('acsi', 'Fast food restaurants', 79, 2024, '2024', 'ACSI Restaurant & Food Delivery Study 2024 (25 Jun 2024)', NULL),
    ('acsi', 'Food delivery', 73, 2024, '2024', 'ACSI Restaurant & Food Delivery Study 2024 (25 Jun 2024)', 'debut'),
    ('acsi', 'Health insurance', 76, 2023, '2023 (Insurance & Health Care Study 2022-2023)', 'theacsi.org press release 17 Oct 2023', 'record'),
    ('acsi', 'Hospitals', 74, 2023, '2023', 'theacsi.org press release 17 Oct 2023', NULL),
    ('acsi', 'Banks', 80, 2016, '2016', 'ACSI via Quality Digest 1 Dec 2016 (older)', NULL),
    ('acsi', 'Property & casualty insurance', 79, 2015, '2015', 'ACSI via propertycasualty360 (older)', NULL),
    ('nps', 'Grocery', 30.1, 2023, '2023 study (pub. 2024)', 'Qualtrics XM Institute "XMI Ratings NPS 2023" & "Economics of NPS 2024"', NULL),
    ('nps', 'Streaming media', 29, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'Retail', 29, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'TV / internet service providers', 9, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'Car rentals', 8, 2023, '2023 study', 'XM Institute "Economics of NPS 2024"', NULL),
    ('nps', 'Consumer payments', -6.1, 2023, '2023 study', 'XM Institute "XMI Ratings NPS 2023"', NULL),
    ('nps', 'Retail', 28.4, 2022, '2022 study (pub. 2023)', 'XM Institute "XMI Ratings NPS 2022" / "Economics of NPS 2023"', NULL),
    ('nps', 'Streaming media', 28, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Grocery', 26, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Airlines', 7, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Car rentals', 3, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Consumer payments', 1.4, 2022, '2022 study', 'XM Institute "Economics of NPS 2023"', NULL),
    ('nps', 'Grocery', 33.3, 2021, '2021 study', 'XM Institute "Consumer NPS 2021"', NULL),
    ('nps', 'Consumer payments', -0.1, 2021, '2021 study', 'XM Institute "Consumer NPS 2021"', NULL),
    ('nps', 'Auto dealers', 39, 2018, '2018', 'Temkin Group "NPS Benchmark Study 2018" (10,000 US consumers, 342 cos., 20 industries)', NULL),
    ('nps', 'Streaming media', 39, 2018, '2018', 'Temkin Group "NPS Benchmark Study 2018" (10,000 US consumers, 342 cos., 20 industries)', NULL),
    ('nps', 'TV / internet service providers', 0, 2018, '2018', 'Temkin Group "NPS Benchmark Study 2018" (10,000 US consumers, 342 cos., 20 industries)', NULL),
    ('nps', 'Auto dealers', 43, 2017, '2017', 'Temkin Group "NPS Benchmark Study 2017" (299 cos.)', NULL),
    ('nps', 'TV & internet service providers', 9, 2017, '2017', 'Temkin Group "NPS Benchmark Study 2017" (299 cos.)', NULL),
    ('nps', 'Department / specialty stores', 62, 2018, '2018', 'NICE Satmetrix 2018 B2C NPS Benchmarks (via MarketingCharts/e-strategy.com; 62,000 resp., 188 brands)', 'top of 23 sectors'),
    ('nps', 'Telecommunications', 24, 2018, '2018', 'Satmetrix 2018 data charted by Displayr (copy on beniciacommunitygardens.org)', NULL),
    ('nps', 'Internet service providers', -1, 2018, '2018', 'Satmetrix 2018 data charted by Displayr (copy on beniciacommunitygardens.org)', NULL),
    ('nps', 'Health insurance', -13, 2010, '2010', 'Satmetrix 2010 Net Promoter Industry Benchmarks (thewisemarketer.com)', NULL),
    ('nps', 'Brokerage & investments', 29, 2010, '2010', 'Satmetrix 2010 Net Promoter Industry Benchmarks (thewisemarketer.com)', NULL),
    ('nps', 'Manufacturing (B2B)', 49, 2020, '2020 report (page updated 28 Feb 2022)', 'CustomerGauge benchmarks (customergauge.com/benchmarks/industry/manufacturing)', 'rank 14 of 24'),
    ('csat', 'All industries (global)', 86, 2012, 'Mar 2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Real estate', 96, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'IT services & consultancy', 95, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Healthcare', 94, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Professional services', 94, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Financial & insurance services', 93, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Education', 91, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Travel, hospitality & tourism', 91, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Media & telecommunications', 88, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Software', 87, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Web applications', 86, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Manufacturing', 85, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Retail & wholesale', 82, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Social media', 78, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'Entertainment & arts', 77, 2012, '2012', 'Zendesk Customer Satisfaction Index (docplayer/scribd copy)', NULL),
    ('csat', 'All industries (global)', 82, 2013, 'Q3 2013', 'Zendesk Benchmark Q3 2013 (zendesk.com press release / blog)', NULL);
UPDATE cjkpi.benchmarks SET is_seed = true;

CREATE FUNCTION cjkpi.benchmarks_replace_seed() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    DELETE FROM cjkpi.benchmarks
    WHERE metric = NEW.metric AND industry = NEW.industry AND year = NEW.year AND source = NEW.source AND is_seed;
    NEW.is_seed := false;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION cjkpi.benchmarks_replace_seed() IS
    'Trigger: inserting a benchmark with the key of a seeded one replaces the seed (as pg_restore does with an edited seed)';
CREATE TRIGGER benchmarks_replace_seed BEFORE INSERT ON cjkpi.benchmarks
    FOR EACH ROW EXECUTE FUNCTION cjkpi.benchmarks_replace_seed();
CREATE TRIGGER benchmarks_seed_edited BEFORE UPDATE ON cjkpi.benchmarks
    FOR EACH ROW WHEN (OLD.is_seed) EXECUTE FUNCTION cjkpi.seed_edited();

SELECT pg_catalog.pg_extension_config_dump('cjkpi.stages', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.touchpoints', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.settings', 'WHERE NOT is_seed');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.benchmarks', 'WHERE NOT is_seed');
