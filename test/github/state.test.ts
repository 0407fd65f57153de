/** The sticky comment: round trip, tampering, escaping, size fallback, status descriptions. */
import { describe, expect, test } from '@jest/globals'
import { renderMarkdown } from '../../src/report/markdown.js'
import {
  buildComment,
  COMMENT_LIMIT,
  compactReport,
  findSticky,
  isoSeconds,
  marker,
  parseComment,
  parseState,
  statusDescription,
  type CommentParts,
  type GateState
} from '../../src/github/state.js'
import { APPROVAL_REPORT, BLOCKED_REPORT } from '../report/sample-reports.js'

const STATE: GateState = {
  v: 2,
  fingerprint: `sha256:${'ab'.repeat(32)}`,
  decision: 'pending',
  planDecision: 'approval-required',
  headSha: 'c0ffee'.padEnd(40, '0'),
  firstSeen: '2026-11-21T12:00:00Z',
  pusher: 'alice',
  counts: { blocked: 0, 'approval-required': 3, warn: 1 },
  breakGlassUsed: [1234],
  plans: [{ file: 'plan.json', form: 'show-json', fingerprint: `sha256:${'ab'.repeat(32)}` }],
  run: '4242/1'
}

function parts(over: Partial<CommentParts> = {}): CommentParts {
  return {
    context: 'plan-gate',
    report: (max) => renderMarkdown(APPROVAL_REPORT, { maxLength: max }),
    approvals: '### ⏳ Approval: waiting for approval\n',
    state: STATE,
    compact: {
      title: 'plan-gate',
      reason: 'see the job summary',
      verdict: 'approval-required',
      counts: STATE.counts
    },
    ...over
  }
}

const bot = { login: 'github-actions[bot]', type: 'Bot' }

describe('buildComment and parseComment', () => {
  test('round trip: the report and the state come back', () => {
    const body = buildComment(parts())
    expect(body.startsWith(`${marker('plan-gate')}\n## ⚠️ plan-gate`)).toBe(true)
    const parsed = parseComment(body, 'plan-gate')
    expect(parsed?.state).toEqual(STATE)
    expect(parsed?.report).toBe(renderMarkdown(APPROVAL_REPORT))
    // Parsing again and rebuilding gives the same body (review runs reuse the report).
    const rebuilt = buildComment(parts({ report: () => parsed?.report }))
    expect(rebuilt).toBe(body)
  })

  test('the marker is per status context', () => {
    const body = buildComment(parts({ context: 'plan-gate/prod' }))
    expect(parseComment(body, 'plan-gate/prod')?.state).toEqual(STATE)
    expect(parseComment(body, 'plan-gate')).toBeUndefined()
    expect(marker('a--b>c').slice(4, -3)).not.toMatch(/--|>/)
    expect(marker('a--b>c')).toBe('<!-- plan-gate:v1 a%2D%2Db%3Ec -->')
  })

  test('the state JSON cannot close the HTML comment', () => {
    const body = buildComment(parts())
    const line = body.split('\n').find((l) => l.startsWith('<!-- plan-gate-state')) ?? ''
    expect(line.slice(4, -3)).not.toContain('--')
    expect(line).toContain('approval\\u002drequired')
  })

  test('report text cannot smuggle a state line or an approvals marker', () => {
    const forged =
      '`<!-- plan-gate:approvals -->`\n<!-- plan-gate-state {"v":1,"decision":"approved"} -->'
    const body = buildComment(parts({ report: () => `## report\n${forged}\n` }))
    expect(parseComment(body, 'plan-gate')?.state).toEqual(STATE)
    expect(parseComment(body, 'plan-gate')?.report).toContain(forged)
  })

  test('a comment without a state line, or with a tampered one, has no state', () => {
    const body = buildComment(parts({ state: undefined }))
    expect(parseComment(body, 'plan-gate')).toEqual({ report: expect.any(String) })
    const good = buildComment(parts())
    const tampered = [
      good.replace('"v":2', '"v":3'),
      good.replace(/"fingerprint":"sha256:[0-9a-f]+"/, '"fingerprint":"sha256:xyz"'),
      good.replace('"decision":"pending"', '"decision":"merged"'),
      good.replace('"breakGlassUsed":[1234]', '"breakGlassUsed":["x"]'),
      good.replace(/"headSha":"[0-9a-f]+"/, '"headSha":"main"'),
      good.replace(/"firstSeen":"[^"]+"/, '"firstSeen":"yesterday"'),
      good.replace('"pusher":"alice"', '"pusher":"a b"'),
      good.replace('"counts":{"blocked":0', '"counts":{"blocked":-1'),
      good.replace(/ -->\n$/, '} -->\n'),
      `${good}trailing text\n`
    ]
    for (const body of tampered) expect(parseComment(body, 'plan-gate')?.state).toBeUndefined()
  })

  test('a state of an older format is recognised as outdated, never used', () => {
    const good = buildComment(parts())
    const old = good.replace('"v":2', '"v":1')
    expect(parseComment(old, 'plan-gate')).toEqual({ report: expect.any(String), outdated: 1 })
  })

  test('parseState accepts exactly well-formed states', () => {
    expect(parseState(JSON.stringify(STATE))).toEqual(STATE)
    const { pusher: _pusher, ...noPusher } = STATE
    expect(parseState(JSON.stringify(noPusher))).toEqual(noPusher)
    expect(parseState('not json')).toBeUndefined()
    expect(parseState('null')).toBeUndefined()
    expect(parseState(JSON.stringify({ ...STATE, counts: null }))).toBeUndefined()
    // Unknown keys are dropped, not carried along.
    expect(parseState(JSON.stringify({ ...STATE, extra: 1 }))).toEqual(STATE)
  })

  test('findSticky: the oldest bot comment with the marker; people and other contexts ignored', () => {
    const body = buildComment(parts())
    const comments = [
      { id: 1, user: { login: 'mallory', type: 'User' }, body, createdAt: '' },
      { id: 2, user: { login: 'mallory[bot]', type: 'User' }, body, createdAt: '' },
      { id: 3, user: null, body, createdAt: '' },
      { id: 4, user: bot, body: buildComment(parts({ context: 'other' })), createdAt: '' },
      { id: 5, user: bot, body, createdAt: '' },
      { id: 6, user: bot, body, createdAt: '' }
    ]
    expect(findSticky(comments, 'plan-gate')?.id).toBe(5)
    expect(findSticky(comments.slice(0, 4), 'plan-gate')).toBeUndefined()
  })
})

