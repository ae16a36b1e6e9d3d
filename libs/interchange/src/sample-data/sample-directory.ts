import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The sample directory, relative to the repository root. */
export const SAMPLE_DIRECTORY_FILE = join('data', 'sample', 'directory.json');

/**
 * The repository root: the nearest directory at or above `from` that holds package.json. Works
 * from the sources (tests) and from the build in dist/apps/<app>/libs/… alike.
 */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json at or above ${from}`);
  }
}

/** Absolute path of data/sample/directory.json. */
export function sampleDirectoryPath(): string {
  return join(repositoryRoot(), SAMPLE_DIRECTORY_FILE);
}
