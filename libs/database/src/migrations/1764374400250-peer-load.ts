import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The peers' load per country (ADR 27), kept on write. partnerSuggestions compares a candidate's
 * load and record with the bureaus of its country that carry any record as provider or peer; read
 * live, that was an aggregate over every partnership member of the candidates' countries (0.7–1 s
 * at world size). These tables hold the same sums per country, kept in the transaction of every
 * write that moves them (statement-level triggers on partnership, partnership_member, municipality
 * and introduction), so a read is one indexed lookup and sees exactly what the live aggregate
 * saw — inside a rolled-back evaluation too.
 *
 * - peer_load_country: per country, its bodies (municipalities with a live provider/peer
 *   membership), the sum over their live memberships of status weight × role weight (ACTIVE and
 *   AGREED 1, PROPOSED ½; a peer's or facilitator's share ½), their open introductions, and their
 *   live provider/peer memberships (the record).
 * - peer_load_finished: per country, the provider/peer memberships of COMPLETED partnerships by the
 *   partnership's last year (end, else start, else 0) and start year (else 0): "finished within
 *   RECENT_YEARS of year Y" is a range over it, for any Y, so the tables do not depend on the year.
 * - peer_load_body, peer_load_body_finished: each body's own share of those sums.
 * The weights applied to the finished work and to introductions (RECENT_LOAD, INTRODUCTION_LOAD)
 * stay in scoring/fit.ts and are applied when reading.
 *
 * peer_load_refresh(ids) recounts the given municipalities (all with NULL): their old shares out
 * of their countries' sums, their shares recomputed from the directory in, under a
 * transaction-scoped advisory lock per country taken in order — two writers of one country
 * queue, and the second recounts after the first committed, so no write is lost.
 */
