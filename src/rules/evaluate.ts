/**
 * Classification: normalized plan → findings with their rules' default decisions. Pure: no
 * I/O, no clock, no policy. The rules are modules (src/rules/generic/ and the catalog's types
 * and guards); this runs their checks in order. The policy applies afterwards (policy/gate).
 */
import { lookupType } from '../catalog/index.js'
import type { Plan, ResourceChange } from '../plan/model.js'
import { GENERIC_RULES } from './generic/index.js'
import { guardFindings } from './guards.js'
import { IDENTITY_ATTRIBUTES, identityOf } from './inspect.js'
import { DEFAULT_CLASSIFY, type ClassifyOptions } from './options.js'
import type { Finding } from './types.js'

export { DEFAULT_CLASSIFY, type ClassifyOptions } from './options.js'
export { identityOf, isDestroy, protectedTag, stateStorageEvidence, tagMaps } from './inspect.js'

const PLAN_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkPlan ? [r.checkPlan] : []))
const CHANGE_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkChange ? [r.checkChange] : []))
const DRIFT_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkDrift ? [r.checkDrift] : []))
const DEFERRED_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkDeferred ? [r.checkDeferred] : []))

/** Every finding the rules make about a plan, with default decisions. */
export function evaluate(plan: Plan, options: ClassifyOptions = DEFAULT_CLASSIFY): Finding[] {
  const findings: Finding[] = PLAN_CHECKS.flatMap((check) => check(plan, options))
  // Indexed loops: this runs once per plan, over every change, mostly before it is optimised.
  const changes = plan.changes
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as ResourceChange
    const found = change.facts?.findings ?? changeFindings(change, options)
    for (let j = 0; j < found.length; j++) findings.push(found[j] as Finding)
  }
  for (const change of plan.drift) findings.push(...firstAnswer(DRIFT_CHECKS, change))
  for (const change of plan.deferred) findings.push(...firstAnswer(DEFERRED_CHECKS, change))
  return addRenameHints(plan, findings)
}

/** Findings for one planned change: the first rule that answers classifies it. */
export function changeFindings(
  change: ResourceChange,
  options: ClassifyOptions = DEFAULT_CLASSIFY
): readonly Finding[] {
  // Data sources never destroy anything; Terraform filters their deletes out of plans anyway.
  if (change.mode === 'data' && change.action !== 'unknown') return []
  const entry = lookupType(change.type)?.entry
  const input = { change, entry, options }
  for (const check of CHANGE_CHECKS) {
    const answer = check(input)
    if (answer !== undefined) return answer
  }
  if (change.action === 'update' && entry?.guards !== undefined) {
    return guardFindings(change, entry, options)
  }
  // Creating some resources changes data that already exists (a lifecycle rule on a bucket).
  if (change.action === 'create' && entry?.guards?.some((g) => g.onCreate === true)) {
    return guardFindings(change, entry, options)
  }
  return []
}

function firstAnswer<T>(
  checks: readonly ((input: T) => readonly Finding[] | undefined)[],
  input: T
): readonly Finding[] {
  for (const check of checks) {
    const answer = check(input)
    if (answer !== undefined) return answer
  }
  return []
}

/**
 * A delete and a create of the same type with the same identity (same name attribute, or the
 * same resource name under another module) look like a rename that lacks a `moved` block. The
 * finding keeps its decision and gains a hint.
 */
function addRenameHints(plan: Plan, findings: Finding[]): Finding[] {
  // Creates by type, each with its identity worked out once: every delete is checked against
  // every create of its type, which on a large plan is millions of pairs.
  const creates = new Map<string, { change: ResourceChange; identity: Record<string, string> }[]>()
  const changes = plan.changes
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as ResourceChange
    if (change.action !== 'create' || change.mode !== 'managed') continue
    let list = creates.get(change.type)
    if (list === undefined) creates.set(change.type, (list = []))
    list.push({ change, identity: identityOf(change) })
  }
  if (creates.size === 0) return findings
  const deletes = new Map(
    plan.changes
      .filter((c) => c.action === 'delete' && c.deposed === undefined)
      .map((c) => [c.address, c])
  )
  return findings.map((finding) => {
    const deleted = finding.source === 'change' ? deletes.get(finding.address) : undefined
    if (deleted === undefined) return finding
    const before = identityOf(deleted)
    const target = creates
      .get(deleted.type)
      ?.find((c) => sameIdentity(deleted, before, c.change, c.identity))?.change
    return target === undefined
      ? finding
      : { ...finding, data: { ...finding.data, renameTo: target.address } }
  })
}

function sameIdentity(
  deleted: ResourceChange,
  before: Readonly<Record<string, string>>,
  created: ResourceChange,
  after: Readonly<Record<string, string>>
): boolean {
  if (IDENTITY_ATTRIBUTES.some((key) => before[key] !== undefined && before[key] === after[key])) {
    return true
  }
  return (
    deleted.name === created.name &&
    deleted.index === created.index &&
    deleted.moduleAddress !== created.moduleAddress
  )
}
