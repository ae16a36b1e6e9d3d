import type { MunicipalityEntity } from '@kakehashi/directory';
import { MunicipalityModel } from './municipality.model';

export function toMunicipalityModel(m: MunicipalityEntity): MunicipalityModel {
  return Object.assign(new MunicipalityModel(), {
    id: m.id,
    key: m.key,
    name: m.name,
    nameJa: m.nameJa,
    kind: m.kind,
    country: m.country,
    region: m.region,
    subdivision: m.subdivision,
    population: m.population,
    latitude: m.latitude,
    longitude: m.longitude,
    organization: m.organization,
    languages: m.languages,
    capacity: m.capacity,
    overseasExperience: m.overseasExperience,
    website: m.website,
    contactEmail: m.contactEmail,
    provenance: m.provenance,
    source: m.source,
    version: m.version,
    updatedAt: m.updatedAt,
    lastConfirmedOn: m.lastConfirmedOn,
  });
}
