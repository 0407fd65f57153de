import { afterEach, describe, expect, test } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub, type FakeState } from './fake-github.js'
import { createValidator } from './openapi.js'

const HEAD = 'a'.repeat(40)
const BASE = 'b'.repeat(40)
const MERGE = 'c'.repeat(40)
const TOKEN = 'token ghs_fake'

function fixture(): FakeState {
  return {
    owner: 'acme',
    repo: 'infra',
    defaultBranch: 'main',
    pulls: {
      7: {
        number: 7,
        state: 'closed',
        title: 'Drop the old database',
        user: { login: 'alice', type: 'User' },
        head: { sha: HEAD, ref: 'drop-db', repo: { full_name: 'acme/infra', fork: false } },
        base: { ref: 'main', sha: BASE, repo: { full_name: 'acme/infra' } },
        merged_at: '2026-11-20T10:00:00Z',
        merge_commit_sha: MERGE
      },
      8: {
        number: 8,
        state: 'open',
        title: 'From a fork',
        user: { login: 'mallory', type: 'User' },
        head: {
          sha: 'd'.repeat(40),
          ref: 'patch-1',
          repo: { full_name: 'mallory/infra', fork: true }
        },
        base: { ref: 'main', sha: BASE, repo: { full_name: 'acme/infra' } },
        merged_at: null,
        merge_commit_sha: null,
        draft: true
      }
    },
    reviews: {
      7: [
        {
          id: 1,
          user: { login: 'bob', type: 'User' },
          state: 'COMMENTED',
          commit_id: HEAD,
          submitted_at: '2026-11-19T09:00:00Z'
        },
        {
          id: 2,
          user: { login: 'bob', type: 'User' },
          state: 'APPROVED',
          commit_id: HEAD,
          submitted_at: '2026-11-19T09:05:00Z',
          body: 'LGTM'
        },
        {
          id: 3,
          user: null,
          state: 'APPROVED',
          commit_id: HEAD,
          submitted_at: '2026-11-19T09:06:00Z'
        },
        {
          id: 4,
          user: { login: 'renovate[bot]', type: 'Bot' },
          state: 'APPROVED',
          commit_id: HEAD,
          submitted_at: '2026-11-19T09:07:00Z'
        },
        {
          id: 5,
          user: { login: 'carol', type: 'User' },
          state: 'CHANGES_REQUESTED',
          commit_id: BASE,
          submitted_at: '2026-11-19T09:08:00Z'
        }
      ]
    },
    comments: {
      7: [
        {
          id: 900,
          user: { login: 'alice', type: 'User' },
          body: 'please review',
          created_at: '2026-11-19T08:00:00Z',
          updated_at: '2026-11-19T08:00:00Z'
        }
      ]
    },
    statuses: {},
    permissions: { alice: 'write', bob: 'maintain', carol: 'triage', acme: 'admin' },
    commitPulls: { [MERGE]: { numbers: [7], emptyTimes: 2 } },
    teams: { 'acme/dba': ['bob'] }
  }
}

let fake: FakeGitHub | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(patch: Partial<FakeState> = {}): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ ...fixture(), ...patch })
  return fake
}

interface Result {
  status: number
  headers: Headers
  body: unknown
}

async function call(
  gh: FakeGitHub,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = TOKEN
): Promise<Result> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' }
  if (auth) headers.authorization = auth
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

// Loose views of response bodies: the contract itself is what the validator checks.
type Obj = Record<string, unknown>
const obj = (x: unknown) => x as Obj
const list = (x: unknown) => x as Obj[]

