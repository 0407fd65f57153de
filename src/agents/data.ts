/**
 * Commands that destroy data outside Terraform, as data. Each entry names a program, the words
 * that must follow it in order (options and their values may sit in between), and optionally a
 * flag one of which must be present. Add an entry to cover another command; `check` names a few
 * matchers that need more than words (SQL text, kubectl resource kinds).
 */
export interface DataRule {
  /** Short stable key, shown in reasons and the audit log (`aws-rds-delete-db-instance`). */
  readonly key: string
  /** Program names (basename), e.g. `aws`. */
  readonly programs: readonly string[]
  /** Words that must follow in this order; an inner array means "any of these". */
  readonly path?: readonly (string | readonly string[])[]
  /** At least one of these flags must be present (`--force`, `-r`). */
  readonly anyFlag?: readonly string[]
  /** A matcher for what words cannot say. */
  readonly check?: 'sql' | 'kubectl' | 'any-delete' | 'redis' | 'mongo'
  /** What it destroys, for the reason. */
  readonly what: string
}

const aws = (
  service: string,
  ops: readonly string[],
  what: string,
  anyFlag?: string[]
): DataRule => ({
  key: `aws-${service}-${ops[0]}`,
  programs: ['aws'],
  path: [service, ops],
  ...(anyFlag === undefined ? {} : { anyFlag }),
  what
})

const gcloud = (
  path: readonly (string | readonly string[])[],
  what: string,
  anyFlag?: string[]
): DataRule => ({
  key: `gcloud-${path.map((p) => (typeof p === 'string' ? p : p[0])).join('-')}`,
  programs: ['gcloud'],
  path,
  ...(anyFlag === undefined ? {} : { anyFlag }),
  what
})

