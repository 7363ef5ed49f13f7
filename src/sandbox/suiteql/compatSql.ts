/**
 * Postgres helper functions giving Oracle semantics that Postgres lacks, installed once per database by the
 * engine. Overloads let Postgres pick the date or number variant of TRUNC by argument type, as Oracle does.
 */
export const suiteQLCompatFunctionsSql = `
CREATE OR REPLACE FUNCTION suiteql_date_unit(unit text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE upper(unit)
    WHEN 'YYYY' THEN 'year' WHEN 'YEAR' THEN 'year' WHEN 'YY' THEN 'year' WHEN 'Y' THEN 'year' WHEN 'SYYYY' THEN 'year'
    WHEN 'Q' THEN 'quarter'
    WHEN 'MM' THEN 'month' WHEN 'MON' THEN 'month' WHEN 'MONTH' THEN 'month' WHEN 'RM' THEN 'month'
    WHEN 'IW' THEN 'week' WHEN 'WW' THEN 'week' WHEN 'W' THEN 'week' WHEN 'D' THEN 'week' WHEN 'DY' THEN 'week' WHEN 'DAY' THEN 'week'
    WHEN 'HH' THEN 'hour' WHEN 'HH12' THEN 'hour' WHEN 'HH24' THEN 'hour'
    WHEN 'MI' THEN 'minute'
    ELSE 'day' END
$$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('day', value) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value timestamp, unit text) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc(suiteql_date_unit(unit), value) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value timestamptz) RETURNS timestamp LANGUAGE sql STABLE AS $$ SELECT date_trunc('day', value::timestamp) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value timestamptz, unit text) RETURNS timestamp LANGUAGE sql STABLE AS $$ SELECT date_trunc(suiteql_date_unit(unit), value::timestamp) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT trunc(value) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value numeric, places integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT trunc(value, places) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value double precision) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT trunc(value::numeric) $$;
CREATE OR REPLACE FUNCTION suiteql_trunc(value double precision, places integer) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT trunc(value::numeric, places) $$;
CREATE OR REPLACE FUNCTION suiteql_add_months(value timestamp, months integer) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
  SELECT value + make_interval(months => months)
$$;
CREATE OR REPLACE FUNCTION suiteql_last_day(value timestamp) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', value) + interval '1 month' - interval '1 day' + (value - date_trunc('day', value))
$$;
CREATE OR REPLACE FUNCTION suiteql_months_between(later timestamp, earlier timestamp) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
  SELECT ((extract(year FROM later) - extract(year FROM earlier)) * 12 + extract(month FROM later) - extract(month FROM earlier)
    + (extract(day FROM later) - extract(day FROM earlier)) / 31.0)::numeric
$$;
-- Oracle SUBSTR: position 0 means 1, a negative position counts from the end, a length below 1 gives NULL.
CREATE OR REPLACE FUNCTION suiteql_substr(value text, start_at integer, len integer DEFAULT NULL) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN value IS NULL OR start_at IS NULL OR (len IS NOT NULL AND len < 1) THEN NULL
    WHEN start_at < 0 AND length(value) + start_at < 0 THEN NULL
    ELSE nullif(substr(value, CASE WHEN start_at > 0 THEN start_at WHEN start_at = 0 THEN 1 ELSE length(value) + start_at + 1 END,
                       coalesce(len, length(value) + 1)), '') END
$$;
-- Oracle INSTR: 1-based position of the nth match searching from start_at (backwards when negative), 0 if none.
CREATE OR REPLACE FUNCTION suiteql_instr(value text, search text, start_at integer DEFAULT 1, nth integer DEFAULT 1) RETURNS integer LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  matches integer := 0;
  i integer;
BEGIN
  IF value IS NULL OR search IS NULL OR start_at IS NULL OR nth IS NULL THEN RETURN NULL; END IF;
  IF start_at > 0 THEN
    i := start_at;
    WHILE i <= length(value) - length(search) + 1 LOOP
      IF substr(value, i, length(search)) = search THEN
        matches := matches + 1;
        IF matches = nth THEN RETURN i; END IF;
      END IF;
      i := i + 1;
    END LOOP;
  ELSIF start_at < 0 THEN
    i := length(value) + start_at + 1;
    WHILE i >= 1 LOOP
      IF substr(value, i, length(search)) = search THEN
        matches := matches + 1;
        IF matches = nth THEN RETURN i; END IF;
      END IF;
      i := i - 1;
    END LOOP;
  END IF;
  RETURN 0;
END
$$;
-- Oracle date arithmetic: SYSDATE - 30 is thirty days ago (Postgres has date - integer, not timestamp - number).
CREATE OR REPLACE FUNCTION suiteql_add_days(value timestamp, days numeric) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$ SELECT value + days * interval '1 day' $$;
CREATE OR REPLACE FUNCTION suiteql_subtract_days(value timestamp, days numeric) RETURNS timestamp LANGUAGE sql IMMUTABLE AS $$ SELECT value - days * interval '1 day' $$;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '+' AND oprleft = 'timestamp'::regtype AND oprright = 'numeric'::regtype) THEN
    CREATE OPERATOR + (LEFTARG = timestamp, RIGHTARG = numeric, FUNCTION = suiteql_add_days);
    CREATE OPERATOR - (LEFTARG = timestamp, RIGHTARG = numeric, FUNCTION = suiteql_subtract_days);
  END IF;
END $$;
-- Oracle subtracts dates to a number of days (TRUNC(SYSDATE) - t.duedate > 30); Postgres makes an interval when a
-- timestamp meets a date. These exact-type operators win over the cast to timestamp - timestamp.
CREATE OR REPLACE FUNCTION suiteql_days_between(a timestamp, b date) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT (extract(epoch FROM a - b::timestamp) / 86400)::numeric $$;
CREATE OR REPLACE FUNCTION suiteql_days_between(a date, b timestamp) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT (extract(epoch FROM a::timestamp - b) / 86400)::numeric $$;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '-' AND oprleft = 'timestamp'::regtype AND oprright = 'date'::regtype) THEN
    CREATE OPERATOR - (LEFTARG = timestamp, RIGHTARG = date, FUNCTION = suiteql_days_between);
    CREATE OPERATOR - (LEFTARG = date, RIGHTARG = timestamp, FUNCTION = suiteql_days_between);
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS dual (dummy text);
INSERT INTO dual (dummy) SELECT 'X' WHERE NOT EXISTS (SELECT 1 FROM dual);
`;
