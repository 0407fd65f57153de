// Resource-type catalogue for the synthetic plans of gen-plan.mjs: six AWS-like types with 13–70
// attributes, nested blocks, tags / tags_all, nulls, an embedded JSON policy and a sensitive
// password. Every value is fake (AWS's documentation account id, FAKE- prefixes).
export const REGION = 'eu-west-1'
export const ACCOUNT = '123456789012'
export const FAKE_PASSWORD = 'FAKE-bench-password-not-a-secret'

const q = JSON.stringify
const arn = (svc, rest) => `arn:aws:${svc}:${REGION}:${ACCOUNT}:${rest}`
const kms = (c) => arn('kms', `key/00000000-0000-4000-8000-${c.hex.slice(4)}`)
const words = (text) => text.split(/\s+/).filter(Boolean)
// Providers report most optional attributes at their zero value; listing them by value keeps
// the catalogue short. Shared arrays are safe: the generator never mutates values.
const zeros = (value, names) => Object.fromEntries(words(names).map((k) => [k, value]))

const rule = (port, cidr, description) => ({
  cidr_blocks: [cidr],
  description,
  from_port: port,
  ipv6_cidr_blocks: [],
  prefix_list_ids: [],
  protocol: 'tcp',
  security_groups: [],
  self: false,
  to_port: port
})