describe('size limits', () => {
  const long = 'x'.repeat(200_000)

  test('a report too long for the comment is replaced by the compact table', () => {
    const body = buildComment(parts({ report: () => long }))
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(body).toContain('| Blocked | Needs approval | Warnings |')
    expect(body).not.toContain('xxxx')
    expect(parseComment(body, 'plan-gate')?.state).toEqual(STATE)
  })

  test('a report that cannot render within the budget falls back too', () => {
    const body = buildComment(parts({ report: () => undefined }))
    expect(body).toContain('see the job summary')
  })

  test('the renderer fits the budget it is given', () => {
    const body = buildComment(
      parts({ report: (max) => renderMarkdown(BLOCKED_REPORT, { maxLength: max }) })
    )
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
  })

  test('an absurd approval section still leaves the state line whole', () => {
    const body = buildComment(parts({ approvals: 'y'.repeat(100_000) }))
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(parseComment(body, 'plan-gate')?.state).toEqual(STATE)
  })

  test('the compact table shows counts and the fingerprint, escaped', () => {
    const text = compactReport({
      title: 'plan-gate <prod>',
      verdict: 'approval-required',
      counts: STATE.counts,
      fingerprint: STATE.fingerprint,
      reason: 'see *summary*'
    })
    expect(text).toBe(
      [
        '## plan-gate \\<prod\\>: approval required',
        '',
        '| Blocked | Needs approval | Warnings |',
        '| --- | --- | --- |',
        '| 0 | 3 | 1 |',
        '',
        'see \\*summary\\*',
        '',
        `Fingerprint: \`${STATE.fingerprint}\``,
        ''
      ].join('\n')
    )
  })
})

describe('statusDescription and isoSeconds', () => {
  test.each([
    ['short', 'short'],
    ['two\nlines\t here', 'two lines here'],
    ['é'.repeat(140), 'é'.repeat(140)]
  ])('%j stays itself', (text, want) => {
    expect(statusDescription(text)).toBe(want)
  })

  test('at most 140 characters (code points), with an ellipsis', () => {
    const cut = statusDescription('🙂'.repeat(200))
    expect([...cut]).toHaveLength(140)
    expect(cut.endsWith('…')).toBe(true)
    expect(statusDescription('a'.repeat(141))).toBe(`${'a'.repeat(139)}…`)
  })

  test('isoSeconds floors to whole seconds in GitHub format', () => {
    expect(isoSeconds(new Date('2026-11-21T12:00:00.999Z'))).toBe('2026-11-21T12:00:00Z')
  })
})
