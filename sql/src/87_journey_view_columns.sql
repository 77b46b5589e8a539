/* 87_journey_view_columns.sql: the documentation of every view column (Metabase and Superset import it) */

COMMENT ON COLUMN cjkpi.benchmark_gap.touchpoint IS 'Touchpoint; NULL = the whole journey';
COMMENT ON COLUMN cjkpi.benchmark_gap.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.benchmark_gap.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.benchmark_gap.benchmark IS 'Benchmark or target value (cjkpi.benchmarks.value)';
COMMENT ON COLUMN cjkpi.benchmark_gap.industry IS 'Industry of the benchmark (''target'' for a user''s own goal)';
COMMENT ON COLUMN cjkpi.benchmark_gap.source IS 'Where the benchmark was published';
COMMENT ON COLUMN cjkpi.benchmark_gap.year IS 'Year of the benchmark study';
COMMENT ON COLUMN cjkpi.benchmark_gap.difference IS 'value - benchmark, in the KPI''s unit';
COMMENT ON COLUMN cjkpi.benchmark_gap.p_value IS 'One-tailed p-value in the direction of the difference (P(Z >= z) above, P(Z <= z) below)';
COMMENT ON COLUMN cjkpi.benchmark_gap.significant IS 'p_value <= settings.alert_level';
COMMENT ON COLUMN cjkpi.benchmark_gap.below IS 'Significantly below the benchmark';
COMMENT ON COLUMN cjkpi.benchmark_gap.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.benchmark_gap.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.benchmark_gap.z IS 'Test statistic against the benchmark (t for CES)';

COMMENT ON COLUMN cjkpi.comment_themes.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.comment_themes.category IS 'promoter (9-10), passive (7-8) or detractor (0-6)';
COMMENT ON COLUMN cjkpi.comment_themes.term IS 'Lexeme of the comments (settings.text_search_config)';
COMMENT ON COLUMN cjkpi.comment_themes.responses IS 'Commented NPS answers of the category containing the term';
COMMENT ON COLUMN cjkpi.comment_themes.share IS 'responses / commented answers of the touchpoint and category, in %';
COMMENT ON COLUMN cjkpi.comment_themes.rank IS 'Rank of the term within the touchpoint and category (1 = most used)';

COMMENT ON COLUMN cjkpi.conversion_chart.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.conversion_chart.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.conversion_chart.touchpoint IS 'Entry touchpoint; NULL = the journey';
COMMENT ON COLUMN cjkpi.conversion_chart.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.conversion_chart.customers IS 'Customers entering in the period';
COMMENT ON COLUMN cjkpi.conversion_chart.converted IS 'Of those, converted within the window';
COMMENT ON COLUMN cjkpi.conversion_chart.rate IS 'Conversion rate of the period, %';
COMMENT ON COLUMN cjkpi.conversion_chart.centre IS 'p-chart centre line: pooled rate of the settings.chart_periods preceding periods, %';
COMMENT ON COLUMN cjkpi.conversion_chart.lower_limit IS 'Lower 3-sigma limit for this period''s customers, %';
COMMENT ON COLUMN cjkpi.conversion_chart.upper_limit IS 'Upper 3-sigma limit, %';
COMMENT ON COLUMN cjkpi.conversion_chart.z IS 'Standardized rate: (rate - centre) / sigma';
COMMENT ON COLUMN cjkpi.conversion_chart.cusum IS 'Decline-side CUSUM after this period (signal above settings.cusum_h)';
COMMENT ON COLUMN cjkpi.conversion_chart.pchart_alert IS 'Rate below the lower limit';
COMMENT ON COLUMN cjkpi.conversion_chart.cusum_alert IS 'CUSUM signal: a sustained decline';
COMMENT ON COLUMN cjkpi.conversion_chart.is_final IS 'The conversion window after the period has passed (by the last day with events); only final periods get a verdict';
COMMENT ON COLUMN cjkpi.conversion_chart.status IS 'alert, in_control, insufficient_data (fewer periods, customers or n*p below 6) or immature (not final)';

