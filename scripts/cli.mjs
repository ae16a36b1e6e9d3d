// `npm run cli -- <command>`: build when sources changed, then run the CLI in this process.
import { buildIfNeeded } from './build-if-needed.mjs';

const entry = buildIfNeeded('cli');
await import(entry);
