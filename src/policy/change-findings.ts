/**
 * Findings about the change itself rather than its plan: the policy file changed, or the gate's
 * own files (workflows, actions, CODEOWNERS, policy files, protected paths) changed. Pure: the
 * adapter lists the changed files and reads the policy texts. These findings need approval, are
 * part of the fingerprint and cannot be switched off by any policy.
 */
import { parse } from 'yaml'
import type { Report } from '../report/types.js'
import { formatMessage } from '../rules/messages.js'
import type { Finding } from '../rules/types.js'
import { decide, sortFindings } from './decide.js'
import { hashLines } from './fingerprint.js'
import { compileGlob } from '../common/glob.js'

/** A changed file as the pull request files API lists it. */
export interface ChangedPath {
  readonly filename: string
  readonly status: string
  readonly sha: string
  readonly previousFilename?: string
}

/** Findings about the change, and the lines they add to the fingerprint. */
export interface ChangeFacts {
  readonly findings: readonly Finding[]
  readonly lines: readonly string[]
}

export const NO_CHANGE_FACTS: ChangeFacts = { findings: [], lines: [] }

/** The gate's own files, wherever the repository is: workflows, actions and CODEOWNERS. */
export const GATE_PATHS: readonly string[] = [
  '.github/workflows/**',
  '.github/actions/**',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS'
]

export const POLICY_CHANGED_RULE = 'PG-GATE-001'
export const GATE_FILES_RULE = 'PG-GATE-002'

const MAX_KEYS = 12
const MAX_FILES = 10
const KEY = /^[A-Za-z0-9_-]{1,40}$/

/**
 * The names (never the values) of the top-level and second-level keys that differ between two
 * policy texts; a missing text is an empty policy.
 */
export function changedKeys(before: string | undefined, after: string | undefined): string[] {
  const a = load(before)
  const b = load(after)
  if (a === undefined || b === undefined) return ['(a version does not parse)']
  const names = new Set<string>()
  for (const key of union(a, b)) {
    const x = a[key]
    const y = b[key]
    if (isObject(x) && isObject(y)) {
      for (const sub of union(x, y))
        if (!same(x[sub], y[sub])) names.add(`${name(key)}.${name(sub)}`)
    } else if (!same(x, y)) names.add(name(key))
  }
  const sorted = [...names].sort()
  return sorted.length > MAX_KEYS
    ? [...sorted.slice(0, MAX_KEYS), `${sorted.length - MAX_KEYS} more`]
    : sorted
}

/** The findings for a change's files; `keys` gives the changed key names per policy path. */
export function changeFacts(input: {
  readonly files: readonly ChangedPath[]
  /** Every path whose change is a policy change (the three names and the `config` path). */
  readonly policyPaths: readonly string[]
  /** `approvals.protected_paths` of the base policy. */
  readonly protectedPaths: readonly string[]
  readonly keys: ReadonlyMap<string, readonly string[]>
}): ChangeFacts {
  const findings: Finding[] = []
  const lines: string[] = []
  const gate = [...GATE_PATHS, ...input.protectedPaths].map((g) => compileGlob(g))
  const gateFiles: string[] = []
  for (const file of input.files) {
    const paths = [
      file.filename,
      ...(file.previousFilename === undefined ? [] : [file.previousFilename])
    ]
    const policy = paths.find((p) => input.policyPaths.includes(p))
    if (policy !== undefined) {
      const keys = input.keys.get(policy) ?? []
      findings.push({
        ruleId: POLICY_CHANGED_RULE,
        address: policy,
        severity: 'high',
        decision: 'approval-required',
        messageId: 'policy-changed',
        data: { file: policy, keys: keys.length > 0 ? keys.join(', ') : 'no key changed' },
        source: 'plan'
      })
      lines.push(['policy-changed', ...line(file)].join('\t'))
    } else if (paths.some((p) => gate.some((g) => g(p)))) {
      gateFiles.push(file.filename)
      lines.push(['gate-file', ...line(file)].join('\t'))
    }
  }
  if (gateFiles.length > 0) {
    const shown = gateFiles.slice(0, MAX_FILES).join(', ')
    const more = gateFiles.length > MAX_FILES ? ` and ${gateFiles.length - MAX_FILES} more` : ''
    findings.push({
      ruleId: GATE_FILES_RULE,
      address: '(repository)',
      severity: 'high',
      decision: 'approval-required',
      messageId: 'gate-files-changed',
      data: { files: `${shown}${more}`, count: gateFiles.length },
      source: 'plan'
    })
  }
  return { findings, lines: lines.sort() }
}

/**
 * The report with the change's findings added: the verdict, counts and fingerprint follow. With
 * no change findings the report is returned as it was.
 */
export function withChangeFacts(report: Report, facts: ChangeFacts): Report {
  if (facts.findings.length === 0 && facts.lines.length === 0) return report
  const added = facts.findings.map((f) => ({ ...f, reason: formatMessage(f) }))
  const findings = sortFindings([...report.findings, ...added])
  const count = (d: Finding['decision']) => facts.findings.filter((f) => f.decision === d).length
  const c = report.counts.findings
  return {
    ...report,
    decision: decide(findings),
    fingerprint: hashLines('plan-gate change fingerprint v1', [
      `plan\t${report.fingerprint}`,
      ...facts.lines
    ]),
    counts: {
      ...report.counts,
      findings: {
        blocked: c.blocked + count('blocked'),
        'approval-required': c['approval-required'] + count('approval-required'),
        warn: c.warn + count('warn')
      }
    },
    findings
  }
}

function line(file: ChangedPath): string[] {
  return [file.filename, file.status, file.sha, file.previousFilename ?? '']
}

type Obj = Record<string, unknown>

function load(text: string | undefined): Obj | undefined {
  if (text === undefined) return {}
  try {
    const value: unknown = parse(text)
    if (value === null || value === undefined) return {}
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function union(a: Obj, b: Obj): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
}

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y)
}

function name(key: string): string {
  return KEY.test(key) ? key : '(other key)'
}
