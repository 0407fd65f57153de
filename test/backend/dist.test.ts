import { beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from '../helpers.js'
import { requireFreshDist } from '../dist.js'

interface CaseResult {
  readonly backends?: unknown[]
  readonly sources?: string[]
  readonly error?: string
  readonly wasmLoaded: boolean
}

interface Check {
  readonly hcl2jsonResolvable: boolean
  readonly cases: Record<string, CaseResult>
  readonly bytes: Record<string, number>
}

// Runs against the committed dist/ (rebuild with `npm run build` after changing src/backend/).
describe('the bundled HCL parser (dist/) without node_modules', () => {
  let child: SpawnSyncReturns<string>
  beforeAll(() => {
    requireFreshDist('cli')
    child = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-dist-hcl.mjs')], {
      encoding: 'utf8',
      timeout: 60_000
    })
  })

  test('the check script ran', () => {
    expect(child.stderr).toBe('')
    expect(child.status).toBe(0)
  })

  const check = (): Check => JSON.parse(child.stdout) as Check

  test('runs from a copy where @cdktn/hcl2json cannot be resolved', () => {
    expect(check().hcl2jsonResolvable).toBe(false)
  })

  test('a directory without a backend never loads the WASM', () => {
    expect(check().cases['no-backend']).toMatchObject({
      backends: [],
      sources: [],
      wasmLoaded: false
    })
  })

  test('parses a partial backend block and merges the initialized state', () => {
    expect(check().cases['s3-partial']).toMatchObject({
      backends: [
        {
          kind: 's3',
          bucket: 'acme-shared-tfstate',
          dynamodbTable: 'acme-shared-tf-locks',
          key: 'payments/prod.tfstate'
        }
      ],
      wasmLoaded: true
    })
    expect(check().cases['azurerm']?.backends).toHaveLength(1)
  })

  test('a broken file gives the one-line error', () => {
    expect(check().cases['broken']?.error).toBe(
      'BackendConfigError: main.tf: could not parse HCL: Unclosed configuration block at line 2, column 16'
    )
  })

  test('the WASM asset ships next to the parser chunk', () => {
    expect(check().bytes['hcl2json.wasm.gz']).toBeGreaterThan(1_000_000)
  })
})
