/** Approval semantics: a table of review histories, then break-glass parsing and lookup. */
import { describe, expect, test } from '@jest/globals'
import {
  evaluateApprovals,
  findBreakGlass,
  isAgent,
  isBot,
  latestOpinions,
  parseBreakGlass,
  withBreakGlass,
  type ApprovalContext,
  type ApprovalPolicy,
  type Review
} from '../../src/policy/approvals.js'

const HEAD = 'c0ffee0000000000000000000000000000000000'
const OLD = 'beef000000000000000000000000000000000000'
const SINCE = '2026-03-10T12:00:00Z'
const BEFORE = '2026-03-10T11:59:59Z'
const AFTER = '2026-03-10T13:00:00Z'
const FP = `sha256:${'ab'.repeat(32)}`
const OTHER_FP = `sha256:${'cd'.repeat(32)}`
const TEAM_ERROR =
  'approvers lists team acme/dba, but the token cannot read org teams: use a GitHub App token with Members: read or a PAT with read:org (github-token input)'

let nextId = 1

/** A review of the head commit after the fingerprint appeared, unless overridden. */
function review(
  login: string | null,
  state: string,
  over: { type?: string; commitId?: string | null; submittedAt?: string | null } = {}
): Review {
  return {
    id: nextId++,
    user: login === null ? null : { login, ...(over.type ? { type: over.type } : {}) },
    state,
    commitId: over.commitId === undefined ? HEAD : over.commitId,
    submittedAt: over.submittedAt === undefined ? AFTER : over.submittedAt
  }
}

const POLICY: ApprovalPolicy = { requiredApprovals: 2, excludePusher: true }

const CONTEXT: ApprovalContext = {
  author: { login: 'alice', type: 'User' },
  headSha: HEAD,
  fingerprintSince: SINCE,
  pusher: 'alice',
  permissions: {
    alice: 'admin',
    bob: 'write',
    carol: 'maintain',
    dave: 'admin',
    erin: 'read',
    frank: 'triage',
    botty: 'write',
    'dependabot[bot]': 'write'
  }
}

interface Row {
  readonly name: string
  readonly reviews: readonly Review[]
  readonly policy?: Partial<ApprovalPolicy>
  readonly context?: Partial<ApprovalContext>
  readonly approved: boolean
  readonly approvers: readonly string[]
  readonly changesRequestedBy?: readonly string[]
  readonly required?: number
  readonly error?: string
}

