import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A user's clone has only this repository: README, docs/, ADRs, SECURITY.md and code comments must
 * not point at the team's notes outside it (`../shared/…`, or their file names).
 */
const NAMED = /\/work\/shared|\b(ARCHITECTURE|DOMAIN|CONTRACT|STACK-NOTES)\.md\b/;
/** `../shared/…` is fine where such a folder exists in the repository (libs/directory/src/shared). */
const RELATIVE = /((?:\.\.\/)+)shared\//g;
const pointsOutside = (file: string, line: string): boolean =>
  NAMED.test(line) || [...line.matchAll(RELATIVE)].some((m) => !existsSync(join(dirname(file), m[1]!, 'shared')));
const TEXT = /\.(md|ts|tsx|mts|mjs|cjs|js|json|ya?ml|graphql|html|css)$|(^|\/)(Dockerfile|\.env\.example)$/;

describe('the repository explains itself', () => {
  it('links nowhere outside the repository', () => {
    const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => TEXT.test(f) && f !== 'test/self-contained.spec.ts' && f !== 'package-lock.json');
    const hits = files.flatMap((f) => {
      let text: string;
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        return []; // listed but deleted in the working tree
      }
      return text.split('\n').flatMap((line, i) => (pointsOutside(f, line) ? [`${f}:${i + 1}: ${line.trim().slice(0, 120)}`] : []));
    });
    expect(hits).toEqual([]);
  });
});