export const DATA_RULES: readonly DataRule[] = [
  aws(
    'rds',
    [
      'delete-db-instance',
      'delete-db-cluster',
      'delete-global-cluster',
      'delete-db-instance-automated-backup',
      'delete-db-cluster-automated-backup'
    ],
    'an RDS database'
  ),
  aws('rds', ['delete-db-snapshot', 'delete-db-cluster-snapshot'], 'an RDS snapshot'),
  aws('s3', ['rb'], 'an S3 bucket and every object in it', ['--force']),
  aws('s3', ['rm'], 'every object under an S3 prefix', ['--recursive']),
  aws('s3api', ['delete-bucket'], 'an S3 bucket'),
  aws('ec2', ['delete-volume'], 'an EBS volume'),
  aws('ec2', ['delete-snapshot'], 'an EBS snapshot'),
  aws('dynamodb', ['delete-table', 'delete-backup'], 'a DynamoDB table or backup'),
  aws('kms', ['schedule-key-deletion'], 'a KMS key (and everything encrypted with it)'),
  aws('backup', ['delete-recovery-point', 'delete-backup-vault'], 'AWS Backup recovery points'),
  aws('secretsmanager', ['delete-secret'], 'a secret'),
  aws('efs', ['delete-file-system'], 'an EFS file system'),
  aws('fsx', ['delete-file-system', 'delete-backup'], 'an FSx file system or backup'),
  aws(
    'elasticache',
    [
      'delete-cache-cluster',
      'delete-replication-group',
      'delete-serverless-cache',
      'delete-snapshot'
    ],
    'an ElastiCache cluster or snapshot'
  ),
  aws('memorydb', ['delete-cluster', 'delete-snapshot'], 'a MemoryDB cluster or snapshot'),
  aws('redshift', ['delete-cluster', 'delete-cluster-snapshot'], 'a Redshift cluster or snapshot'),
  aws(
    'redshift-serverless',
    ['delete-namespace', 'delete-snapshot'],
    'a Redshift Serverless namespace'
  ),
  aws('docdb', ['delete-db-cluster', 'delete-db-instance'], 'a DocumentDB database'),
  aws('neptune', ['delete-db-cluster', 'delete-db-instance'], 'a Neptune database'),
  aws('opensearch', ['delete-domain'], 'an OpenSearch domain'),
  aws('es', ['delete-elasticsearch-domain'], 'an Elasticsearch domain'),
  aws('keyspaces', ['delete-keyspace', 'delete-table'], 'a Keyspaces keyspace or table'),
  aws('timestream-write', ['delete-database', 'delete-table'], 'a Timestream database or table'),
  aws('glacier', ['delete-vault', 'delete-archive'], 'a Glacier vault or archive'),
  aws('ecr', ['delete-repository'], 'an ECR repository and its images', ['--force']),
  aws('cloudformation', ['delete-stack'], 'a CloudFormation stack and its resources'),
  aws('lightsail', ['delete-relational-database'], 'a Lightsail database'),
  gcloud(['sql', 'instances', 'delete'], 'a Cloud SQL instance and its backups'),
  gcloud(['sql', 'databases', 'delete'], 'a Cloud SQL database'),
  gcloud(['sql', 'backups', 'delete'], 'a Cloud SQL backup'),
  gcloud(
    ['compute', ['disks', 'snapshots', 'images', 'machine-images'], 'delete'],
    'a Compute Engine disk, snapshot or image'
  ),
  gcloud(['storage', 'rm'], 'every object under a Cloud Storage prefix', [
    '--recursive',
    '-r',
    '-R'
  ]),
  gcloud(['storage', 'buckets', 'delete'], 'a Cloud Storage bucket'),
  gcloud(['spanner', ['instances', 'databases'], 'delete'], 'a Spanner instance or database'),
  gcloud(['bigtable', ['instances', 'tables'], 'delete'], 'a Bigtable instance or table'),
  gcloud(['redis', 'instances', 'delete'], 'a Memorystore instance'),
  gcloud(['filestore', ['instances', 'backups'], 'delete'], 'a Filestore instance or backup'),
  gcloud(['firestore', 'databases', 'delete'], 'a Firestore database'),
  gcloud(['alloydb', ['clusters', 'instances', 'backups'], 'delete'], 'an AlloyDB cluster'),
  gcloud(
    ['kms', 'keys', 'versions', 'destroy'],
    'a Cloud KMS key version (and everything encrypted with it)'
  ),
  gcloud(['container', 'clusters', 'delete'], 'a GKE cluster and its volumes'),
  gcloud(['projects', 'delete'], 'a whole Google Cloud project'),
  {
    key: 'gsutil-rm',
    programs: ['gsutil'],
    path: ['rm'],
    anyFlag: ['-r', '-R', '-a'],
    what: 'every object under a Cloud Storage prefix'
  },
  { key: 'gsutil-rb', programs: ['gsutil'], path: ['rb'], what: 'a Cloud Storage bucket' },
  { key: 'bq-rm', programs: ['bq'], path: ['rm'], what: 'a BigQuery dataset or table' },
  {
    key: 'az-delete',
    programs: ['az'],
    check: 'any-delete',
    what: 'an Azure resource (az … delete/purge)'
  },
  {
    key: 'kubectl-delete',
    programs: ['kubectl', 'oc'],
    check: 'kubectl',
    what: 'Kubernetes namespaces, persistent volumes (claims) or stateful sets'
  },
  {
    key: 'helm-uninstall',
    programs: ['helm'],
    path: [['uninstall', 'delete', 'del', 'un']],
    what: 'a Helm release (with a stateful chart: its data)'
  },
  {
    key: 'sql-drop',
    programs: [
      'psql',
      'mysql',
      'mariadb',
      'sqlite3',
      'sqlcmd',
      'clickhouse-client',
      'cockroach',
      'cqlsh',
      'duckdb',
      'snowsql'
    ],
    check: 'sql',
    what: 'a database, schema or table (DROP / TRUNCATE / DELETE without WHERE)'
  },
  { key: 'dropdb', programs: ['dropdb'], what: 'a PostgreSQL database' },
  { key: 'mysqladmin-drop', programs: ['mysqladmin'], path: ['drop'], what: 'a MySQL database' },
  {
    key: 'redis-flush',
    programs: ['redis-cli', 'valkey-cli'],
    check: 'redis',
    what: 'every key in a Redis database'
  },
  {
    key: 'mongo-drop',
    programs: ['mongosh', 'mongo'],
    check: 'mongo',
    what: 'a MongoDB database or collection'
  }
]

/** Options that take a separate value in kubectl, so their value is not read as a resource. */
const KUBECTL_VALUE_OPTIONS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--cluster',
  '--kubeconfig',
  '--user',
  '-s',
  '--server',
  '-l',
  '--selector',
  '-o',
  '--output',
  '--field-selector',
  '--grace-period',
  '--timeout',
  '--cascade',
  '--as',
  '--as-group',
  '--token',
  '--request-timeout',
  '--wait'
])

const KUBECTL_DATA_KINDS = new Set([
  'ns',
  'namespace',
  'namespaces',
  'pvc',
  'persistentvolumeclaim',
  'persistentvolumeclaims',
  'pv',
  'persistentvolume',
  'persistentvolumes',
  'sts',
  'statefulset',
  'statefulsets',
  'statefulset.apps',
  'statefulsets.apps',
  'all',
  'crd',
  'crds',
  'customresourcedefinition',
  'customresourcedefinitions',
  'volumesnapshot',
  'volumesnapshots',
  'volumesnapshotcontent',
  'volumesnapshotcontents'
])

/** Options whose value is SQL text, per client. */
const SQL_TEXT_OPTIONS = [
  '-c',
  '--command',
  '-e',
  '--execute',
  '--query',
  '-q',
  '-Q',
  '--eval',
  '--sql',
  '-cmd'
]

