import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The peers' load per country (ADR 27), kept on write. partnerSuggestions compares a candidate's
 * load and record with the bureaus of its country that carry any record as provider or peer; read
 * live, that was an aggregate over every partnership member of the candidates' countries (0.7 s at
 * world size). These tables hold the same sums per country, in the transaction of every write
 * that moves them (statement-level triggers on partnership, partnership_member, municipality and
 * introduction, each recomputing only the countries it touched), so a read is one indexed lookup
 * and sees exactly what the live aggregate saw — inside a rolled-back evaluation too.
 *
 * - peer_load_country: per country, its bodies (municipalities with a live provider/peer
 *   membership), the sum over their live memberships of status weight × role weight (ACTIVE and
 *   AGREED 1, PROPOSED ½; a peer's or facilitator's share ½), their open introductions, and their
 *   live provider/peer memberships (the record).
 * - peer_load_finished: per country, the provider/peer memberships of COMPLETED partnerships by the
 *   partnership's last year (end, else start, else 0) and start year (else 0): "finished within
 *   RECENT_YEARS of year Y" is a range over it, for any Y, so the tables do not depend on the year.
 * The weights applied to the finished work and to introductions (RECENT_LOAD, INTRODUCTION_LOAD)
 * stay in scoring/fit.ts and are applied when reading.
 *
 * peer_load_refresh(countries) recomputes the given countries (all with NULL) set-based, under a
 * transaction-scoped advisory lock per country taken in order: two writers of one country queue,
 * and the second recomputes after the first committed, so no sum is lost to a concurrent write.
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
    await q.query(`CREATE FUNCTION peer_load_refresh(wanted char(2)[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        c char(2);
        countries char(2)[];
      BEGIN
        countries := CASE WHEN wanted IS NULL
          THEN ARRAY(SELECT country FROM municipality UNION SELECT country FROM peer_load_country ORDER BY 1)
          ELSE ARRAY(SELECT DISTINCT x FROM unnest(wanted) AS x WHERE x IS NOT NULL ORDER BY 1) END;
        IF cardinality(countries) = 0 THEN RETURN; END IF;
        FOREACH c IN ARRAY countries LOOP
          PERFORM pg_advisory_xact_lock(hashtext('kakehashi.peer_load'), hashtext(c));
        END LOOP;
        DELETE FROM peer_load_country WHERE country = ANY(countries);
        INSERT INTO peer_load_country (country, bodies, live, requested, record)
        SELECT l.country, count(*), sum(l.live),
               sum((SELECT count(*) FROM introduction i WHERE i.candidate_id = l.id AND i.status = 'REQUESTED')), sum(l.record)
          FROM (SELECT pm.municipality_id AS id, m.country,
                       sum(CASE p.status WHEN 'ACTIVE' THEN 1 WHEN 'AGREED' THEN 1 WHEN 'PROPOSED' THEN 0.5 ELSE 0 END
                           * CASE pm.role WHEN 'PEER' THEN 0.5 WHEN 'FACILITATOR' THEN 0.5 ELSE 1 END) AS live,
                       count(*) FILTER (WHERE pm.role IN ('PROVIDER', 'PEER')) AS record
                  FROM municipality m JOIN partnership_member pm ON pm.municipality_id = m.id
                  JOIN partnership p ON p.id = pm.partnership_id AND p.status <> 'CANCELLED'
                 WHERE m.country = ANY(countries)
                 GROUP BY pm.municipality_id, m.country HAVING bool_or(pm.role IN ('PROVIDER', 'PEER'))) l
         GROUP BY l.country;
        DELETE FROM peer_load_finished WHERE country = ANY(countries);
        INSERT INTO peer_load_finished (country, last_year, start_year, memberships)
        SELECT m.country, coalesce(p.end_year, p.start_year, 0), coalesce(p.start_year, 0), count(*)
          FROM municipality m JOIN partnership_member pm ON pm.municipality_id = m.id
          JOIN partnership p ON p.id = pm.partnership_id AND p.status = 'COMPLETED'
         WHERE m.country = ANY(countries) AND pm.role IN ('PROVIDER', 'PEER')
         GROUP BY 1, 2, 3;
      END $$`);
    // One trigger function per table; TG_OP picks the transition tables the event has.
    await q.query(`CREATE FUNCTION peer_load_members_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT m.country FROM new_rows r JOIN municipality m ON m.id = r.municipality_id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT m.country FROM old_rows r JOIN municipality m ON m.id = r.municipality_id));
        ELSE
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT m.country FROM (SELECT municipality_id FROM new_rows UNION SELECT municipality_id FROM old_rows) r
                                            JOIN municipality m ON m.id = r.municipality_id));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_partnerships_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM peer_load_refresh(ARRAY(
          SELECT DISTINCT m.country FROM old_rows o JOIN new_rows n ON n.id = o.id
            JOIN partnership_member pm ON pm.partnership_id = n.id JOIN municipality m ON m.id = pm.municipality_id
           WHERE (o.status, o.start_year, o.end_year) IS DISTINCT FROM (n.status, n.start_year, n.end_year)));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_municipalities_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT o.country FROM old_rows o));
        ELSE
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT x.country FROM old_rows o JOIN new_rows n ON n.id = o.id
                                            CROSS JOIN LATERAL (VALUES (o.country), (n.country)) x(country) WHERE o.country <> n.country));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION peer_load_introductions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT m.country FROM new_rows r JOIN municipality m ON m.id = r.candidate_id WHERE r.status = 'REQUESTED'));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM peer_load_refresh(ARRAY(SELECT DISTINCT m.country FROM old_rows r JOIN municipality m ON m.id = r.candidate_id WHERE r.status = 'REQUESTED'));
        ELSE
          PERFORM peer_load_refresh(ARRAY(
            SELECT DISTINCT m.country FROM old_rows o JOIN new_rows n ON n.id = o.id
              CROSS JOIN LATERAL (VALUES (o.candidate_id), (n.candidate_id)) x(id) JOIN municipality m ON m.id = x.id
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
    await q.query(`DROP FUNCTION peer_load_refresh(char(2)[])`);
    await q.query(`DROP TABLE peer_load_finished`);
    await q.query(`DROP TABLE peer_load_country`);
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
