import { Injectable } from '@nestjs/common';
import { UserEntity, UserMunicipalityEntity } from '@kakehashi/auth';
import { TransactionalConnection } from '@kakehashi/database';
import { addDays, CalendarService, cutoffFor, daysBetween, monthsBetween, NeedStatusSql } from '@kakehashi/directory';
import { badInput, type RequestContext } from '@kakehashi/kernel';
import { In } from 'typeorm';
import { overdueCutoff } from './overdue';
import { UPKEEP_SECTIONS, type UpkeepFixer, type UpkeepItem, type UpkeepKind, type UpkeepRecordType, type UpkeepReport, type UpkeepSection, type UpkeepSectionName } from './upkeep.types';

export const DEFAULT_UPKEEP_ITEMS = 50;
export const MAX_UPKEEP_ITEMS = 500;

/** A row of a section query before its fixers are known. */
interface Found {
  key: string;
  title: string;
  municipality_ids: string[];
  municipality_keys: string[];
  date: string;
  total: number;
  extra: string | null;
}

interface SectionSpec {
  kind: UpkeepKind;
  recordType: UpkeepRecordType;
  sql: string;
  params: (d: Days) => unknown[];
  describe: (row: Found, days: number, d: Days) => { detail: string; detailJa: string };
}

interface Days {
  today: string;
  staleCutoff: string;
  expiringUntil: string;
  introductionCutoff: string;
  year: number;
  timeZone: string;
  staleMonths: number;
  expiringDays: number;
  introductionDays: number;
}

const municipalityOf = (alias: string) => `ARRAY[${alias}.id::text] AS municipality_ids, ARRAY[${alias}.key::text] AS municipality_keys`;
const membersOf = (alias: string) => `ARRAY(SELECT pm.municipality_id::text FROM partnership_member pm WHERE pm.partnership_id = ${alias}.id ORDER BY pm.position) AS municipality_ids,
  ARRAY(SELECT m.key::text FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = ${alias}.id ORDER BY pm.position) AS municipality_keys`;
const paged = (sql: string, order: string) => `SELECT *, count(*) OVER ()::int AS total FROM (${sql}) x ORDER BY ${order} LIMIT $1`;
const LIVE = `('PROPOSED', 'AGREED', 'ACTIVE', 'DORMANT')`;

/*
 * Each section is one statement: the first `first` items, most overdue first, with the total.
 * $1 is always the limit.
 */
