import { describe, expect, it } from 'vitest';
import { specTaxonomy as tax } from './spec-fixtures';

describe('Taxonomy.match', () => {
  it.each([
    ['nrw.leak-detection', 'nrw.leak-detection', 'EXACT', 1],
    ['nrw.leak-detection', 'nrw.dma-pressure', 'SIBLING', 0.6],
    ['nrw.leak-detection', 'nrw', 'DOMAIN', 0.5],
    ['nrw', 'nrw.metering', 'DOMAIN', 0.5],
    ['nrw', 'nrw', 'EXACT', 1],
    ['nrw.leak-detection', 'network.asset-management', null, 0],
    ['nrw', 'network', null, 0],
  ])('%s answered by %s → %s', (wanted, offered, relation, grade) => {
    const m = tax.match(wanted, offered);
    expect(m?.relation ?? null).toBe(relation);
    expect(m?.grade ?? 0).toBe(grade);
  });

  it('orders the grades exact > same parent > domain', () => {
    const g = (o: string) => tax.match('nrw.leak-detection', o)!.grade;
    expect(g('nrw.leak-detection')).toBeGreaterThan(g('nrw.metering'));
    expect(g('nrw.metering')).toBeGreaterThan(g('nrw'));
  });

  it('lists related topics with their best grade', () => {
    expect(Object.fromEntries(tax.related(['nrw.leak-detection']))).toEqual({ nrw: 0.5, 'nrw.leak-detection': 1, 'nrw.metering': 0.6, 'nrw.dma-pressure': 0.6 });
  });
});

describe('Taxonomy.mentions', () => {
  it.each([
    ['Leaks underground; water pressure rises at night', ['nrw.leak-detection', 'nrw.dma-pressure']],
    ['地下漏水が多く、水圧管理も課題', ['nrw.leak-detection', 'nrw.dma-pressure']],
    ['Reduce NRW', ['nrw']],
    ['unrwrapped', []],
    ['', []],
  ])('%s', (text, keys) => {
    expect(tax.mentions(text).map((m) => m.key)).toEqual(keys);
  });
});
