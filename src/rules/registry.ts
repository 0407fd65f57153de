/** Rule metadata for every rule id: generic rules, catalog types and their guards. */
import { allEntries, allGuards } from '../catalog/index.js'
import { CATEGORIES, type GuardFamily } from '../catalog/types.js'
import { DOCS_BASE, GENERIC, genericMeta } from './generic.js'
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

function build(): Map<string, RuleMeta> {
  const rules = new Map<string, RuleMeta>()
  for (const rule of Object.values(GENERIC)) rules.set(rule.id, genericMeta(rule))
  for (const { entry } of allEntries()) {
    const label = CATEGORIES[entry.category].label
    const guarded = CATEGORIES[entry.category].guarded
    rules.set(entry.id, {
      id: entry.id,
      slug: `${entry.type.replace(/_/g, '-')}-destroy`,
      title: `${entry.type} deleted or replaced`,
      description: `${entry.type} is a ${label}. Deleting or replacing it ${guarded ? 'loses what it holds unless a copy survives, so it needs a second approver' : 'is shown as a warning'}.`,
      severity: guarded ? 'high' : 'low',
      defaultDecision: guarded ? 'approval-required' : 'warn',
      helpUri: `${DOCS_BASE}/${entry.id}.md`
    })
  }
  for (const { entry, guard } of allGuards()) {
    rules.set(guard.id, {
      id: guard.id,
      slug: `${entry.type.replace(/_/g, '-')}-${guard.family}-weakened`,
      title: `${entry.type}: ${guard.path} weakened`,
      description: FAMILY_WHY[guard.family],
      severity: 'high',
      defaultDecision: 'approval-required',
      helpUri: `${DOCS_BASE}/${guard.id}.md`
    })
  }
  return rules
}

let cache: Map<string, RuleMeta> | undefined

/** Metadata of a rule id, or undefined for an unknown id. */
export function ruleMeta(id: string): RuleMeta | undefined {
  cache ??= build()
  return cache.get(id)
}

/** Every rule, in id order. */
export function allRules(): readonly RuleMeta[] {
  cache ??= build()
  return [...cache.values()].sort((a, b) => a.id.localeCompare(b.id))
}
