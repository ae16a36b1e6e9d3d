/**
 * Words the explanations use for enumerations, in English and Japanese, so a Japanese detail
 * never falls back to an English enum value (`JICA grassrootsの実績`, `(active)`) or a romanised
 * place name (`Kanto`).
 */
import { regionJa } from '@kakehashi/kernel';

/** A Japanese region or prefecture as the directory spells it ("Kanto", "Kanagawa"): in Japanese text 関東, 神奈川 (as spelled when unknown). */
export const placeLabel = (name: string, lang: 'en' | 'ja' = 'en'): string => (lang === 'ja' ? regionJa(name) : name);

/** Cooperation schemes (`CooperationScheme`), as a reader names them. */
export const SCHEME_LABELS: Readonly<Record<string, { en: string; ja: string }>> = {
  JICA_GRASSROOTS: { en: 'JICA grassroots technical cooperation', ja: 'JICA草の根技術協力' },
  JICA_TECHNICAL_COOPERATION: { en: 'JICA technical cooperation project', ja: 'JICA技術協力プロジェクト' },
  JICA_ISSUE_SPECIFIC_TRAINING: { en: 'JICA issue-specific training', ja: 'JICA課題別研修' },
  JICA_EXPERT_DISPATCH: { en: 'JICA expert dispatch', ja: 'JICA専門家派遣' },
  JICA_VOLUNTEERS: { en: 'JICA volunteers', ja: 'JICA海外協力隊' },
  JICA_PRIVATE_SECTOR: { en: 'JICA SME and SDG business support', ja: 'JICA中小企業・SDGsビジネス支援事業' },
  ODA_GRANT_OR_LOAN: { en: 'ODA grant or loan', ja: 'ODA無償・有償資金協力' },
  WATER_OPERATORS_PARTNERSHIP: { en: "Water Operators' Partnership", ja: '水道事業体間パートナーシップ（WOP）' },
  BILATERAL_AGREEMENT: { en: 'bilateral agreement', ja: '二者間協定' },
  PRIVATE_CONTRACT: { en: 'private contract', ja: '民間契約' },
  OTHER: { en: 'other arrangement', ja: 'その他の枠組み' },
};

export const schemeLabel = (scheme: string, lang: 'en' | 'ja' = 'en'): string => SCHEME_LABELS[scheme]?.[lang] ?? scheme;

/** Partnership statuses. */
export const STATUS_LABELS: Readonly<Record<string, { en: string; ja: string }>> = {
  PROPOSED: { en: 'proposed', ja: '提案中' },
  AGREED: { en: 'agreed', ja: '合意済み' },
  ACTIVE: { en: 'under way', ja: '実施中' },
  COMPLETED: { en: 'completed', ja: '完了' },
  DORMANT: { en: 'dormant', ja: '休止中' },
  CANCELLED: { en: 'cancelled', ja: '中止' },
};

export const statusLabel = (status: string, lang: 'en' | 'ja' = 'en'): string => STATUS_LABELS[status]?.[lang] ?? status;

/** Overseas experience as declared. */
export const EXPERIENCE_LABELS: Readonly<Record<string, { en: string; ja: string }>> = {
  NONE: { en: 'no', ja: 'なし' },
  SOME: { en: 'some', ja: 'あり' },
  EXTENSIVE: { en: 'extensive', ja: '豊富' },
};
