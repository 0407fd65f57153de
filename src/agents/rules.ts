/**
 * The agent hook's rules: one entry each, with its default decision. docs/agents.md lists them
 * (a test checks that every id is there).
 */
export type AgentDecision = 'allow' | 'ask' | 'deny'

export interface AgentRule {
  readonly id: string
  readonly slug: string
  readonly decision: AgentDecision
  readonly title: string
}

export const AGENT_RULES = [
  {
    id: 'PG-A01',
    slug: 'saved-plan',
    decision: 'allow',
    title:
      'apply of a saved plan: the plan is gated (pass → allow, approval required → ask, blocked → deny)'
  },
  {
    id: 'PG-A02',
    slug: 'apply-without-plan',
    decision: 'deny',
    title: 'apply without a saved plan'
  },
  { id: 'PG-A03', slug: 'destroy', decision: 'deny', title: 'destroy, apply -destroy' },
  { id: 'PG-A04', slug: 'replace', decision: 'deny', title: 'apply -replace=…' },
  { id: 'PG-A05', slug: 'auto-approve', decision: 'deny', title: '-auto-approve' },
  {
    id: 'PG-A06',
    slug: 'run-all',
    decision: 'deny',
    title: 'Terragrunt run-all / run --all apply or destroy'
  },
  {
    id: 'PG-A07',
    slug: 'state-change',
    decision: 'ask',
    title: 'state rm|mv|push|replace-provider, refresh'
  },
  { id: 'PG-A08', slug: 'workspace-delete', decision: 'ask', title: 'workspace delete' },
  { id: 'PG-A09', slug: 'force-unlock', decision: 'ask', title: 'force-unlock' },
  { id: 'PG-A10', slug: 'taint', decision: 'ask', title: 'taint' },
  {
    id: 'PG-A11',
    slug: 'unknown-subcommand',
    decision: 'ask',
    title: 'a Terraform subcommand plan-gate does not know'
  },
  {
    id: 'PG-A12',
    slug: 'data-destroy',
    decision: 'ask',
    title: 'a command that destroys data outside Terraform (cloud CLIs, kubectl, helm, SQL)'
  },
  {
    id: 'PG-A13',
    slug: 'dynamic',
    decision: 'ask',
    title: 'a program name or Terraform argument computed at run time'
  },
  {
    id: 'PG-A14',
    slug: 'hidden-commands',
    decision: 'ask',
    title: 'a shell reading commands plan-gate cannot see (stdin, eval of run-time text)'
  },
  {
    id: 'PG-A15',
    slug: 'plan-unevaluable',
    decision: 'deny',
    title: 'a saved plan that cannot be found, read or evaluated'
  },
  {
    id: 'PG-A16',
    slug: 'fail-closed',
    decision: 'deny',
    title: 'unreadable payload, unparseable command, internal error'
  }
] as const satisfies readonly AgentRule[]

export type AgentRuleId = (typeof AGENT_RULES)[number]['id']

const RANK: Readonly<Record<AgentDecision, number>> = { allow: 0, ask: 1, deny: 2 }

/** The stronger of two decisions (deny > ask > allow). */
export function stronger(a: AgentDecision, b: AgentDecision): AgentDecision {
  return RANK[a] >= RANK[b] ? a : b
}

export function ruleSlug(id: string): string {
  return AGENT_RULES.find((r) => r.id === id)?.slug ?? id
}
