import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { PlanInputError } from '../../src/plan/errors.js'
import type { Plan, ResourceChange } from '../../src/plan/model.js'
import { PlanReader, readPlan } from '../../src/plan/read.js'
import { fixture, readFixture } from '../helpers.js'

function byAddress(plan: Plan, address: string): ResourceChange {
  const change = plan.changes.find((c) => c.address === address)
  if (change === undefined) throw new Error(`no change ${address}`)
  return change
}

function readText(text: string, format?: Plan['source']['format']): Plan {
  return readPlan(Buffer.from(text), { format })
}

function expectInputError(fn: () => unknown, message: RegExp): void {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(PlanInputError)
  const text = (caught as Error).message
  expect(text).toMatch(message)
  expect(text).not.toContain('\n')
}

const MINIMAL = '{"format_version":"1.2","planned_values":{},"resource_changes":[]}'

describe('show-json: every kind', () => {
  const plan = readFixture('plans', 'kinds.json')

  test.each([
    ['aws_s3_bucket.logs', 'create', undefined],
    ['data.aws_caller_identity.me', 'read', undefined],
    ['aws_iam_role.app', 'update', undefined],
    ['aws_vpc.main', 'no-op', undefined],
    ['aws_ebs_volume.scratch', 'delete', undefined],
    ['aws_db_instance.a', 'replace', 'delete-first'],
    ['aws_db_instance.b', 'replace', 'create-first'],
    ['aws_dynamodb_table.sessions', 'forget', undefined],
    ['aws_kms_key.old', 'forget-replace', 'create-then-forget'],
    ['aws_efs_file_system.shared', 'forget-replace', 'forget-then-create']
  ])('%s is %s', (address, action, order) => {
    const change = byAddress(plan, address)
    expect(change.action).toBe(action)
    expect(change.order).toBe(order)
  })

  test('moves, imports and deposed objects', () => {
    const moved = byAddress(plan, 'aws_s3_bucket.assets')
    expect(moved).toMatchObject({
      action: 'no-op',
      moved: true,
      previousAddress: 'aws_s3_bucket.static'
    })
    expect(byAddress(plan, 'aws_iam_user.ci')).toMatchObject({
      action: 'no-op',
      importing: true,
      moved: false
    })
    expect(byAddress(plan, 'aws_db_instance.c')).toMatchObject({
      action: 'delete',
      deposed: 'a1b2c3d4'
    })
  })

  test('reasons, replace_paths, provider, mode', () => {
    expect(byAddress(plan, 'aws_db_instance.a').reason).toBe('replace_by_request')
    expect(byAddress(plan, 'aws_ebs_volume.scratch').reason).toBe(
      'delete_because_no_resource_config'
    )
    expect(byAddress(plan, 'aws_efs_file_system.shared').reason).toBe(
      'forgot_because_lifecycle_destroy_in_config'
    )
    expect(byAddress(plan, 'data.aws_caller_identity.me').mode).toBe('data')
    expect(byAddress(plan, 'aws_s3_bucket.logs').provider).toEqual({
      name: 'aws',
      fqn: 'registry.terraform.io/hashicorp/aws'
    })
  })

  test('a no-op that carries a delete reason stays a no-op', () => {
    expect(byAddress(plan, 'aws_instance.web')).toMatchObject({
      action: 'no-op',
      reason: 'delete_because_each_key'
    })
  })

  test('drift is kept apart from planned changes', () => {
    expect(plan.drift.map((c) => `${c.address}:${c.action}`)).toEqual([
      'aws_sns_topic.alerts:delete',
      'aws_iam_role.app:update'
    ])
    expect(plan.changes.some((c) => c.address === 'aws_sns_topic.alerts')).toBe(false)
  })

  test('plan metadata', () => {
    expect(plan.source).toEqual({
      format: 'show-json',
      formatVersion: '1.2',
      tool: 'terraform',
      toolVersion: '1.9.8'
    })
    expect(plan).toMatchObject({ errored: false, applyable: true, complete: true })
  })

  test('values of no-op and read changes are dropped, values of the rest kept', () => {
    expect(byAddress(plan, 'aws_vpc.main').before).toBeUndefined()
    expect(byAddress(plan, 'aws_ebs_volume.scratch').before).toMatchObject({ size: 100 })
  })
})

