/**
 * Analysis + the gate's verdict on each saved plan → one decision and the words the agent (or
 * the human) reads. The plan gate comes in as a function, so this stays free of I/O.
 */
import type { Analysis, PlanApply, Ruling } from './analyze.js'
import { stronger, ruleSlug, type AgentDecision } from './rules.js'

export interface PlanVerdict {
  readonly verdict: 'pass' | 'approval-required' | 'blocked'
  readonly fingerprint: string
  /** sha256 of the plan file's bytes, for the audit log. */
  readonly sha256?: string
  /** One line per finding that gates: `APPROVAL  aws_db_instance.orders  Replaces a database`. */
  readonly findings: readonly string[]
}

/** Reads and gates one saved plan; throws a one-line error when it cannot. */
export type GatePlan = (plan: PlanApply) => Promise<PlanVerdict>

export interface Decision {
  readonly decision: AgentDecision
  readonly rulings: readonly Ruling[]
  readonly fingerprints: readonly string[]
  readonly planHashes: readonly string[]
  /** Something plan-gate watches was in the line (it is audited). */
  readonly relevant: boolean
  /** Every saved-plan apply passed and nothing else in the line needed a ruling. */
  readonly vouched: boolean
  /** The code a human types to approve an `ask` in a terminal (first 6 hex of the fingerprint). */
  readonly code?: string
}

export async function decide(analysis: Analysis, gatePlan: GatePlan): Promise<Decision> {
  const rulings: Ruling[] = [...analysis.rulings]
  const fingerprints: string[] = []
  const planHashes: string[] = []
  for (const plan of analysis.plans) {
    let verdict: PlanVerdict
    try {
      verdict = await gatePlan(plan)
    } catch (error) {
      rulings.push({
        decision: 'deny',
        ruleId: 'PG-A15',
        command: plan.command,
        reason: `the saved plan ${plan.planFile} cannot be gated: ${oneLine(error)}`,
        instead: [
          `${plan.program} plan -out=${plan.planFile}`,
          `plan-gate ${plan.planFile}`,
          plan.command
        ]
      })
      continue
    }
    fingerprints.push(verdict.fingerprint)
    if (verdict.sha256 !== undefined) planHashes.push(verdict.sha256)
    const findings = verdict.findings.length > 0 ? `: ${verdict.findings.join('; ')}` : ''
    if (verdict.verdict === 'pass') {
      rulings.push({
        decision: 'allow',
        ruleId: 'PG-A01',
        command: plan.command,
        reason: `plan-gate passed the saved plan ${plan.planFile} (${short(verdict.fingerprint)})`
      })
    } else if (verdict.verdict === 'approval-required') {
      rulings.push({
        decision: 'ask',
        ruleId: 'PG-A01',
        command: plan.command,
        reason: `the saved plan ${plan.planFile} needs a second human's approval${findings} (fingerprint ${short(verdict.fingerprint)})`
      })
    } else {
      rulings.push({
        decision: 'deny',
        ruleId: 'PG-A01',
        command: plan.command,
        reason: `plan-gate blocks the saved plan ${plan.planFile}${findings}`,
        instead: [
          `plan-gate ${plan.planFile}   (the full report: each finding says how to unblock it)`,
          'change the configuration (keep a backup, keep deletion protection) and plan again, or add a reviewed exemption to .plan-gate.yml through a pull request'
        ]
      })
    }
  }
  const decision = rulings.reduce<AgentDecision>((d, r) => stronger(d, r.decision), 'allow')
  const vouched =
    decision === 'allow' &&
    !analysis.foreign &&
    analysis.plans.length > 0 &&
    rulings.every((r) => r.ruleId === 'PG-A01')
  const code = decision === 'ask' ? approvalCode(fingerprints, rulings) : undefined
  return {
    decision,
    rulings,
    fingerprints,
    planHashes,
    relevant: analysis.relevant || rulings.length > 0,
    vouched,
    ...(code === undefined ? {} : { code })
  }
}

/** The code to type: from the plan fingerprints, or (no plan) from the rulings themselves. */
function approvalCode(fingerprints: readonly string[], rulings: readonly Ruling[]): string {
  const source =
    fingerprints.length > 0
      ? fingerprints.join('\n')
      : rulings.map((r) => `${r.ruleId} ${r.command}`).join('\n')
  // FNV-1a is enough here: the code only confirms a human read this very prompt.
  if (fingerprints.length === 1)
    return (fingerprints[0] as string).replace(/^sha256:/, '').slice(0, 6)
  let h = 0x811c9dc5
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0').slice(0, 6)
}

function short(fingerprint: string): string {
  return `${fingerprint.slice(0, 19)}…`
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0] ?? ''
}

/** What the agent (and the human) reads. */
export function explain(decision: Decision): string {
  const lines: string[] = []
  const head =
    decision.decision === 'deny'
      ? 'plan-gate blocked this command.'
      : decision.decision === 'ask'
        ? 'plan-gate asks a human to confirm this command.'
        : 'plan-gate: no objection.'
  lines.push(head)
  for (const r of decision.rulings) {
    if (decision.decision !== 'allow' && r.decision === 'allow') continue
    lines.push(`- ${r.command}: ${r.reason} [${r.ruleId} ${ruleSlug(r.ruleId)}]`)
  }
  const instead = decision.rulings.filter(
    (r) => r.decision === decision.decision && r.instead !== undefined
  )
  if (decision.decision !== 'allow' && instead.length > 0) {
    lines.push('Do this instead:')
    const seen = new Set<string>()
    for (const r of instead)
      for (const step of r.instead ?? []) {
        if (seen.has(step)) continue
        seen.add(step)
        lines.push(`  ${step}`)
      }
    lines.push(
      'A saved plan that plan-gate passes is let through; one that needs approval is put to a human.'
    )
  }
  return lines.join('\n')
}
