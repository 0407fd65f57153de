import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { groupFindings, shortenAddress, shortenMiddle, wrap } from '../../src/report/group.js'
import type { ReportedFinding } from '../../src/report/types.js'
import { LARGE_REPORT } from './sample-reports.js'

const width = (s: string): number => [...s].length

describe('groupFindings', () => {
  test('groups by decision, rule, type and reason, keeping order and every finding', () => {
    const groups = groupFindings(LARGE_REPORT.findings)
    expect(groups.map((g) => [g.ruleId, g.findings.length])).toEqual([
      ['PG-AWS-001', 108],
      ['PG-AWS-003', 12],
      ['PG-0004', 180]
    ])
  })

  test('property: a partition of the findings in which members agree on the key', () => {
    const finding = fc.record({
      ruleId: fc.constantFrom('PG-1', 'PG-2'),
      type: fc.constantFrom('a', 'b'),
      reason: fc.constantFrom('x', 'y'),
      decision: fc.constantFrom('blocked', 'approval-required', 'warn'),
      address: fc.string()
    })
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (list) => {
        const findings = list as unknown as ReportedFinding[]
        const groups = groupFindings(findings)
        expect(groups.flatMap((g) => g.findings).length).toBe(findings.length)
        for (const g of groups) {
          for (const f of g.findings) {
            expect([f.decision, f.ruleId, f.type, f.reason]).toEqual([
              g.decision,
              g.ruleId,
              g.type,
              g.reason
            ])
          }
        }
        const keys = groups.map((g) => JSON.stringify([g.decision, g.ruleId, g.type, g.reason]))
        expect(new Set(keys).size).toBe(keys.length)
      })
    )
  })
})

describe('shortening', () => {
  test('property: never longer than max, unchanged when it fits, keeps both ends', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 2, max: 80 }),
        (text, max) => {
          const short = shortenMiddle(text, max)
          expect(width(short)).toBeLessThanOrEqual(Math.max(max, 0))
          if (width(text) <= max) expect(short).toBe(text)
          else {
            const [head] = short.split('…')
            expect(text.startsWith(head ?? '')).toBe(true)
          }
          const address = shortenAddress(text, max)
          expect(width(address)).toBeLessThanOrEqual(max)
        }
      )
    )
  })

  test('keeps the resource of a long module address whole', () => {
    const address = `module.tenants["${'k'.repeat(200)}"].module.db.aws_db_instance.this[0]`
    expect(shortenAddress(address, 44)).toBe('module.tenants["kkkk…aws_db_instance.this[0]')
  })
})

describe('wrap', () => {
  test('property: lines within the width, words kept in order, hanging indent', () => {
    const word = fc.string({ minLength: 1, maxLength: 30 }).filter((w) => !/\s/.test(w))
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.integer({ min: 20, max: 120 }),
        (words, w) => {
          const lines = wrap(words.join(' '), w, '  TAG  ', '       ')
          for (const line of lines) expect(width(line)).toBeLessThanOrEqual(w)
          lines.slice(1).forEach((line) => expect(line.startsWith('       ')).toBe(true))
          const rejoined = lines.map((l, i) => (i === 0 ? l.slice(7) : l.slice(7))).join('')
          expect(rejoined.replace(/ /g, '')).toBe(words.join(''))
        }
      )
    )
  })
})
