/**
 * The gate state is trusted only when plan-gate itself wrote it: the sticky comment must be by
 * plan-gate's account (`gate-account`), and GitHub's GraphQL edit history (`author`, `editor`,
 * `userContentEdits`) must name nobody else. Works with a plain GITHUB_TOKEN. A comment edited by
 * anyone else is rejected, with the editor's name, and never turns into a pass.
 */
import type { Problem } from './gate-flow.js'
import type { IssueComment } from './port.js'
import type { RunContext } from './run.js'
import { isAccount, stickyCandidates, type ParsedComment } from './state.js'

export interface Sticky {
  readonly id: number
  readonly parsed: ParsedComment
  readonly comment: IssueComment
}

export interface StickyRead {
  /** plan-gate's comment whose history is clean (its state may still be outdated). */
  readonly sticky?: Sticky
  /** Why no state can be used; absent when `sticky` holds a current state or there is none. */
  readonly rejected?: { readonly kind: 'edited' | 'outdated'; readonly problem: Problem }
}

/**
 * plan-gate's sticky comment among `comments`: the oldest whose edit history names only
 * plan-gate. When every candidate was edited by someone else, the oldest one's editor is named.
 */
export async function readSticky(
  ctx: RunContext,
  comments: readonly IssueComment[]
): Promise<StickyRead> {
  const account = ctx.settings.gateAccount
  let firstTaint: string | undefined
  for (const candidate of stickyCandidates(comments, ctx.settings.statusContext, account)) {
    const taint = await taintOf(ctx, candidate.comment, account)
    if (taint !== undefined) {
      firstTaint ??= `comment ${candidate.id}: ${taint}`
      continue
    }
    if (candidate.parsed.outdated !== undefined)
      return {
        sticky: candidate,
        rejected: {
          kind: 'outdated',
          problem: {
            kind: 'error',
            reason: `the gate state was written by an older plan-gate (state v${candidate.parsed.outdated}, whose fingerprints name addresses, not objects): re-run the PR's pull_request workflow to evaluate the plan again`
          }
        }
      }
    return { sticky: candidate }
  }
  if (firstTaint === undefined) return {}
  return {
    rejected: {
      kind: 'edited',
      problem: {
        kind: 'error',
        reason: `the gate comment was tampered with (${firstTaint}), so its state is not trusted: re-run the PR's pull_request workflow`
      }
    }
  }
}

/** Why a comment's history shows someone other than plan-gate; undefined when it does not. */
async function taintOf(
  ctx: RunContext,
  comment: IssueComment,
  account: string
): Promise<string | undefined> {
  if (comment.nodeId === undefined) return 'GitHub gave no node id to check its edits'
  const history = await ctx.port.getCommentHistory(comment.nodeId)
  if (history.author === null || !isAccount(history.author, account))
    return `not written by ${account}`
  const editor = history.editors.find((e) => !isAccount(e, account))
  if (editor !== undefined) return `edited by ${editor.login}`
  if (history.edits > history.listedEdits) return `more edits (${history.edits}) than GitHub lists`
  if (history.body !== comment.body) return 'changed while plan-gate read it'
  return undefined
}
