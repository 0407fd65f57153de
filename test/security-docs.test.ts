// docs/security.md: every statement about GitHub's behaviour links to GitHub's documentation, and
// the README links to it.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './helpers.js'

const text = readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8')
const withoutCode = text.replace(/```[\s\S]*?```/g, '')
const definitions = new Map(
  [...text.matchAll(/^\[([^\]]+)\]: (\S+)$/gm)].map((m) => [m[1] as string, m[2] as string])
)

describe('docs/security.md', () => {
  test('every reference link is defined and points to GitHub documentation', () => {
    const used = [...withoutCode.matchAll(/\]\[([^\]]+)\]/g)].map((m) => m[1] as string)
    expect(used.length).toBeGreaterThan(10)
    for (const ref of used) expect([ref, definitions.has(ref)]).toEqual([ref, true])
    for (const [ref, url] of definitions)
      expect([ref, url]).toEqual([
        ref,
        expect.stringMatching(/^https:\/\/(docs\.github\.com\/|github\.com\/actions\/)/)
      ])
  })

  test('every paragraph that says what GitHub does links to its documentation', () => {
    const paragraphs = withoutCode
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => !p.startsWith('#') && !/^\[[^\]]+\]: /.test(p))
    const claims = paragraphs.filter((p) =>
      /\bGitHub\b (reads|uses|gives|lets|says|documents)|GitHub's|\bruleset\b|\bOIDC\b|re-run/.test(
        p
      )
    )
    expect(claims.length).toBeGreaterThan(5)
    const unlinked = claims.filter((p) => !/\]\[[^\]]+\]|\]\(https:\/\/docs\.github\.com/.test(p))
    expect(unlinked).toEqual([])
  })

  test('covers the threat model and each required setting', () => {
    for (const heading of [
      '## Who we defend against',
      '## What plan-gate guarantees on its own',
      '### 1. Code owners for the gate',
      '### 2. A ruleset on the default branch',
      '#### Statuses on the test merge commit',
      '### 3. Optional: require the plan-gate workflow from a central repository',
      '### 4. Apply in a protected deployment environment',
      '### 5. Cloud credentials',
      '### 6. Fork pull requests',
      '## plan-gate doctor'
    ])
      expect(text).toContain(heading)
    expect(text).toContain('persist-credentials: false')
    expect(text).toContain('repo:<owner>/<repo>:environment:<name>')
  })

  test('the README keeps a short version and links to it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(readme).toContain('### Security setup')
    expect(readme).toContain('(docs/security.md)')
  })
})