describe('show-json: format versions', () => {
  test.each(['0.1', '0.2', '1.0', '1.1', '1.2', '1.3', '1.99'])(
    'accepts format_version %s',
    (version) => {
      const plan = readText(
        `{"format_version":"${version}","planned_values":{},"resource_changes":[],"future_key":{"x":1}}`
      )
      expect(plan.source.formatVersion).toBe(version)
    }
  )

  test.each(['2.0', '0', 'x'])('rejects format_version %s', (version) => {
    expectInputError(
      () => readText(`{"format_version":"${version}","planned_values":{}}`),
      /unsupported format_version/
    )
  })

  test('0.12-era short provider names with an alias', () => {
    const plan = readFixture('plans', 'format-0.1.json')
    expect(plan.changes[0]?.provider).toEqual({ name: 'aws' })
    const aliased = readText(
      '{"format_version":"0.1","resource_changes":[{"address":"null_resource.a","mode":"managed","type":"null_resource","name":"a","provider_name":"null.aliased","change":{"actions":["create"],"before":null,"after":{}}}]}'
    )
    expect(aliased.changes[0]?.provider).toEqual({ name: 'null', alias: 'aliased' })
  })

  test('unknown action arrays are kept as unknown', () => {
    const plan = readFixture('plans', 'unknown-action.json')
    expect(plan.changes[0]).toMatchObject({ action: 'unknown', actions: ['obliterate'] })
    const reordered = readText(
      '{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["delete","delete"]}}]}'
    )
    expect(reordered.changes[0]?.action).toBe('unknown')
  })

  test('an unknown action_reason is kept verbatim', () => {
    const plan = readText(
      '{"format_version":"1.2","resource_changes":[{"address":"a.b","mode":"managed","type":"a","name":"b","action_reason":"delete_because_of_the_future","change":{"actions":["delete"],"before":{}}}]}'
    )
    expect(plan.changes[0]?.reason).toBe('delete_because_of_the_future')
  })

  test('errored plans are read and flagged', () => {
    expect(readFixture('plans', 'errored.json')).toMatchObject({
      errored: true,
      applyable: false,
      complete: false
    })
  })

  test('deferred changes are read apart', () => {
    const plan = readText(
      '{"format_version":"1.2","resource_changes":[],"deferred_changes":[{"reason":"provider_config_unknown","resource_change":{"address":"a.b","mode":"managed","type":"a","name":"b","change":{"actions":["delete"],"before":{}}}}]}'
    )
    expect(plan.deferred.map((c) => c.action)).toEqual(['delete'])
    expect(plan.changes).toEqual([])
  })
})

