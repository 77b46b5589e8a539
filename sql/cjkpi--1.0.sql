/* cjkpi--1.0.sql: customer-journey KPIs */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION cjkpi" to load this file. \quit

/* ---- survey KPIs: NPS, CSAT, CES (src/survey*.c) ---- */

/* ---- end of survey KPIs ---- */

/* ---- funnels and retention (src/funnel*.c, src/retention.c) ---- */

/* ---- end of funnels and retention ---- */