COMMENT ON COLUMN cjkpi.conversion_trend.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.conversion_trend.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.conversion_trend.touchpoint IS 'Entry touchpoint; NULL = the journey (first event of settings.entry_stage)';
COMMENT ON COLUMN cjkpi.conversion_trend.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.conversion_trend.customers IS 'Customers entering in the period (first event at the touchpoint in the period)';
COMMENT ON COLUMN cjkpi.conversion_trend.converted IS 'Of those, customers with a conversion-stage event within settings.conversion_window after their entry';
COMMENT ON COLUMN cjkpi.conversion_trend.is_final IS 'The conversion window after the period has passed (by the last day with events), so the rate will not grow any more';
COMMENT ON COLUMN cjkpi.conversion_trend.rate IS 'converted / customers, in %';

COMMENT ON COLUMN cjkpi.customer_timeline.customer_id IS 'Customer';
COMMENT ON COLUMN cjkpi.customer_timeline.at IS 'When it happened';
COMMENT ON COLUMN cjkpi.customer_timeline.kind IS 'event, response or follow_up';
COMMENT ON COLUMN cjkpi.customer_timeline.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.customer_timeline.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.customer_timeline.detail IS 'What happened: the event, the answer and comment, or the follow-up';

COMMENT ON COLUMN cjkpi.follow_up_queue.response_id IS 'Response to follow up (cjkpi.responses.response_id)';
COMMENT ON COLUMN cjkpi.follow_up_queue.customer_id IS 'Customer to contact';
COMMENT ON COLUMN cjkpi.follow_up_queue.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.follow_up_queue.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.follow_up_queue.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.follow_up_queue.score IS 'The answer';
COMMENT ON COLUMN cjkpi.follow_up_queue.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.follow_up_queue.answered_at IS 'When the answer was given';
COMMENT ON COLUMN cjkpi.follow_up_queue.segment IS 'Segment (persona); NULL for answers without one';
COMMENT ON COLUMN cjkpi.follow_up_queue.comment IS 'The customer''s comment';
COMMENT ON COLUMN cjkpi.follow_up_queue.waiting IS 'Time since the answer';

COMMENT ON COLUMN cjkpi.journey_kpis.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.journey_kpis.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.journey_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.journey_kpis.kpi IS 'reach, new_customers, events_per_customer, sessions_per_customer, conversion_rate (%) or repeat_rate (%)';
COMMENT ON COLUMN cjkpi.journey_kpis.value IS 'KPI value: a count, a ratio per active customer, or a % (rates)';
COMMENT ON COLUMN cjkpi.journey_kpis.customers IS 'Customers the KPI is computed over (active, new, entering, or converting customers)';

COMMENT ON COLUMN cjkpi.kpi_alerts.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.kpi_alerts.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.kpi_alerts.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.kpi_alerts.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.kpi_alerts.kpi IS 'The KPI that alerts: nps, csat, ces or conversion_rate';
COMMENT ON COLUMN cjkpi.kpi_alerts.value IS 'The KPI in the period';
COMMENT ON COLUMN cjkpi.kpi_alerts.baseline IS 'Previous period''s value (survey KPIs) or the p-chart centre line (conversion)';
COMMENT ON COLUMN cjkpi.kpi_alerts.n IS 'Answers or customers in the period';
COMMENT ON COLUMN cjkpi.kpi_alerts.statistic IS 'z (or t) of the test, or the CUSUM value';
COMMENT ON COLUMN cjkpi.kpi_alerts.p_value IS 'One-sided p-value (survey KPIs); NULL for control-chart rules';
COMMENT ON COLUMN cjkpi.kpi_alerts.reason IS 'Rule that fired';

COMMENT ON COLUMN cjkpi.kpi_changes.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.kpi_changes.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.kpi_changes.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.kpi_changes.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.kpi_changes.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.kpi_changes.previous_value IS 'The KPI in the previous period of the same granularity';
COMMENT ON COLUMN cjkpi.kpi_changes.difference IS 'value - previous_value, in the KPI''s unit';
COMMENT ON COLUMN cjkpi.kpi_changes.p_value IS 'One-sided p-value of a decline (adjusted-Wald z for NPS, pooled z for CSAT, Welch t for CES)';
COMMENT ON COLUMN cjkpi.kpi_changes.alert IS 'Significant decline: z < 0, p_value <= settings.alert_level and both periods have at least settings.min_responses_alert answers';
COMMENT ON COLUMN cjkpi.kpi_changes.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.kpi_changes.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.kpi_changes.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.kpi_changes.previous_responses IS 'Answers in the previous period';
COMMENT ON COLUMN cjkpi.kpi_changes.z IS 'Test statistic of value against previous_value';

