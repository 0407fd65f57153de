/** The CLI hands the locator the .tf files: SARIF, JUnit and workflow commands at the .tf line. */
import { afterAll, describe, expect, test } from '@jest/globals'
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { cli, ROOT } from '../helpers.js'
import { writeLayout } from './layouts.js'

const EXAMPLE = join(ROOT, 'fixtures/examples/destroy-prod-db.json')

/** The example plan's configuration: the database in infra/db.tf, the workers in a module. */
const LAYOUT = {
  'infra/db.tf': '# databases\n\nresource "aws_db_instance" "orders" {\n  engine = "postgres"\n}\n',
  'infra/workers.tf': 'module "workers" {\n  source = "./modules/workers"\n}\n',
  'infra/modules/workers/main.tf':
    'variable "n" {}\n\nresource "aws_instance" "batch" {\n  count = var.n\n}\n'
}

interface Sarif {
  runs: {
    results: {
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }
        logicalLocations: { fullyQualifiedName: string }[]
      }[]
    }[]
  }[]
}

function located(output: string): Record<string, string> {
  const log = JSON.parse(output) as Sarif
  return Object.fromEntries(
    (log.runs[0]?.results ?? []).map((r) => {
      const where = r.locations[0]
      return [
        where?.logicalLocations[0]?.fullyQualifiedName ?? '',
        `${where?.physicalLocation.artifactLocation.uri}:${where?.physicalLocation.region.startLine}`
      ]
    })
  )
}

describe('the CLI locates blocks for sarif, junit and github', () => {
  const root = writeLayout(LAYOUT)
  copyFileSync(EXAMPLE, join(root, 'infra/plan.json'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const env = { PATH: process.env['PATH'], GITHUB_WORKSPACE: root }

  test('SARIF results point at the resource block, relative to the repository root', async () => {
    const result = await cli(['infra/plan.json', '--format', 'sarif'], { cwd: root, env })
    expect(result.code).toBe(1)
    expect(located(result.stdout)).toMatchObject({
      'aws_db_instance.orders': 'infra/db.tf:3',
      'module.workers.aws_instance.batch[1]': 'infra/modules/workers/main.tf:3'
    })
    expect(result.stdout).not.toContain(root)
  })

  test('stdin input still gets a location, from the working directory', async () => {
    const result = await cli(['-', '--format', 'sarif'], {
      cwd: join(root, 'infra'),
      env,
      stdin: readFileSync(EXAMPLE)
    })
    expect(located(result.stdout)['aws_db_instance.orders']).toBe('infra/db.tf:3')
  })

  test('without .tf files, results point at the plan file', async () => {
    const result = await cli([EXAMPLE, '--format', 'sarif'], {
      env: { PATH: process.env['PATH'], GITHUB_WORKSPACE: ROOT }
    })
    expect(located(result.stdout)['aws_db_instance.orders']).toBe(
      'fixtures/examples/destroy-prod-db.json:1'
    )
  })

  test('workflow commands and JUnit carry file and line', async () => {
    const github = await cli(['infra/plan.json', '-f', 'github'], { cwd: root, env })
    expect(github.stdout).toMatch(/^::warning file=infra\/db\.tf,line=3,endLine=5,title=/m)
    const junit = await cli(['infra/plan.json', '-f', 'junit'], { cwd: root, env })
    expect(junit.stdout).toContain('file="infra/db.tf" line="3"')
  })

  test('--verbose: one line per finding; COLUMNS sets the wrap width', async () => {
    const verbose = await cli([EXAMPLE, '--verbose'])
    const grouped = await cli([EXAMPLE])
    expect(verbose.code).toBe(1)
    expect(verbose.stdout).not.toBe(grouped.stdout)
    const narrow = await cli([EXAMPLE], { env: { PATH: process.env['PATH'], COLUMNS: '50' } })
    const lines = narrow.stdout.split('\n').filter((l) => !/^ {2}\S+ {2}\S+$/.test(l))
    for (const line of lines.filter((l) => !l.startsWith('Fingerprint:')))
      expect([...line].length).toBeLessThanOrEqual(50)
  })
})