describe('fake GitHub: read endpoints', () => {
  test('serves the repository, a pull request and its reviews in schema-valid shapes', async () => {
    const gh = await start()
    const repo = await call(gh, 'GET', '/repos/acme/infra')
    expect(repo.status).toBe(200)
    expect(obj(repo.body)).toMatchObject({ full_name: 'acme/infra', default_branch: 'main' })

    const pr = await call(gh, 'GET', '/repos/acme/infra/pulls/7')
    expect(obj(pr.body)).toMatchObject({
      number: 7,
      merged: true,
      merge_commit_sha: MERGE,
      head: { sha: HEAD, repo: { full_name: 'acme/infra', fork: false } },
      base: { ref: 'main' },
      user: { login: 'alice', type: 'User' }
    })
    const fork = await call(gh, 'GET', '/repos/acme/infra/pulls/8')
    expect(obj(fork.body)).toMatchObject({ draft: true, head: { repo: { fork: true } } })

    const reviews = await call(gh, 'GET', '/repos/acme/infra/pulls/7/reviews')
    expect(list(reviews.body).map((r) => [r.id, r.state, obj(r.user)?.login ?? null])).toEqual([
      [1, 'COMMENTED', 'bob'],
      [2, 'APPROVED', 'bob'],
      [3, 'APPROVED', null],
      [4, 'APPROVED', 'renovate[bot]'],
      [5, 'CHANGES_REQUESTED', 'carol']
    ])
    expect(list(reviews.body)[3]).toMatchObject({
      user: { type: 'Bot' },
      author_association: 'NONE'
    })
    expect(list(reviews.body)[1]).toMatchObject({
      commit_id: HEAD,
      author_association: 'COLLABORATOR'
    })

    expect((await call(gh, 'GET', '/repos/acme/infra/pulls/99')).status).toBe(404)
    expect((await call(gh, 'GET', '/repos/other/infra/pulls/7')).status).toBe(404)
    expect(gh.violations).toEqual([])
  })

  test('reports legacy permission next to the role name, and none for strangers', async () => {
    const gh = await start()
    const perm = async (login: string) =>
      obj(
        (
          await call(
            gh,
            'GET',
            `/repos/acme/infra/collaborators/${encodeURIComponent(login)}/permission`
          )
        ).body
      )
    expect(await perm('bob')).toMatchObject({
      permission: 'write',
      role_name: 'maintain',
      user: { login: 'bob' }
    })
    expect(await perm('carol')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await perm('acme')).toMatchObject({
      permission: 'admin',
      user: { permissions: { admin: true } }
    })
    expect(await perm('stranger')).toMatchObject({ permission: 'none', role_name: 'none' })
    expect(await perm('github-actions[bot]')).toMatchObject({
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    expect(gh.violations).toEqual([])
  })

  test('team membership needs an org-capable token', async () => {
    const plain = await start()
    const denied = await call(plain, 'GET', '/orgs/acme/teams/dba/memberships/bob')
    expect(denied.status).toBe(403)
    expect(obj(denied.body).message).toBe('Resource not accessible by integration')
    await plain.close()

    const gh = await start({ tokenCanReadOrg: true })
    const member = await call(gh, 'GET', '/orgs/acme/teams/dba/memberships/bob')
    expect(member.status).toBe(200)
    expect(obj(member.body)).toMatchObject({ role: 'member', state: 'active' })
    expect((await call(gh, 'GET', '/orgs/acme/teams/dba/memberships/alice')).status).toBe(404)
    expect((await call(gh, 'GET', '/orgs/acme/teams/nope/memberships/bob')).status).toBe(404)
    expect(gh.violations).toEqual([])
  })

  test('commit → PR lookups stay empty for emptyTimes calls, as after a fresh merge', async () => {
    const gh = await start()
    const lookup = async () =>
      list((await call(gh, 'GET', `/repos/acme/infra/commits/${MERGE}/pulls`)).body).map(
        (p) => p.number
      )
    expect(await lookup()).toEqual([])
    expect(await lookup()).toEqual([])
    expect(await lookup()).toEqual([7])
    expect(await lookup()).toEqual([7])
    expect(gh.state.commitPulls[MERGE]?.emptyTimes).toBe(0)
    expect(
      list((await call(gh, 'GET', `/repos/acme/infra/commits/${'e'.repeat(40)}/pulls`)).body)
    ).toEqual([])
    expect(gh.violations).toEqual([])
  })
})

describe('fake GitHub: pagination', () => {
  test('pages reviews with per_page/page and a Link header that octokit can follow', async () => {
    const gh = await start()
    const seen: unknown[] = []
    let next: string | undefined = '/repos/acme/infra/pulls/7/reviews?per_page=2'
    const links: (string | null)[] = []
    while (next) {
      const page = await call(gh, 'GET', next)
      seen.push(...list(page.body).map((r) => r.id))
      const link = page.headers.get('link')
      links.push(link)
      const m = link ? /<([^>]+)>; rel="next"/.exec(link) : null
      next = m?.[1]?.slice(gh.url.length)
    }
    expect(seen).toEqual([1, 2, 3, 4, 5])
    expect(links).toHaveLength(3)
    expect(links[0]).toContain(
      `<${gh.url}/repos/acme/infra/pulls/7/reviews?per_page=2&page=3>; rel="last"`
    )
    expect(links[2]).not.toContain('rel="next"')
    expect(links[2]).toContain('rel="prev"')

    // A single page carries no Link header at all.
    const all = await call(gh, 'GET', '/repos/acme/infra/pulls/7/reviews')
    expect(list(all.body)).toHaveLength(5)
    expect(all.headers.get('link')).toBeNull()
    expect(gh.violations).toEqual([])
  })

  test('pages comments and honours since', async () => {
    const gh = await start()
    for (let i = 0; i < 3; i++) {
      await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', { body: `c${i}` })
    }
    const first = await call(gh, 'GET', '/repos/acme/infra/issues/7/comments?per_page=3')
    expect(list(first.body).map((c) => c.body)).toEqual(['please review', 'c0', 'c1'])
    expect(first.headers.get('link')).toContain('page=2>; rel="next"')
    const second = await call(gh, 'GET', '/repos/acme/infra/issues/7/comments?per_page=3&page=2')
    expect(list(second.body).map((c) => c.body)).toEqual(['c2'])
    const since = await call(
      gh,
      'GET',
      '/repos/acme/infra/issues/7/comments?since=2026-11-21T12:00:01Z'
    )
    expect(list(since.body).map((c) => c.body)).toEqual(['c1', 'c2'])
    expect(gh.violations).toEqual([])
  })
})

describe('fake GitHub: writes', () => {
  test('creates and edits comments as github-actions[bot] on the fake clock', async () => {
    const gh = await start()
    const created = await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', {
      body: 'plan-gate: blocked'
    })
    expect(created.status).toBe(201)
    expect(obj(created.body)).toMatchObject({
      id: 1001,
      body: 'plan-gate: blocked',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      created_at: '2026-11-21T12:00:00Z'
    })
    expect(created.headers.get('location')).toBe(`${gh.url}/repos/acme/infra/issues/comments/1001`)
    const second = await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', { body: 'again' })
    expect(obj(second.body).id).toBe(1002)

    const edited = await call(gh, 'PATCH', '/repos/acme/infra/issues/comments/1001', {
      body: 'plan-gate: approved'
    })
    expect(obj(edited.body)).toMatchObject({
      body: 'plan-gate: approved',
      created_at: '2026-11-21T12:00:00Z',
      updated_at: '2026-11-21T12:00:02Z'
    })
    expect(gh.state.comments[7]?.map((c) => c.body)).toEqual([
      'please review',
      'plan-gate: approved',
      'again'
    ])
    expect(
      (await call(gh, 'PATCH', '/repos/acme/infra/issues/comments/1', { body: 'x' })).status
    ).toBe(404)
    expect(gh.violations).toEqual([])
  })

  test('rejects comment bodies over 65536 characters like GitHub', async () => {
    const gh = await start()
    const ok = await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', {
      body: 'x'.repeat(65536)
    })
    expect(ok.status).toBe(201)
    const tooLong = await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', {
      body: 'x'.repeat(65537)
    })
    expect(tooLong.status).toBe(422)
    expect(JSON.stringify(tooLong.body)).toContain('Body is too long (maximum is 65536 characters)')
    expect(gh.violations).toEqual([
      'POST /repos/acme/infra/issues/7/comments: Body is too long (maximum is 65536 characters)'
    ])
  })

  test('appends commit statuses and enforces state, description length and context', async () => {
    const gh = await start()
    const ok = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'pending',
      context: 'plan-gate',
      description: 'Needs a second approver',
      target_url: 'https://example.test/run/1'
    })
    expect(ok.status).toBe(201)
    expect(obj(ok.body)).toMatchObject({
      state: 'pending',
      context: 'plan-gate',
      creator: { login: 'github-actions[bot]' }
    })
    await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'success',
      context: 'plan-gate'
    })
    expect(gh.state.statuses[HEAD]?.map((s) => [s.state, s.description])).toEqual([
      ['pending', 'Needs a second approver'],
      ['success', null]
    ])
    expect(gh.violations).toEqual([])

    const badState = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'ok',
      context: 'plan-gate'
    })
    expect(badState.status).toBe(422)
    expect(gh.violations).toHaveLength(1)
    expect(gh.violations[0]).toMatch(
      /^POST \/repos\/acme\/infra\/statuses\/a+: request body \/state must be equal to one of the allowed values/
    )

    const long = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'failure',
      context: 'plan-gate',
      description: 'd'.repeat(141)
    })
    expect(long.status).toBe(422)
    expect(gh.violations[1]).toContain('description is too long (maximum is 140 characters)')
    const blank = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'failure',
      context: ' '
    })
    expect(blank.status).toBe(422)
    expect(gh.state.statuses[HEAD]).toHaveLength(2)
  })

  test('a read-only token (fork PR) gets 403 on every write', async () => {
    const gh = await start({ readOnlyToken: true })
    const status = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'success',
      context: 'plan-gate'
    })
    expect(status.status).toBe(403)
    expect(obj(status.body).message).toBe('Resource not accessible by integration')
    expect(
      (await call(gh, 'POST', '/repos/acme/infra/issues/8/comments', { body: 'hi' })).status
    ).toBe(403)
    expect((await call(gh, 'GET', '/repos/acme/infra/pulls/8')).status).toBe(200)
    expect(gh.state.statuses).toEqual({})
    expect(gh.violations).toEqual([])
    // Permission is answered first, but a malformed write is still the client's bug.
    const bad = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, { state: 'ok' })
    expect(bad.status).toBe(403)
    expect(gh.violations).toHaveLength(1)
  })
})

