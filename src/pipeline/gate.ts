/**
 * One plan through the gate, in order: classify (the rules, from the plan alone and options
 * worked out once from the policy), fingerprint and blast radius, then decide (the policy).
 */
import { withoutValues, type ChangeFacts, type Plan, type Retain } from '../plan/model.js'
import {
  applyPolicy,
  classifyOptions,
  needsTags,
  type GateContext,
  type GateResult
} from '../policy/gate.js'
import {
  fingerprint,
  fingerprinted,
  fingerprintLines,
  objectDigest
} from '../policy/fingerprint.js'
import { changeRadius, inferBlastRadius } from '../rules/blast-radius.js'
import { changeFindings, evaluate } from '../rules/evaluate.js'
import { identityOf, tagMaps, tagText } from '../rules/inspect.js'

export { defaultContext, type GateContext, type GateResult } from '../policy/gate.js'

/** Classifies a plan, then applies the policy to it. */
export function gate(plan: Plan, context: GateContext): GateResult {
  const findings = evaluate(plan, classifyOptions(context))
  const classification = {
    findings,
    fingerprint: fingerprint(fingerprintLines(plan, findings)),
    blastRadius: inferBlastRadius(plan)
  }
  return applyPolicy(plan, classification, context)
}

const NO_TAGS: ChangeFacts['tags'] = Object.freeze([])
const NO_FINDINGS: ChangeFacts['findings'] = Object.freeze([])
const NO_IDENTITY: ChangeFacts['identity'] = Object.freeze({})

/**
 * A `retain` for the plan reader that keeps memory bounded by what changes: no-op and read
 * changes are dropped (the reader still counts them), and every other change keeps only its
 * skeleton plus the facts the gate needs, classified from its values right away.
 */
export function slimmer(context: GateContext): Retain {
  const options = classifyOptions(context)
  // Tag maps are only read by `match: { tag }` overrides; without one, keeping them would be
  // most of the memory a large plan's changes take.
  const needTags = needsTags(context.policy)
  return (change, section) => {
    if (section === 'change' && (change.action === 'no-op' || change.action === 'read')) {
      return undefined
    }
    const skeleton = withoutValues(change)
    if (section !== 'change') return skeleton
    const radius = changeRadius(change)
    // A full destroy keeps facts for every change until the report: the findings list at its
    // length (a list that grew by push keeps room for 17), and one empty list and identity.
    const findings = changeFindings(change, options)
    const identity = identityOf(change)
    const facts: ChangeFacts = {
      findings: findings.length === 0 ? NO_FINDINGS : findings.slice(),
      radius,
      tags: needTags ? [...tagFacts(change.before), ...tagFacts(change.after)] : NO_TAGS,
      identity: hasKeys(identity) ? identity : NO_IDENTITY,
      // Only the fingerprint reads it, for the changes it has a line for.
      object: fingerprinted(change) ? objectDigest(change, radius) : undefined
    }
    // The skeleton is a copy of its own: it takes the facts without being copied again.
    ;(skeleton as { facts?: ChangeFacts }).facts = facts
    return skeleton
  }
}

/** Whether the record has an enumerable key (without listing them). */
function hasKeys(record: object): boolean {
  for (const _ in record) return true
  return false
}

/** A value's tag maps with their values as text; maps whose values are all text as they are. */
function tagFacts(values: unknown): ChangeFacts['tags'] {
  return tagMaps(values).map(({ map, tags }) => ({
    map,
    tags: Object.values(tags).every((v) => typeof v === 'string')
      ? (tags as Record<string, string>)
      : Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, tagText(v)]))
  }))
}
