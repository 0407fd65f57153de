import { describe, expect, test } from '@jest/globals'
import { ConfigError, DEFAULT_POLICY, parsePolicy } from '../../src/policy/config.js'
import { STARTER_POLICY } from '../../src/policy/starter.js'
import { resolveRule } from '../../src/rules/registry.js'

const known = (id: string): boolean => resolveRule(id) !== undefined

function parse(text: string, file = '.plan-gate.yml') {
  return parsePolicy(text, file, known)
}

function errorOf(text: string, file = '.plan-gate.yml'): string {
  try {
    parse(text, file)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected a ConfigError')
}

describe('valid policies', () => {
  test('an empty file is the default policy', () => {
    expect(parse('')).toEqual({ ...DEFAULT_POLICY, source: '.plan-gate.yml' })
    expect(parse('version: 1\n')).toEqual({ ...DEFAULT_POLICY, source: '.plan-gate.yml' })
  })

  test('the starter file written by init is valid and means the defaults', () => {
    expect(parse(STARTER_POLICY)).toEqual({ ...DEFAULT_POLICY, source: '.plan-gate.yml' })
  })

  test('every section', () => {
    const policy = parse(`
version: 1
rules:
  - match: { rule: PG-AWS-001, address: "module.prod.*" }
    decision: blocked
    reason: prod data
  - match: { category: snapshot-backup }
    decision: warn
  - match: { rule: aws-db-instance-destroy, tag: "env=dev" }
    decision: off
protect:
  types: ["aws_cognito_*"]
  addresses: ["module.core.*"]
  tag_keys: [do-not-delete]
exemptions:
  - address: aws_db_instance.legacy
    reason: decommissioning, OPS-123
    expires: 2026-12-31
  - rule: PG-0008
    fingerprint: "sha256:${'0'.repeat(64)}"
    reason: planned cleanup
thresholds:
  backup_retention_floor: 7
  expiry_floor_days: 14
  mass_delete_count: 25
  mass_delete_share: 0.3
  allow_full_destroy: ["previews/**"]
environments:
  staging:
    plans: ["envs/staging/*.json"]
    aws_accounts: ["111111111111"]
    regions: ["eu-*"]
freezes:
  - from: 2026-12-20
    to: 2027-01-04T00:00:00Z
    reason: end-of-year freeze
approvals:
  count: 3
  approvers: [alice, "@acme/dba"]
  exclude_pusher: false
  break_glass: { enabled: true, allowed: [oncall-lead] }
`)
    expect(policy.rules).toHaveLength(3)
    expect(policy.protect).toEqual({
      types: ['aws_cognito_*'],
      addresses: ['module.core.*'],
      tagKeys: ['do-not-delete']
    })
    expect(policy.exemptions[0]).toMatchObject({
      expires: '2026-12-31',
      expiresAt: Date.parse('2026-12-31T23:59:59.999Z')
    })
    expect(policy.thresholds).toEqual({
      backupRetentionFloor: 7,
      expiryFloorDays: 14,
      massDeleteCount: 25,
      massDeleteShare: 0.3,
      allowFullDestroy: ['previews/**']
    })
    expect(policy.freezes[0]).toMatchObject({
      fromAt: Date.parse('2026-12-20T00:00:00Z'),
      toAt: Date.parse('2027-01-04T00:00:00Z')
    })
    expect(policy.approvals).toEqual({
      count: 3,
      approvers: ['alice', '@acme/dba'],
      excludePusher: false,
      breakGlass: { enabled: true, allowed: ['oncall-lead'] },
      agentAccounts: [],
      protectedPaths: []
    })
  })

  test('JSON files work the same way', () => {
    const policy = parse(
      '{"version": 1, "thresholds": {"mass_delete_count": 3}}',
      '.plan-gate.json'
    )
    expect(policy.thresholds.massDeleteCount).toBe(3)
  })
})

describe('invalid policies: exact messages with file, line and column', () => {
  test.each([
    [
      'unknown top-level key',
      'version: 1\nrulez: []\n',
      '.plan-gate.yml:2:1: unknown key "rulez" (allowed: version, rules, protect, exemptions, thresholds, environments, freezes, approvals)'
    ],
    [
      'unknown nested key',
      'thresholds:\n  mass_delete_cnt: 3\n',
      '.plan-gate.yml:2:3: thresholds: unknown key "mass_delete_cnt" (allowed: backup_retention_floor, expiry_floor_days, mass_delete_count, mass_delete_share, allow_full_destroy)'
    ],
    [
      'wrong type',
      'thresholds:\n  mass_delete_count: lots\n',
      '.plan-gate.yml:2:22: thresholds.mass_delete_count: must be an integer'
    ],
    [
      'wrong enum value',
      'rules:\n  - match: { rule: PG-0005 }\n    decision: maybe\n',
      '.plan-gate.yml:3:15: rules[0].decision: must be one of blocked, approval-required, warn, off'
    ],
    ['wrong version', 'version: 2\n', '.plan-gate.yml:1:10: version: must be 1'],
    [
      'missing required key',
      'exemptions:\n  - address: aws_s3_bucket.x\n',
      '.plan-gate.yml:2:5: exemptions[0]: needs "reason"'
    ],
    [
      'bad glob',
      'protect:\n  types: ["aws_[s3"]\n',
      '.plan-gate.yml:2:11: protect.types[0]: "aws_[s3" is not a valid glob: unclosed "[" at position 5'
    ],
    [
      'bad date',
      'exemptions:\n  - rule: PG-0005\n    reason: ok ok\n    expires: 2026-13-01\n',
      '.plan-gate.yml:4:14: exemptions[0].expires: "2026-13-01" is not a valid date (expected YYYY-MM-DD or an RFC 3339 date-time such as 2026-12-31T18:00:00Z)'
    ],
    [
      'bad date-time',
      'freezes:\n  - from: "next tuesday"\n    to: 2026-12-31\n    reason: because\n',
      '.plan-gate.yml:2:11: freezes[0].from: "next tuesday" is not a valid date (expected YYYY-MM-DD or an RFC 3339 date-time such as 2026-12-31T18:00:00Z)'
    ],
    [
      'freeze ends before it starts',
      'freezes:\n  - from: 2026-12-31\n    to: 2026-12-01\n    reason: oops\n',
      '.plan-gate.yml:3:9: freezes[0].to: must be after "from" (2026-12-31)'
    ],
    [
      'unknown rule',
      'rules:\n  - match: { rule: PG-9999 }\n    decision: warn\n',
      '.plan-gate.yml:2:20: rules[0].match.rule: unknown rule "PG-9999" (see `plan-gate rules`)'
    ],
    [
      'unknown category',
      'rules:\n  - match: { category: databases }\n    decision: warn\n',
      '.plan-gate.yml:2:24: rules[0].match.category: unknown category "databases" (allowed: database, database-cluster, db-member, snapshot-backup, backup-vault, state-storage, object-storage, block-volume, file-system, encryption-key, secret, dns-zone, identity-store, search, cache, stream-queue, log-storage, container-registry, code-repository, data-warehouse, compute-protect, k8s-cluster, account-org, protection-control, stateful-workload)'
    ],
    [
      // Object.prototype names are not categories (test/plan/prototype-names.test.ts).
      'a category named like an inherited property',
      'rules:\n  - match: { category: constructor }\n    decision: warn\n',
      '.plan-gate.yml:2:24: rules[0].match.category: unknown category "constructor" (allowed: database, database-cluster, db-member, snapshot-backup, backup-vault, state-storage, object-storage, block-volume, file-system, encryption-key, secret, dns-zone, identity-store, search, cache, stream-queue, log-storage, container-registry, code-repository, data-warehouse, compute-protect, k8s-cluster, account-org, protection-control, stateful-workload)'
    ],
    [
      'empty match',
      'rules:\n  - match: {}\n    decision: warn\n',
      '.plan-gate.yml:2:12: rules[0].match: must not be empty'
    ],
    [
      'share out of range',
      'thresholds:\n  mass_delete_share: 1.5\n',
      '.plan-gate.yml:2:22: thresholds.mass_delete_share: must be <= 1'
    ],
    [
      'not YAML',
      'rules: [\n',
      '.plan-gate.yml:2:1: not valid YAML/JSON: Flow sequence in block collection must be sufficiently indented and end with a ]'
    ],
    [
      'duplicate key',
      'version: 1\nversion: 1\n',
      '.plan-gate.yml:2:1: not valid YAML/JSON: Map keys must be unique'
    ],
    ['not a mapping', '- a\n- b\n', '.plan-gate.yml:1:1: must be an object']
  ])('%s', (_name, text, message) => {
    expect(errorOf(text)).toBe(message)
  })

  test('messages never have a stack or a second line', () => {
    expect(errorOf('thresholds: [1, 2]\n')).not.toContain('\n')
  })
})
