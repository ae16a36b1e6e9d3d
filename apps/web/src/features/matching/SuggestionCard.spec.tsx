import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestionFieldsFragment } from '../../gql/graphql';
import { I18nProvider } from '../../i18n/i18n';
import type { Lang } from '../../i18n/language';
import { Router } from 'wouter';
import { SuggestionCard } from './SuggestionCard';

const suggestion: SuggestionFieldsFragment = {
  score: 0.7783,
  municipality: { key: 'kawasaki', name: 'Kawasaki City', nameJa: '川崎市', country: 'JP', region: 'Kanto', overseasExperience: 'EXTENSIVE', provenance: 'DOCUMENTED' },
  reasons: [
    {
      kind: 'TOPIC_FIT',
      weight: 0.432,
      detail: 'Leak detection and repair: level 4 expertise',
      detailJa: '漏水探知・修繕：レベル4の専門性',
      labelEn: 'Topic fit',
      labelJa: '分野の一致',
      records: [{ type: 'EXPERTISE', key: 'kawasaki:nrw.leak-detection', label: 'Leak detection and repair' }],
    },
  ],
  mismatches: [{ kind: 'CAPACITY', weight: 0.05, detail: 'Carries 3 partnerships already', detailJa: 'すでに3件を実施中', labelEn: 'Capacity', labelJa: '受入能力', records: [] }],
};

function renderCard(lang: Lang) {
  return render(
    <I18nProvider initial={lang}>
      <Router ssrPath="/">
        <SuggestionCard suggestion={suggestion} rank={1} />
      </Router>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe('SuggestionCard', () => {
  it('says why in English, linking each reason to the record it rests on', () => {
    renderCard('en');
    expect(screen.getByText('Fit 78%')).toBeTruthy();
    expect(screen.getByText('Topic fit')).toBeTruthy();
    expect(screen.getByText('Leak detection and repair: level 4 expertise')).toBeTruthy();
    const link = screen.getByRole('link', { name: /Leak detection and repair/ });
    expect(link.getAttribute('href')).toBe('/municipalities/kawasaki#expertise-nrw-leak-detection');
    expect(within(screen.getByRole('heading', { level: 3 })).getByText('Kawasaki City')).toBeTruthy();
    expect(screen.getByText('Carries 3 partnerships already')).toBeTruthy();
  });

  it('uses the Japanese label, detail and name in Japanese', () => {
    renderCard('ja');
    expect(screen.getByText('分野の一致')).toBeTruthy();
    expect(screen.getByText('漏水探知・修繕：レベル4の専門性')).toBeTruthy();
    expect(within(screen.getByRole('heading', { level: 3 })).getByText('川崎市')).toBeTruthy();
    expect(screen.getByText('適合度 78%')).toBeTruthy();
  });
});
