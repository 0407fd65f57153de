/** `plan-gate rules --format json`: every rule's metadata, for scripts (examples left out). */
import type { RuleMeta } from '../rules/types.js'

export function renderRuleListJson(rules: readonly RuleMeta[]): string {
  const list = rules.map((r) => ({
    id: r.id,
    slug: r.slug,
    ...(r.aliases === undefined || r.aliases.length === 0 ? {} : { aliases: [...r.aliases] }),
    title: r.title,
    defaultDecision: r.defaultDecision,
    severity: r.severity,
    ...(r.category === undefined ? {} : { category: r.category }),
    description: r.description,
    remediation: r.remediation,
    helpUri: r.helpUri
  }))
  return `${JSON.stringify(list, null, 2)}\n`
}
