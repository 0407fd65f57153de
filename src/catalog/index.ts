/** The catalog registry: every provider file, indexed by resource type (aliases included). */
import { aws } from './aws.js'
import { azurerm } from './azure.js'
import { google } from './google.js'
import {
  cloudflare,
  github,
  kubernetes,
  mongodbatlas,
  postgresql,
  snowflake,
  vault
} from './others.js'
import type { Guard, ProviderCatalog, ResourceTypeEntry } from './types.js'
import { helm } from './workloads.js'

/** Every provider catalog, in a fixed order. */
export const PROVIDERS: readonly ProviderCatalog[] = [
  aws,
  google,
  azurerm,
  kubernetes,
  helm,
  mongodbatlas,
  github,
  postgresql,
  vault,
  cloudflare,
  snowflake
]

/** A catalog entry with the provider it belongs to. */
export interface CatalogHit {
  readonly provider: string
  readonly entry: ResourceTypeEntry
}

const BY_TYPE = new Map<string, CatalogHit>()
for (const catalog of PROVIDERS) {
  for (const entry of catalog.types) {
    for (const name of [entry.type, ...(entry.aliases ?? [])]) {
      BY_TYPE.set(name, { provider: catalog.provider, entry })
    }
  }
}

/** Looks up a resource type (or one of its aliases). */
export function lookupType(type: string): CatalogHit | undefined {
  return BY_TYPE.get(type)
}

/** Every entry of every provider. */
export function allEntries(): readonly CatalogHit[] {
  return PROVIDERS.flatMap((p) => p.types.map((entry) => ({ provider: p.provider, entry })))
}

/** Every guard with its entry. */
export function allGuards(): readonly {
  readonly entry: ResourceTypeEntry
  readonly guard: Guard
}[] {
  return PROVIDERS.flatMap((p) =>
    p.types.flatMap((entry) => (entry.guards ?? []).map((guard) => ({ entry, guard })))
  )
}
