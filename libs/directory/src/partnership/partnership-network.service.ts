import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import type { EntityManager } from 'typeorm';
import type { CooperationScheme, MunicipalityKind, PartnershipStatus, Provenance } from '../directory.enums';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { PartnershipEntity } from './partnership.entity';

/** Most places and partnerships one network answer carries; past them it is cut and says so. */
export const NETWORK_LIMITS = { places: 10_000, partnerships: 20_000 } as const;

/** A municipality as the map and the network draw it: public fields only (no contact details). */
export interface NetworkPlace {
  key: string;
  name: string;
  nameJa: string | null;
  kind: MunicipalityKind;
  country: string;
  latitude: number | null;
  longitude: number | null;
  provenance: Provenance | null;
  /** Its expertise topic keys, strongest first. */
  topics: string[];
}

/** A partnership as an edge: its members' keys in their recorded order (the first usually leads). */
export interface NetworkPartnership {
  key: string;
  title: string;
  scheme: CooperationScheme | null;
  status: PartnershipStatus;
  provenance: Provenance | null;
  topics: string[];
  members: string[];
}

export interface PartnershipNetwork {
  places: NetworkPlace[];
  partnerships: NetworkPartnership[];
  /** True when there were more places or partnerships than NETWORK_LIMITS allows. */
  truncated: boolean;
}

/**
 * The whole partnership graph in two statements, for the map and the network views: every place
 * with its coordinates and expertise topics, every partnership with its scheme, topics and
 * members. Bounded by NETWORK_LIMITS so a huge directory cannot make one answer unbounded.
 */
@Injectable()
export class PartnershipNetworkService {
  constructor(private readonly db: TransactionalConnection) {}

  async network(ctx: RequestContext, limits: { places: number; partnerships: number } = NETWORK_LIMITS): Promise<PartnershipNetwork> {
    // A picture of the whole directory tolerates a little lag: a replica serves it when there is one.
    const { places, partnerships } = await this.db.reading(ctx, async (manager) => ({
      places: await this.places(manager, limits.places + 1),
      partnerships: await this.partnerships(manager, limits.partnerships + 1),
    }));
    const truncated = places.length > limits.places || partnerships.length > limits.partnerships;
    const kept = places.slice(0, limits.places);
    const keys = new Set(kept.map((p) => p.key));
    return {
      places: kept,
      // A cut list of places must not leave edges pointing at places the answer does not carry.
      partnerships: partnerships.slice(0, limits.partnerships).map((p) => (truncated ? { ...p, members: p.members.filter((k) => keys.has(k)) } : p)),
      truncated,
    };
  }

  private places(manager: EntityManager, limit: number): Promise<NetworkPlace[]> {
    return manager
      .getRepository(MunicipalityEntity)
      .createQueryBuilder('m')
      .select(['m.key AS key', 'm.name AS name', 'm.name_ja AS "nameJa"', 'm.kind AS kind', 'm.country AS country'])
      .addSelect(['m.latitude AS latitude', 'm.longitude AS longitude', 'm.provenance AS provenance'])
      .addSelect('ARRAY(SELECT e.topic_key FROM expertise e WHERE e.municipality_id = m.id ORDER BY e.level DESC, e.topic_key)', 'topics')
      .orderBy('m.key', 'ASC')
      .limit(limit)
      .getRawMany<NetworkPlace>();
  }

  private partnerships(manager: EntityManager, limit: number): Promise<NetworkPartnership[]> {
    return manager
      .getRepository(PartnershipEntity)
      .createQueryBuilder('p')
      .select(['p.key AS key', 'p.title AS title', 'p.scheme AS scheme', 'p.status AS status', 'p.provenance AS provenance'])
      .addSelect('ARRAY(SELECT pt.topic_key FROM partnership_topic pt WHERE pt.partnership_id = p.id ORDER BY pt.position)', 'topics')
      .addSelect('ARRAY(SELECT m.key FROM partnership_member pm JOIN municipality m ON m.id = pm.municipality_id WHERE pm.partnership_id = p.id ORDER BY pm.position)', 'members')
      .orderBy('p.key', 'ASC')
      .limit(limit)
      .getRawMany<NetworkPartnership>();
  }
}
