import { describe, expect, it } from 'vitest';
import { domainColours, filterNetwork, partnershipLinks, readNetworkFilter, schemeColour, schemesIn, topicWithin, UNKNOWN_COLOUR, type NetworkPartnership, type Place } from './network-data';

const place = (key: string, topics: string[] = [], country = 'JP'): Place => ({ key, name: key, nameJa: null, kind: 'LOCAL_GOVERNMENT', country, latitude: 1, longitude: 2, topics });
const partnership = (key: string, members: string[], scheme: NetworkPartnership['scheme'], topics: string[]): NetworkPartnership => ({ key, title: key, scheme, status: 'ACTIVE', topics, members });

const data = {
  places: [place('kawasaki', ['nrw.leak-detection']), place('makassar', [], 'ID'), place('nagoya', ['resilience.earthquake']), place('mexico', [], 'MX'), place('asahikawa', ['nrw.metering'])],
  partnerships: [
    partnership('leak', ['kawasaki', 'makassar'], 'JICA_GRASSROOTS', ['nrw.leak-detection']),
    partnership('quake', ['nagoya', 'mexico'], 'JICA_TECHNICAL_COOPERATION', ['resilience.earthquake']),
  ],
};

describe('the network filter', () => {
  it('a domain covers its topics, and only whole segments', () => {
    expect(topicWithin('nrw.leak-detection', 'nrw')).toBe(true);
    expect(topicWithin('nrw', 'nrw')).toBe(true);
    expect(topicWithin('nrwx.other', 'nrw')).toBe(false);
  });

  it('keeps everything without a filter, places without partnerships too', () => {
    expect(filterNetwork(data, { topic: '', scheme: '' })).toEqual(data);
  });

  it('by scheme: the matching partnerships and their members only', () => {
    const kept = filterNetwork(data, { topic: '', scheme: 'JICA_TECHNICAL_COOPERATION' });
    expect(kept.partnerships.map((p) => p.key)).toEqual(['quake']);
    expect(kept.places.map((p) => p.key)).toEqual(['nagoya', 'mexico']);
  });

  it('by topic: matching partnerships, their members, and places whose expertise lies within it', () => {
    const kept = filterNetwork(data, { topic: 'nrw', scheme: '' });
    expect(kept.partnerships.map((p) => p.key)).toEqual(['leak']);
    expect(kept.places.map((p) => p.key)).toEqual(['kawasaki', 'makassar', 'asahikawa']);
    expect(filterNetwork(data, { topic: 'nrw', scheme: 'JICA_TECHNICAL_COOPERATION' })).toEqual({ places: [], partnerships: [] });
  });

  it('reads the filter from the address, ignoring an unknown scheme', () => {
    expect(readNetworkFilter(new URLSearchParams('topic=nrw&scheme=JICA_GRASSROOTS'))).toEqual({ topic: 'nrw', scheme: 'JICA_GRASSROOTS' });
    expect(readNetworkFilter(new URLSearchParams('scheme=DROP TABLE'))).toEqual({ topic: '', scheme: '' });
  });
});

describe('links and colours', () => {
  it('joins the first member to each other member, skipping members not carried', () => {
    const byKey = new Map(data.places.map((p) => [p.key, p]));
    const three = partnership('three', ['kawasaki', 'gone', 'makassar', 'nagoya'], null, []);
    expect(partnershipLinks(three, byKey).map(([a, b]) => `${a.key}-${b.key}`)).toEqual(['kawasaki-makassar', 'kawasaki-nagoya']);
    expect(partnershipLinks(partnership('alone', ['kawasaki'], null, []), byKey)).toEqual([]);
  });

  it('gives each scheme and each domain its own colour, grey for none', () => {
    expect(schemeColour('JICA_GRASSROOTS')).not.toBe(schemeColour('JICA_TECHNICAL_COOPERATION'));
    expect(schemeColour(null)).toBe(UNKNOWN_COLOUR);
    const colour = domainColours(['nrw', 'resilience']);
    expect(colour('nrw.leak-detection')).toBe(colour('nrw'));
    expect(colour('resilience.earthquake')).not.toBe(colour('nrw'));
    expect(colour(undefined)).toBe(UNKNOWN_COLOUR);
    expect(schemesIn(data.partnerships)).toEqual(['JICA_GRASSROOTS', 'JICA_TECHNICAL_COOPERATION']);
  });
});
