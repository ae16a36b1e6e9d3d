import type { ReactNode } from 'react';
import type { MentorSuggestionsQuery, SuggestionFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityName } from '../../ui/Names';
import { ProvenanceBadge } from '../../ui/Provenance';
import { ReasonList, RecordLinks } from './Reasons';

export type PathwaySteps = MentorSuggestionsQuery['mentorSuggestions'][number]['pathway'];

function Pathway({ steps }: { steps: PathwaySteps }) {
  const { t, pick } = useI18n();
  return (
    <div className="pathway">
      <h4>{t.suggestion.pathway}</h4>
      <ol>
        {steps.map((step) => (
          <li key={step.stage}>
            <p>
              <strong>
                {t.suggestion.stage(step.stage)}: {pick(step.titleEn, step.titleJa)}
              </strong>{' '}
              <span className="meta">({t.enums.pathwayKind[step.kind]})</span>
            </p>
            <p>{pick(step.detail, step.detailJa)}</p>
            <RecordLinks records={step.records} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** One suggested municipality: its fit, why, what does not fit, the pathway for mentors; `actions` for editors. */
export function SuggestionCard({ suggestion, rank, actions }: { suggestion: SuggestionFieldsFragment & { pathway?: PathwaySteps }; rank: number; actions?: ReactNode }) {
  const { t, fmt } = useI18n();
  const m = suggestion.municipality;
  const pct = fmt.percent(suggestion.score);
  return (
    <li className="suggestion card" data-candidate={m.key}>
      <div className="suggestion-head">
        <h3 className="card-title">
          <span className="rank">{rank}.</span> <MunicipalityName municipality={m} />
        </h3>
        <div className="score">
          <meter min={0} max={1} value={suggestion.score} aria-label={t.suggestion.score}>
            {pct}
          </meter>
          <span>{t.suggestion.scoreOf(pct)}</span>
        </div>
      </div>
      <p className="meta">
        {[m.region && fmt.place(m.region, m.country), fmt.country(m.country)].filter(Boolean).join(' · ')}
        {m.overseasExperience && ` · ${t.common.overseasExperience}: ${t.enums.experience[m.overseasExperience]}`}{' '}
        <ProvenanceBadge provenance={m.provenance} compact />
      </p>
      <h4>{t.suggestion.reasons}</h4>
      <ReasonList reasons={suggestion.reasons} />
      <h4>{t.suggestion.mismatches}</h4>
      {suggestion.mismatches.length ? <ReasonList reasons={suggestion.mismatches} mismatch /> : <p className="meta">{t.suggestion.noMismatch}</p>}
      {suggestion.pathway && suggestion.pathway.length > 0 && <Pathway steps={suggestion.pathway} />}
      {actions}
    </li>
  );
}
