/**
 * Every real plan output in ../shared/fixtures/real goes through the CLI in every format: plans
 * exit 0 or 1 (never 2), and no attribute value from any of them appears in any output.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { cli, fixture, HAS_REAL, PLANTED_SECRET, REAL, realFiles } from './helpers.js'
import { REPORT_FORMATS } from '../src/report/index.js'

/** Every registered format: a new renderer is leak-tested on every real plan by itself. */
const FORMATS = REPORT_FORMATS

/** Decodes a fixture whatever its encoding (one is UTF-16LE with a BOM). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  const text = bytes.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function parseAll(text: string): unknown[] {
  try {
    return [JSON.parse(text)]
  } catch {
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown)
  }
}

/** Keys whose string values are structure (addresses, types…), which reports may show. */
const STRUCTURAL_KEYS = new Set([
  'address',
  'previous_address',
  'module_address',
  'mode',
  'type',
  'name',
  'index',
  'provider_name',
  'action_reason',
  'actions',
  'format_version',
  'terraform_version',
  'addr',
  'module',
  'resource',
  'resource_type',
  'resource_name',
  'resource_key',
  'implied_provider',
  'action',
  'reason',
  'ui',
  'terraform',
  '@module',
  '@level',
  'deposed',
  'operation'
])

/** Keys whose contents are attribute values (possibly secrets). */
const VALUE_KEYS = new Set([
  'before',
  'after',
  'values',
  'value',
  'variables',
  'constant_value',
  'default',
  'outputs',
  'id_value',
  'detail',
  'summary',
  'snippet',
  'importing',
  'generated_config',
  '@message'
])

function collect(
  node: unknown,
  inValue: boolean,
  values: Set<string>,
  structural: Set<string>
): void {
  if (typeof node === 'string') {
    if (inValue) values.add(node)
    return
  }
  if (Array.isArray(node)) {
    for (const item of node) collect(item, inValue, values, structural)
    return
  }
  if (typeof node !== 'object' || node === null) return
  for (const [key, child] of Object.entries(node)) {
    if (!inValue && STRUCTURAL_KEYS.has(key)) {
      collect(child, true, structural, new Set())
      continue
    }
    collect(child, inValue || VALUE_KEYS.has(key), values, structural)
  }
}

/** Value strings that would be a leak if printed: long enough to be specific, not structure. */
function leakCandidates(file: string): string[] {
  const values = new Set<string>()
  const structural = new Set<string>()
  for (const doc of parseAll(decode(readFileSync(file)))) collect(doc, false, values, structural)
  return [...values].filter(
    (v) =>
      v.length >= 6 &&
      !/^[a-z]+$/.test(v) && // common words (e.g. "database") also appear in our prose
      ![...structural].some((s) => s.includes(v)) && // substrings of addresses are not leaks
      !/^(true|false|\d+(\.\d+)*)$/.test(v) &&
      !/^(Terraform|OpenTofu) [0-9][\w.-]*$/.test(v) // the version message, shown as metadata
  )
}

const files = realFiles()

test('the leak detector sees planted and real values', () => {
  const own = leakCandidates(fixture('examples', 'destroy-prod-db.json'))
  expect(own).toEqual(expect.arrayContaining([PLANTED_SECRET, 'orders-prod', 'eu-west-1b']))
  expect(own).not.toContain('aws_db_instance.orders')
})

describe('real plans (../shared/fixtures/real)', () => {
  if (!HAS_REAL) {
    test.skip('skipped: ../shared/fixtures/real is absent', () => undefined)
    return
  }

  test('the corpus is there', () => {
    expect(files.length).toBeGreaterThanOrEqual(85)
  })

  test.each(files.map((f) => [relative(REAL, f), f]))('%s', async (_name, file) => {
    // Account, project, subscription ids and regions are printed on purpose (the blast radius).
    const json = JSON.parse((await cli([file, '--format', 'json'])).stdout) as {
      blastRadius: Record<string, string[]>
    }
    const radius = new Set(Object.values(json.blastRadius).flat())
    const candidates = leakCandidates(file).filter((v) => !radius.has(v))
    const codes = new Set<number>()
    for (const format of FORMATS) {
      const result = await cli([file, '--format', format])
      expect(result.stderr).toBe('')
      codes.add(result.code)
      for (const value of candidates) {
        if (result.stdout.includes(value))
          throw new Error(`${format} output contains the value "${value}"`)
      }
    }
    expect(codes.size).toBe(1)
    expect([0, 1]).toContain([...codes][0])
  })
})
