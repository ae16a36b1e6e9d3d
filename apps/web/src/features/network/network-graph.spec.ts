import { describe, expect, it } from 'vitest';
import type { NetworkPartnership, Place } from '../network-data/network-data';
import { schemeColour, UNKNOWN_COLOUR } from '../network-data/network-data';
import { buildPlaceGraph, neighbourhood, settle } from './network-graph';

const place = (key: string, topics: string[] = [], at: [number, number] | null = [10, 20]): Place => ({
  key,
  name: key.toUpperCase(),
  nameJa: null,
  kind: 'LOCAL_GOVERNMENT',
  country: 'JP',
  latitude: at?.[0] ?? null,
  longitude: at?.[1] ?? null,
  topics,
});
const partnership = (key: string, members: string[], scheme: NetworkPartnership['scheme'], topics: string[] = []): NetworkPartnership => ({ key, title: key, scheme, status: 'ACTIVE', topics, members });

const input = {
  places: [place('a', ['nrw.leak-detection']), place('b', [], [1, 2]), place('c', ['resilience.earthquake'], null), place('d')],
  partnerships: [partnership('ab', ['a', 'b'], 'JICA_GRASSROOTS', ['nrw']), partnership('abc', ['a', 'b', 'c'], 'JICA_GRASSROOTS', ['resilience']), partnership('cd', ['c', 'd'], 'OTHER')],
  domainKeys: ['nrw', 'resilience'],
  name: (p: Place) => p.name,
};

describe('the place graph', () => {
  it('has every place, an edge per member after the first, and sizes by partners', () => {
    const g = buildPlaceGraph({ ...input, mode: 'topic', layout: false });
    expect(g.order).toBe(4);
    expect(g.size).toBe(4); // ab, abc ×2, cd: two parallel a–b edges are kept
    expect(g.getNodeAttribute('a', 'size')).toBeGreaterThan(g.getNodeAttribute('d', 'size'));
    expect(g.getNodeAttribute('a', 'label')).toBe('A');
    expect(g.getNodeAttributes('b')).toMatchObject({ x: 0.2, y: 0.1 });
    expect([...neighbourhood(g, 'c')].sort()).toEqual(['a', 'c', 'd']);
    expect(neighbourhood(g, 'nowhere').size).toBe(0);
  });

  it('colours by topic (strongest expertise; first topic) or by scheme (the most common)', () => {
    const byTopic = buildPlaceGraph({ ...input, mode: 'topic', layout: false });
    expect(byTopic.getNodeAttribute('a', 'color')).not.toBe(byTopic.getNodeAttribute('c', 'color'));
    expect(byTopic.getNodeAttribute('b', 'color')).toBe(UNKNOWN_COLOUR);
    expect(byTopic.getEdgeAttribute('ab#0', 'color')).toBe(byTopic.getNodeAttribute('a', 'color'));
    const byScheme = buildPlaceGraph({ ...input, mode: 'scheme', layout: false });
    expect(byScheme.getEdgeAttribute('cd#0', 'color')).toBe(schemeColour('OTHER'));
    expect(byScheme.getNodeAttribute('a', 'color')).toBe(schemeColour('JICA_GRASSROOTS'));
    expect(byScheme.getNodeAttribute('d', 'color')).toBe(schemeColour('OTHER'));
  });

  it('lays out within its budget and moves places from their start', () => {
    const g = buildPlaceGraph({ ...input, mode: 'topic', layout: false });
    const before = { ...g.getNodeAttributes('a') };
    expect(settle(g, { iterations: 50, budgetMs: 1000 })).toBe(50);
    expect(g.getNodeAttributes('a')).not.toMatchObject({ x: before.x, y: before.y });
    expect(settle(g, { iterations: 50, budgetMs: 0 })).toBe(2);
  });
});
