// The GraphQL IDE served at /graphql outside production: GraphiQL with every asset (React, the
// Monaco editor and its workers) bundled here, so it loads with no outside host.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

const DEFAULT_QUERY = `# Kakehashi: municipal partnerships in the water sector.
# Press the run button (or Ctrl-Enter). The Docs pane lists every type.
{
  search(text: "leakage", first: 5) { kind key title score }
  partnerSuggestions(needKey: "makassar-leakage", first: 3) {
    score
    municipality { key name nameJa }
    reasons { kind detail records { type key label } }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
