import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Plan, ProviderConfig, ResourceChange } from '../../src/plan/model.js'
import { readPlan } from '../../src/plan/read.js'
import {
  ARN,
  arnFields,
  formatBlastRadius,
  inferBlastRadius,
  outsideEnvironment,
  type BlastRadius,
  type EnvironmentSpec
} from '../../src/rules/blast-radius.js'
import { HAS_REAL, makeChange, makePlan, PLANTED_SECRET, REAL, realFiles } from '../helpers.js'

function change(overrides: Partial<ResourceChange>): ResourceChange {
  return makeChange({ provider: { name: 'aws' }, ...overrides })
}

/** A delete of a resource of the given provider whose prior value is `before`. */
function destroy(provider: string, before: unknown, extra: Partial<ResourceChange> = {}) {
  return change({ provider: { name: provider }, before, after: null, ...extra })
}

function planOf(changes: ResourceChange[], providerConfigs?: ProviderConfig[]): Plan {
  return makePlan(changes, { providerConfigs })
}

function config(name: string, constants: Record<string, unknown>): ProviderConfig {
  return { key: name, name, constants }
}

const EMPTY: BlastRadius = {
  awsAccounts: [],
  gcpProjects: [],
  azureSubscriptions: [],
  regions: [],
  providers: []
}

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const SUB_UPPER = SUB.toUpperCase()

