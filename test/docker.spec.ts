import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function composeAvailable(): boolean {
  try {
    execFileSync('docker', ['compose', 'version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('docker files', () => {
  it('copy only paths that exist in the repository', () => {
    const dockerfile = readFileSync('docker/Dockerfile', 'utf8');
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    for (const path of sources) expect(existsSync(path), path).toBe(true);
  });

  it.skipIf(!composeAvailable())('compose file is valid for docker compose', () => {
    const out = execFileSync('docker', ['compose', '-f', 'docker/compose.yml', 'config', '--quiet'], { encoding: 'utf8' });
    expect(out).toBe('');
  });
});
