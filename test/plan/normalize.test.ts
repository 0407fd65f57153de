import { describe, expect, test } from '@jest/globals'
import { KNOWN_REASONS } from '../../src/plan/model.js'
import {
  actionFromArray,
  fromStream,
  providerRef,
  reasonFromStream
} from '../../src/plan/normalize.js'
import { REASON_TEXT } from '../../src/rules/messages.js'

describe('actions', () => {
  test.each([
    [['no-op'], 'no-op', undefined],
    [['create'], 'create', undefined],
    [['read'], 'read', undefined],
    [['update'], 'update', undefined],
    [['delete'], 'delete', undefined],
    [['forget'], 'forget', undefined],
    [['delete', 'create'], 'replace', 'delete-first'],
    [['create', 'delete'], 'replace', 'create-first'],
    [['create', 'forget'], 'forget-replace', 'create-then-forget'],
    [['forget', 'create'], 'forget-replace', 'forget-then-create'],
    [['delete', 'forget'], 'unknown', undefined],
    [['create', 'create'], 'unknown', undefined],
    [['remove'], 'unknown', undefined],
    [['DELETE'], 'unknown', undefined],
    [['update', 'delete', 'create'], 'unknown', undefined]
  ])('%j → %s', (actions, action, order) => {
    expect(actionFromArray(actions)).toEqual(order === undefined ? { action } : { action, order })
  })
})

describe('reasons', () => {
  test.each([
    ['tainted', 'replace_because_tainted'],
    ['requested', 'replace_by_request'],
    ['cannot_update', 'replace_because_cannot_update'],
    ['replace_triggered_by', 'replace_by_triggers'],
    ['delete_because_no_resource_config', 'delete_because_no_resource_config'],
    ['unknown', 'unknown'],
    ['some_future_reason', 'some_future_reason']
  ])('stream reason %s → %s', (stream, show) => {
    expect(reasonFromStream(stream)).toBe(show)
  })

  test('every known Terraform and OpenTofu reason has a human text (read reasons aside)', () => {
    for (const reason of KNOWN_REASONS.filter((r) => !r.startsWith('read_'))) {
      expect(REASON_TEXT[reason]).toBeDefined()
    }
  })
})

describe('providers', () => {
  test.each([
    [
      'registry.terraform.io/hashicorp/aws',
      { name: 'aws', fqn: 'registry.terraform.io/hashicorp/aws' }
    ],
    [
      'registry.opentofu.org/hashicorp/google',
      { name: 'google', fqn: 'registry.opentofu.org/hashicorp/google' }
    ],
    ['aws', { name: 'aws' }],
    ['null.aliased', { name: 'null', alias: 'aliased' }]
  ])('%s', (raw, expected) => {
    expect(providerRef(raw)).toEqual(expected)
  })
})

describe('stream changes', () => {
  const resource = (addr: string): Record<string, unknown> => ({
    addr,
    module: '',
    resource_key: null
  })

  test('data sources, modules and types from the address when fields are missing', () => {
    const data = fromStream(
      { resource: resource('module.a["k.x"].data.aws_ami.ubuntu'), action: 'read' },
      'm',
      'terraform'
    )
    expect(data).toMatchObject({ mode: 'data', type: 'aws_ami', action: 'read' })
    const managed = fromStream(
      { resource: resource('module.a.aws_s3_bucket.b'), action: 'delete' },
      'm',
      'terraform'
    )
    expect(managed).toMatchObject({ mode: 'managed', type: 'aws_s3_bucket', action: 'delete' })
  })

  test('noop means forget-then-create only in OpenTofu streams', () => {
    const change = { resource: resource('aws_efs_file_system.x'), action: 'noop' }
    expect(fromStream(change, 'm', 'opentofu').action).toBe('forget-replace')
    expect(fromStream(change, 'm', 'terraform').action).toBe('no-op')
  })
})
