// `npm start`: build when sources changed, then run the API in this process.
import { buildIfNeeded } from './build-if-needed.mjs';

const entry = buildIfNeeded('api');
await import(entry);
