/** Octokit failures → actionable GitHubErrors that never carry the response body. */
import { afterEach, describe, expect, test } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createOctokitPort,
  networkFailure,
  toGitHubError,
  type OctokitOptions
} from '../../src/github/octokit.js'
import { GitHubError, isForbidden } from '../../src/github/port.js'

const API = 'https://api.github.com'

function requestError(status: number, body = 'echoed body: hunter2') {
  return Object.assign(new Error(`${body} - https://docs.github.com/rest`), {
    status,
    response: { headers: { 'x-github-request-id': 'ABCD:1234' }, data: { message: body } }
  })
}

describe('toGitHubError', () => {
  test.each([
    [
      'create the commit status',
      403,
      'could not create the commit status: GitHub answered 403: grant `statuses: write` to the workflow token (`permissions:`) (request id ABCD:1234)'
    ],
    [
      'create the PR comment',
      403,
      'could not create the PR comment: GitHub answered 403: grant `pull-requests: write` to the workflow token (`permissions:`) (request id ABCD:1234)'
    ],
    [
      'read team membership',
      403,
      'could not read team membership: GitHub answered 403: a GITHUB_TOKEN cannot read org teams: pass a GitHub App token with Members: read or a PAT with read:org as `github-token` (request id ABCD:1234)'
    ],
    [
      'list the reviews',
      401,
      'could not list the reviews: GitHub answered 401: the token is invalid or expired (request id ABCD:1234)'
    ],
    [
      'read the pull request',
      404,
      'could not read the pull request: GitHub answered 404: check the repository and pull request, and that the token can read them (request id ABCD:1234)'
    ],
    [
      'list the reviews',
      503,
      'could not list the reviews: GitHub answered 503 after retries; re-run the job later (request id ABCD:1234)'
    ],
    [
      'list the reviews',
      429,
      'could not list the reviews: GitHub rate limit still exceeded after retries (request id ABCD:1234)'
    ],
    [
      'update the PR comment',
      422,
      'could not update the PR comment: GitHub answered 422 (validation failed) (request id ABCD:1234)'
    ]
  ])('%s, %d', (operation, status, message) => {
    const error = toGitHubError(operation, requestError(status), API)
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('hunter2')
    expect(error.status).toBe(status)
    expect(isForbidden(error)).toBe(status === 403)
  })

  test('no status: the API could not be reached', () => {
    const error = toGitHubError('list the reviews', new TypeError('fetch failed'), API)
    expect(error).toMatchObject({ kind: 'network' })
    expect(error.message).toBe(
      "could not list the reviews: GitHub's API at https://api.github.com could not be reached"
    )
  })
})

describe('the port over the network', () => {
  const servers: Server[] = []
  afterEach(async () => {
    for (const s of servers) s.closeAllConnections()
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
  })

  async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    const server = createServer(handler)
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  function port(baseUrl: string, extra: Partial<OctokitOptions> = {}) {
    // A minute between retries: were a failure retried, the test would time out.
    return createOctokitPort({
      token: 'ghs_test',
      baseUrl,
      owner: 'acme',
      repo: 'infra',
      retryBaseMs: 60_000,
      ...extra
    })
  }

  test('a refused connection says so, at once (a closed loopback port)', async () => {
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    await new Promise((r) => server.close(r))
    const error = await port(url)
      .getPull(7)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubError)
    expect(error).toMatchObject({ kind: 'network', status: undefined })
    expect((error as Error).message).toBe(
      `could not read the pull request: the connection to ${new URL(url).host} was refused (ECONNREFUSED); check GITHUB_API_URL and the runner's network`
    )
  })

  test('a failed DNS lookup says so, at once', async () => {
    const error = await port('https://api.plan-gate.invalid')
      .listReviews(7)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network' })
    expect((error as Error).message).toMatch(
      /^could not list the reviews: the DNS lookup of api\.plan-gate\.invalid failed \((ENOTFOUND|EAI_AGAIN)\); check GITHUB_API_URL/
    )
  })

  test('a server that never answers: each attempt times out, is retried, then reported', async () => {
    let requests = 0
    const url = await listen(() => {
      requests++ // accepted, never answered
    })
    const error = await port(url, { requestTimeoutMs: 200, retryBaseMs: 1 })
      .createComment(7, 'body')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network' })
    expect((error as Error).message).toBe(
      `could not create the PR comment: ${new URL(url).host} did not answer within 0.2 s, also when retried; re-run the job later`
    )
    expect(requests).toBe(4) // the first attempt and plugin-retry's three
  })

  test('a real 502 is still retried and reported with its status', async () => {
    let requests = 0
    const url = await listen((_req, res) => {
      requests++
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"message":"hunter2"}')
    })
    const error = await port(url, { retryBaseMs: 1 })
      .getPull(7)
      .catch((e: unknown) => e)
    expect((error as Error).message).toBe(
      'could not read the pull request: GitHub answered 502 after retries; re-run the job later'
    )
    expect(requests).toBe(4)
  })

  test('an answer within the time limit comes through the proxy-aware fetch', async () => {
    const url = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          number: 7,
          state: 'open',
          user: { login: 'alice', type: 'User' },
          head: { sha: 'a'.repeat(40), repo: { full_name: 'acme/infra' } },
          base: { ref: 'main' },
          merged_at: null,
          merge_commit_sha: null
        })
      )
    })
    expect(await port(url, { requestTimeoutMs: 5_000 }).getPull(7)).toMatchObject({ number: 7 })
  })
})

describe('networkFailure', () => {
  test.each([
    [
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      'ECONNREFUSED'
    ],
    [
      Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }]), {})
      }),
      'ECONNREFUSED'
    ],
    [Object.assign(new Error('x'), { cause: new DOMException('t', 'TimeoutError') }), 'TIMEOUT'],
    [Object.assign(new Error('GitHub said no'), { status: 500 }), undefined]
  ])('%#', (error, code) => {
    expect(networkFailure(error)?.code).toBe(code)
  })
})
