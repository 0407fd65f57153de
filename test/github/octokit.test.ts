/** Octokit failures → actionable GitHubErrors that never carry the response body. */
import { describe, expect, test } from '@jest/globals'
import { toGitHubError } from '../../src/github/octokit.js'
import { isForbidden } from '../../src/github/port.js'

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
