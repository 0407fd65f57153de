import { test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readPlan } from '../../src/plan/read.js'
import { formatBlastRadius, inferBlastRadius } from '../../src/rules/blast-radius.js'
import { realFiles } from '../helpers.js'

test('dump', () => {
  const out: string[] = []
  for (const f of realFiles()) {
    let plan
    try { plan = readPlan(readFileSync(f)) } catch (e) { out.push(`${f}: ERR ${String(e)}`); continue }
    const r = inferBlastRadius(plan)
    const r2 = inferBlastRadius(plan, { includeNoOp: true })
    out.push(`${f.replace(/.*real\//, '')}\n  ${formatBlastRadius(r)} | providers ${r.providers.join(',')}\n  noop: ${formatBlastRadius(r2)}\n  cfg: ${JSON.stringify(plan.providerConfigs)}`)
  }
  void out
  ;(globalThis as any).__out = out
  // eslint-disable-next-line
  const fs = readFileSync; void fs
  import('node:fs').then((m) => m.writeFileSync('/tmp/scratch/dump.txt', out.join('\n')))
})