const statements = (c) => [
  { Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::bench-${c.slug}/*` },
  { Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: arn('dynamodb', `table/${c.slug}`) },
  { Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: arn('sqs', c.slug) }
]

// Per type: `values` gives the attributes that vary or matter, `zero` the rest; `computed`
// attributes are unknown until apply, `replace` is a force-new attribute, `lean` the subset
// kept in lean plans.
const CATALOGUE = {
  aws_instance: {
    schema: 1,
    id: (c) => `i-0${c.hex}`,
    computed: words('arn id primary_network_interface_id private_dns private_ip'),
    replace: 'ami',
    lean: 'ami arn availability_zone id instance_type private_ip subnet_id vpc_security_group_ids',
    zero: {
      ...zeros('', 'host_id instance_lifecycle key_name outpost_arn password_data'),
      ...zeros('', 'placement_group public_dns public_ip spot_instance_request_id'),
      ...zeros([], 'credit_specification ebs_block_device ephemeral_block_device ipv6_addresses'),
      ...zeros([], 'instance_market_options launch_template network_interface'),
      ...zeros([], 'secondary_private_ips security_groups'),
      ...zeros(null, 'host_resource_group_arn timeouts user_data_base64 volume_tags'),
      ...zeros(false, 'associate_public_ip_address disable_api_stop disable_api_termination'),
      ...zeros(false, 'get_password_data hibernation monitoring user_data_replace_on_change'),
      ...zeros(0, 'ipv6_address_count placement_partition_number')
    },
    values: (c) => ({
      ami: `ami-0fake${c.hex.slice(4)}`,
      arn: arn('ec2', `instance/i-0${c.hex}`),
      availability_zone: c.az,
      capacity_reservation_specification: [
        { capacity_reservation_preference: 'open', capacity_reservation_target: [] }
      ],
      cpu_core_count: 2,
      cpu_options: [{ amd_sev_snp: '', core_count: 2, threads_per_core: 2 }],
      cpu_threads_per_core: 2,
      ebs_optimized: true,
      enclave_options: [{ enabled: false }],
      iam_instance_profile: `${c.slug}-profile`,
      id: `i-0${c.hex}`,
      instance_initiated_shutdown_behavior: 'stop',
      instance_state: 'running',
      instance_type: 'm6i.large',
      maintenance_options: [{ auto_recovery: 'default' }],
      metadata_options: [
        {
          http_endpoint: 'enabled',
          http_protocol_ipv6: 'disabled',
          http_put_response_hop_limit: 2,
          http_tokens: 'required',
          instance_metadata_tags: 'disabled'
        }
      ],
      primary_network_interface_id: `eni-0${c.hex}`,
      private_dns: `ip-${c.ip.replaceAll('.', '-')}.${REGION}.compute.internal`,
      private_dns_name_options: [
        {
          enable_resource_name_dns_a_record: false,
          enable_resource_name_dns_aaaa_record: false,
          hostname_type: 'ip-name'
        }
      ],
      private_ip: c.ip,
      root_block_device: [
        {
          delete_on_termination: true,
          device_name: '/dev/xvda',
          encrypted: true,
          iops: 3000,
          kms_key_id: kms(c),
          tags: {},
          tags_all: {},
          throughput: 125,
          volume_id: `vol-0${c.hex}`,
          volume_size: 50,
          volume_type: 'gp3'
        }
      ],
      source_dest_check: true,
      subnet_id: `subnet-0${c.hex}`,
      tenancy: 'default',
      user_data: '0'.repeat(40),
      vpc_security_group_ids: [`sg-0${c.hex}`, `sg-1${c.hex}`]
    })
  },
  aws_db_instance: {
    schema: 2,
    id: (c) => `db-FAKE${c.hex.toUpperCase()}`,
    computed: words('address arn endpoint id resource_id status'),
    sensitive: ['password'],
    replace: 'db_name',
    lean: 'arn backup_retention_period db_name deletion_protection engine id identifier password',
    zero: {
      ...zeros('', 'character_set_name custom_iam_instance_profile identifier_prefix'),
      ...zeros('', 'replicate_source_db'),
      ...zeros([], 'blue_green_update listener_endpoint master_user_secret replicas'),
      ...zeros([], 'restore_to_point_in_time s3_import'),
      ...zeros(null, 'allow_major_version_upgrade manage_master_user_password timeouts'),
      ...zeros(null, 'snapshot_identifier'),
      ...zeros(false, 'apply_immediately customer_owned_ip_enabled dedicated_log_volume'),
      ...zeros(false, 'iam_database_authentication_enabled publicly_accessible'),
      ...zeros(false, 'skip_final_snapshot'),
      ...zeros(0, 'iops storage_throughput')
    },
    values: (c) => ({
      address: `${c.slug}.fake.${REGION}.rds.amazonaws.com`,
      allocated_storage: 100,
      arn: arn('rds', `db:${c.slug}`),
      auto_minor_version_upgrade: true,
      availability_zone: c.az,
      backup_retention_period: 7,
      backup_target: 'region',
      backup_window: '03:00-04:00',
      ca_cert_identifier: 'rds-ca-rsa2048-g1',
      copy_tags_to_snapshot: true,
      db_name: 'app',
      db_subnet_group_name: c.slug,
      delete_automated_backups: true,
      deletion_protection: true,
      enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'],
      endpoint: `${c.slug}.fake.${REGION}.rds.amazonaws.com:5432`,
      engine: 'postgres',
      engine_version: '16.3',
      engine_version_actual: '16.3',
      final_snapshot_identifier: `${c.slug}-final`,
      hosted_zone_id: 'Z0000000FAKE',
      id: `db-FAKE${c.hex.toUpperCase()}`,
      identifier: c.slug,
      instance_class: 'db.r6g.large',
      kms_key_id: kms(c),
      latest_restorable_time: '2026-01-01T00:00:00Z',
      license_model: 'postgresql-license',
      maintenance_window: 'sun:05:00-sun:06:00',
      max_allocated_storage: 500,
      monitoring_interval: 60,
      monitoring_role_arn: `arn:aws:iam::${ACCOUNT}:role/${c.slug}-monitoring`,
      multi_az: true,
      network_type: 'IPV4',
      option_group_name: 'default:postgres-16',
      parameter_group_name: 'default.postgres16',
      password: FAKE_PASSWORD,
      performance_insights_enabled: true,
      performance_insights_kms_key_id: kms(c),
      performance_insights_retention_period: 7,
      port: 5432,
      resource_id: `db-FAKE${c.hex.toUpperCase()}`,
      status: 'available',
      storage_encrypted: true,
      storage_type: 'gp3',
      username: 'app_admin',
      vpc_security_group_ids: [`sg-0${c.hex}`]
    })
  },
  aws_s3_bucket: {
    schema: 0,
    id: (c) => `bench-${c.slug}-${c.hex.slice(8)}`,
    computed: words('arn bucket_domain_name bucket_regional_domain_name id'),
    replace: 'bucket',
    lean: 'arn bucket force_destroy id region versioning',
    zero: {
      ...zeros('', 'acceleration_status bucket_prefix policy'),
      ...zeros([], 'cors_rule logging object_lock_configuration replication_configuration website'),
      ...zeros(null, 'acl timeouts website_domain website_endpoint'),
      ...zeros(false, 'force_destroy object_lock_enabled')
    },
    values: (c, bucket = `bench-${c.slug}-${c.hex.slice(8)}`) => ({
      arn: `arn:aws:s3:::${bucket}`,
      bucket,
      bucket_domain_name: `${bucket}.s3.amazonaws.com`,
      bucket_regional_domain_name: `${bucket}.s3.${REGION}.amazonaws.com`,
      grant: [
        { id: c.hex.repeat(4), permissions: ['FULL_CONTROL'], type: 'CanonicalUser', uri: '' }
      ],
      hosted_zone_id: 'Z0000000FAKE',
      id: bucket,
      lifecycle_rule: [
        {
          abort_incomplete_multipart_upload_days: 7,
          enabled: true,
          expiration: [{ date: '', days: 365, expired_object_delete_marker: false }],
          id: 'expire',
          noncurrent_version_expiration: [{ days: 30 }],
          noncurrent_version_transition: [],
          prefix: 'tmp/',
          tags: {},
          transition: []
        }
      ],
      region: REGION,
      request_payer: 'BucketOwner',
      server_side_encryption_configuration: [
        {
          rule: [
            {
              apply_server_side_encryption_by_default: [
                { kms_master_key_id: kms(c), sse_algorithm: 'aws:kms' }
              ],
              bucket_key_enabled: true
            }
          ]
        }
      ],
      versioning: [{ enabled: true, mfa_delete: false }]
    })
  },
  aws_iam_role: {
    schema: 0,
    id: (c) => c.slug,
    computed: words('arn create_date id unique_id'),
    replace: 'name',
    lean: 'arn assume_role_policy id name path unique_id',
    zero: { ...zeros('', 'name_prefix permissions_boundary'), force_detach_policies: false },
    values: (c) => ({
      arn: `arn:aws:iam::${ACCOUNT}:role/${c.slug}`,
      assume_role_policy: q({
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'ecs-tasks.amazonaws.com' }
          }
        ],
        Version: '2012-10-17'
      }),
      create_date: '2025-01-01T00:00:00Z',
      description: `Role for ${c.slug}`,
      id: c.slug,
      // A JSON document inside a string: the scanner must handle escaped quotes.
      inline_policy: [
        {
          name: `${c.slug}-inline`,
          policy: q({
            Statement: statements(c).map((s, i) => ({ ...s, Effect: 'Allow', Sid: `S${i}` })),
            Version: '2012-10-17'
          })
        }
      ],
      managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      max_session_duration: 3600,
      name: c.slug,
      path: '/',
      unique_id: `AROAFAKE${c.hex.toUpperCase()}`
    })
  },
  aws_security_group: {
    schema: 1,
    id: (c) => `sg-0${c.hex}`,
    computed: words('arn id owner_id'),
    replace: 'name',
    lean: 'arn description id ingress name vpc_id',
    zero: { name_prefix: '', revoke_rules_on_delete: false, timeouts: null },
    values: (c) => ({
      arn: arn('ec2', `security-group/sg-0${c.hex}`),
      description: `SG for ${c.slug}`,
      egress: [rule(0, '0.0.0.0/0', 'all egress')],
      id: `sg-0${c.hex}`,
      ingress: [443, 8080, 8443, 5432, 6379, 9090].map((p) => rule(p, '10.0.0.0/8', `port ${p}`)),
      name: c.slug,
      owner_id: ACCOUNT,
      vpc_id: 'vpc-0fake0000000001'
    })
  },
  aws_dynamodb_table: {
    schema: 1,
    id: (c) => c.slug,
    computed: words('arn id stream_arn stream_label'),
    replace: 'name',
    lean: 'arn billing_mode deletion_protection_enabled hash_key id name point_in_time_recovery',
    zero: {
      ...zeros('', 'stream_arn stream_label stream_view_type'),
      ...zeros([], 'import_table local_secondary_index on_demand_throughput replica'),
      ...zeros(null, 'restore_date_time restore_source_name restore_to_latest_time timeouts'),
      ...zeros(0, 'read_capacity write_capacity'),
      stream_enabled: false
    },
    values: (c) => ({
      arn: arn('dynamodb', `table/${c.slug}`),
      attribute: words('gsi1pk gsi1sk pk sk').map((name) => ({ name, type: 'S' })),
      billing_mode: 'PAY_PER_REQUEST',
      deletion_protection_enabled: true,
      global_secondary_index: [
        {
          hash_key: 'gsi1pk',
          name: 'gsi1',
          non_key_attributes: [],
          on_demand_throughput: [],
          projection_type: 'ALL',
          range_key: 'gsi1sk',
          read_capacity: 0,
          write_capacity: 0
        }
      ],
      hash_key: 'pk',
      id: c.slug,
      name: c.slug,
      point_in_time_recovery: [{ enabled: true }],
      range_key: 'sk',
      server_side_encryption: [{ enabled: true, kms_key_arn: kms(c) }],
      table_class: 'STANDARD',
      ttl: [{ attribute_name: 'expires_at', enabled: true }]
    })
  }
}

// Terraform writes attributes in cty order (sorted); the key order is computed once per type.
export const TYPES = Object.fromEntries(
  Object.entries(CATALOGUE).map(([type, t]) => {
    const sample = t.values({ hex: '0'.repeat(16), slug: 'x', az: 'x', ip: '0.0.0.0' })
    const order = [...Object.keys(sample), ...Object.keys(t.zero), 'tags', 'tags_all'].sort()
    const lean = new Set([...words(t.lean), 'tags', 'tags_all'])
    return [type, { ...t, order, leanOrder: order.filter((k) => lean.has(k)) }]
  })
)

/** The attribute values of one resource instance (`c`: per-instance fake ids and names). */
export function valuesOf(type, c, lean) {
  const t = TYPES[type]
  const tags = {
    CostCenter: `cc-${1000 + (c.n % 40)}`,
    Environment: 'bench',
    ManagedBy: 'terraform',
    Module: c.call,
    Name: c.slug,
    Owner: `team-${c.n % 12}`
  }
  const set = t.values(c)
  set.tags = tags
  set.tags_all = { ...tags, Project: 'plan-gate-bench' }
  const out = {}
  for (const k of lean ? t.leanOrder : t.order) {
    const v = k in set ? set[k] : t.zero[k]
    // Lean plans keep one element per nested block list.
    out[k] = lean && Array.isArray(v) && typeof v[0] === 'object' ? [v[0]] : v
  }
  return out
}