describe('JSON Lines stream', () => {
  const plan = readPlan(readFileSync(fixture('streams', 'terraform-plan.jsonl')))

  test.each([
    ['aws_db_instance.orders', 'replace', 'replace_because_cannot_update'],
    ['aws_s3_bucket.tfstate', 'delete', 'delete_because_no_resource_config'],
    ['aws_dynamodb_table.cache', 'forget', undefined],
    ['aws_iam_role.b', 'no-op', undefined],
    ['aws_iam_user.ci', 'no-op', undefined],
    ['module.w.aws_instance.batch[0]', 'delete', 'delete_because_count_index'],
    ['aws_instance.web', 'replace', 'replace_because_tainted']
  ])('%s is %s (%s)', (address, action, reason) => {
    const change = byAddress(plan, address)
    expect(change.action).toBe(action)
    expect(change.reason).toBe(reason)
    expect(change.hasValues).toBe(false)
  })

  test('moves, imports, modules, replace order unspecified', () => {
    expect(byAddress(plan, 'aws_iam_role.b')).toMatchObject({
      moved: true,
      previousAddress: 'aws_iam_role.a'
    })
    expect(byAddress(plan, 'aws_iam_user.ci').importing).toBe(true)
    expect(byAddress(plan, 'module.w.aws_instance.batch[0]')).toMatchObject({
      moduleAddress: 'module.w',
      index: 0,
      type: 'aws_instance'
    })
    expect(byAddress(plan, 'aws_db_instance.orders').order).toBe('unspecified')
  })

  test('drift and metadata', () => {
    expect(plan.drift.map((c) => c.address)).toEqual(['aws_sns_topic.a'])
    expect(plan.source).toEqual({
      format: 'jsonl',
      formatVersion: '1.2',
      tool: 'terraform',
      toolVersion: '1.9.8'
    })
    expect(plan.operation).toBe('plan')
  })

  test('OpenTofu: noop planned_change is a forget-then-create; tofu-only reasons', () => {
    const tofu = readPlan(readFileSync(fixture('streams', 'tofu-plan.jsonl')))
    expect(tofu.source.tool).toBe('opentofu')
    expect(byAddress(tofu, 'aws_efs_file_system.shared')).toMatchObject({
      action: 'forget-replace',
      order: 'forget-then-create'
    })
    expect(byAddress(tofu, 'google_sql_database_instance.main').reason).toBe(
      'delete_because_enabled_false'
    )
  })

  test('error diagnostics make the plan errored', () => {
    const errored = readPlan(readFileSync(fixture('streams', 'errored.jsonl')))
    expect(errored).toMatchObject({ errored: true, errorDiagnostics: 1 })
  })

  test('a stream without change_summary is truncated', () => {
    expectInputError(
      () => readPlan(readFileSync(fixture('streams', 'truncated.jsonl'))),
      /no change_summary/
    )
  })

  test('a corrupt line fails with its line number', () => {
    const text = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
      '"planned_change"',
      '"planned_change'
    )
    expectInputError(() => readText(text), /^line 3 is not valid JSON/)
  })

  test('a planned_change lost to a corrupted type fails against change_summary', () => {
    const text = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8')
      .split('\n')
      .map((line) =>
        line.includes('aws_s3_bucket.tfstate: Plan to delete')
          ? line.replace('"type":"planned_change"', '"type":"planned_chbnge"')
          : line
      )
      .join('\n')
    expectInputError(
      () => readText(text),
      /^change_summary counts 4 to remove but the stream has 3 such planned changes: messages are missing or corrupt$/
    )
  })

  test('an unknown stream action is unknown', () => {
    const text = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
      '"action":"delete"',
      '"action":"vaporize"'
    )
    expect(byAddress(readText(text), 'aws_s3_bucket.tfstate').action).toBe('unknown')
  })

  test('the same messages as a JSON array', () => {
    const lines = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8')
      .trim()
      .split('\n')
    const array = readText(`[\n${lines.join(',\n')}\n]`)
    expect(array.source.format).toBe('json-array')
    expect(array.changes.map((c) => c.action)).toEqual(plan.changes.map((c) => c.action))
  })

  test('unsupported UI major version', () => {
    const text = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
      '"ui":"1.2"',
      '"ui":"2.0"'
    )
    expectInputError(() => readText(text), /unsupported UI message version/)
  })
})

describe('encodings and chunking', () => {
  const original = readFileSync(fixture('plans', 'kinds.json'))
  const expected = readPlan(original)

  function utf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
    const le = Buffer.from(text, 'utf16le')
    const body = bigEndian ? Buffer.from(le).swap16() : le
    const mark = bigEndian ? Buffer.from([0xfe, 0xff]) : Buffer.from([0xff, 0xfe])
    return bom ? Buffer.concat([mark, body]) : body
  }

  const text = original.toString('utf8').replace('"acme-logs"', '"acme-logs-é日本😀"')
  test.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with BOM', utf16(text, false, true)],
    ['UTF-16BE with BOM', utf16(text, true, true)],
    ['UTF-16LE without BOM', utf16(text, false, false)],
    ['CRLF line endings', Buffer.from(text.replace(/\n/g, '\r\n'))],
    ['UTF-16LE + BOM + CRLF', utf16(text.replace(/\n/g, '\r\n'), false, true)]
  ])('%s', (_name, bytes) => {
    const plan = readPlan(bytes)
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual(
      expected.changes.map((c) => [c.address, c.action])
    )
    expect((byAddress(plan, 'aws_s3_bucket.logs').after as { bucket: string }).bucket).toBe(
      'acme-logs-é日本😀'
    )
  })

  test.each([1, 3, 7, 1000])('pushed in %i-byte chunks', (size) => {
    const bytes = utf16(text, false, true)
    const reader = new PlanReader()
    for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size))
    expect(reader.end().changes.length).toBe(expected.changes.length)
  })

  test('JSON Lines with CRLF and a BOM', () => {
    const jsonl = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
      /\n/g,
      '\r\n'
    )
    const plan = readPlan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl)]))
    expect(plan.changes.length).toBe(7)
  })

  test('invalid UTF-16 fails cleanly', () => {
    expectInputError(
      () => readPlan(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])),
      /invalid UTF-16LE/
    )
  })
})

