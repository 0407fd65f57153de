/**
 * What a change touches besides its plan, read from GitHub: the files a pull request changes
 * (paginated; past GitHub's 3000-file listing limit plan-gate fails closed) and the policy texts
 * before and after it. The findings themselves are built by src/policy/change-findings.ts.
 */
import {
  changedKeys,
  changeFacts,
  NO_CHANGE_FACTS,
  type ChangeFacts
} from '../policy/change-findings.js'
import type { Policy } from '../policy/config.js'
import { watchedPolicyPaths } from './policy-source.js'
import { GitHubError, PULL_FILES_LIMIT, type GitHubPort, type PullRequest } from './port.js'

/** The change findings of a pull request, judged with the base policy's protected paths. */
export async function pullChangeFacts(
  port: GitHubPort,
  pull: Pick<PullRequest, 'number' | 'headSha' | 'baseSha' | 'changedFiles'>,
  config: string | undefined,
  base: Policy
): Promise<ChangeFacts> {
  const files = await port.listPullFiles(pull.number)
  if (files.length >= PULL_FILES_LIMIT || (pull.changedFiles ?? 0) > files.length)
    throw new GitHubError(
      'invalid',
      'list the files of the pull request',
      `PR #${pull.number} changes ${Math.max(pull.changedFiles ?? 0, files.length)} files; GitHub lists at most ${PULL_FILES_LIMIT}, so plan-gate cannot tell whether it changes the gate's own files: split the PR`
    )
  const policyPaths = watchedPolicyPaths(config)
  const keys = new Map<string, readonly string[]>()
  for (const file of files) {
    const path = [file.filename, file.previousFilename].find(
      (p) => p !== undefined && policyPaths.includes(p)
    )
    if (path === undefined || keys.has(path)) continue
    const before =
      pull.baseSha === undefined ? undefined : await port.getFileText(path, pull.baseSha)
    const after =
      file.status === 'removed' ? undefined : await port.getFileText(file.filename, pull.headSha)
    keys.set(path, changedKeys(before, after))
  }
  return changeFacts({
    files,
    policyPaths,
    protectedPaths: base.approvals.protectedPaths,
    keys
  })
}

/**
 * The policy change of a push, from the policy texts at `before` and `after`: a direct push has
 * no pull request to list its files, and only the policy decides what the push itself may do.
 */
export async function pushPolicyFacts(
  port: GitHubPort,
  before: string,
  after: string,
  config: string | undefined
): Promise<ChangeFacts> {
  const files = []
  const keys = new Map<string, readonly string[]>()
  for (const path of watchedPolicyPaths(config)) {
    const a = await port.getFileText(path, before)
    const b = await port.getFileText(path, after)
    if (a === b) continue
    const status = a === undefined ? 'added' : b === undefined ? 'removed' : 'modified'
    files.push({ filename: path, status, sha: '' })
    keys.set(path, changedKeys(a, b))
  }
  if (files.length === 0) return NO_CHANGE_FACTS
  return changeFacts({ files, policyPaths: watchedPolicyPaths(config), protectedPaths: [], keys })
}
