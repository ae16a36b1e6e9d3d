import type { SuggestionFieldsFragment } from '../../gql/graphql';
import { SuggestionCard, type PathwaySteps } from './SuggestionCard';
import { SuggestionActions, type SuggestionRef } from './SuggestionActions';

/**
 * Suggestions best first. With `actFor`, each card offers dismiss and request-an-introduction
 * (the caller decides who may: editors of the asking municipality and coordinators).
 */
export function SuggestionList({
  suggestions,
  actFor,
  introductions = new Map(),
}: {
  suggestions: (SuggestionFieldsFragment & { pathway?: PathwaySteps })[];
  actFor?: Omit<SuggestionRef, 'candidateKey'>;
  introductions?: Map<string, string>;
}) {
  return (
    <ol className="suggestions">
      {suggestions.map((s, i) => (
        <SuggestionCard
          key={s.municipality.key}
          suggestion={s}
          rank={i + 1}
          actions={actFor && <SuggestionActions target={{ ...actFor, candidateKey: s.municipality.key }} introStatus={introductions.get(s.municipality.key)} />}
        />
      ))}
    </ol>
  );
}
