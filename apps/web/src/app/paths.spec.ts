import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../auth/SignInPage';
import { paths, recordPath } from './paths';

describe('recordPath', () => {
  it('sends every record type a reason can rest on to its page', () => {
    expect(recordPath('MUNICIPALITY', 'kawasaki')).toBe('/municipalities/kawasaki');
    expect(recordPath('NEED', 'makassar-leakage')).toBe('/needs/makassar-leakage');
    expect(recordPath('PARTNERSHIP', 'kawasaki-makassar-leakage')).toBe('/partnerships/kawasaki-makassar-leakage');
    expect(recordPath('CASE_STUDY', 'x')).toBe('/case-studies/x');
    expect(recordPath('EVENT', 'jica-study-session-9')).toBe('/events/jica-study-session-9');
    expect(recordPath('TOPIC', 'nrw.leak-detection')).toBe('/directory?topic=nrw.leak-detection');
    expect(recordPath('EXPERTISE', 'kawasaki:nrw.leak-detection')).toBe('/municipalities/kawasaki#expertise-nrw-leak-detection');
  });

  it('escapes keys and drops empty filters', () => {
    expect(paths.municipality('a/b')).toBe('/municipalities/a%2Fb');
    expect(paths.directory({ country: 'JP', region: '' })).toBe('/directory?country=JP');
    expect(paths.search('漏水 対策')).toBe('/search?q=%E6%BC%8F%E6%B0%B4+%E5%AF%BE%E7%AD%96');
  });
});

describe('safeReturnPath', () => {
  it('returns only to this site', () => {
    expect(safeReturnPath('/needs/x')).toBe('/needs/x');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
