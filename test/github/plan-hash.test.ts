/** plan-sha256: hashed before and after gating; a file that changed in between is named. */
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { changedPlan, formatPlanHashes, hashPlans } from '../../src/github/plan-hash.js'

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

describe('plan hashes', () => {
  test('a file rewritten between the two readings is named; an unchanged one is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-hash-'))
    writeFileSync(join(dir, 'a.tfplan'), '')
    writeFileSync(join(dir, 'b.json'), '{}')
    const files = ['a.tfplan', 'b.json']
    const before = await hashPlans(files, dir)
    expect(before.get('a.tfplan')).toBe(EMPTY)
    expect(changedPlan(files, before, await hashPlans(files, dir))).toBeUndefined()
    writeFileSync(join(dir, 'b.json'), '{"swapped":true}')
    expect(changedPlan(files, before, await hashPlans(files, dir))).toBe('b.json')
  })

  test('a file that could not be read before counts as changed (never an unhashed pass)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-gate-hash-'))
    const before = await hashPlans(['late.json'], dir)
    writeFileSync(join(dir, 'late.json'), '{}')
    expect(changedPlan(['late.json'], before, await hashPlans(['late.json'], dir))).toBe(
      'late.json'
    )
  })

  test('one file: the bare hash; several: sha256sum lines; none: unset', () => {
    expect(formatPlanHashes(new Map([['a', 'x']]))).toBe('x')
    expect(
      formatPlanHashes(
        new Map([
          ['a', 'x'],
          ['b c', 'y']
        ])
      )
    ).toBe('x  a\ny  b c')
    expect(formatPlanHashes(new Map())).toBeUndefined()
  })
})
