import { describe, expect, test } from '@jest/globals'
import { CATEGORIES } from '../../src/catalog/types.js'
import { allRules } from '../../src/rules/registry.js'
import { renderRuleDoc } from '../../src/report/rules.js'
import { article, withArticle } from '../../src/rules/article.js'

describe('article', () => {
  test.each([
    ['object storage', 'an'],
    ['encryption key', 'an'],
    ['identity store', 'an'],
    ['account, project or subscription', 'an'],
    ['database', 'a'],
    ['DNS zone', 'a'],
    ['Kubernetes cluster or namespace', 'a'],
    ['S3 bucket', 'an'],
    ['RDS instance', 'an'],
    ['URL', 'a'],
    ['unique key', 'a'],
    ['user pool', 'a'],
    ['hour', 'an'],
    ['one-off', 'a'],
    ['Terraform state storage', 'a'],
    ['"quoted" name', 'a'],
    ['8 GB volume', 'an'],
    ['', 'a']
  ])('%s takes "%s"', (phrase, expected) => {
    expect(article(phrase)).toBe(expected)
  })

  test('every category label gets the right article', () => {
    const an = Object.values(CATEGORIES)
      .map((c) => withArticle(c.label))
      .filter((text) => text.startsWith('an '))
    expect(an.sort()).toEqual([
      'an account, project or subscription',
      'an encryption key',
      'an identity store',
      'an object storage'
    ])
  })

  test('no rule text or generated rule doc says "a" before a vowel sound', () => {
    const bad =
      /\ba (?:object|encryption|identity|account|index|instance|event|archive|elastic|image|o[a-z]+)\b/
    for (const rule of allRules()) {
      const texts = [rule.title, rule.description, rule.remediation, renderRuleDoc(rule)]
      for (const text of texts) expect(text).not.toMatch(bad)
    }
  })
})
