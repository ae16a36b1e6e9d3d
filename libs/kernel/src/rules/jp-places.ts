/**
 * Japanese names of Japan's regions and prefectures, keyed by the directory's English spelling:
 * a coordinator may name a region in either language, and Japanese details name it in Japanese.
 */
const REGIONS: Readonly<Record<string, string>> = {
  Hokkaido: '北海道',
  Tohoku: '東北',
  Kanto: '関東',
  Chubu: '中部',
  Kansai: '関西',
  Kinki: '近畿',
  Chugoku: '中国',
  Shikoku: '四国',
  Kyushu: '九州',
  Okinawa: '沖縄',
};

const PREFECTURES: Readonly<Record<string, string>> = {
  Hokkaido: '北海道', Aomori: '青森', Iwate: '岩手', Miyagi: '宮城', Akita: '秋田', Yamagata: '山形', Fukushima: '福島',
  Ibaraki: '茨城', Tochigi: '栃木', Gunma: '群馬', Saitama: '埼玉', Chiba: '千葉', Tokyo: '東京', Kanagawa: '神奈川',
  Niigata: '新潟', Toyama: '富山', Ishikawa: '石川', Fukui: '福井', Yamanashi: '山梨', Nagano: '長野', Gifu: '岐阜',
  Shizuoka: '静岡', Aichi: '愛知', Mie: '三重', Shiga: '滋賀', Kyoto: '京都', Osaka: '大阪', Hyogo: '兵庫', Nara: '奈良',
  Wakayama: '和歌山', Tottori: '鳥取', Shimane: '島根', Okayama: '岡山', Hiroshima: '広島', Yamaguchi: '山口',
  Tokushima: '徳島', Kagawa: '香川', Ehime: '愛媛', Kochi: '高知', Fukuoka: '福岡', Saga: '佐賀', Nagasaki: '長崎',
  Kumamoto: '熊本', Oita: '大分', Miyazaki: '宮崎', Kagoshima: '鹿児島', Okinawa: '沖縄',
};

const FROM_JA = new Map<string, string>([...Object.entries(PREFECTURES), ...Object.entries(REGIONS)].map(([en, ja]) => [ja, en]));

/** The English spelling of a Japanese region or prefecture name (九州, 九州地方, 福岡県, 東京都), or null. */
export function fromJapanese(text: string): string | null {
  const t = text.trim();
  if (FROM_JA.has(t)) return FROM_JA.get(t)!;
  const bare = t.replace(/(地方|県|府|都)$/u, '');
  return FROM_JA.get(bare) ?? null;
}

/** A region or prefecture in Japanese when known, else as spelled. */
export const regionJa = (name: string): string => REGIONS[name] ?? PREFECTURES[name] ?? name;