describe('setup-terraform wrapper', () => {
  const body = readFileSync(fixture('plans', 'kinds.json'), 'utf8')

  test('unwraps the [command] line and the workflow-command trailer', () => {
    const wrapped = `[command]/home/runner/work/_temp/abc/terraform-bin show -json tfplan\n${body}\n::debug::Terraform exited with code 0.\n::debug::stdout: {...}%0A\n::set-output name=exitcode::0\n`
    const reader = new PlanReader()
    reader.push(Buffer.from(wrapped))
    const plan = reader.end()
    expect(plan.changes.length).toBe(readPlan(Buffer.from(body)).changes.length)
    expect(reader.readInfo).toEqual({ encoding: 'utf8', unwrapped: true })
  })

  test('a wrapper line with nothing after it is rejected with the fix', () => {
    expectInputError(
      () => readText('[command]/usr/bin/terraform-bin show -json tfplan\n::debug::exit 1\n'),
      /terraform_wrapper: false/
    )
  })

  test('other text after the document is rejected', () => {
    expectInputError(
      () => readText(`${MINIMAL}\nsome trailing text`),
      /unexpected text after the end/
    )
  })
})

describe('not a plan', () => {
  test.each([
    ['empty', '', /the input is empty/],
    ['whitespace', '  \n\t ', /the input is empty/],
    [
      'not JSON',
      'Terraform will perform the following actions:',
      /not JSON: the input starts with a letter/
    ],
    ['truncated show-json', MINIMAL.slice(0, -5), /invalid JSON/],
    [
      'truncated in a skipped section',
      '{"format_version":"1.2","planned_values":{"a":[1,2',
      /invalid JSON/
    ],
    [
      'a state file',
      '{"version":4,"terraform_version":"1.9.8","serial":3,"lineage":"x","outputs":{},"resources":[]}',
      /Terraform state file, not a plan/
    ],
    [
      'show -json of a state',
      '{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{}}}',
      /of a state, not of a plan/
    ],
    [
      'other JSON',
      '{"name":"my-package","version":"1.0.0"}',
      /not a Terraform plan: "format_version" is missing/
    ],
    ['a JSON array of numbers', '[1,2,3]', /not a list of Terraform UI messages/],
    ['a number', '42', /not JSON: the input starts with a digit/],
    [
      'resource_changes not a list',
      '{"format_version":"1.2","resource_changes":{}}',
      /"resource_changes" must be a list/
    ],
    [
      'actions missing',
      '{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{}}]}',
      /change.actions/
    ],
    [
      'address not a string',
      '{"format_version":"1.2","resource_changes":[{"address":5,"change":{"actions":["delete"]}}]}',
      /"address" must be a string/
    ],
    [
      'errored not a boolean',
      '{"format_version":"1.2","resource_changes":[],"errored":"no"}',
      /"errored" must be true or false/
    ],
    ['binary plan on stdin', 'PK\u0003\u0004rest-of-zip', /binary plan file/],
    [
      'a byte flip that renames resource_changes',
      '{"format_version":"1.2","planned_values":{},"res{urce_changes":[{"address":"a.b"}]}',
      /^a top-level key is a corrupted "resource_changes": the file is damaged$/
    ],
    [
      'a renamed errored flag',
      '{"format_version":"1.2","planned_values":{},"resource_changes":[],"errore":true}',
      /corrupted "errored"/
    ]
  ])('%s', (_name, text, message) => {
    expectInputError(() => readText(text), message)
  })

  test('error messages never echo content', () => {
    const secret = 'sup3r-secret-value'
    for (const text of [
      `{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"actions":"${secret}"}}]}`,
      `{"format_version":"${secret}","planned_values":{}}`,
      `${secret}`,
      `{"format_version":"1.2","planned_values":{"${secret}":tru}}`
    ]) {
      let message = ''
      try {
        readText(text)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).not.toBe('')
      expect(message).not.toContain(secret)
    }
  })
})