describe('inferBlastRadius', () => {
  const cases: { name: string; plan: Plan; expected: Partial<BlastRadius> }[] = [
    {
      name: 'ARNs of several services, own and referenced',
      plan: planOf([
        destroy('aws', {
          arn: 'arn:aws:rds:eu-west-1:123456789012:db:orders',
          kms_key_id: 'arn:aws:kms:eu-west-1:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          monitoring_role_arn: 'arn:aws:iam::123456789012:role/rds-monitoring',
          sns: ['arn:aws:sns:us-east-1:123456789012:alerts']
        })
      ]),
      expected: {
        awsAccounts: ['123456789012', '210987654321'],
        regions: ['eu-west-1', 'us-east-1'],
        providers: ['aws']
      }
    },
    {
      name: 'GovCloud and China partitions',
      plan: planOf([
        destroy('aws', { arn: 'arn:aws-us-gov:ec2:us-gov-west-1:111122223333:instance/i-0abc' }),
        destroy('aws', { arn: 'arn:aws-cn:lambda:cn-north-1:444455556666:function:f' }),
        destroy('aws', { arn: 'arn:aws-iso-b:sqs:us-isob-east-1:777788889999:q' })
      ]),
      expected: {
        awsAccounts: ['111122223333', '444455556666', '777788889999'],
        regions: ['cn-north-1', 'us-gov-west-1', 'us-isob-east-1']
      }
    },
    {
      name: 'S3 and IAM ARNs have empty fields',
      plan: planOf([
        destroy('aws', { arn: 'arn:aws:s3:::my-bucket', bucket: 'my-bucket' }),
        destroy('aws', { arn: 'arn:aws:iam::123456789012:role/deployer' }),
        destroy('aws', { arn: 'arn:aws:ssm:eu-central-1::parameter/aws/service/ami' })
      ]),
      expected: { awsAccounts: ['123456789012'], regions: ['eu-central-1'] }
    },
    {
      name: 'malformed ARNs are dropped whole',
      plan: planOf([
        destroy('aws', {
          wildcard: 'arn:aws:logs:*:*:*',
          managed: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          short: 'arn:aws:sqs:eu-west-1:12345:queue',
          // A valid account next to a bad region: neither is trusted.
          region: 'arn:aws:sqs:eu-west:123456789012:queue',
          interpolated: 'arn:aws:sqs:${var.region}:123456789012:queue',
          other: 'arn:partition:sqs:eu-west-1:123456789012:queue',
          noResource: 'arn:aws:sqs:eu-west-1:123456789012:'
        })
      ]),
      expected: {}
    },
    {
      // Principals in a policy name who may act, often other accounts; that is not a change there.
      name: 'ARNs inside policy JSON strings are not mined',
      plan: planOf([
        destroy('aws', {
          assume_role_policy:
            '{"Statement":[{"Principal":{"AWS":"arn:aws:iam::999999999999:root"}}]}'
        })
      ]),
      expected: {}
    },
    {
      name: 'account and zone attributes of AWS resources',
      plan: planOf([
        destroy('aws', { owner_id: '123456789012', availability_zone: 'eu-west-1a' }),
        destroy('aws', { availability_zones: ['us-east-1b', 'us-east-1c'] }),
        destroy('aws', { replica: [{ region_name: 'ap-southeast-2' }], region: 'eu-north-1' }),
        destroy('aws', { account_id: '210987654321' })
      ]),
      expected: {
        awsAccounts: ['123456789012', '210987654321'],
        regions: ['ap-southeast-2', 'eu-north-1', 'eu-west-1', 'us-east-1']
      }
    },
    {
      name: 'names only count for their provider',
      plan: planOf([
        // A Google service account's account_id, a Datadog org's region: not AWS.
        destroy('google', { account_id: '123456789012', region: 'eu-west-1' }),
        destroy('datadog', { account_id: '123456789012', region: 'eu-west-1' }),
        destroy('aws', { project: 'acme-prod', location: 'westeurope' })
      ]),
      expected: { providers: ['aws', 'datadog', 'google'] }
    },
    {
      name: 'user-chosen map keys (tags, labels, environment variables) say nothing',
      plan: planOf([
        destroy('aws', {
          tags: { region: 'ap-south-1', account_id: '999999999999' },
          environment: [{ variables: { region: 'ap-south-1' } }]
        }),
        destroy('google', { labels: { project: 'other-project', zone: 'asia-east1-a' } })
      ]),
      expected: {}
    },
    {
      name: 'Google self_link, id, project attribute and zone',
      plan: planOf([
        destroy('google', {
          self_link:
            'https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instances/vm',
          zone: 'europe-west1-b'
        }),
        destroy('google-beta', { id: 'projects/acme-data/datasets/events', location: 'US' }),
        destroy('google', { project: 'acme-shared', location: 'us-central1' }),
        destroy('google', { node_locations: ['asia-northeast1-a'], project_id: 'acme-infra' })
      ]),
      expected: {
        gcpProjects: ['acme-data', 'acme-infra', 'acme-prod', 'acme-shared'],
        regions: ['asia-northeast1', 'europe-west1', 'us-central1'],
        providers: ['google', 'google-beta']
      }
    },
    {
      name: 'projects/… ids of other providers are not Google projects, googleapis URLs are',
      plan: planOf([
        destroy('gitlab', { id: 'projects/not-google/variables/x' }),
        destroy('kubernetes', {
          annotation: 'https://container.googleapis.com/v1/projects/acme-gke/locations/x/clusters/c'
        })
      ]),
      expected: { gcpProjects: ['acme-gke'] }
    },
    {
      name: 'Google values must look exactly like ids',
      plan: planOf([
        destroy('google', {
          project: 'test',
          zone: 'blah',
          region: 'EUROPE-WEST1',
          id: 'projects/123456789/global/networks/n',
          self_link: 'https://www.googleapis.com/compute/v1/projects/Acme_Prod/global/networks/n'
        })
      ]),
      expected: {}
    },
    {
      name: 'Azure ids in any case, display-name locations',
      plan: planOf([
        destroy('azurerm', {
          id: `/subscriptions/${SUB_UPPER}/resourceGroups/RG-Prod/providers/Microsoft.Sql/servers/s`,
          location: 'West Europe'
        }),
        destroy('azurerm', {
          id: '/SUBSCRIPTIONS/11111111-2222-3333-4444-555555555555/RESOURCEGROUPS/rg',
          location: 'eastus2',
          geo_location: [{ location: 'usgovvirginia' }]
        }),
        // Subscription ids are unambiguous whatever the provider.
        destroy('azapi', { parent_id: `/subscriptions/${SUB}` })
      ]),
      expected: {
        azureSubscriptions: [SUB, '11111111-2222-3333-4444-555555555555'],
        regions: ['eastus2', 'usgovvirginia', 'westeurope']
      }
    },
    {
      name: 'Azure garbage is dropped',
      plan: planOf([
        destroy('azurerm', {
          id: '/subscriptions/{subscriptionId}/resourceGroups/rg',
          scope: '/subscriptions/not-a-guid',
          location: 'global',
          subscription_id: 'hunter2'
        }),
        destroy('azurerm', { location: 'hunter2' }),
        destroy('google', { location: 'westeurope' })
      ]),
      expected: {}
    },
    {
      name: 'sensitive leaves and sensitive ancestors are ignored',
      plan: planOf([
        destroy(
          'aws',
          { arn: 'arn:aws:rds:eu-west-1:123456789012:db:a', owner_id: '210987654321' },
          { beforeSensitive: { arn: true } }
        ),
        destroy(
          'aws',
          {
            access_log_settings: [
              { destination_arn: 'arn:aws:firehose:eu-west-1:740863752284:deliverystream/x' }
            ]
          },
          { beforeSensitive: { access_log_settings: [{ destination_arn: true }] } }
        ),
        destroy(
          'aws',
          { settings: { nested: { region: 'us-west-2' } } },
          { beforeSensitive: { settings: true } }
        ),
        destroy('aws', { arn: 'arn:aws:sqs:ap-east-1:333333333333:q' }, { beforeSensitive: true }),
        change({
          action: 'create',
          actions: ['create'],
          after: { region: 'sa-east-1' },
          afterSensitive: { region: true }
        })
      ]),
      expected: { awsAccounts: ['210987654321'], providers: ['aws'] }
    },
    {
      name: 'before and after of an update both count',
      plan: planOf([
        change({
          action: 'update',
          actions: ['update'],
          before: { region: 'eu-west-1' },
          after: { region: 'eu-west-2' }
        })
      ]),
      expected: { regions: ['eu-west-1', 'eu-west-2'] }
    },
    {
      name: 'garbage and secrets in id-shaped attributes',
      plan: planOf([
        destroy('aws', {
          region: PLANTED_SECRET,
          account_id: 'abc123',
          owner_id: '1234567890123',
          availability_zone: 'eu-west-1-lax-1a'
        }),
        destroy('aws', { region: 'EU-WEST-1', account_id: ' 123456789012' }),
        destroy('google', { project: PLANTED_SECRET, zone: `${PLANTED_SECRET}-b` }),
        destroy('azurerm', { location: PLANTED_SECRET, id: `/subscriptions/${PLANTED_SECRET}` })
      ]),
      expected: {}
    },
    {
      name: 'no-op and read changes are the estate, not the effect',
      plan: planOf([
        change({
          action: 'no-op',
          actions: ['no-op'],
          before: { arn: 'arn:aws:s3:us-east-1:123456789012:x' }
        }),
        change({
          mode: 'data',
          provider: { name: 'google' },
          action: 'read',
          actions: ['read'],
          after: { project: 'acme-prod' }
        })
      ]),
      expected: { providers: [] }
    },
    {
      name: 'provider configuration always counts',
      plan: planOf(
        [],
        [
          config('aws', {
            region: 'eu-west-1',
            allowed_account_ids: ['123456789012', 210987654321],
            // As a reader that keeps nested blocks would give them: raw expressions or values.
            assume_role: [{ role_arn: { constant_value: 'arn:aws:iam::333333333333:role/ci' } }],
            assume_role_with_web_identity: [{ role_arn: 'arn:aws:iam::444444444444:role/oidc' }]
          }),
          config('google', { project: 'acme-prod', region: 'europe-west1', zone: 'us-east1-b' }),
          config('azurerm', { subscription_id: SUB_UPPER }),
          config('google-beta', { project: 'test' }),
          config('aws', { region: 'somewhere', allowed_account_ids: 'not-a-list' }),
          config('test', { region: 'eu-west-1' })
        ]
      ),
      expected: {
        awsAccounts: ['123456789012', '210987654321', '333333333333', '444444444444'],
        gcpProjects: ['acme-prod'],
        azureSubscriptions: [SUB],
        regions: ['eu-west-1', 'europe-west1', 'us-east1']
      }
    }
  ]

  test.each(cases)('$name', ({ plan, expected }) => {
    const radius = inferBlastRadius(plan)
    const providers = [...new Set(plan.changes.map((c) => c.provider.name))].sort()
    // Providers are only those of the changes looked at; default to all of them.
    expect(radius).toEqual({
      ...EMPTY,
      providers: expected.providers ?? providers,
      ...expected
    })
    expect(formatBlastRadius(radius)).not.toContain(PLANTED_SECRET)
  })

  test('includeNoOp also mines no-op and read changes', () => {
    const plan = planOf([
      change({ action: 'no-op', actions: ['no-op'], before: { owner_id: '123456789012' } }),
      change({
        mode: 'data',
        provider: { name: 'google' },
        action: 'read',
        actions: ['read'],
        after: { project: 'acme-prod' }
      })
    ])
    expect(inferBlastRadius(plan)).toEqual(EMPTY)
    expect(inferBlastRadius(plan, { includeNoOp: true })).toEqual({
      ...EMPTY,
      awsAccounts: ['123456789012'],
      gcpProjects: ['acme-prod'],
      providers: ['aws', 'google']
    })
  })

  test('drift and deferred changes are not this plan’s effect', () => {
    const plan: Plan = {
      ...planOf([]),
      drift: [destroy('aws', { owner_id: '123456789012' })],
      deferred: [destroy('aws', { owner_id: '210987654321' })]
    }
    expect(inferBlastRadius(plan)).toEqual(EMPTY)
  })

  test('values deeper than 8 levels are not walked', () => {
    const nest = (depth: number): unknown => {
      let value: unknown = { arn: 'arn:aws:iam::123456789012:role/deep' }
      for (let i = 1; i < depth; i++) value = i % 2 === 0 ? { block: value } : [value]
      return value
    }
    // The ARN sits inside `depth` nested containers.
    expect(inferBlastRadius(planOf([destroy('aws', nest(8))])).awsAccounts).toEqual([
      '123456789012'
    ])
    expect(inferBlastRadius(planOf([destroy('aws', nest(9))])).awsAccounts).toEqual([])
  })

  test('at most 2,000 leaves per resource, before and after together', () => {
    const arn = 'arn:aws:iam::123456789012:role/late'
    const padded = (n: number) => ({ padding: Array.from({ length: n }, () => 'x'), arn })
    expect(inferBlastRadius(planOf([destroy('aws', padded(1999))])).awsAccounts).toHaveLength(1)
    expect(inferBlastRadius(planOf([destroy('aws', padded(2000))])).awsAccounts).toHaveLength(0)
    const update = change({
      action: 'update',
      actions: ['update'],
      before: { padding: Array.from({ length: 2000 }, () => 'x') },
      after: { arn }
    })
    expect(inferBlastRadius(planOf([update])).awsAccounts).toHaveLength(0)
    // Numbers, nulls and empty blocks are leaves too: the budget bounds work, not matches.
    const mixed = { padding: Array.from({ length: 2000 }, (_, i) => [i, null, []][i % 3]), arn }
    expect(inferBlastRadius(planOf([destroy('aws', mixed)])).awsAccounts).toHaveLength(0)
    // The budget is per resource: the next one starts afresh.
    const next = destroy('aws', { arn })
    expect(inferBlastRadius(planOf([update, next])).awsAccounts).toHaveLength(1)
  })

  test('lists are sorted and unique', () => {
    const radius = inferBlastRadius(
      planOf([
        destroy('aws', { arn: 'arn:aws:sqs:us-west-2:222222222222:b' }),
        destroy('aws', { arn: 'arn:aws:sqs:eu-west-1:111111111111:a', owner_id: '222222222222' }),
        destroy('aws', { region: 'us-west-2' })
      ])
    )
    expect(radius.awsAccounts).toEqual(['111111111111', '222222222222'])
    expect(radius.regions).toEqual(['eu-west-1', 'us-west-2'])
  })
})

