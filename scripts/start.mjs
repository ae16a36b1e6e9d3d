// `npm start`: build what changed (the API, the web app, and outside production the GraphQL IDE),
// then run the API in this process.
import { buildIfNeeded } from './build-if-needed.mjs';

const entry = buildIfNeeded('api');
buildIfNeeded('web');
if (process.env.NODE_ENV !== 'production') buildIfNeeded('graphiql');
await import(entry);