export class PeerLoad1764374400250 implements MigrationInterface {
  name = 'PeerLoad1764374400250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE peer_load_country (
      country char(2) PRIMARY KEY,
      bodies integer NOT NULL,
      live numeric NOT NULL,
      requested bigint NOT NULL,
      record bigint NOT NULL)`);
    await q.query(`CREATE TABLE peer_load_finished (
      country char(2) NOT NULL,
      last_year smallint NOT NULL,
      start_year smallint NOT NULL,
      memberships integer NOT NULL,
      PRIMARY KEY (country, last_year, start_year))`);
    // Each body's own share of those sums: what a write takes out of its country's before adding the new share.
    await q.query(`CREATE TABLE peer_load_body (
      municipality_id uuid PRIMARY KEY,
      country char(2) NOT NULL,
      live numeric NOT NULL,
      requested integer NOT NULL,
      record integer NOT NULL)`);
    await q.query(`CREATE TABLE peer_load_body_finished (
      municipality_id uuid NOT NULL,
      country char(2) NOT NULL,
      last_year smallint NOT NULL,
      start_year smallint NOT NULL,
      memberships integer NOT NULL,
      PRIMARY KEY (municipality_id, last_year, start_year))`);
    await q.query(`CREATE FUNCTION peer_load_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        c char(2);
      BEGIN
        IF ids IS NULL THEN
          -- Everything: every country locked, the tables rebuilt from the directory.
          FOR c IN SELECT country FROM municipality UNION SELECT country FROM peer_load_country ORDER BY 1 LOOP
            PERFORM pg_advisory_xact_lock(hashtext('kakehashi.peer_load'), hashtext(c));
          END LOOP;
          DELETE FROM peer_load_body; DELETE FROM peer_load_body_finished; DELETE FROM peer_load_country; DELETE FROM peer_load_finished;
          ids := ARRAY(SELECT DISTINCT municipality_id FROM partnership_member);
        ELSE
          ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL);
          IF cardinality(ids) = 0 THEN RETURN; END IF;
          -- The countries the bodies are in now and were in when last counted, in order.
          FOR c IN SELECT country FROM municipality WHERE id = ANY(ids) UNION SELECT country FROM peer_load_body WHERE municipality_id = ANY(ids)
                   UNION SELECT country FROM peer_load_body_finished WHERE municipality_id = ANY(ids) ORDER BY 1 LOOP
            PERFORM pg_advisory_xact_lock(hashtext('kakehashi.peer_load'), hashtext(c));
          END LOOP;
          -- Their old shares out of their countries' sums.
          WITH old AS (DELETE FROM peer_load_body WHERE municipality_id = ANY(ids) RETURNING *),
               total AS (SELECT country, count(*) AS bodies, sum(live) AS live, sum(requested) AS requested, sum(record) AS record FROM old GROUP BY country)
          UPDATE peer_load_country p SET bodies = p.bodies - t.bodies, live = p.live - t.live, requested = p.requested - t.requested, record = p.record - t.record
            FROM total t WHERE p.country = t.country;
          WITH old AS (DELETE FROM peer_load_body_finished WHERE municipality_id = ANY(ids) RETURNING *),
               total AS (SELECT country, last_year, start_year, sum(memberships) AS memberships FROM old GROUP BY 1, 2, 3)
          UPDATE peer_load_finished p SET memberships = p.memberships - t.memberships
            FROM total t WHERE (p.country, p.last_year, p.start_year) = (t.country, t.last_year, t.start_year);
        END IF;
        -- Their new shares, from the directory as this transaction sees it, into their countries' sums.
        WITH new AS (
          INSERT INTO peer_load_body (municipality_id, country, live, requested, record)
          SELECT l.id, l.country, l.live, (SELECT count(*) FROM introduction i WHERE i.candidate_id = l.id AND i.status = 'REQUESTED'), l.record
            FROM (SELECT pm.municipality_id AS id, m.country,
                         sum(CASE p.status WHEN 'ACTIVE' THEN 1 WHEN 'AGREED' THEN 1 WHEN 'PROPOSED' THEN 0.5 ELSE 0 END
                             * CASE pm.role WHEN 'PEER' THEN 0.5 WHEN 'FACILITATOR' THEN 0.5 ELSE 1 END) AS live,
                         count(*) FILTER (WHERE pm.role IN ('PROVIDER', 'PEER')) AS record
                    FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id
                    JOIN partnership p ON p.id = pm.partnership_id AND p.status <> 'CANCELLED'
                   WHERE pm.municipality_id = ANY(ids)
                   GROUP BY pm.municipality_id, m.country HAVING bool_or(pm.role IN ('PROVIDER', 'PEER'))) l
          RETURNING *)
        INSERT INTO peer_load_country AS p (country, bodies, live, requested, record)
        SELECT country, count(*), sum(live), sum(requested), sum(record) FROM new GROUP BY country
        ON CONFLICT (country) DO UPDATE SET bodies = p.bodies + excluded.bodies, live = p.live + excluded.live,
          requested = p.requested + excluded.requested, record = p.record + excluded.record;
        WITH new AS (
          INSERT INTO peer_load_body_finished (municipality_id, country, last_year, start_year, memberships)
          SELECT pm.municipality_id, m.country, coalesce(p.end_year, p.start_year, 0), coalesce(p.start_year, 0), count(*)
            FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id
            JOIN partnership p ON p.id = pm.partnership_id AND p.status = 'COMPLETED'
           WHERE pm.municipality_id = ANY(ids) AND pm.role IN ('PROVIDER', 'PEER')
           GROUP BY 1, 2, 3, 4
          RETURNING *)
        INSERT INTO peer_load_finished AS p (country, last_year, start_year, memberships)
        SELECT country, last_year, start_year, sum(memberships) FROM new GROUP BY 1, 2, 3
        ON CONFLICT (country, last_year, start_year) DO UPDATE SET memberships = p.memberships + excluded.memberships;
        DELETE FROM peer_load_country WHERE bodies = 0;
        DELETE FROM peer_load_finished WHERE memberships = 0;
      END $$`);
    // One trigger function per table; TG_OP picks the transition tables the event has.
    await q.query(`CREATE FUNCTION peer_load_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT municipality_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT municipality_id FROM old_rows));
        ELSE
          PERFORM peer_load_refresh(ARRAY(SELECT municipality_id FROM new_rows UNION SELECT municipality_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_partnerships_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM peer_load_refresh(ARRAY(
          SELECT pm.municipality_id FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN partnership_member pm ON pm.partnership_id = n.id
           WHERE (o.status, o.start_year, o.end_year) IS DISTINCT FROM (n.status, n.start_year, n.end_year)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_municipalities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT o.id FROM old_rows o));
        ELSE
          PERFORM peer_load_refresh(ARRAY(SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.country <> n.country));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_introductions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT candidate_id FROM new_rows WHERE status = 'REQUESTED'));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT candidate_id FROM old_rows WHERE status = 'REQUESTED'));
        ELSE
          PERFORM peer_load_refresh(ARRAY(
            SELECT x.id FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL (VALUES (o.candidate_id), (n.candidate_id)) x(id)
             WHERE (o.status, o.candidate_id) IS DISTINCT FROM (n.status, n.candidate_id) AND 'REQUESTED' IN (o.status, n.status)));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM peer_load_refresh(NULL);
        RETURN NULL;
      END $$`);
    for (const [table, fn, events] of TRIGGERS)
      for (const event of events)
        await q.query(
          `CREATE TRIGGER peer_load_${event.toLowerCase()} AFTER ${event} ON ${table} ${transitions(event)} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
    for (const table of new Set(TRIGGERS.map(([table]) => table))) await q.query(`CREATE TRIGGER peer_load_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION peer_load_truncated()`);
    await q.query(`SELECT peer_load_refresh(NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, , events] of TRIGGERS) for (const event of events) await q.query(`DROP TRIGGER IF EXISTS peer_load_${event.toLowerCase()} ON ${table}`);
    for (const table of new Set(TRIGGERS.map(([table]) => table))) await q.query(`DROP TRIGGER IF EXISTS peer_load_truncate ON ${table}`);
    for (const fn of ['peer_load_truncated', 'peer_load_introductions_changed', 'peer_load_municipalities_changed', 'peer_load_partnerships_changed', 'peer_load_members_changed'])
      await q.query(`DROP FUNCTION ${fn}()`);
    await q.query(`DROP FUNCTION peer_load_refresh(uuid[])`);
    for (const table of ['peer_load_body_finished', 'peer_load_body', 'peer_load_finished', 'peer_load_country']) await q.query(`DROP TABLE ${table}`);
  }
}

/** Which writes move the sums: [table, trigger function, events]. Deleting a partnership reaches its members by cascade. */
const TRIGGERS: readonly (readonly [string, string, readonly ('INSERT' | 'UPDATE' | 'DELETE')[]])[] = [
  ['partnership_member', 'peer_load_members_changed', ['INSERT', 'UPDATE', 'DELETE']],
  ['partnership', 'peer_load_partnerships_changed', ['UPDATE']],
  ['municipality', 'peer_load_municipalities_changed', ['UPDATE', 'DELETE']],
  ['introduction', 'peer_load_introductions_changed', ['INSERT', 'UPDATE', 'DELETE']],
];

function transitions(event: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  if (event === 'INSERT') return 'REFERENCING NEW TABLE AS new_rows';
  if (event === 'DELETE') return 'REFERENCING OLD TABLE AS old_rows';
  return 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows';
}