describe('formatBlastRadius', () => {
  const many = Array.from({ length: 12 }, (_, i) => String(100000000000 + i))
  const cases: { name: string; radius: Partial<BlastRadius>; line: string }[] = [
    {
      name: 'AWS and Google',
      radius: {
        awsAccounts: ['123456789012', '210987654321'],
        gcpProjects: ['acme-prod'],
        regions: ['eu-west-1', 'europe-west1']
      },
      line: 'Touches AWS accounts 123456789012, 210987654321 · Google projects acme-prod · regions eu-west-1, europe-west1'
    },
    {
      name: 'Azure',
      radius: { azureSubscriptions: [SUB], regions: ['westeurope'] },
      line: `Touches Azure subscriptions ${SUB} · regions westeurope`
    },
    {
      name: 'nothing',
      radius: { providers: ['null'] },
      line: 'Touches no identifiable account, project or subscription'
    },
    {
      name: 'regions without an account',
      radius: { regions: ['us-east-1', 'us-west-2'] },
      line: 'Touches no identifiable account, project or subscription · regions us-east-1, us-west-2'
    },
    {
      name: 'long lists are cut',
      radius: { awsAccounts: many },
      line: `Touches AWS accounts ${many.slice(0, 10).join(', ')} and 2 more`
    }
  ]

  test.each(cases)('$name', ({ radius, line }) => {
    expect(formatBlastRadius({ ...EMPTY, ...radius })).toBe(line)
  })
})

