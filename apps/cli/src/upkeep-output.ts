import { UPKEEP_SECTIONS, type UpkeepItem, type UpkeepReport, type UpkeepSectionName } from '@kakehashi/upkeep';

const HEADINGS: Record<UpkeepSectionName, (r: UpkeepReport) => string> = {
  staleProfiles: (r) => `Profiles nobody has confirmed for ${r.thresholds.staleMonths} months`,
  expiredNeeds: () => 'Needs past their expiry, still recorded as open',
  expiringNeeds: (r) => `Needs expiring within ${r.thresholds.expiringDays} days`,
  partnershipsPastEnd: () => 'ACTIVE partnerships past their end year',
  overdueIntroductions: (r) => `Introductions unanswered for ${r.thresholds.introductionDays} days`,
  staleNeeds: (r) => `Open needs nobody has confirmed for ${r.thresholds.staleMonths} months`,
  stalePartnerships: (r) => `Live partnerships nobody has confirmed for ${r.thresholds.staleMonths} months`,
};

const who = (item: UpkeepItem): string => (item.fixers.length ? item.fixers.map((f) => `${f.email} (${f.municipalityKey})`).join(', ') : `no editor of ${item.municipalityKeys.join(', ') || 'it'}: a coordinator`);

/** The report as plain text for a person: a section per kind with its items, each with who can fix it. */
export function upkeepText(report: UpkeepReport): string {
  const lines = [`Upkeep as of ${report.asOf} (${report.timeZone})`, ''];
  let total = 0;
  for (const name of UPKEEP_SECTIONS) {
    const section = report[name];
    total += section.totalCount;
    if (!section.totalCount) continue;
    lines.push(`${HEADINGS[name](report)}: ${section.totalCount}${section.items.length < section.totalCount ? ` (first ${section.items.length} shown)` : ''}`);
    for (const item of section.items) lines.push(`  ${item.key}  ${item.title}`, `    ${item.detail}`, `    → ${who(item)}`);
    lines.push('');
  }
  lines.push(total ? `${total} item${total === 1 ? '' : 's'} to chase.` : 'Nothing to chase: the directory is up to date.');
  return `${lines.join('\n')}\n`;
}

/** The report as JSON for a script (a mail merge): ids left out, keys and e-mail addresses kept. */
export function upkeepJson(report: UpkeepReport): string {
  const sections = Object.fromEntries(
    UPKEEP_SECTIONS.map((name) => [name, { totalCount: report[name].totalCount, items: report[name].items.map(({ municipalityIds: _ids, ...item }) => ({ ...item, fixers: item.fixers.map(({ accountId: _id, ...f }) => f) })) }]),
  );
  return `${JSON.stringify({ asOf: report.asOf, timeZone: report.timeZone, thresholds: report.thresholds, ...sections }, null, 2)}\n`;
}
