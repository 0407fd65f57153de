import { VERSION } from '../version.js'

/**
 * The policy schema of this version, at its release tag. The npm package carries the same file
 * (`plan-gate/schema/plan-gate.schema.json`, exported in package.json).
 */
export const POLICY_SCHEMA_URL = `https://raw.githubusercontent.com/plan-gate/plan-gate/v${VERSION}/schema/plan-gate.schema.json`

/** The commented starter policy that `plan-gate init` writes. Every option, with an example. */
export const STARTER_POLICY = `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}
# plan-gate policy. Everything here is optional: without this file plan-gate uses safe defaults.
# The line above gives editors with the YAML language server (VS Code's YAML extension, and
# others) completion and checks from the schema of this plan-gate version.
version: 1

# Decision overrides, applied in order; the last match wins. Match on any of:
#   rule (id, slug or alias: see \`plan-gate rules\`), category, type (glob), address (glob),
#   tag ("key" or "key=value" on the resource's tags/labels).
# decision: blocked | approval-required | warn | off
rules:
  # Snapshots are cheap to recreate here: warn instead of asking for approval.
  # - match: { category: snapshot-backup }
  #   decision: warn
  # Deleting anything in the production module needs approval, whatever it is.
  # - match: { address: "module.production.*" }
  #   decision: approval-required
  #   reason: production is hand-curated

# More things to protect: deleting or replacing them needs a second approver.
protect:
  types: [] # e.g. ["aws_cognito_user_pool*"]
  addresses: [] # e.g. ["module.core.*"]
  tag_keys: [] # e.g. ["do-not-delete"] (besides the built-in "protected")

# Known and accepted findings. A reason is required; expired exemptions stop applying.
exemptions:
  # - address: aws_db_instance.legacy
  #   rule: PG-AWS-001
  #   reason: decommissioning, ticket OPS-123
  #   expires: 2026-12-31

thresholds:
  backup_retention_floor: 1 # retention below this is a weakening (e.g. 7 for 7 days)
  expiry_floor_days: 30 # expiry or retention set or cut below this many days is a weakening
  mass_delete_count: 10 # deleting more than this many resources needs approval
  mass_delete_share: 0.5 # ... or more than this share of the plan
  allow_full_destroy: [] # plan file globs allowed to destroy everything, e.g. ["previews/**"]

# What each environment may touch. A plan that touches anything else is blocked.
# The environment is chosen with --environment, or by the first "plans" glob that matches.
environments:
  # staging:
  #   plans: ["envs/staging/**"]
  #   aws_accounts: ["111111111111"]
  #   regions: ["eu-west-*"]

# Change freezes: every destructive change is blocked inside these intervals.
freezes:
  # - from: 2026-12-20
  #   to: 2027-01-04
  #   reason: end-of-year freeze

# Used by the GitHub Action.
approvals:
  count: 2 # approvals needed: a second approving human besides the usual one
  approvers: [] # logins or org/team slugs; empty: anyone with write access
  exclude_pusher: true # whoever pushed the head commit cannot approve it
  break_glass:
    enabled: false
    allowed: []
`