describe('fake GitHub: auth, faults and the request log', () => {
  test('requires a token, accepts token and Bearer, and records the header', async () => {
    const gh = await start()
    expect((await call(gh, 'GET', '/repos/acme/infra', undefined, null)).status).toBe(401)
    expect((await call(gh, 'GET', '/repos/acme/infra', undefined, 'Bearer ghs_other')).status).toBe(
      200
    )
    expect(gh.requests.map((r) => [r.status, r.auth, r.operationId])).toEqual([
      [401, undefined, 'repos/get'],
      [200, 'Bearer ghs_other', 'repos/get']
    ])
    expect(gh.violations).toEqual([
      'GET /repos/acme/infra: no "authorization: token …" or "Bearer …" header'
    ])
  })

  test('records method, path, query and body of each request', async () => {
    const gh = await start()
    await call(gh, 'GET', '/repos/acme/infra/pulls/7/reviews?per_page=100&page=1')
    await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', { body: 'hello' })
    expect(gh.requests).toEqual([
      {
        method: 'GET',
        path: '/repos/acme/infra/pulls/7/reviews',
        query: { per_page: '100', page: '1' },
        body: undefined,
        status: 200,
        auth: TOKEN,
        operationId: 'pulls/list-reviews'
      },
      {
        method: 'POST',
        path: '/repos/acme/infra/issues/7/comments',
        query: {},
        body: { body: 'hello' },
        status: 201,
        auth: TOKEN,
        operationId: 'issues/create-comment'
      }
    ])
  })

  test('injected faults fail the next matching requests, then the real answer returns', async () => {
    const gh = await start()
    gh.faults.push({ method: 'GET', path: /\/reviews$/, status: 500, times: 2 })
    gh.faults.push({ path: /\/statuses\//, status: 403, times: 1 })
    const statuses = async () => {
      const r = await call(gh, 'GET', '/repos/acme/infra/pulls/7/reviews')
      return r.status
    }
    // Unmatched requests pass through untouched while faults wait.
    expect((await call(gh, 'GET', '/repos/acme/infra/pulls/7')).status).toBe(200)
    expect([await statuses(), await statuses(), await statuses()]).toEqual([500, 500, 200])

    const denied = await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, {
      state: 'success'
    })
    expect(denied.status).toBe(403)
    expect(obj(denied.body).message).toBe('Resource not accessible by integration')
    expect(
      (await call(gh, 'POST', `/repos/acme/infra/statuses/${HEAD}`, { state: 'success' })).status
    ).toBe(201)
    expect(gh.faults).toEqual([])
    expect(gh.violations).toEqual([])
  })

  test('429 carries headers that let octokit retry at once', async () => {
    const gh = await start()
    gh.faults.push({ status: 429, times: 1 })
    gh.faults.push({ status: 502, times: 1, message: 'Bad gateway', headers: { 'x-extra': '1' } })
    const limited = await call(gh, 'GET', '/repos/acme/infra')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('0')
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeLessThanOrEqual(Date.now() / 1000)
    expect(obj(limited.body).message).not.toMatch(/secondary rate/i)
    const bad = await call(gh, 'GET', '/repos/acme/infra')
    expect([bad.status, obj(bad.body).message, bad.headers.get('x-extra')]).toEqual([
      502,
      'Bad gateway',
      '1'
    ])
    expect((await call(gh, 'GET', '/repos/acme/infra')).status).toBe(200)
    expect(gh.violations).toEqual([])
  })

  test('octokit (as bundled by the action) paginates and survives 429 and 500 quickly', async () => {
    const gh = await start()
    const { getOctokit } = await import('@actions/github')
    const { throttling } = await import('@octokit/plugin-throttling')
    const { retry } = await import('@octokit/plugin-retry')
    const octokit = getOctokit(
      'ghs_fake',
      {
        baseUrl: gh.url,
        throttle: { onRateLimit: () => true, onSecondaryRateLimit: () => true },
        // plugin-retry waits retryCount² × this base (1 s by default) before retrying a 500.
        retry: { retryAfterBaseValue: 1 }
      },
      throttling,
      retry
    )
    gh.faults.push({ path: /\/reviews$/, status: 429, times: 1 })
    gh.faults.push({ path: /\/reviews$/, status: 500, times: 1 })
    const began = Date.now()
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
      owner: 'acme',
      repo: 'infra',
      pull_number: 7,
      per_page: 2
    })
    expect(reviews.map((r) => r.id)).toEqual([1, 2, 3, 4, 5])
    expect(Date.now() - began).toBeLessThan(5000)
    expect(gh.requests.map((r) => r.status)).toEqual([429, 500, 200, 200, 200])
    expect(gh.requests.every((r) => r.auth === 'token ghs_fake')).toBe(true)
    expect(gh.violations).toEqual([])
  })

  test('operations outside the vendored subset are 404s and violations', async () => {
    const gh = await start()
    const r = await call(gh, 'GET', '/repos/acme/infra/pulls/7/requested_reviewers')
    expect(r.status).toBe(404)
    expect(gh.violations).toEqual([
      'operation not in the vendored subset: GET /repos/acme/infra/pulls/7/requested_reviewers'
    ])
  })
})