const SECTIONS: Record<UpkeepSectionName, SectionSpec> = {
  staleProfiles: {
    kind: 'STALE_PROFILE',
    recordType: 'MUNICIPALITY',
    sql: paged(`SELECT t.key, t.name AS title, ${municipalityOf('t')}, t.last_confirmed_on::text AS date, NULL AS extra FROM municipality t WHERE t.last_confirmed_on <= $2::date`, 'date, key'),
    params: (d) => [d.staleCutoff],
    describe: (r, _days, d) => ({ detail: `Profile last confirmed on ${r.date} (${monthsBetween(r.date, d.today)} months ago)`, detailJa: `プロフィールの最終確認：${r.date}（${monthsBetween(r.date, d.today)}か月前）` }),
  },
  staleNeeds: {
    kind: 'STALE_NEED',
    recordType: 'NEED',
    sql: paged(
      `SELECT t.key, t.title, ${municipalityOf('m')}, t.last_confirmed_on::text AS date, m.name AS extra FROM need t JOIN municipality m ON m.id = t.municipality_id
        WHERE t.last_confirmed_on <= $2::date AND ${NeedStatusSql.is('t', 'OPEN', '$3')}`,
      'date, key',
    ),
    params: (d) => [d.staleCutoff, d.today],
    describe: (r) => ({ detail: `Open need of ${r.extra} last confirmed on ${r.date}: is it still wanted?`, detailJa: `${r.extra}のニーズの最終確認：${r.date}` }),
  },
  stalePartnerships: {
    kind: 'STALE_PARTNERSHIP',
    recordType: 'PARTNERSHIP',
    sql: paged(`SELECT t.key, t.title, ${membersOf('t')}, t.last_confirmed_on::text AS date, t.status::text AS extra FROM partnership t WHERE t.last_confirmed_on <= $2::date AND t.status IN ${LIVE}`, 'date, key'),
    params: (d) => [d.staleCutoff],
    describe: (r) => ({ detail: `${r.extra} partnership last confirmed on ${r.date}`, detailJa: `${r.extra}の協力の最終確認：${r.date}` }),
  },
  expiredNeeds: {
    kind: 'EXPIRED_NEED',
    recordType: 'NEED',
    sql: paged(`SELECT t.key, t.title, ${municipalityOf('m')}, t.expires_on::text AS date, m.name AS extra FROM need t JOIN municipality m ON m.id = t.municipality_id WHERE ${NeedStatusSql.is('t', 'EXPIRED', '$2')}`, 'date, key'),
    params: (d) => [d.today],
    describe: (r) => ({ detail: `Need of ${r.extra} expired on ${r.date}: extend it, reopen it later, or close it`, detailJa: `${r.extra}のニーズは${r.date}に期限切れ：延長または終了を` }),
  },
  expiringNeeds: {
    kind: 'EXPIRING_NEED',
    recordType: 'NEED',
    sql: paged(
      `SELECT t.key, t.title, ${municipalityOf('m')}, t.expires_on::text AS date, m.name AS extra FROM need t JOIN municipality m ON m.id = t.municipality_id
        WHERE t.status = 'OPEN' AND t.expires_on >= $2::date AND t.expires_on <= $3::date`,
      'date, key',
    ),
    params: (d) => [d.today, d.expiringUntil],
    describe: (r, days) => ({ detail: `Need of ${r.extra} expires on ${r.date}, in ${-days} day${days === -1 ? '' : 's'}: extend it or let it go`, detailJa: `${r.extra}のニーズは${r.date}に期限切れ（あと${-days}日）` }),
  },
  partnershipsPastEnd: {
    kind: 'PARTNERSHIP_PAST_END',
    recordType: 'PARTNERSHIP',
    sql: paged(`SELECT t.key, t.title, ${membersOf('t')}, (t.end_year::text || '-12-31') AS date, NULL AS extra FROM partnership t WHERE t.status = 'ACTIVE' AND t.end_year < $2`, 'date, key'),
    params: (d) => [d.year],
    describe: (r) => ({ detail: `Still ACTIVE, but it was to end in ${r.date.slice(0, 4)}: complete it, or extend its end year`, detailJa: `${r.date.slice(0, 4)}年に終了予定だがACTIVEのまま：完了または期間延長を` }),
  },
  overdueIntroductions: {
    kind: 'OVERDUE_INTRODUCTION',
    recordType: 'INTRODUCTION',
    sql: paged(
      `SELECT i.id::text AS key, r.name || ' asks to be introduced to ' || c.name AS title, ${municipalityOf('c')},
              (i.created_at AT TIME ZONE $3)::date::text AS date, n.key AS extra
         FROM introduction i JOIN municipality r ON r.id = i.requester_id JOIN municipality c ON c.id = i.candidate_id LEFT JOIN need n ON n.id = i.need_id
        WHERE i.status = 'REQUESTED' AND (i.created_at AT TIME ZONE $3)::date <= $2::date`,
      'date, key',
    ),
    params: (d) => [d.introductionCutoff, d.timeZone],
    describe: (r, days) => ({ detail: `Unanswered for ${days} days (requested on ${r.date}${r.extra ? `, for need ${r.extra}` : ''}): accept or decline it`, detailJa: `${days}日間未回答（${r.date}に依頼）：承諾または辞退を` }),
  },
};

/**
 * The upkeep list: what keeps the directory true and who can fix each item — stale profiles, needs
 * and partnerships, needs expired or about to, ACTIVE partnerships past their end, introductions
 * nobody answered. Coordinators only (the resolver and the CLI decide who may ask); the fixers'
 * e-mail addresses are account data that only they see.
 */
