// Resource-type catalogue for the synthetic plans of gen-plan.mjs: six AWS-like types with 13–70
// attributes, nested blocks, tags / tags_all, nulls, an embedded JSON policy and a sensitive
// password. Every value is fake (documentation account id, FAKE- prefixes).
// Keys are written in cty order (sorted), as Terraform emits them; the `...{}` groups only keep
// the long attribute lists compact.
export const REGION = 'eu-west-1'
export const ACCOUNT = '123456789012' // AWS's documentation account: obviously not a real one
export const FAKE_PASSWORD = 'FAKE-bench-password-not-a-secret'

const q = JSON.stringify
const arn = (svc, rest) => `arn:aws:${svc}:${REGION}:${ACCOUNT}:${rest}`
const kms = (c) => arn('kms', `key/00000000-0000-4000-8000-${c.hex.slice(4)}`)
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
const policy = (actions, resources) =>
  q({
    Version: '2012-10-17',
    Statement: actions.map((a, i) => ({ Action: a, Effect: 'Allow', Resource: resources, Sid: `S${i}` }))
  })

// Attribute builders: keys in cty (sorted) order. Computed keys are unknown on create.
export const TYPES = {
  aws_instance: {
    schema: 1,
    id: (c) => `i-0${c.hex}`,
    computed: ['arn', 'id', 'primary_network_interface_id', 'private_dns', 'private_ip'],
    replace: 'ami',
    values: (c) => ({
      ...{ ami: `ami-0fake${c.hex.slice(4)}`, arn: arn('ec2', `instance/i-0${c.hex}`) },
      ...{ associate_public_ip_address: false, availability_zone: c.az },
      capacity_reservation_specification: [
        { capacity_reservation_preference: 'open', capacity_reservation_target: [] }
      ],
      cpu_core_count: 2,
      cpu_options: [{ amd_sev_snp: '', core_count: 2, threads_per_core: 2 }],
      ...{ cpu_threads_per_core: 2, credit_specification: [], disable_api_stop: false },
      ...{ disable_api_termination: false, ebs_block_device: [], ebs_optimized: true },
      ...{ enclave_options: [{ enabled: false }], ephemeral_block_device: [] },
      ...{ get_password_data: false, hibernation: false, host_id: '' },
      ...{ host_resource_group_arn: null, iam_instance_profile: `${c.slug}-profile` },
      ...{ id: `i-0${c.hex}`, instance_initiated_shutdown_behavior: 'stop' },
      ...{ instance_lifecycle: '', instance_market_options: [], instance_state: 'running' },
      ...{ instance_type: 'm6i.large', ipv6_address_count: 0, ipv6_addresses: [], key_name: '' },
      ...{ launch_template: [], maintenance_options: [{ auto_recovery: 'default' }] },
      metadata_options: [
        {
          ...{ http_endpoint: 'enabled', http_protocol_ipv6: 'disabled' },
          ...{ http_put_response_hop_limit: 2, http_tokens: 'required' },
          instance_metadata_tags: 'disabled'
        }
      ],
      ...{ monitoring: false, network_interface: [], outpost_arn: '', password_data: '' },
      ...{ placement_group: '', placement_partition_number: 0 },
      primary_network_interface_id: `eni-0${c.hex}`,
      private_dns: `ip-${c.ip.replaceAll('.', '-')}.${REGION}.compute.internal`,
      private_dns_name_options: [
        {
          ...{ enable_resource_name_dns_a_record: false },
          ...{ enable_resource_name_dns_aaaa_record: false, hostname_type: 'ip-name' }
        }
      ],
      ...{ private_ip: c.ip, public_dns: '', public_ip: '' },
      root_block_device: [
        {
          ...{ delete_on_termination: true, device_name: '/dev/xvda', encrypted: true },
          ...{ iops: 3000, kms_key_id: kms(c), tags: {}, tags_all: {}, throughput: 125 },
          ...{ volume_id: `vol-0${c.hex}`, volume_size: 50, volume_type: 'gp3' }
        }
      ],
      ...{ secondary_private_ips: [], security_groups: [], source_dest_check: true },
      ...{ spot_instance_request_id: '', subnet_id: `subnet-0${c.hex}` },
      ...{ tags: c.tags, tags_all: c.tagsAll, tenancy: 'default', timeouts: null },
      ...{ user_data: '0'.repeat(40), user_data_base64: null },
      ...{ user_data_replace_on_change: false, volume_tags: null },
      vpc_security_group_ids: [`sg-0${c.hex}`, `sg-1${c.hex}`]
    })
  },
  aws_db_instance: {
    schema: 2,
    id: (c) => `db-FAKE${c.hex.toUpperCase()}`,
    computed: ['address', 'arn', 'endpoint', 'id', 'resource_id', 'status'],
    sensitive: ['password'],
    replace: 'db_name',
    values: (c) => ({
      ...{ address: `${c.slug}.fake.${REGION}.rds.amazonaws.com`, allocated_storage: 100 },
      ...{ allow_major_version_upgrade: null, apply_immediately: false },
      ...{ arn: arn('rds', `db:${c.slug}`), auto_minor_version_upgrade: true },
      ...{ availability_zone: c.az, backup_retention_period: 7, backup_target: 'region' },
      ...{ backup_window: '03:00-04:00', blue_green_update: [] },
      ...{ ca_cert_identifier: 'rds-ca-rsa2048-g1', character_set_name: '' },
      ...{ copy_tags_to_snapshot: true, custom_iam_instance_profile: '' },
      ...{ customer_owned_ip_enabled: false, db_name: 'app', db_subnet_group_name: c.slug },
      ...{ dedicated_log_volume: false, delete_automated_backups: true },
      deletion_protection: true,
      ...{ enabled_cloudwatch_logs_exports: ['postgresql', 'upgrade'] },
      ...{ endpoint: `${c.slug}.fake.${REGION}.rds.amazonaws.com:5432`, engine: 'postgres' },
      ...{ engine_version: '16.3', engine_version_actual: '16.3' },
      ...{ final_snapshot_identifier: `${c.slug}-final`, hosted_zone_id: 'Z0000000FAKE' },
      ...{ iam_database_authentication_enabled: false, id: `db-FAKE${c.hex.toUpperCase()}` },
      ...{ identifier: c.slug, identifier_prefix: '', instance_class: 'db.r6g.large' },
      ...{ iops: 0, kms_key_id: kms(c), latest_restorable_time: '2026-01-01T00:00:00Z' },
      ...{ license_model: 'postgresql-license', listener_endpoint: [] },
      ...{ maintenance_window: 'sun:05:00-sun:06:00', manage_master_user_password: null },
      ...{ master_user_secret: [], max_allocated_storage: 500, monitoring_interval: 60 },
      ...{ monitoring_role_arn: `arn:aws:iam::${ACCOUNT}:role/${c.slug}-monitoring` },
      ...{ multi_az: true, network_type: 'IPV4', option_group_name: 'default:postgres-16' },
      ...{ parameter_group_name: 'default.postgres16', password: FAKE_PASSWORD },
      ...{ performance_insights_enabled: true, performance_insights_kms_key_id: kms(c) },
      ...{ performance_insights_retention_period: 7, port: 5432, publicly_accessible: false },
      ...{ replicas: [], replicate_source_db: '' },
      ...{ resource_id: `db-FAKE${c.hex.toUpperCase()}`, restore_to_point_in_time: [] },
      ...{ s3_import: [], skip_final_snapshot: false, snapshot_identifier: null },
      ...{ status: 'available', storage_encrypted: true, storage_throughput: 0 },
      ...{ storage_type: 'gp3', tags: c.tags, tags_all: c.tagsAll, timeouts: null },
      ...{ username: 'app_admin', vpc_security_group_ids: [`sg-0${c.hex}`] }
    })
  },
  aws_s3_bucket: {
    schema: 0,
    id: (c) => `bench-${c.slug}-${c.hex.slice(8)}`,
    computed: ['arn', 'bucket_domain_name', 'bucket_regional_domain_name', 'id'],
    replace: 'bucket',
    values: (c, b = `bench-${c.slug}-${c.hex.slice(8)}`) => ({
      ...{ acceleration_status: '', acl: null, arn: `arn:aws:s3:::${b}`, bucket: b },
      ...{ bucket_domain_name: `${b}.s3.amazonaws.com`, bucket_prefix: '' },
      ...{ bucket_regional_domain_name: `${b}.s3.${REGION}.amazonaws.com`, cors_rule: [] },
      force_destroy: false,
      grant: [{ id: c.hex.repeat(4), permissions: ['FULL_CONTROL'], type: 'CanonicalUser', uri: '' }],
      ...{ hosted_zone_id: 'Z0000000FAKE', id: b },
      lifecycle_rule: [
        {
          ...{ abort_incomplete_multipart_upload_days: 7, enabled: true },
          expiration: [{ date: '', days: 365, expired_object_delete_marker: false }],
          ...{ id: 'expire', noncurrent_version_expiration: [{ days: 30 }] },
          ...{ noncurrent_version_transition: [], prefix: 'tmp/', tags: {}, transition: [] }
        }
      ],
      ...{ logging: [], object_lock_configuration: [], object_lock_enabled: false, policy: '' },
      ...{ region: REGION, replication_configuration: [], request_payer: 'BucketOwner' },
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
      ...{ tags: c.tags, tags_all: c.tagsAll, timeouts: null },
      ...{ versioning: [{ enabled: true, mfa_delete: false }], website: [] },
      ...{ website_domain: null, website_endpoint: null }
    })
  },
  aws_iam_role: {
    schema: 0,
    id: (c) => c.slug,
    computed: ['arn', 'create_date', 'id', 'unique_id'],
    replace: 'name',
    values: (c) => ({
      arn: `arn:aws:iam::${ACCOUNT}:role/${c.slug}`,
      assume_role_policy: q({
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' } }
        ],
        Version: '2012-10-17'
      }),
      ...{ create_date: '2025-01-01T00:00:00Z', description: `Role for ${c.slug}` },
      force_detach_policies: false,
      id: c.slug,
      inline_policy: [
        {
          name: `${c.slug}-inline`,
          policy: policy(
            [['s3:GetObject', 's3:PutObject'], ['dynamodb:GetItem', 'dynamodb:Query'], ['sqs:*']],
            [`arn:aws:s3:::bench-${c.slug}/*`, arn('dynamodb', `table/${c.slug}`)]
          )
        }
      ],
      managed_policy_arns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      ...{ max_session_duration: 3600, name: c.slug, name_prefix: '', path: '/' },
      ...{ permissions_boundary: '', tags: c.tags, tags_all: c.tagsAll },
      unique_id: `AROAFAKE${c.hex.toUpperCase()}`
    })
  },
  aws_security_group: {
    schema: 1,
    id: (c) => `sg-0${c.hex}`,
    computed: ['arn', 'id', 'owner_id'],
    replace: 'name',
    values: (c) => ({
      ...{ arn: arn('ec2', `security-group/sg-0${c.hex}`), description: `SG for ${c.slug}` },
      egress: [rule(0, '0.0.0.0/0', 'all egress')],
      id: `sg-0${c.hex}`,
      ingress: [443, 8080, 8443, 5432, 6379, 9090].map((p) => rule(p, '10.0.0.0/8', `port ${p}`)),
      ...{ name: c.slug, name_prefix: '', owner_id: ACCOUNT, revoke_rules_on_delete: false },
      ...{ tags: c.tags, tags_all: c.tagsAll, timeouts: null, vpc_id: 'vpc-0fake0000000001' }
    })
  },
  aws_dynamodb_table: {
    schema: 1,
    id: (c) => c.slug,
    computed: ['arn', 'id', 'stream_arn', 'stream_label'],
    replace: 'name',
    values: (c) => ({
      arn: arn('dynamodb', `table/${c.slug}`),
      attribute: ['gsi1pk', 'gsi1sk', 'pk', 'sk'].map((name) => ({ name, type: 'S' })),
      ...{ billing_mode: 'PAY_PER_REQUEST', deletion_protection_enabled: true },
      global_secondary_index: [
        {
          ...{ hash_key: 'gsi1pk', name: 'gsi1', non_key_attributes: [] },
          ...{ on_demand_throughput: [], projection_type: 'ALL', range_key: 'gsi1sk' },
          ...{ read_capacity: 0, write_capacity: 0 }
        }
      ],
      ...{ hash_key: 'pk', id: c.slug, import_table: [], local_secondary_index: [] },
      ...{ name: c.slug, on_demand_throughput: [], point_in_time_recovery: [{ enabled: true }] },
      ...{ range_key: 'sk', read_capacity: 0, replica: [], restore_date_time: null },
      ...{ restore_source_name: null, restore_to_latest_time: null },
      server_side_encryption: [{ enabled: true, kms_key_arn: kms(c) }],
      ...{ stream_arn: '', stream_enabled: false, stream_label: '', stream_view_type: '' },
      ...{ table_class: 'STANDARD', tags: c.tags, tags_all: c.tagsAll, timeouts: null },
      ...{ ttl: [{ attribute_name: 'expires_at', enabled: true }], write_capacity: 0 }
    })
  }
}