describe('OpenAPI validator', () => {
  const validator = createValidator()

  test('every response the fake sent validates again from the outside', async () => {
    const gh = await start({ tokenCanReadOrg: true })
    const paths = [
      '/repos/acme/infra',
      '/repos/acme/infra/pulls/7',
      '/repos/acme/infra/pulls/8',
      '/repos/acme/infra/pulls/7/reviews',
      '/repos/acme/infra/issues/7/comments',
      '/repos/acme/infra/collaborators/bob/permission',
      `/repos/acme/infra/commits/${MERGE}/pulls`,
      '/orgs/acme/teams/dba/memberships/bob',
      '/orgs/acme/teams/dba/memberships/alice'
    ]
    for (const path of paths) {
      const r = await call(gh, 'GET', path)
      expect({ path, errors: validator.validateResponse('GET', path, r.status, r.body) }).toEqual({
        path,
        errors: []
      })
    }
    const created = await call(gh, 'POST', '/repos/acme/infra/issues/7/comments', { body: 'x' })
    expect(
      validator.validateResponse('POST', '/repos/acme/infra/issues/7/comments', 201, created.body)
    ).toEqual([])
    expect(gh.violations).toEqual([])
  })

  test('rejects a broken reviews payload, so the contract check can fail', async () => {
    const gh = await start()
    const good = list((await call(gh, 'GET', '/repos/acme/infra/pulls/7/reviews')).body)
    const path = '/repos/acme/infra/pulls/7/reviews'
    expect(validator.validateResponse('GET', path, 200, good)).toEqual([])

    const { user: _user, ...noUser } = good[0] ?? {}
    const broken = [noUser, { ...good[1], id: '2' }]
    const errors = validator.validateResponse('GET', path, 200, broken)
    expect(errors).toContain("response body /0 must have required property 'user'")
    expect(errors).toContain('response body /1/id must be integer')
  })

  test('checks request bodies, parameters, statuses and unknown operations', () => {
    const path = `/repos/acme/infra/statuses/${HEAD}`
    expect(
      validator.validateRequest('POST', path, { state: 'success', context: 'plan-gate' })
    ).toEqual([])
    expect(validator.validateRequest('POST', path, { context: 'plan-gate' })).toEqual([
      "request body / must have required property 'state'"
    ])
    expect(validator.validateRequest('POST', path, undefined)).toEqual([
      'repos/create-commit-status requires a request body'
    ])
    expect(validator.validateRequest('GET', '/repos/o/r/pulls/seven', undefined)).toEqual([
      'path parameter pull_number must be integer: seven'
    ])
    expect(
      validator.validateRequest('GET', '/repos/o/r/pulls/7/reviews?per_page=x', undefined)
    ).toEqual(['query parameter per_page must be integer: x'])
    expect(validator.validateResponse('GET', '/repos/o/r/pulls/7', 204, undefined)).toEqual([
      'status 204 is not declared for pulls/get'
    ])
    // Undeclared error statuses still have to look like GitHub's error body.
    expect(validator.validateResponse('GET', '/repos/o/r/pulls/7', 429, { message: 1 })).toEqual([
      'response body /message must be string'
    ])
    expect(validator.validateRequest('GET', '/x', undefined)).toEqual([
      'operation not in the vendored subset: GET /x'
    ])
    expect(
      validator.match('get', '/repos/o/r/collaborators/github-actions%5Bbot%5D/permission')
    ).toEqual({
      method: 'GET',
      template: '/repos/{owner}/{repo}/collaborators/{username}/permission',
      operationId: 'repos/get-collaborator-permission-level',
      params: { owner: 'o', repo: 'r', username: 'github-actions[bot]' }
    })
  })
})