/** DROP DATABASE/SCHEMA/TABLE/KEYSPACE, TRUNCATE, DELETE FROM x without WHERE. */
export function destructiveSql(text: string): boolean {
  const sql = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
  return (
    /\bdrop\s+(database|schema|table|keyspace|collection|materialized\s+view)\b/i.test(sql) ||
    /\btruncate\b/i.test(sql) ||
    /\bdelete\s+from\s+[^\s;]+\s*(;|$)/im.test(sql)
  )
}

export interface DataArgs {
  /** Words after the program; undefined for run-time words. */
  readonly args: readonly (string | undefined)[]
  /** Literal standard input, if known. */
  readonly stdin?: string
  /** Reads a file named in the command (SQL scripts), when the caller allows it. */
  readonly readFile?: (path: string) => string | undefined
}

/** The data rules a command matches. */
export function matchData(
  program: string,
  input: DataArgs,
  rules: readonly DataRule[] = DATA_RULES
): DataRule[] {
  return rules.filter((rule) => rule.programs.includes(program) && matches(rule, input))
}

function matches(rule: DataRule, input: DataArgs): boolean {
  const words = input.args.filter((a): a is string => a !== undefined)
  if (rule.path !== undefined && !subsequence(words, rule.path)) return false
  if (rule.anyFlag !== undefined && !rule.anyFlag.some((f) => hasFlag(words, f))) return false
  switch (rule.check) {
    case undefined:
      return true
    case 'any-delete':
      return words.some((w) => !w.startsWith('-') && /^(delete|purge)$/.test(w))
    case 'kubectl':
      return kubectlDeletesData(words)
    case 'redis':
      return (
        words.some((w) => /^(flushall|flushdb)$/i.test(w)) ||
        /\bflush(all|db)\b/i.test(input.stdin ?? '')
      )
    case 'mongo':
      return [...sqlTexts(words), input.stdin ?? ''].some((t) =>
        /dropDatabase\s*\(|\.drop\s*\(|deleteMany\s*\(\s*\{\s*\}\s*\)/.test(t)
      )
    case 'sql':
      return sqlSources(words, input).some(destructiveSql)
  }
}

function hasFlag(words: readonly string[], flag: string): boolean {
  return words.some((w) => w === flag || w.startsWith(`${flag}=`))
}

function subsequence(
  words: readonly string[],
  path: readonly (string | readonly string[])[]
): boolean {
  let at = 0
  for (const step of path) {
    const options = typeof step === 'string' ? [step] : step
    while (at < words.length && !options.includes(words[at] as string)) at++
    if (at >= words.length) return false
    at++
  }
  return true
}

function kubectlDeletesData(words: readonly string[]): boolean {
  const positional: string[] = []
  let files = false
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    if (
      w === '-f' ||
      w === '--filename' ||
      w === '-k' ||
      w === '--kustomize' ||
      /^--(filename|kustomize)=/.test(w) ||
      /^-[fk]./.test(w)
    )
      files = true
    if (KUBECTL_VALUE_OPTIONS.has(w)) {
      i++
      continue
    }
    if (!w.startsWith('-')) positional.push(w)
  }
  if (positional[0] !== 'delete') return false
  // Manifests may hold anything: a namespace, a volume claim.
  if (files) return true
  const kinds = (positional[1] ?? '').split(',').map((k) => (k.split('/')[0] ?? '').toLowerCase())
  return kinds.some((k) => KUBECTL_DATA_KINDS.has(k))
}

function sqlTexts(words: readonly string[]): string[] {
  const texts: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    for (const option of SQL_TEXT_OPTIONS) {
      if (w === option && words[i + 1] !== undefined) texts.push(words[i + 1] as string)
      else if (w.startsWith(`${option}=`)) texts.push(w.slice(option.length + 1))
      else if (option.length === 2 && w.startsWith(option) && w.length > 2 && !w.startsWith('--'))
        texts.push(w.slice(2))
    }
  }
  return texts
}

/** Every SQL text a client would run: options, positional SQL (sqlite3), stdin, script files. */
function sqlSources(words: readonly string[], input: DataArgs): string[] {
  const texts = sqlTexts(words)
  // sqlite3 DB "SQL", duckdb DB "SQL": SQL as an operand; harmless to scan every operand.
  texts.push(...words.filter((w) => !w.startsWith('-') && /\s/.test(w)))
  if (input.stdin !== undefined) texts.push(input.stdin)
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    const file =
      w === '-f' || w === '--file' ? words[i + 1] : w.startsWith('--file=') ? w.slice(7) : undefined
    if (file !== undefined) {
      const text = input.readFile?.(file)
      if (text !== undefined) texts.push(text)
    }
  }
  return texts
}