const ROWS: readonly Row[] = [
  { name: 'no reviews', reviews: [], approved: false, approvers: [] },
  {
    name: 'one qualified approval, two required: pending',
    reviews: [review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'two qualified approvals on the head commit',
    reviews: [review('carol', 'APPROVED'), review('bob', 'APPROVED')],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: "the author's own approval never counts",
    reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    // The author is not the pusher here and the pusher rule is off: only the author rule can
    // keep alice's approval out (with author == pusher, the pusher rule would hide its loss).
    name: "the author's own approval never counts, though someone else pushed the head",
    reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')],
    policy: { excludePusher: false },
    context: { pusher: 'dave' },
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'the author is excluded and the pusher too: two different people, both out',
    reviews: [review('alice', 'APPROVED'), review('dave', 'APPROVED'), review('bob', 'APPROVED')],
    context: { pusher: 'dave' },
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'with the author and pusher out, two others still approve',
    reviews: [
      review('alice', 'APPROVED'),
      review('dave', 'APPROVED'),
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED')
    ],
    context: { pusher: 'dave' },
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'the author never counts, whatever the case of the login',
    reviews: [review('ALICE', 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'a bot by type does not count',
    reviews: [review('botty', 'APPROVED', { type: 'Bot' }), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'a [bot] login does not count',
    reviews: [review('dependabot[bot]', 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'an approval of an older commit is stale after a push',
    reviews: [review('bob', 'APPROVED', { commitId: OLD }), review('carol', 'APPROVED')],
    approved: false,
    approvers: ['carol']
  },
  {
    name: 'an approval before the fingerprint appeared does not count',
    reviews: [review('bob', 'APPROVED', { submittedAt: BEFORE }), review('carol', 'APPROVED')],
    approved: false,
    approvers: ['carol']
  },
  {
    name: 'an approval exactly when the fingerprint appeared counts',
    reviews: [review('bob', 'APPROVED', { submittedAt: SINCE }), review('carol', 'APPROVED')],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'an approval without submittedAt or commitId does not count',
    reviews: [
      review('bob', 'APPROVED', { submittedAt: null }),
      review('carol', 'APPROVED', { commitId: null })
    ],
    approved: false,
    approvers: []
  },
  {
    name: 'approve, then comment: still approved',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED'), review('bob', 'COMMENTED')],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'approve, then request changes: pending and listed',
    reviews: [
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED'),
      review('bob', 'CHANGES_REQUESTED')
    ],
    approved: false,
    approvers: ['carol'],
    changesRequestedBy: ['bob']
  },
  {
    name: 'request changes, then approve: the approval counts',
    reviews: [
      review('bob', 'CHANGES_REQUESTED'),
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED')
    ],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'approve, then dismissed: the approval is gone',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED'), review('bob', 'DISMISSED')],
    approved: false,
    approvers: ['carol']
  },
  {
    name: 'a dismissed change request no longer blocks',
    reviews: [
      review('dave', 'CHANGES_REQUESTED'),
      review('dave', 'DISMISSED'),
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED')
    ],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'a change request on an older commit still blocks',
    reviews: [
      review('dave', 'CHANGES_REQUESTED', { commitId: OLD, submittedAt: BEFORE }),
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED')
    ],
    approved: false,
    approvers: ['bob', 'carol'],
    changesRequestedBy: ['dave']
  },
  {
    name: 'a change request from a read-only reviewer does not block',
    reviews: [
      review('erin', 'CHANGES_REQUESTED'),
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED')
    ],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'a change request from a bot does not block',
    reviews: [
      review('botty', 'CHANGES_REQUESTED', { type: 'Bot' }),
      review('bob', 'APPROVED'),
      review('carol', 'APPROVED')
    ],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'a read-permission reviewer does not count',
    reviews: [review('erin', 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'a triage-permission reviewer does not count',
    reviews: [review('frank', 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'a reviewer missing from permissions does not count',
    reviews: [review('zed', 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'permissions are looked up by lower-case login',
    reviews: [review('Bob', 'APPROVED'), review('CAROL', 'APPROVED')],
    approved: true,
    approvers: ['Bob', 'CAROL']
  },
  {
    name: 'approvers allow-list: listed reviewers count, case-insensitively',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { approvers: ['BOB', '@Carol'] },
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'approvers allow-list: an unlisted reviewer does not count',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { approvers: ['bob'] },
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'approvers allow-list: an unlisted change request does not block',
    reviews: [review('bob', 'APPROVED'), review('carol', 'CHANGES_REQUESTED')],
    policy: { approvers: ['bob'], requiredApprovals: 1 },
    approved: true,
    approvers: ['bob'],
    required: 1
  },
  {
    name: 'team approvers resolved',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED'), review('dave', 'APPROVED')],
    policy: { approvers: ['@acme/DBA'] },
    context: { teams: { 'acme/dba': ['Bob', 'carol'] } },
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'team and login approvers mixed',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED'), review('dave', 'APPROVED')],
    policy: { approvers: ['dave', 'acme/dba'] },
    context: { teams: { 'acme/dba': ['bob'] } },
    approved: true,
    approvers: ['bob', 'dave']
  },
  {
    name: 'team approvers unresolved: fail closed with an error',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { approvers: ['bob', 'carol', 'acme/dba'] },
    approved: false,
    approvers: ['bob', 'carol'],
    error: TEAM_ERROR
  },
  {
    name: 'team approvers: the listed team is missing from the resolved teams',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { approvers: ['@acme/dba'] },
    context: { teams: { 'acme/sre': ['bob', 'carol'] } },
    approved: false,
    approvers: [],
    error: TEAM_ERROR
  },
  {
    name: 'the pusher of the head commit is excluded',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    context: { pusher: 'BOB' },
    approved: false,
    approvers: ['carol']
  },
  {
    name: 'the pusher counts when excludePusher is off',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { excludePusher: false },
    context: { pusher: 'bob' },
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: "the pusher's change request still blocks",
    reviews: [review('bob', 'CHANGES_REQUESTED'), review('carol', 'APPROVED')],
    policy: { requiredApprovals: 1 },
    context: { pusher: 'bob' },
    approved: false,
    approvers: ['carol'],
    changesRequestedBy: ['bob'],
    required: 1
  },
  {
    name: 'one approval suffices when one is required',
    reviews: [review('bob', 'APPROVED')],
    policy: { requiredApprovals: 1 },
    approved: true,
    approvers: ['bob'],
    required: 1
  },
  {
    name: 'requiredApprovals below 1 is raised to 1',
    reviews: [],
    policy: { requiredApprovals: 0 },
    approved: false,
    approvers: [],
    required: 1
  },
  {
    name: 'agent author copilot-swe-agent[bot]: two approvals whatever the setting',
    reviews: [review('bob', 'APPROVED')],
    policy: { requiredApprovals: 1 },
    context: { author: { login: 'copilot-swe-agent[bot]', type: 'Bot' }, pusher: 'Copilot' },
    approved: false,
    approvers: ['bob'],
    required: 2
  },
  {
    name: 'agent author devin-ai-integration[bot] with two approvals',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { requiredApprovals: 1 },
    context: { author: { login: 'devin-ai-integration[bot]' } },
    approved: true,
    approvers: ['bob', 'carol'],
    required: 2
  },
  {
    name: 'agent author matched by a configured agentAuthors glob',
    reviews: [review('bob', 'APPROVED')],
    policy: { requiredApprovals: 1, agentAuthors: ['ai-*'] },
    context: { author: { login: 'AI-Helper', type: 'User' } },
    approved: false,
    approvers: ['bob'],
    required: 2
  },
  {
    name: 'agent author with a higher setting keeps the setting',
    reviews: [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
    policy: { requiredApprovals: 3 },
    context: { author: { login: 'Copilot', type: 'Bot' } },
    approved: false,
    approvers: ['bob', 'carol'],
    required: 3
  },
  {
    name: 'a ghost user (user null) is ignored',
    reviews: [review(null, 'APPROVED'), review('bob', 'APPROVED')],
    approved: false,
    approvers: ['bob']
  },
  {
    name: 'a PENDING review neither counts nor replaces an approval',
    reviews: [
      review('bob', 'APPROVED'),
      review('bob', 'PENDING', { submittedAt: null }),
      review('carol', 'APPROVED'),
      review('dave', 'PENDING', { submittedAt: null })
    ],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'lower-case webhook states: approved',
    reviews: [review('bob', 'approved'), review('carol', 'approved'), review('bob', 'commented')],
    approved: true,
    approvers: ['bob', 'carol']
  },
  {
    name: 'lower-case webhook states: changes_requested and dismissed',
    reviews: [
      review('bob', 'approved'),
      review('carol', 'approved'),
      review('carol', 'dismissed'),
      review('dave', 'changes_requested')
    ],
    approved: false,
    approvers: ['bob'],
    changesRequestedBy: ['dave']
  },
  {
    name: 'logins differing only in case are one reviewer',
    reviews: [review('Bob', 'APPROVED'), review('carol', 'APPROVED'), review('bob', 'DISMISSED')],
    approved: false,
    approvers: ['carol']
  }
]

describe('evaluateApprovals', () => {
  test.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const policy = { ...POLICY, ...row.policy }
    const context = { ...CONTEXT, ...row.context }
    const result = evaluateApprovals(row.reviews, policy, context)
    expect({
      approved: result.approved,
      approvers: result.approvers,
      changesRequestedBy: result.changesRequestedBy,
      required: result.required,
      error: result.error
    }).toEqual({
      approved: row.approved,
      approvers: row.approvers,
      changesRequestedBy: row.changesRequestedBy ?? [],
      required: row.required ?? 2,
      error: row.error
    })
    // The invariant the gate relies on, whatever the row.
    expect(result.approved).toBe(
      !result.error &&
        result.approvers.length >= result.required &&
        result.changesRequestedBy.length === 0
    )
  })

  test('the table covers at least 25 histories', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25)
  })

  test('explains each reviewer', () => {
    const result = evaluateApprovals(
      [
        review('alice', 'APPROVED'),
        review('botty', 'APPROVED', { type: 'Bot' }),
        review('bob', 'APPROVED', { commitId: OLD }),
        review('carol', 'APPROVED', { submittedAt: BEFORE }),
        review('dave', 'APPROVED'),
        review('erin', 'APPROVED'),
        review('zed', 'APPROVED'),
        review('gus', 'CHANGES_REQUESTED'),
        review('hal', 'DISMISSED'),
        review('ivy', 'APPROVED')
      ],
      { ...POLICY, approvers: ['alice', 'bob', 'carol', 'dave', 'gus', 'hal', 'ivy'] },
      {
        ...CONTEXT,
        pusher: 'ivy',
        permissions: { ...CONTEXT.permissions, gus: 'write', hal: 'write', ivy: 'write' }
      }
    )
    expect(result.reviewers.map((r) => [r.login, r.counted, r.state, r.why])).toEqual([
      ['alice', false, 'APPROVED', 'is the PR author'],
      ['bob', false, 'APPROVED', 'approved an older commit'],
      ['botty', false, 'APPROVED', 'is a bot'],
      ['carol', false, 'APPROVED', 'approved before this plan appeared'],
      ['dave', true, 'APPROVED', 'approved on the head commit'],
      ['erin', false, 'APPROVED', 'lacks write permission'],
      ['gus', false, 'CHANGES_REQUESTED', 'requested changes'],
      ['hal', false, 'DISMISSED', 'review was dismissed'],
      ['ivy', false, 'APPROVED', 'pushed the head commit'],
      ['zed', false, 'APPROVED', 'lacks write permission (permission unknown)']
    ])
  })

  test('reports an unlisted reviewer', () => {
    const result = evaluateApprovals(
      [review('carol', 'APPROVED')],
      { ...POLICY, approvers: ['bob'] },
      CONTEXT
    )
    expect(result.reviewers).toEqual([
      { login: 'carol', counted: false, state: 'APPROVED', why: 'is not in approvers' }
    ])
  })

  test('summaries', () => {
    const pending = evaluateApprovals([review('bob', 'APPROVED')], POLICY, CONTEXT)
    expect(pending.summary).toBe('needs 1 more approval from a qualified reviewer (write access)')
    const none = evaluateApprovals([], { ...POLICY, approvers: ['bob'] }, CONTEXT)
    expect(none.summary).toBe(
      'needs 2 more approvals from a qualified reviewer (write access, listed in approvers)'
    )
    const blocked = evaluateApprovals(
      [review('bob', 'APPROVED'), review('carol', 'APPROVED'), review('dave', 'CHANGES_REQUESTED')],
      POLICY,
      CONTEXT
    )
    expect(blocked.summary).toBe('changes requested by dave')
    const ok = evaluateApprovals(
      [review('carol', 'APPROVED'), review('bob', 'APPROVED')],
      POLICY,
      CONTEXT
    )
    expect(ok.summary).toBe('approved by bob, carol (2 of 2)')
    const agent = evaluateApprovals(
      [],
      { ...POLICY, requiredApprovals: 1 },
      { ...CONTEXT, author: { login: 'Copilot', type: 'Bot' } }
    )
    expect(agent.authorIsAgent).toBe(true)
    expect(agent.summary).toBe(
      'needs 2 more approvals from a qualified reviewer (write access) (agent-touched, so 2 human approvals: the author Copilot is a bot or agent account)'
    )
    const error = evaluateApprovals([], { ...POLICY, approvers: ['acme/dba'] }, CONTEXT)
    expect(error.summary).toBe(TEAM_ERROR)
  })

  test('an invalid fingerprintSince fails closed', () => {
    const result = evaluateApprovals(
      [review('bob', 'APPROVED'), review('carol', 'APPROVED')],
      POLICY,
      { ...CONTEXT, fingerprintSince: 'yesterday' }
    )
    expect(result.approved).toBe(false)
    expect(result.error).toMatch(/fingerprintSince/)
  })
})

describe('latestOpinions', () => {
  test('keeps the last opinionated review per lower-case login, with the state normalised', () => {
    const first = review('Bob', 'approved')
    const last = review('bob', 'changes_requested')
    const latest = latestOpinions([
      first,
      last,
      review('bob', 'COMMENTED'),
      review(null, 'APPROVED'),
      review('carol', 'PENDING'),
      review('dave', 'something-new')
    ])
    expect([...latest.keys()]).toEqual(['bob'])
    expect(latest.get('bob')).toEqual({ ...last, state: 'CHANGES_REQUESTED' })
  })
})

describe('isBot and isAgent', () => {
  test.each([
    [{ login: 'dependabot[bot]' }, true, true],
    [{ login: 'renovate', type: 'Bot' }, true, true],
    [{ login: 'Copilot', type: 'User' }, false, true],
    [{ login: 'copilot-swe-agent' }, false, true],
    [{ login: 'devin-ai-integration[bot]' }, true, true],
    [{ login: 'CursorAgent' }, false, true],
    [{ login: 'openhands-agent' }, false, true],
    [{ login: 'sweep-ai[bot]' }, true, true],
    [{ login: 'codegen-sh[bot]' }, true, true],
    [{ login: 'claude' }, false, true],
    [{ login: 'alice', type: 'User' }, false, false],
    [{ login: 'copilot-fan' }, false, false]
  ])('%j: bot %s, agent %s', (user, bot, agent) => {
    expect(isBot(user)).toBe(bot)
    expect(isAgent(user)).toBe(agent)
  })

  test('configured globs are case-insensitive and anchored', () => {
    expect(isAgent({ login: 'Acme-Coder-7' }, ['acme-coder-*'])).toBe(true)
    expect(isAgent({ login: 'acme-coder' }, ['acme-coder-*'])).toBe(false)
    expect(isAgent({ login: 'x.bot' }, ['x.bot'])).toBe(true)
    expect(isAgent({ login: 'xybot' }, ['x.bot'])).toBe(false)
  })
})

describe('parseBreakGlass', () => {
  test.each<[string, string, { fingerprint: string; reason: string } | undefined]>([
    [
      'valid',
      `/plan-gate break-glass ${FP} restore from snapshot`,
      { fingerprint: FP, reason: 'restore from snapshot' }
    ],
    ['missing reason', `/plan-gate break-glass ${FP}`, undefined],
    ['reason too short', `/plan-gate break-glass ${FP} ok`, undefined],
    ['fingerprint without prefix', `/plan-gate break-glass ${'ab'.repeat(32)} outage`, undefined],
    ['fingerprint too short', `/plan-gate break-glass sha256:abc123 outage now`, undefined],
    ['fingerprint not hex', `/plan-gate break-glass sha256:${'zz'.repeat(32)} outage`, undefined],
    ['not on its own line', `please /plan-gate break-glass ${FP} outage now`, undefined],
    ['wrong command', `/plan-gate breakglass ${FP} outage now`, undefined],
    [
      'on its own line within text',
      `Incident INC-42.\r\n/plan-gate break-glass ${FP} incident INC-42\nthanks`,
      { fingerprint: FP, reason: 'incident INC-42' }
    ],
    [
      'trailing spaces',
      `  /plan-gate break-glass ${FP}   db is already gone   `,
      { fingerprint: FP, reason: 'db is already gone' }
    ],
    [
      'upper-case hex is normalised',
      `/plan-gate break-glass ${FP.toUpperCase().replace('SHA256', 'sha256')} outage`,
      { fingerprint: FP, reason: 'outage' }
    ],
    ['inside a code block', `\`\`\`\n/plan-gate break-glass ${FP} outage now\n\`\`\``, undefined],
    ['empty body', '', undefined]
  ])('%s', (_name, body, expected) => {
    expect(parseBreakGlass(body)).toEqual(expected)
  })

  test('caps the reason at 200 characters', () => {
    const parsed = parseBreakGlass(`/plan-gate break-glass ${FP} ${'x'.repeat(300)}`)
    expect(parsed?.reason).toBe('x'.repeat(200))
  })
})

describe('findBreakGlass', () => {
  const body = `/plan-gate break-glass ${FP} restoring from backup`
  const comment = (id: number, login: string | null, text = body, type?: string) => ({
    id,
    user: login === null ? null : { login, ...(type ? { type } : {}) },
    body: text,
    createdAt: `2026-03-10T13:0${id}:00Z`,
    updatedAt: `2026-03-10T13:0${id}:00Z`
  })

  test('an allowed user, case-insensitively', () => {
    expect(findBreakGlass([comment(1, 'Oncall')], FP, ['oncall'], [])).toEqual({
      fingerprint: FP,
      reason: 'restoring from backup',
      by: 'Oncall',
      commentId: 1,
      at: '2026-03-10T13:01:00Z'
    })
  })

  test('a user not allowed', () => {
    expect(findBreakGlass([comment(1, 'mallory')], FP, ['oncall'], [])).toBeUndefined()
  })

  test('a bot, even when allowed', () => {
    const comments = [comment(1, 'oncall', body, 'Bot'), comment(2, 'ops[bot]')]
    expect(findBreakGlass(comments, FP, ['oncall', 'ops[bot]'], [])).toBeUndefined()
  })

  test('a ghost user', () => {
    expect(findBreakGlass([comment(1, null)], FP, ['oncall'], [])).toBeUndefined()
  })

  test('a used comment id is skipped for the next one', () => {
    const comments = [comment(1, 'oncall'), comment(2, 'oncall')]
    expect(findBreakGlass(comments, FP, ['oncall'], [1])?.commentId).toBe(2)
    expect(findBreakGlass(comments, FP, ['oncall'], [1, 2])).toBeUndefined()
  })

  test('another fingerprint does not match', () => {
    const other = `/plan-gate break-glass ${OTHER_FP} restoring from backup`
    expect(findBreakGlass([comment(1, 'oncall', other)], FP, ['oncall'], [])).toBeUndefined()
    expect(findBreakGlass([comment(1, 'oncall', other)], OTHER_FP, ['oncall'], [])).toBeDefined()
  })

  test('the first matching comment wins', () => {
    const comments = [comment(1, 'mallory'), comment(2, 'oncall', 'hello'), comment(3, 'oncall')]
    expect(findBreakGlass(comments, FP, ['oncall'], [])?.commentId).toBe(3)
  })
})

describe('withBreakGlass', () => {
  const glass = {
    fingerprint: FP,
    reason: 'restoring from backup',
    by: 'oncall',
    commentId: 7,
    at: AFTER
  }
  const evaluate = (reviews: readonly Review[], policy: Partial<ApprovalPolicy> = {}) =>
    evaluateApprovals(reviews, { ...POLICY, ...policy }, CONTEXT)

  test('stands in for one missing approval', () => {
    const result = withBreakGlass(evaluate([review('bob', 'APPROVED')]), glass)
    expect(result).toMatchObject({
      approved: true,
      approvers: ['bob'],
      breakGlass: glass,
      summary: 'approved by bob, break-glass by oncall (2 of 2)'
    })
  })

  test('counts once: with none approved, one is still missing', () => {
    const result = withBreakGlass(evaluate([]), glass)
    expect(result).toMatchObject({ approved: false, breakGlass: glass })
    expect(result.summary).toBe('needs 1 more approval from a qualified reviewer (write access)')
  })

  test('never outweighs a change request', () => {
    const reviews = [review('bob', 'APPROVED'), review('carol', 'CHANGES_REQUESTED')]
    expect(withBreakGlass(evaluate(reviews), glass).approved).toBe(false)
  })

  test('never counts twice for someone who also approved', () => {
    const result = withBreakGlass(evaluate([review('bob', 'APPROVED')]), { ...glass, by: 'BOB' })
    expect(result).toMatchObject({ approved: false })
    expect(result.breakGlass).toBeUndefined()
  })

  test('not used when approvals are already in, nor over an error', () => {
    const approved = evaluate([review('bob', 'APPROVED'), review('carol', 'APPROVED')])
    expect(withBreakGlass(approved, glass)).toBe(approved)
    const broken = evaluate([review('bob', 'APPROVED')], { approvers: ['acme/dba'] })
    expect(withBreakGlass(broken, glass)).toBe(broken)
    expect(withBreakGlass(evaluate([]), undefined).breakGlass).toBeUndefined()
  })

  test('an agent-authored PR keeps its note while pending', () => {
    const result = withBreakGlass(
      evaluateApprovals([], POLICY, { ...CONTEXT, author: { login: 'copilot' } }),
      glass
    )
    expect(result.summary).toBe(
      'needs 1 more approval from a qualified reviewer (write access) (agent-touched, so 2 human approvals: the author copilot is a bot or agent account)'
    )
  })
})
