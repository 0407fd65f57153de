/**
 * JSON Schema of `.plan-gate.yml`. `schema/plan-gate.schema.json` is generated from this object
 * (a test keeps them equal), so editors can offer completion with
 * `# yaml-language-server: $schema=…/plan-gate.schema.json`.
 */

const DECISION = {
  enum: ['blocked', 'approval-required', 'warn', 'off'],
  description: 'What a matching finding asks for; `off` drops the finding.'
}

const STRING_LIST = { type: 'array', items: { type: 'string', minLength: 1 } }

const DATE = {
  type: 'string',
  description: 'A date (2026-12-31, end of that day in UTC) or an RFC 3339 date-time.'
}

const MATCH = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'Every key given must match.',
  properties: {
    rule: { type: 'string', description: 'Rule id (PG-AWS-001), slug or alias.' },
    category: { type: 'string', description: 'Catalog category, e.g. snapshot-backup.' },
    type: { type: 'string', description: 'Resource type glob, e.g. aws_s3_bucket*.' },
    address: { type: 'string', description: 'Resource address glob, e.g. module.preview.*.' },
    tag: {
      type: 'string',
      description:
        'A tag or label the resource carries: `key` or `key=value` (key case-insensitive).'
    }
  }
}

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/plan-gate/plan-gate/blob/main/schema/plan-gate.schema.json',
  title: 'plan-gate policy (.plan-gate.yml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    version: { const: 1, description: 'Policy file version. Always 1.' },
    rules: {
      type: 'array',
      description: 'Decision overrides, applied in order; the last match wins.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['match', 'decision'],
        properties: { match: MATCH, decision: DECISION, reason: { type: 'string' } }
      }
    },
    protect: {
      type: 'object',
      additionalProperties: false,
      description: 'More things to protect: deleting or replacing them needs approval.',
      properties: {
        types: { ...STRING_LIST, description: 'Resource type globs.' },
        addresses: { ...STRING_LIST, description: 'Resource address globs.' },
        tag_keys: { ...STRING_LIST, description: 'Tag/label keys that mark a resource protected.' }
      }
    },
    exemptions: {
      type: 'array',
      description: 'Findings that are known and accepted. A reason is required.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        anyOf: [{ required: ['address'] }, { required: ['rule'] }, { required: ['fingerprint'] }],
        properties: {
          address: { type: 'string', description: 'Resource address glob.' },
          rule: { type: 'string', description: 'Rule id, slug or alias.' },
          fingerprint: { type: 'string', description: 'Only for the plan with this fingerprint.' },
          reason: { type: 'string', minLength: 3, description: 'Why this is accepted.' },
          expires: { ...DATE, description: 'After this the exemption stops applying.' }
        }
      }
    },
    thresholds: {
      type: 'object',
      additionalProperties: false,
      properties: {
        backup_retention_floor: {
          type: 'number',
          minimum: 0,
          description:
            'Backup retention below this (in the attribute’s unit, usually days) is a weakening. Default 1.'
        },
        mass_delete_count: {
          type: 'integer',
          minimum: 1,
          description: 'Deleting more than this many resources needs approval. Default 10.'
        },
        mass_delete_share: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1,
          description:
            'Deleting more than this share of the plan’s managed resources needs approval. Default 0.5.'
        },
        allow_full_destroy: {
          ...STRING_LIST,
          description:
            'Plan file globs (e.g. previews/**) for which deleting every resource is allowed.'
        }
      }
    },
    environments: {
      type: 'object',
      description: 'What each environment may touch. A plan that touches anything else is blocked.',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          plans: { ...STRING_LIST, description: 'Plan file globs that select this environment.' },
          aws_accounts: STRING_LIST,
          gcp_projects: STRING_LIST,
          azure_subscriptions: STRING_LIST,
          regions: STRING_LIST
        }
      }
    },
    freezes: {
      type: 'array',
      description: 'Intervals during which every destructive change is blocked.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to', 'reason'],
        properties: { from: DATE, to: DATE, reason: { type: 'string', minLength: 3 } }
      }
    },
    approvals: {
      type: 'object',
      additionalProperties: false,
      description: 'Used by the GitHub Action.',
      properties: {
        count: {
          type: 'integer',
          minimum: 1,
          maximum: 10,
          description: 'Approvals needed. Default 2.'
        },
        approvers: { ...STRING_LIST, description: 'Logins or org/team slugs allowed to approve.' },
        exclude_pusher: {
          type: 'boolean',
          description: 'The head commit’s pusher cannot approve. Default true.'
        },
        agent_accounts: {
          ...STRING_LIST,
          description:
            'Accounts (logins or globs) that AI agents act as: they never approve, and a PR they author, push or commit to needs two human approvals.'
        },
        agent_identities: {
          ...STRING_LIST,
          description:
            'Globs matched against `Co-authored-by:` trailers ("Name <email>") that mark a commit as written by an agent. Default: the common coding agents.'
        },
        protected_paths: {
          ...STRING_LIST,
          description:
            'Repository paths (globs) whose change needs approval from the approvers, like workflows and CODEOWNERS.'
        },
        break_glass: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean', description: 'Default false.' },
            allowed: { ...STRING_LIST, description: 'Logins allowed to break glass.' }
          }
        }
      }
    }
  }
} as const
