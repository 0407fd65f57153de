/**
 * What the rules read from a change's values, as one projection (plan/project.ts) so that the
 * reader parses only that from each changed element of a large plan. It is derived, not listed
 * per rule: the catalog's guard and survival paths for the type, the generic protection data
 * (tag maps, state storage names, the lock table key), the identity attributes, the backend
 * match's attributes and the blast radius's names and prefixes.
 *
 * Whatever reads `before` / `after` (or their masks) of a change must read only attributes
 * named here: add new ones to the catalog, or to IDENTITY_KEYS / VALUE_ATTRIBUTES below. The
 * equivalence tests (test/plan/project.test.ts) compare everything the gate computes from the
 * projected values with what it computes from the whole values, on every fixture.
 */
import { BACKEND_ATTRIBUTES } from '../backend/backend.js'
import { STATE_STORAGE_NAMES, TAG_BLOCKS, TAG_MAPS } from '../catalog/generic.js'
import { lookupType } from '../catalog/index.js'
import type { Projection } from '../plan/project.js'
import { MAX_DEPTH, MAX_LEAVES, RADIUS_NAMES, RADIUS_PREFIXES } from './blast-radius.js'
import { IDENTITY_ATTRIBUTES } from './inspect.js'
import { parsePath } from './values.js'

/**
 * Attributes that identify the real object a change acts on (its id, ARN, name, self link and
 * where it lives), for whatever binds to an object's identity (fingerprints, rename hints).
 */
export const IDENTITY_KEYS: readonly string[] = [
  'id',
  'arn',
  'name',
  'self_link',
  'account_id',
  'project',
  'subscription_id',
  'region',
  'location'
]

/**
 * Attributes whose values name the real object a destructive change acts on: they enter the
 * fingerprint's object hash (src/policy/fingerprint.ts), so the projection must read them.
 */
export const OBJECT_ATTRIBUTES: readonly string[] = [
  'id',
  'arn',
  'self_link',
  'identifier',
  'cluster_identifier',
  'name',
  'bucket',
  'function_name',
  'table_name',
  'domain_name',
  'repository_name',
  'topic_name',
  'queue_name',
  'project',
  'location',
  'region',
  'zone',
  'availability_zone',
  'resource_group_name',
  'subscription_id',
  'account_id'
]

/** Attributes read for every type, whatever the catalog says. */
export const VALUE_ATTRIBUTES: readonly string[] = [
  ...new Set([
    ...TAG_MAPS,
    ...TAG_BLOCKS,
    ...Object.values(STATE_STORAGE_NAMES).flat(),
    // The S3 backend's lock table is recognised by its partition key.
    'hash_key',
    ...IDENTITY_ATTRIBUTES,
    ...IDENTITY_KEYS,
    ...OBJECT_ATTRIBUTES,
    ...BACKEND_ATTRIBUTES
  ])
]

const byType = new Map<string, ReadonlySet<string>>()

/** The top-level attributes the rules read for a resource type. */
export function neededAttributes(type: string): ReadonlySet<string> {
  let names = byType.get(type)
  if (names === undefined) {
    const entry = lookupType(type)?.entry
    const paths = [
      ...(entry?.guards ?? []).map((g) => g.path),
      ...(entry?.survives ?? []).flatMap((s) => s.when.map((c) => c.path))
    ]
    names = new Set([...VALUE_ATTRIBUTES, ...paths.map((p) => String(parsePath(p)[0]))])
    if (byType.size < 10_000) byType.set(type, names)
  }
  return names
}

/** The projection of the gate (CLI and Action). */
export const GATE_PROJECTION: Projection = {
  attributes: neededAttributes,
  leafNames: RADIUS_NAMES,
  leafPrefixes: RADIUS_PREFIXES,
  maxDepth: MAX_DEPTH,
  maxLeaves: MAX_LEAVES
}
