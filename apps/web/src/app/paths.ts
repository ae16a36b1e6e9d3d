import type { RecordType, SearchHitKind } from '../gql/graphql';

/** `path` with the non-empty values of `params` as its query. */
function withQuery(path: string, params: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();
  return query ? `${path}?${query}` : path;
}

/** Every page's address, built in one place. */
export const paths = {
  home: () => '/',
  map: (filter: Record<string, string> = {}) => withQuery('/map', filter),
  network: (filter: Record<string, string> = {}) => withQuery('/network', filter),
  search: (text: string) => `/search?${new URLSearchParams({ q: text })}`,
  directory: (filter: Record<string, string> = {}) => withQuery('/directory', filter),
  municipality: (key: string) => `/municipalities/${encodeURIComponent(key)}`,
  need: (key: string) => `/needs/${encodeURIComponent(key)}`,
  partnership: (key: string) => `/partnerships/${encodeURIComponent(key)}`,
  caseStudy: (key: string) => `/case-studies/${encodeURIComponent(key)}`,
  event: (key: string) => `/events/${encodeURIComponent(key)}`,
  signIn: (returnTo?: string) => (returnTo ? `/sign-in?${new URLSearchParams({ return: returnTo })}` : '/sign-in'),
  editMunicipality: (key: string) => `/municipalities/${encodeURIComponent(key)}/edit`,
  coordinator: () => '/coordinator',
  pairingPlan: () => '/coordinator/plan',
  introductions: () => '/coordinator/introductions',
  pipeline: () => '/coordinator/pipeline',
  upkeep: () => '/coordinator/upkeep',
  auditLog: () => '/coordinator/audit',
  invite: () => '/coordinator/invite',
  studySession: () => '/coordinator/study-session',
};

/** The id of a municipality profile's expertise entry, for links to `#…`. */
export const expertiseAnchor = (topicKey: string) => `expertise-${topicKey.replace(/[^a-z0-9-]/gi, '-')}`;

/**
 * Where a record a reason rests on is shown. Expertise keys are `municipality:topic` (a profile
 * section); topics open the directory filtered by them.
 */
export function recordPath(type: RecordType | SearchHitKind, key: string): string {
  switch (type) {
    case 'MUNICIPALITY':
      return paths.municipality(key);
    case 'NEED':
      return paths.need(key);
    case 'PARTNERSHIP':
      return paths.partnership(key);
    case 'CASE_STUDY':
      return paths.caseStudy(key);
    case 'EVENT':
      return paths.event(key);
    case 'TOPIC':
      return paths.directory({ topic: key });
    case 'EXPERTISE': {
      const [municipality = key, topic = ''] = key.split(':');
      return `${paths.municipality(municipality)}#${expertiseAnchor(topic)}`;
    }
  }
}
