/** Rule metadata for every rule id: generic rules, catalog types and their guards. */
import { allEntries, allGuards } from '../catalog/index.js'
import { CATEGORIES, type GuardFamily, type ResourceTypeEntry } from '../catalog/types.js'
import { withArticle } from './article.js'
import { GUARD_RULE_DEFAULTS, typeRuleDefaults } from './catalog-rules.js'
import { guardExamples, typeExamples } from './examples.js'
import { GENERIC_RULES } from './generic/index.js'
import { DOCS_BASE } from './rule.js'
import type { RuleMeta } from './types.js'

const FAMILY_WHY: Readonly<Record<GuardFamily, string>> = {
  'deletion-protection':
    'Turning deletion protection off is the step that precedes an unrecoverable delete.',
  'final-snapshot':
    'Without a final snapshot or backup, a later delete leaves no copy of the data.',
  'backup-retention': 'Cutting backup retention removes the copies a restore would come from.',
  'point-in-time-recovery':
    'Without point-in-time recovery, data can only be restored to the last full backup, if any.',
  'force-destroy': 'With force destroy on, deleting the container also deletes everything in it.',
  versioning: 'Without versioning, overwritten or deleted objects cannot be recovered.',
  'object-lock':
    'Object lock is what keeps objects from being deleted before their retention ends.',
  'soft-delete': 'Soft delete and purge protection are the undo window after a delete.',
  'key-deletion-window':
    'A shorter deletion window leaves less time to cancel a key deletion; after it, data encrypted with the key is lost.',
  'secret-recovery-window':
    'A shorter recovery window leaves less time to restore a deleted secret.',
  'retain-backups': 'Backups that are deleted with the resource cannot be used to restore it.',
  'termination-protection':
    'Termination protection keeps the resource from being deleted by mistake.'
}

function typeRule(entry: ResourceTypeEntry): RuleMeta {
  const { label, guarded } = CATEGORIES[entry.category]
  return {
    id: entry.id,
    slug: `${entry.type.replace(/_/g, '-')}-destroy`,
    aliases: (entry.aliases ?? []).map((alias) => `${alias.replace(/_/g, '-')}-destroy`),
    title: `${entry.type} deleted or replaced`,
    description: guarded
      ? `${entry.type} is ${withArticle(label)}. Deleting or replacing it loses what it holds unless a copy survives, so it needs a second approver.`
      : `${entry.type} is ${withArticle(label)}: its data lives elsewhere, so deleting it is shown as a warning.`,
    remediation: guarded
      ? 'Make sure a copy survives (snapshot, backup, versioning) and have a second reviewer approve. If the replacement is unintended, look at the attributes that force it.'
      : 'Check that the delete is intended.',
    ...typeRuleDefaults(entry),
    category: entry.category,
    helpUri: `${DOCS_BASE}/${entry.id}.md`,
    examples: typeExamples(entry)
  }
}

function build(): Map<string, RuleMeta> {
  const rules = new Map<string, RuleMeta>()
  for (const { meta } of GENERIC_RULES) {
    rules.set(meta.id, { ...meta, helpUri: `${DOCS_BASE}/${meta.id}.md` })
  }
  for (const { entry } of allEntries()) rules.set(entry.id, typeRule(entry))
  for (const { entry, guard } of allGuards()) {
    rules.set(guard.id, {
      id: guard.id,
      slug: `${entry.type.replace(/_/g, '-')}-${guard.path.replace(/\[[^\]]*\]/g, '').replace(/[._]/g, '-')}-weakened`,
      title: `${entry.type}: ${guard.path} weakened`,
      description: FAMILY_WHY[guard.family],
      remediation: `Keep ${guard.path} at its safe value, or make the change in its own pull request with a second approver and a recent backup.`,
      ...GUARD_RULE_DEFAULTS,
      category: entry.category,
      helpUri: `${DOCS_BASE}/${guard.id}.md`,
      examples: guardExamples(entry, guard)
    })
  }
  return rules
}

let cache: Map<string, RuleMeta> | undefined
let references: Map<string, string> | undefined

function rules(): Map<string, RuleMeta> {
  cache ??= build()
  return cache
}

/** Metadata of a rule id, or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return rules().get(id)
}

/** Every rule, in id order. */
export function allRules(): readonly RuleMeta[] {
  return [...rules().values()].sort((a, b) => a.id.localeCompare(b.id))
}

/** The rule id for an id, slug or alias (case-insensitive), or undefined. */
export function resolveRule(reference: string): string | undefined {
  if (references === undefined) {
    references = new Map()
    for (const rule of allRules()) {
      for (const name of [rule.id, rule.slug, ...(rule.aliases ?? [])]) {
        if (!references.has(name.toLowerCase())) references.set(name.toLowerCase(), rule.id)
      }
    }
  }
  return references.get(reference.toLowerCase())
}