describe('outsideEnvironment', () => {
  const radius: BlastRadius = {
    awsAccounts: ['111111111111', '222222222222'],
    gcpProjects: ['acme-prod'],
    azureSubscriptions: [SUB],
    regions: ['eu-west-1', 'us-east-1'],
    providers: ['aws', 'azurerm', 'google']
  }
  const cases: { name: string; env: EnvironmentSpec; outside: string[] }[] = [
    { name: 'an empty spec restricts nothing', env: {}, outside: [] },
    {
      name: 'an account not listed',
      env: { aws_accounts: ['111111111111'] },
      outside: ['aws-account 222222222222']
    },
    { name: 'a glob for every account', env: { aws_accounts: ['*'] }, outside: [] },
    { name: 'a prefix glob', env: { aws_accounts: ['1111*', '2*'] }, outside: [] },
    {
      name: 'an empty list allows nothing',
      env: { aws_accounts: [] },
      outside: ['aws-account 111111111111', 'aws-account 222222222222']
    },
    { name: 'a region glob', env: { regions: ['eu-*'] }, outside: ['region us-east-1'] },
    { name: 'a suffix glob', env: { regions: ['*-1'], gcp_projects: ['acme-*'] }, outside: [] },
    {
      name: 'the one glob: ? and [..] work here as in every other pattern',
      env: { gcp_projects: ['acme.prod', 'acme-pro?'] },
      outside: []
    },
    {
      name: 'a class matches one character; a dot is literal',
      env: { gcp_projects: ['acme.prod', 'acme-[!p]rod'] },
      outside: ['gcp-project acme-prod']
    },
    {
      name: 'eu-west-? takes eu-west-1 (the ? of every other pattern)',
      env: { regions: ['eu-west-?'] },
      outside: ['region us-east-1']
    },
    {
      name: 'a glob matches the whole value',
      env: { aws_accounts: ['11111111111', '22222222222*'], regions: ['west'] },
      outside: ['aws-account 111111111111', 'region eu-west-1', 'region us-east-1']
    },
    {
      name: 'subscriptions compare without case',
      env: { azure_subscriptions: [SUB_UPPER] },
      outside: []
    },
    {
      name: 'every dimension, in a stable order',
      env: { regions: [], azure_subscriptions: [], gcp_projects: [], aws_accounts: [] },
      outside: [
        'aws-account 111111111111',
        'aws-account 222222222222',
        'gcp-project acme-prod',
        `azure-subscription ${SUB}`,
        'region eu-west-1',
        'region us-east-1'
      ]
    }
  ]

  test.each(cases)('$name', ({ env, outside }) => {
    expect(outsideEnvironment(radius, env).map((o) => `${o.kind} ${o.value}`)).toEqual(outside)
  })

  test('the staging task pointed at production is caught', () => {
    const plan = planOf(
      [destroy('aws', { arn: 'arn:aws:rds:eu-west-1:999999999999:db:orders' })],
      [config('aws', { region: 'eu-west-1' })]
    )
    const staging: EnvironmentSpec = { aws_accounts: ['111111111111'], regions: ['eu-west-1'] }
    expect(outsideEnvironment(inferBlastRadius(plan), staging)).toEqual([
      { kind: 'aws-account', value: '999999999999' }
    ])
  })
})

