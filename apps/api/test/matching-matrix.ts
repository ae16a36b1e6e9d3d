import type { DataSource } from 'typeorm';
import { insertMunicipality, insertNeed, uniqueKey } from '@kakehashi/testing';

/**
 * Rows for the authorization matrix (authorization-matrix.e2e-spec.ts) covering the matchmaker's
 * mutations, so its owner can spread them into MATRIX with one line:
 *   ...matchingMatrixRows({ ds: () => ds, A: () => A, SIGNED_IN, EDITOR_OF_A })
 * Dismissals are personal (any signed-in actor); an introduction is requested for the municipality
 * one edits, and answered by the side asked.
 */
export function matchingMatrixRows<Actor extends string>(env: {
  ds: () => DataSource;
  A: () => { id: string; key: string };
  SIGNED_IN: Actor[];
  EDITOR_OF_A: Actor[];
}): Record<string, { allowed: Actor[]; prepare: (actor: Actor) => Promise<{ query: string; variables?: Record<string, unknown> }> }> {
  /** An open introduction asked of A by a fresh municipality. */
  const introductionToA = async (): Promise<string> => {
    const asker = await insertMunicipality(env.ds());
    const [row] = await env.ds().query(`INSERT INTO introduction (list, requester_id, candidate_id, requested_by) VALUES ('PEER', $1, $2, 'matrix') RETURNING id`, [asker.id, env.A().id]);
    return row.id as string;
  };
  const needAndCandidate = async () => {
    const need = await insertNeed(env.ds(), env.A(), { topics: ['nrw.leak-detection'] });
    const candidate = await insertMunicipality(env.ds(), { key: uniqueKey('cand') });
    return { need, candidate };
  };
  return {
    dismissSuggestion: {
      allowed: env.SIGNED_IN,
      prepare: async () => {
        const { need, candidate } = await needAndCandidate();
        return {
          query: 'mutation($i: DismissSuggestionInput!) { dismissSuggestion(input: $i) { id } }',
          variables: { i: { list: 'PARTNER', needKey: need.key, candidateKey: candidate.key, reason: 'NOT_RELEVANT' } },
        };
      },
    },
    restoreSuggestion: {
      allowed: env.SIGNED_IN,
      prepare: async () => {
        const { need, candidate } = await needAndCandidate();
        return { query: 'mutation($i: SuggestionRefInput!) { restoreSuggestion(input: $i) }', variables: { i: { list: 'PARTNER', needKey: need.key, candidateKey: candidate.key } } };
      },
    },
    requestIntroduction: {
      allowed: env.EDITOR_OF_A,
      prepare: async () => {
        const candidate = await insertMunicipality(env.ds());
        return {
          query: 'mutation($i: RequestIntroductionInput!) { requestIntroduction(input: $i) { id } }',
          variables: { i: { list: 'PEER', municipalityKey: env.A().key, candidateKey: candidate.key } },
        };
      },
    },
    acceptIntroduction: {
      allowed: env.EDITOR_OF_A,
      prepare: async () => ({ query: 'mutation($i: AcceptIntroductionInput!) { acceptIntroduction(input: $i) { id } }', variables: { i: { id: await introductionToA() } } }),
    },
    declineIntroduction: {
      allowed: env.EDITOR_OF_A,
      prepare: async () => ({ query: 'mutation($i: DeclineIntroductionInput!) { declineIntroduction(input: $i) { id } }', variables: { i: { id: await introductionToA(), reason: 'TIMING' } } }),
    },
  };
}