describe('fuzz regressions', () => {
  function inputError(fn: () => unknown): string {
    try {
      fn()
    } catch (error) {
      expect(error).toBeInstanceOf(PlanInputError)
      return (error as Error).message
    }
    throw new Error('no error')
  }

  test('an address in an error message stays on one short line', () => {
    for (const address of [
      'a\nb',
      'x\u001b[2J\r\n::error::injected',
      'a\u2028b',
      'm.'.repeat(1e5)
    ]) {
      const show = JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          { address, mode: 'resource', type: 'a', change: { actions: ['delete'] } }
        ]
      })
      const line = JSON.stringify({
        type: 'planned_change',
        change: { resource: { addr: address }, action: 5 }
      })
      for (const message of [inputError(() => readText(show)), inputError(() => readText(line))]) {
        // eslint-disable-next-line no-control-regex -- the point
        expect(message).not.toMatch(/[\u0000-\u001f\u2028\u2029]/)
        expect(message.length).toBeLessThan(300)
      }
    }
    expect(
      inputError(() =>
        readText(
          '{"format_version":"1.2","resource_changes":[{"address":"a\\nb","mode":"x","type":"a","change":{"actions":["delete"]}}]}'
        )
      )
    ).toBe('resource_changes[0] (a\\nb): "mode" must be "managed" or "data"')
  })

  test('a version number of megabytes is not echoed', () => {
    const huge = `${'9'.repeat(1 << 20)}.0`
    const show = `{"format_version":"${huge}","planned_values":{}}`
    expect(inputError(() => readText(show))).toBe(
      'unsupported format_version: not a version number like "1.2"'
    )
    const stream = readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
      '"ui":"1.2"',
      `"ui":"${huge}"`
    )
    expect(inputError(() => readText(stream)).length).toBeLessThan(100)
  })

  test('megabyte strings split across chunks are read without overflowing the stack', () => {
    const long = 'module.x.'.repeat(100_000)
    const show = Buffer.from(
      `{"format_version":"1.2","planned_values":{},"resource_changes":[{"address":"${long}aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"actions":["no-op"],"before":{},"after":{}}}]}`
    )
    const stream = Buffer.from(
      readFileSync(fixture('streams', 'terraform-plan.jsonl'), 'utf8').replace(
        '"@level":"info"',
        `"@level":"${long}"`
      )
    )
    for (const [bytes, expected] of [
      [show, 1],
      [stream, 7]
    ] as const) {
      const reader = new PlanReader({ unchangedValues: false })
      for (let i = 0; i < bytes.length; i += 65_536) reader.push(bytes.subarray(i, i + 65_536))
      const plan = reader.end()
      expect(plan.changes.length + plan.tally.actions['no-op']).toBeGreaterThanOrEqual(expected)
    }
  })
})

describe('readFrom: synchronous reads into one reused buffer (the kernel window)', () => {
  /** A read callback over `bytes`, at most `size` bytes a call; it scribbles over the rest. */
  function reads(bytes: Uint8Array, size: number): (into: Uint8Array) => number {
    let at = 0
    return (into) => {
      into.fill(0x7b) // whatever a stage kept a view of would now read as `{{{…`
      const n = Math.min(size, into.length, bytes.length - at)
      into.set(bytes.subarray(at, at + n))
      at += n
      return n
    }
  }

  const inputs: [string, Uint8Array][] = [
    ['a plan', readFileSync(fixture('plans', 'kinds.json'))],
    ['a stream', readFileSync(fixture('streams', readdirSync(fixture('streams')).sort()[0]!))],
    ['a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MINIMAL)])],
    ['UTF-16LE', Buffer.from(`\ufeff${MINIMAL}`, 'utf16le')],
    ['leading whitespace', Buffer.from(`${' '.repeat(100)}\n${MINIMAL}`)],
    ['a wrapper line', Buffer.from(`[command]/usr/bin/terraform show -json p\n${MINIMAL}`)]
  ]
  test.each(inputs)('%s reads as readPlan reads it, in reads of any size', (_name, bytes) => {
    const expected = readPlan(bytes)
    for (const size of [1, 3, 8, 4096, 1 << 20]) {
      const reader = new PlanReader()
      let seen = 0
      const total = reader.readFrom(reads(bytes, size), (n) => (seen = n))
      expect(total).toBe(bytes.length)
      expect(seen).toBe(bytes.length)
      expect(reader.end()).toEqual(expected)
    }
  })
})
