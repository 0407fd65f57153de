/**
 * The pipeline without a disk: an in-memory PipelineIO serves the plans, the policy and the
 * backends. The same plans through the CLI (node:fs) give the same report.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { UserError } from '../../src/common/errors.js'
import type { PipelineIO } from '../../src/io/port.js'
import { evaluatePlans, loadPolicy } from '../../src/pipeline/evaluate.js'
import { renderJson } from '../../src/report/json.js'
import { change, plan } from '../../src/rules/examples.js'
import { cli, fixture } from '../helpers.js'

const EXAMPLE = fixture('examples', 'destroy-prod-db.json')

/** Plans and an optional policy from memory; records what the pipeline asked for. */
function memoryIO(
  files: Record<string, string | Uint8Array>,
  policy?: string
): PipelineIO & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    expandInputs: (inputs) => {
      asked.push(`expand ${inputs.join(' ')}`)
      return { files: [...inputs], skipped: [] }
    },
    readPolicy: (config) => {
      asked.push(`policy ${config ?? '(search)'}`)
      return policy === undefined ? undefined : { path: '.plan-gate.yml', text: policy }
    },
    loadBackends: async (file) => {
      asked.push(`backends ${file}`)
      return []
    },
    readPlan: async (file, push) => {
      asked.push(`read ${file}`)
      const content = files[file]
      if (content === undefined) throw Object.assign(new Error('gone'), { code: 'ENOENT' })
      // In small chunks, as a stream delivers them.
      const bytes = typeof content === 'string' ? Buffer.from(content) : content
      for (let i = 0; i < bytes.length; i += 7) push(bytes.subarray(i, i + 7))
    }
  }
}

describe('evaluatePlans over a PipelineIO', () => {
  test('the same report as the CLI reading from disk', async () => {
    const io = memoryIO({ [EXAMPLE]: readFileSync(EXAMPLE, 'utf8') })
    const { report } = await evaluatePlans({ files: [EXAMPLE], at: Date.now() }, io)
    const fromDisk = await cli([EXAMPLE, '--format', 'json'])
    expect(renderJson(report)).toBe(fromDisk.stdout)
    expect(report.decision).toBe('approval-required')
    expect(io.asked).toEqual([
      'policy (search)',
      `expand ${EXAMPLE}`,
      `backends ${EXAMPLE}`,
      `read ${EXAMPLE}`
    ])
  })

  test('classify, then decide: the policy overrides a default decision', async () => {
    const doc = JSON.stringify(plan([change('null_resource', 'x', ['delete'], {}, null)]))
    const plain = await evaluatePlans({ files: ['p.json'] }, memoryIO({ 'p.json': doc }))
    expect(plain.report.decision).toBe('pass')
    const raised = await evaluatePlans(
      { files: ['p.json'] },
      memoryIO(
        { 'p.json': doc },
        'version: 1\nrules:\n  - match: { rule: PG-0005 }\n    decision: blocked\n'
      )
    )
    expect(raised.report.decision).toBe('blocked')
    expect(raised.report.findings[0]).toMatchObject({
      ruleId: 'PG-0005',
      decision: 'blocked',
      override: { from: 'warn' }
    })
    expect(raised.policy.source).toBe('.plan-gate.yml')
  })

  test('a plan that cannot be read is an error naming it, never a report', async () => {
    const io = memoryIO({ 'ok.json': JSON.stringify(plan([])) })
    await expect(evaluatePlans({ files: ['ok.json', 'gone.json'] }, io)).rejects.toThrow(
      new UserError('gone.json: no such file')
    )
    const bad = memoryIO({ 'bad.json': '{"format_version": "1.2", "resource_changes": [' })
    await expect(evaluatePlans({ files: ['bad.json'] }, bad)).rejects.toThrow(/^bad\.json: /)
  })

  test('a policy that does not parse is an error naming the file', () => {
    const io = memoryIO({}, 'version: 1\nrules: 3\n')
    expect(() => loadPolicy(io)).toThrow(/^\.plan-gate\.yml/)
  })
})