@Injectable()
export class UpkeepService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly calendar: CalendarService,
  ) {}

  async report(ctx: RequestContext, first?: number | null): Promise<UpkeepReport> {
    const limit = first ?? DEFAULT_UPKEEP_ITEMS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_UPKEEP_ITEMS) {
      throw badInput(`first must be between 1 and ${MAX_UPKEEP_ITEMS}`, [{ path: 'first', message: `must be an integer from 1 to ${MAX_UPKEEP_ITEMS}, got ${limit}` }]);
    }
    const today = this.calendar.today();
    const policy = this.calendar.upkeepPolicy;
    const staleMonths = this.calendar.freshnessPolicy.staleMonths;
    const d: Days = {
      today,
      staleCutoff: cutoffFor(today, staleMonths),
      expiringUntil: addDays(today, policy.expiringDays),
      introductionCutoff: overdueCutoff(today, policy.introductionDays),
      year: Number(today.slice(0, 4)),
      timeZone: this.calendar.timeZone,
      staleMonths,
      expiringDays: policy.expiringDays,
      introductionDays: policy.introductionDays,
    };
    const found = new Map<UpkeepSectionName, Found[]>();
    for (const name of UPKEEP_SECTIONS) found.set(name, await this.db.manager(ctx).query(SECTIONS[name].sql, [limit, ...SECTIONS[name].params(d)]));
    const fixers = await this.editorsOf(ctx, [...new Set([...found.values()].flat().flatMap((r) => r.municipality_ids))]);
    const section = (name: UpkeepSectionName): UpkeepSection => {
      const rows = found.get(name)!;
      const spec = SECTIONS[name];
      return {
        totalCount: rows[0]?.total ?? 0,
        items: rows.map((r): UpkeepItem => {
          const days = daysBetween(r.date, today);
          return {
            kind: spec.kind,
            recordType: spec.recordType,
            key: r.key,
            title: r.title,
            municipalityIds: r.municipality_ids,
            municipalityKeys: r.municipality_keys,
            date: r.date,
            days,
            ...spec.describe(r, days, d),
            fixers: r.municipality_ids.flatMap((id) => fixers.get(id) ?? []),
          };
        }),
      };
    };
    return {
      asOf: today,
      timeZone: d.timeZone,
      thresholds: { staleMonths: d.staleMonths, expiringDays: d.expiringDays, introductionDays: d.introductionDays },
      ...(Object.fromEntries(UPKEEP_SECTIONS.map((name) => [name, section(name)])) as Record<UpkeepSectionName, UpkeepSection>),
    };
  }

  /** Enabled editor accounts bound to each municipality, by e-mail. */
  private async editorsOf(ctx: RequestContext, municipalityIds: readonly string[]): Promise<Map<string, UpkeepFixer[]>> {
    const out = new Map<string, UpkeepFixer[]>();
    if (!municipalityIds.length) return out;
    const rows = await this.db
      .getRepository(ctx, UserMunicipalityEntity)
      .createQueryBuilder('um')
      .innerJoin(UserEntity, 'u', 'u.id = um.user_id')
      .innerJoin('municipality', 'm', 'm.id = um.municipality_id')
      .select(['um.municipality_id AS municipality_id', 'u.id AS account_id', 'u.email AS email', 'm.key AS municipality_key'])
      .where({ municipalityId: In([...municipalityIds]) })
      .andWhere('u.disabled_at IS NULL')
      .andWhere(`u.role = 'EDITOR'`)
      .orderBy('u.email')
      .getRawMany<{ municipality_id: string; account_id: string; email: string; municipality_key: string }>();
    for (const r of rows) out.set(r.municipality_id, [...(out.get(r.municipality_id) ?? []), { accountId: r.account_id, email: r.email, municipalityKey: r.municipality_key }]);
    return out;
  }
}