COMMENT ON COLUMN cjkpi.kpi_trend.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.kpi_trend.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.kpi_trend.touchpoint IS 'Touchpoint; NULL = every touchpoint of the stage pooled';
COMMENT ON COLUMN cjkpi.kpi_trend.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.kpi_trend.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.kpi_trend.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.kpi_trend.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.kpi_trend.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.kpi_trend.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.kpi_trend.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.kpi_trend.period_end IS 'First day after the period';

COMMENT ON COLUMN cjkpi.priorities.rank IS 'Priority rank, 1 = fix first';
COMMENT ON COLUMN cjkpi.priorities.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.priorities.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.priorities.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.priorities.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.priorities.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.priorities.benchmark IS 'The reference: a target if any, else the most recent benchmark';
COMMENT ON COLUMN cjkpi.priorities.gap IS 'benchmark - value (positive: below the reference)';
COMMENT ON COLUMN cjkpi.priorities.priority IS 'gap x responses / all responses of the metric (the gap weighted by volume)';
COMMENT ON COLUMN cjkpi.priorities.industry IS 'Industry of the reference';
COMMENT ON COLUMN cjkpi.priorities.source IS 'Source of the reference';
COMMENT ON COLUMN cjkpi.priorities.year IS 'Year of the reference';
COMMENT ON COLUMN cjkpi.priorities.p_value IS 'One-tailed p-value of the shortfall';

COMMENT ON COLUMN cjkpi.segment_kpis.segment IS 'Segment (persona); NULL for answers without one';
COMMENT ON COLUMN cjkpi.segment_kpis.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.segment_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.segment_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.segment_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.segment_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.segment_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.segment_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.segment_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';

COMMENT ON COLUMN cjkpi.stage_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.stage_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.stage_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.stage_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.stage_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.stage_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.stage_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.stage_kpis.position IS 'Order of the stage in the journey';

COMMENT ON COLUMN cjkpi.survey_periods.granularity IS 'Period length: day, week (ISO, from Monday), month or quarter';
COMMENT ON COLUMN cjkpi.survey_periods.period_start IS 'First day of the period (a calendar day in cjkpi.settings.time_zone)';
COMMENT ON COLUMN cjkpi.survey_periods.touchpoint IS 'Touchpoint; NULL = every touchpoint of the stage pooled';
COMMENT ON COLUMN cjkpi.survey_periods.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.survey_periods.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.survey_periods.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
COMMENT ON COLUMN cjkpi.survey_periods.nps IS 'nps_summary of the period (metric nps), to roll up further';
COMMENT ON COLUMN cjkpi.survey_periods.csat IS 'csat_summary of the period (metric csat)';
COMMENT ON COLUMN cjkpi.survey_periods.ces IS 'ces_summary of the period (metric ces)';

COMMENT ON COLUMN cjkpi.touchpoint_kpis.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.stage IS 'Journey stage (of the touchpoint)';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.touchpoint_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';

COMMENT ON COLUMN cjkpi.variant_kpis.touchpoint IS 'Touchpoint';
COMMENT ON COLUMN cjkpi.variant_kpis.metric IS 'nps (points, -100..100), csat (% satisfied, top two boxes) or ces (mean score, higher = easier)';
COMMENT ON COLUMN cjkpi.variant_kpis.variant IS 'A/B variant';
COMMENT ON COLUMN cjkpi.variant_kpis.responses IS 'Number of answers (non-null scores)';
COMMENT ON COLUMN cjkpi.variant_kpis.value IS 'KPI in its unit: NPS points, CSAT %, CES mean; NULL below settings.min_responses_display answers';
COMMENT ON COLUMN cjkpi.variant_kpis.ci_lower IS 'Lower end of the 95 % interval (NPS adjusted-Wald, CSAT Wilson, CES Student t), same unit as value';
COMMENT ON COLUMN cjkpi.variant_kpis.ci_upper IS 'Upper end of the 95 % interval, same unit as value';
COMMENT ON COLUMN cjkpi.variant_kpis.difference IS 'value - the control''s value (NULL for the control)';
COMMENT ON COLUMN cjkpi.variant_kpis.p_value IS 'Two-sided p-value of the difference to the control';
COMMENT ON COLUMN cjkpi.variant_kpis.is_control IS 'True for the control variant';
COMMENT ON COLUMN cjkpi.variant_kpis.control IS 'The control variant of this touchpoint and metric';
COMMENT ON COLUMN cjkpi.variant_kpis.scale IS 'Answer scale (points) of the responses; summaries of different scales are not pooled';