/** Values checked by hand against the JSON (see each `why`). */
const REAL_CASES: {
  file: string
  why: string
  expected: Partial<BlastRadius>
  line?: string
}[] = [
  {
    file: 'conftest/examples/hcl1/gke-show.json',
    why: 'provider project instrumenta, region europe-west2; both resources created in us-central1',
    expected: {
      gcpProjects: ['instrumenta'],
      regions: ['europe-west2', 'us-central1'],
      providers: ['google']
    },
    line: 'Touches Google projects instrumenta · regions europe-west2, us-central1'
  },
  {
    file: 'checkov/tests/terraform/parser/resources/plan_booleans/tfplan.json',
    why: 'zone us-central1-c on the instance, provider zone europe-west2-c; provider project "test" is too short to be a project id',
    expected: { regions: ['europe-west2', 'us-central1'], providers: ['google'] }
  },
  {
    file: 'checkov/tests/terraform/checks/resource/gcp/example_GoogleComputeBootDiskEncryption/bad.json',
    why: 'project and zone are "blah"',
    expected: { providers: ['google'] },
    line: 'Touches no identifiable account, project or subscription'
  },
  {
    file: 'checkov/tests/terraform/runner/resources/plan_with_resource_reference/tfplan_extra_ref.json',
    why: 'azurerm creates in canadacentral; ids are unknown until apply, so no subscription',
    expected: { regions: ['canadacentral'], providers: ['azurerm'] }
  },
  {
    file: 'terraform-compliance-cli/tests/functional/test_issue-294/plan.out.json',
    why: 'azurerm creates in northeurope; the provider block names no subscription',
    expected: { regions: ['northeurope'], providers: ['azurerm', 'random'] }
  },
  {
    file: 'terraform-compliance-cli/tests/functional/actions_regular/plan.out.json',
    why: 'the updated aws_instance ARN and availability_zone, provider region us-west-1',
    expected: { awsAccounts: ['704778554736'], regions: ['us-west-1'], providers: ['aws'] },
    line: 'Touches AWS accounts 704778554736 · regions us-west-1'
  },
  {
    file: 'terraform-compliance-cli/tests/functional/test_issue-249/plan.out.json',
    why: 'ALB, target group and security group updates in us-east-1 (18 no-op changes ignored)',
    expected: { awsAccounts: ['123456789012'], regions: ['us-east-1'], providers: ['aws'] }
  },
  {
    file: 'terraform-compliance-cli/tests/functional/test_non_created_module_resource_parameter/plan.out.json',
    why: 'WAF and IAM ARNs of 123456789101; the firehose ARN of 740863752284 is marked sensitive',
    expected: {
      awsAccounts: ['123456789101'],
      regions: ['eu-west-1', 'us-east-1'],
      providers: ['aws']
    }
  },
  {
    file: 'checkov/tests/terraform/runner/resources/plan_with_iam_data_block/tfplan.json',
    why: 'the other account is only a principal in a data source read; provider region us-east-2',
    expected: { regions: ['us-east-2'], providers: ['aws'] }
  },
  {
    file: 'checkov/tests/terraform/runner/resources/plan_data_resource_partial_values/tfplan.json',
    why: 'the EKS cluster role_arn; no provider region',
    expected: { awsAccounts: ['123456789012'], providers: ['aws'] }
  },
  {
    file: 'checkov/tests/terraform/parser/resources/plan_tags/tfplan.json',
    why: 'the account appears only in prior_state and inside names, never as an id',
    expected: { regions: ['us-west-2'], providers: ['aws', 'null'] }
  },
  {
    file: 'terraform-json/testdata/basic/plan.json',
    why: 'only null resources change; the two aws provider blocks still say where it runs',
    expected: { regions: ['us-east-1', 'us-west-2'], providers: ['null'] }
  },
  {
    file: 'checkov/tests/terraform/parser/resources/plan_encodings/tfplan_win_utf16.json',
    why: 'UTF-16 capture with no region or id',
    expected: { providers: ['aws'] }
  }
]

