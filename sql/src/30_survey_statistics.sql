/* 30_survey_statistics.sql: survey statistics: counts, intervals, margins of error, significance (src/stats.c) */

/* Figures common to every survey summary. */
CREATE FUNCTION responses(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'kpi_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(nps_summary) IS 'Number of non-null responses in the summary';
CREATE FUNCTION responses(csat_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'kpi_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(csat_summary) IS 'Number of non-null responses in the summary';
CREATE FUNCTION responses(ces_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'kpi_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(ces_summary) IS 'Number of non-null responses in the summary';

CREATE FUNCTION mean(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kpi_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(nps_summary) IS
    'Mean likelihood-to-recommend score (0..10); NULL without responses; an error for summaries built from category counts';
CREATE FUNCTION mean(csat_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kpi_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(csat_summary) IS
    'Mean satisfaction score; NULL without responses; an error for summaries built from category counts';
CREATE FUNCTION mean(ces_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'kpi_summary_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(ces_summary) IS 'Mean effort score (the same as ces()); NULL without responses';

/* NPS figures. */
CREATE FUNCTION promoters(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_summary_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION promoters(nps_summary) IS 'Number of promoters (scores 9 and 10)';
CREATE FUNCTION passives(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_summary_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION passives(nps_summary) IS 'Number of passives (scores 7 and 8)';
CREATE FUNCTION detractors(nps_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_summary_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION detractors(nps_summary) IS 'Number of detractors (scores 0 to 6)';
CREATE FUNCTION std_error(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_std_error' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION std_error(nps_summary) IS
    'Standard error of the NPS in points: 100 * sqrt((pP + pD - (pP - pD)^2) / n)';
CREATE FUNCTION moe(nps_summary, confidence double precision DEFAULT 0.95,
                    method text DEFAULT 'adjusted-wald') RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_moe' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION moe(nps_summary, double precision, text) IS
    'Margin of error of the NPS in points: half-width of the ci_lower/ci_upper interval of the same method (adjusted-wald by default) before clamping';
CREATE FUNCTION adjusted_nps(nps_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_adjusted' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION adjusted_nps(nps_summary) IS
    'Centre of the adjusted-Wald interval in points: NPS with 0.75 promoters and 0.75 detractors added (n + 3)';
CREATE FUNCTION ci_lower(nps_summary, confidence double precision DEFAULT 0.95,
                         method text DEFAULT 'adjusted-wald') RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(nps_summary, double precision, text) IS
    'Lower end of the NPS confidence interval in points; method adjusted-wald (default) or wald';
CREATE FUNCTION ci_upper(nps_summary, confidence double precision DEFAULT 0.95,
                         method text DEFAULT 'adjusted-wald') RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_summary_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_upper(nps_summary, double precision, text) IS
    'Upper end of the NPS confidence interval in points; method adjusted-wald (default) or wald';
CREATE FUNCTION significance(a nps_summary, b nps_summary, method text DEFAULT 'adjusted-wald',
                             confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision, OUT ci_lower double precision,
                             OUT ci_upper double precision)
    AS 'MODULE_PATHNAME', 'nps_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(nps_summary, nps_summary, text, double precision) IS
    'Two-sided z test of NPS a - b on the +1/0/-1 coding: difference nps(a) - nps(b) in points, z, p_value, and the interval of the difference in points (adjusted-wald: adjusted difference +- z * SE, MeasuringU; or wald)';
CREATE FUNCTION significance(s nps_summary, benchmark double precision, method text DEFAULT 'adjusted-wald',
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'nps_summary_significance_benchmark' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(nps_summary, double precision, text) IS
    'One-tailed z test of whether the NPS is above a benchmark NPS: difference nps(s) - benchmark in points, z, p_value = P(Z >= z)';
CREATE FUNCTION nps_from_counts(counts bigint[]) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_from_counts_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_from_counts(bigint[]) IS 'nps_summary from 11 per-score counts, for scores 0 to 10';
CREATE FUNCTION nps_from_counts(promoters bigint, passives bigint, detractors bigint) RETURNS nps_summary
    AS 'MODULE_PATHNAME', 'nps_from_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_from_counts(bigint, bigint, bigint) IS
    'Category-only nps_summary from promoter, passive and detractor totals (the mean score is then unknown)';

/* CSAT figures. */
CREATE FUNCTION satisfied(csat_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'csat_summary_satisfied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION satisfied(csat_summary) IS 'Number of responses in the top two boxes of the scale';
CREATE FUNCTION ci_lower(csat_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'csat_summary_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(csat_summary, double precision) IS 'Lower end of the Wilson interval of CSAT, in percent';
CREATE FUNCTION ci_upper(csat_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'csat_summary_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_upper(csat_summary, double precision) IS 'Upper end of the Wilson interval of CSAT, in percent';
CREATE FUNCTION significance(a csat_summary, b csat_summary, confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision, OUT ci_lower double precision,
                             OUT ci_upper double precision)
    AS 'MODULE_PATHNAME', 'csat_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(csat_summary, csat_summary, double precision) IS
    'Pooled two-proportion z test of CSAT a - b, two-sided: difference in percentage points, z, p_value, and Newcombe''s hybrid score interval of the difference in points';
CREATE FUNCTION significance(s csat_summary, benchmark double precision,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'csat_summary_significance_benchmark' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(csat_summary, double precision) IS
    'One-tailed one-sample z test of whether CSAT is above a benchmark percentage (above 1 and below 100); p_value = P(Z >= z)';
CREATE FUNCTION csat_from_counts(counts bigint[]) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_from_counts_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_from_counts(bigint[]) IS 'csat_summary from one count per score 1..scale (the array length is the scale)';
CREATE FUNCTION csat_from_counts(satisfied bigint, responses bigint, scale integer DEFAULT 5) RETURNS csat_summary
    AS 'MODULE_PATHNAME', 'csat_from_categories' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_from_counts(bigint, bigint, integer) IS
    'Category-only csat_summary from satisfied and total responses (the mean score is then unknown)';

/* CES figures. */
CREATE FUNCTION agree(ces_summary) RETURNS bigint
    AS 'MODULE_PATHNAME', 'ces_summary_agree' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree(ces_summary) IS 'Number of responses above the midpoint of the scale (5-7 of 7, 4-5 of 5)';
CREATE FUNCTION agree_pct(ces_summary) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_agree_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree_pct(ces_summary) IS '% of responses above the midpoint of the scale; NULL without responses';
CREATE FUNCTION agree_ci_lower(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_agree_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree_ci_lower(ces_summary, double precision) IS 'Lower end of the Wilson interval of CES % agree';
CREATE FUNCTION agree_ci_upper(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_agree_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION agree_ci_upper(ces_summary, double precision) IS 'Upper end of the Wilson interval of CES % agree';
CREATE FUNCTION ci_lower(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_ci_lower' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_lower(ces_summary, double precision) IS
    'Lower end of the Student t interval of the mean CES; NULL with fewer than 2 responses';
CREATE FUNCTION ci_upper(ces_summary, confidence double precision DEFAULT 0.95) RETURNS double precision
    AS 'MODULE_PATHNAME', 'ces_summary_ci_upper' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ci_upper(ces_summary, double precision) IS
    'Upper end of the Student t interval of the mean CES; NULL with fewer than 2 responses';
CREATE FUNCTION significance(a ces_summary, b ces_summary, confidence double precision DEFAULT 0.95,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision, OUT ci_lower double precision,
                             OUT ci_upper double precision)
    AS 'MODULE_PATHNAME', 'ces_summary_significance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(ces_summary, ces_summary, double precision) IS
    'Welch two-sided t test of mean CES a - b: difference on the scale, z (holding the t statistic), p_value, and the Welch interval of the difference on the scale';
CREATE FUNCTION significance(s ces_summary, benchmark double precision,
                             OUT difference double precision, OUT z double precision,
                             OUT p_value double precision)
    AS 'MODULE_PATHNAME', 'ces_summary_significance_benchmark' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION significance(ces_summary, double precision) IS
    'One-tailed one-sample t test of whether the mean CES is above a benchmark mean; p_value = P(T >= t)';
CREATE FUNCTION ces_from_counts(counts bigint[]) RETURNS ces_summary
    AS 'MODULE_PATHNAME', 'ces_from_counts_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_from_counts(bigint[]) IS 'ces_summary from one count per score 1..scale (the array length is the scale)';

/* Multiple comparisons (src/p_adjust.c). */
CREATE FUNCTION p_adjust(p_value double precision, method text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'cjkpi_p_adjust' LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION p_adjust(double precision, text) IS
    'Window function: the p-value adjusted for all non-null p-values of the partition, as R''s p.adjust; method holm (family-wise error) or bh (Benjamini-Hochberg false discovery rate)';

/* Sample sizes (src/nps.c, src/csat.c): planned shares and margins in percent and points. */
CREATE FUNCTION nps_sample_size(moe double precision, promoters double precision DEFAULT 50,
                                detractors double precision DEFAULT 50,
                                confidence double precision DEFAULT 0.95) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_sample_size(double precision, double precision, double precision, double precision) IS
    'Responses needed for an NPS margin of error of at most moe points: z^2 (pP + pD - (pP - pD)^2) / (moe/100)^2 for planned promoter and detractor shares in percent (default 50/50, the largest variance)';
CREATE FUNCTION nps_ab_sample_size(a_promoters double precision, a_detractors double precision,
                                   b_promoters double precision, b_detractors double precision,
                                   confidence double precision DEFAULT 0.95,
                                   power double precision DEFAULT 0.8) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_ab_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_ab_sample_size(double precision, double precision, double precision, double precision, double precision, double precision) IS
    'Responses needed in each of two groups for the two-sided NPS z test to detect the planned NPS difference (shares in percent) at the given confidence and power: (z_a/2 + z_b)^2 (var_a + var_b) / (nps_a - nps_b)^2';
CREATE FUNCTION csat_sample_size(moe double precision, csat double precision DEFAULT 50,
                                 confidence double precision DEFAULT 0.95) RETURNS bigint
    AS 'MODULE_PATHNAME', 'csat_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_sample_size(double precision, double precision, double precision) IS
    'Responses needed for a CSAT margin of error of at most moe percentage points: z^2 p (1 - p) / (moe/100)^2 for a planned CSAT p in percent (default 50, the largest variance)';
CREATE FUNCTION csat_ab_sample_size(a_csat double precision, b_csat double precision,
                                    confidence double precision DEFAULT 0.95,
                                    power double precision DEFAULT 0.8) RETURNS bigint
    AS 'MODULE_PATHNAME', 'csat_ab_sample_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_ab_sample_size(double precision, double precision, double precision, double precision) IS
    'Responses needed in each of two groups for the pooled two-proportion z test to detect planned CSAT a vs b (percent) at the given confidence and power (Fleiss without continuity correction, as R''s power.prop.test)';
