import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { compileGlob, GlobError, matchAny, matchGlob, NAME } from '../../src/common/glob.js'

describe('the one glob', () => {
  const cases: [glob: string, text: string, matches: boolean][] = [
    // `?` is one character, in environments as everywhere else.
    ['eu-west-?', 'eu-west-1', true],
    ['eu-west-?', 'eu-west-10', false],
    ['eu-west-?', 'eu-central-1', false],
    // `*` never crosses `/`; `**` does.
    ['stacks/*/plan.json', 'stacks/app/plan.json', true],
    ['stacks/*/plan.json', 'stacks/a/b/plan.json', false],
    ['stacks/**/plan.json', 'stacks/a/b/plan.json', true],
    ['stacks/**/plan.json', 'stacks/plan.json', true],
    ['envs/prod/**', 'envs/prod/eu/plan.json', true],
    ['envs/prod/**', 'envs/production/plan.json', false],
    // Types and addresses.
    ['aws_db_*', 'aws_db_instance', true],
    ['aws_db_*', 'aws_dynamodb_table', false],
    ['*.orders', 'aws_db_instance.orders', true],
    ['module.db.*', 'module.db.aws_db_instance.main', true],
    // A class is a class; escape brackets to match an index literally.
    ['aws_instance.web\\[0\\]', 'aws_instance.web[0]', true],
    ['aws_instance.web[01]', 'aws_instance.web1', true],
    ['acme-[!p]rod', 'acme-prod', false],
    ['acme-[!p]rod', 'acme-xrod', true],
    ['{prod,staging}-*', 'staging-eu', true],
    // Dots are literal, and dotted names are ordinary names.
    ['acme.prod', 'acme-prod', false],
    ['*/plan.json', '.terraform/plan.json', true],
    // A leading ! or # is part of the pattern, never a negation or a comment.
    ['!aws_db_instance', 'aws_s3_bucket', false],
    ['#x', '#x', true],
    // Case matters unless asked otherwise.
    ['Prod-*', 'prod-1', false]
  ]

  test.each(cases)('%s on %s → %s', (glob, text, matches) => {
    expect(matchGlob(glob, text)).toBe(matches)
  })

  test('names are not paths: a / inside a for_each key is an ordinary character', () => {
    const address = 'module.db.aws_s3_bucket.b["a/b"]'
    expect(matchGlob('module.db.*', address, NAME)).toBe(true)
    expect(matchGlob('module.db.aws_s3_bucket.b\\["a/?"\\]', address, NAME)).toBe(true)
    expect(matchGlob('module.other.*', address, NAME)).toBe(false)
    // As a path, the same glob stops at the slash.
    expect(matchGlob('module.db.*', address)).toBe(false)
  })

  test('nocase, for logins and Azure ids', () => {
    expect(matchGlob('Copilot*', 'copilot-swe-agent', { nocase: true })).toBe(true)
    expect(matchGlob('Copilot*', 'copilot-swe-agent')).toBe(false)
    expect(matchAny(['a', 'B*'], 'bee', { nocase: true })).toBe(true)
    expect(matchAny([], 'anything')).toBe(false)
  })

  test('bad globs are errors with the problem, never a pattern that silently never matches', () => {
    expect(() => compileGlob('aws_[s3')).toThrow(new GlobError('unclosed "[" at position 5'))
    expect(() => compileGlob('')).toThrow(GlobError)
    // An escaped bracket is not a class.
    expect(matchGlob('a\\[b', 'a[b')).toBe(true)
  })

  test('a pattern without glob characters matches exactly itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_.-]{1,20}$/), fc.string(), (name, other) => {
        expect(matchGlob(name, name)).toBe(true)
        if (other !== name) expect(matchGlob(name, other)).toBe(false)
      })
    )
  })

  test('* takes any name without a slash; never one with a slash', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9_.-]{0,12}$/),
        fc.stringMatching(/^[a-z0-9_-]{1,12}$/),
        (a, b) => {
          expect(matchGlob('x-*', `x-${a}`)).toBe(true)
          expect(matchGlob('x-*', `x-${a}/${b}`)).toBe(false)
          expect(matchGlob('x-*/**', `x-${a}/${b}`)).toBe(true)
          expect(matchGlob('x-*', `x-${a}/${b}`, NAME)).toBe(true)
        }
      )
    )
  })
})