const describeReal = HAS_REAL ? describe : describe.skip

describeReal('real plans', () => {
  test.each(REAL_CASES)('$file', ({ file, expected, line }) => {
    const radius = inferBlastRadius(readPlan(readFileSync(join(REAL, file))))
    expect(radius).toEqual({ ...EMPTY, ...expected })
    if (line !== undefined) expect(formatBlastRadius(radius)).toBe(line)
  })

  test('every real plan yields only values of the strict formats', () => {
    const formats: [keyof BlastRadius, RegExp][] = [
      ['awsAccounts', /^\d{12}$/],
      ['gcpProjects', /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/],
      ['azureSubscriptions', /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/],
      ['regions', /^[a-z][a-z0-9-]*[0-9a-z]$/]
    ]
    const bad: string[] = []
    for (const path of realFiles()) {
      const radius = inferBlastRadius(readPlan(readFileSync(path)), { includeNoOp: true })
      for (const [key, format] of formats) {
        for (const value of radius[key]) if (!format.test(value)) bad.push(`${path} ${value}`)
      }
    }
    expect(bad).toEqual([])
  })
})

describe('arnFields reads what the ARN pattern captures', () => {
  const reference = (value: string): readonly [string, string] | undefined => {
    const match = ARN.exec(value)
    return match === null ? undefined : [match[1] ?? '', match[2] ?? '']
  }
  const piece = fc.constantFrom(
    'arn:aws',
    'arn:aws-cn',
    'arn:',
    'aws',
    '-',
    '-us-gov',
    ':',
    '::',
    's3',
    'iam',
    'eu-west-1',
    '123456789012',
    'a',
    'Z',
    '0',
    '.',
    '/',
    '*',
    ' ',
    '\n',
    '\r',
    '\u2028',
    '\u2029',
    'é',
    'role/x'
  )
  test('on strings made of ARN pieces, and on any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
          fc.array(piece, { maxLength: 12 }).map((parts) => `arn:aws${parts.join('')}`),
          fc.string()
        ),
        (value) => {
          expect(arnFields(value)).toEqual(reference(value))
        }
      ),
      { numRuns: 20_000 }
    )
  })
  test('examples', () => {
    for (const value of [
      'arn:aws:s3:::bucket',
      'arn:aws:kms:eu-west-1:123456789012:key/k',
      'arn:aws-us-gov:iam::123456789012:role/r',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:aws:s3:::',
      'arn:aws:s3:::x\n',
      'arn:aws-:s3:::x',
      'arn:aws:S3:::x',
      'arn:aws::::x'
    ]) {
      expect(arnFields(value)).toEqual(reference(value))
    }
    expect(arnFields('arn:aws:kms:eu-west-1:123456789012:key/k')).toEqual([
      'eu-west-1',
      '123456789012'
    ])
  })
})
