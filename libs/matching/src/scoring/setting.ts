/**
 * Settings a description can reveal and that make one utility's experience transfer to another:
 * the same climate, terrain or hazards. Detected from words (English and Japanese) in the need's
 * text and in a candidate's own records — only "where the data says so".
 */
export const SETTINGS = {
  COLD_CLIMATE: { en: 'cold climate', ja: '寒冷地', words: ['cold climate', 'winter', 'freez', 'frost', 'permafrost', 'snow', '寒冷', '凍結', '積雪', '低水温'] },
  ISLAND: { en: 'small islands', ja: '離島', words: ['island', '離島', '島嶼'] },
  HILLY: { en: 'hilly terrain', ja: '起伏の多い地形', words: ['hilly', 'hills', 'mountainous', 'steep', '起伏', '山間'] },
  WATER_SCARCITY: { en: 'water scarcity', ja: '渇水', words: ['drought', 'dry season', 'water shortage', 'scarcity', 'rationing', '渇水', '水不足'] },
  FLOODS_STORMS: { en: 'floods and storms', ja: '洪水・台風', words: ['flood', 'typhoon', 'cyclone', 'heavy rain', '豪雨', '台風', '浸水', '洪水'] },
  EARTHQUAKES: { en: 'earthquakes', ja: '地震', words: ['earthquake', 'seismic', '地震', '耐震'] },
  GROUNDWATER: { en: 'groundwater sources', ja: '地下水源', words: ['groundwater', 'aquifer', 'wells', '地下水'] },
  TURBID_WATER: { en: 'turbid raw water', ja: '高濁度原水', words: ['turbid', 'turbidity', 'volcanic ash', '濁度'] },
} as const;

export type Setting = keyof typeof SETTINGS;

export function detectSettings(text: string): Setting[] {
  const lower = text.toLowerCase();
  return (Object.keys(SETTINGS) as Setting[]).filter((s) => SETTINGS[s].words.some((w) => lower.includes(w)));
}
