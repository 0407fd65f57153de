import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
const { spawn } = __requireBuiltin("node:child_process");
const { createHash } = __requireBuiltin("node:crypto");
const { existsSync, mkdirSync, writeFileSync, appendFileSync, mkdtempSync, copyFileSync, rmSync, readFileSync, chmodSync, statSync, accessSync, constants, openSync, readSync, closeSync } = __requireBuiltin("node:fs");
const { tmpdir, constants: constants$1 } = __requireBuiltin("node:os");
const { resolve, join: join$1, dirname, delimiter } = __requireBuiltin("node:path");
const { parseArgs } = __requireBuiltin("node:util");
import { o as own } from './load.js';

const aws = (service, ops, what, anyFlag) => ({
    key: `aws-${service}-${ops[0]}`,
    programs: ['aws'],
    path: [service, ops],
    ...(anyFlag === undefined ? {} : { anyFlag }),
    what
});
const gcloud = (path, what, anyFlag) => ({
    key: `gcloud-${path.map((p) => (typeof p === 'string' ? p : p[0])).join('-')}`,
    programs: ['gcloud'],
    path,
    ...(anyFlag === undefined ? {} : { anyFlag }),
    what
});
const DATA_RULES = [
    aws('rds', [
        'delete-db-instance',
        'delete-db-cluster',
        'delete-global-cluster',
        'delete-db-instance-automated-backup',
        'delete-db-cluster-automated-backup'
    ], 'an RDS database'),
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
    aws('elasticache', [
        'delete-cache-cluster',
        'delete-replication-group',
        'delete-serverless-cache',
        'delete-snapshot'
    ], 'an ElastiCache cluster or snapshot'),
    aws('memorydb', ['delete-cluster', 'delete-snapshot'], 'a MemoryDB cluster or snapshot'),
    aws('redshift', ['delete-cluster', 'delete-cluster-snapshot'], 'a Redshift cluster or snapshot'),
    aws('redshift-serverless', ['delete-namespace', 'delete-snapshot'], 'a Redshift Serverless namespace'),
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
    gcloud(['compute', ['disks', 'snapshots', 'images', 'machine-images'], 'delete'], 'a Compute Engine disk, snapshot or image'),
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
    gcloud(['kms', 'keys', 'versions', 'destroy'], 'a Cloud KMS key version (and everything encrypted with it)'),
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
];
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
]);
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
]);
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
];
/** DROP DATABASE/SCHEMA/TABLE/KEYSPACE, TRUNCATE, DELETE FROM x without WHERE. */
function destructiveSql(text) {
    const sql = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
    return (/\bdrop\s+(database|schema|table|keyspace|collection|materialized\s+view)\b/i.test(sql) ||
        /\btruncate\b/i.test(sql) ||
        /\bdelete\s+from\s+[^\s;]+\s*(;|$)/im.test(sql));
}
/** The data rules a command matches. */
function matchData(program, input, rules = DATA_RULES) {
    return rules.filter((rule) => rule.programs.includes(program) && matches(rule, input));
}
function matches(rule, input) {
    const words = input.args.filter((a) => a !== undefined);
    if (rule.path !== undefined && !subsequence(words, rule.path))
        return false;
    if (rule.anyFlag !== undefined && !rule.anyFlag.some((f) => hasFlag(words, f)))
        return false;
    switch (rule.check) {
        case undefined:
            return true;
        case 'any-delete':
            return words.some((w) => !w.startsWith('-') && /^(delete|purge)$/.test(w));
        case 'kubectl':
            return kubectlDeletesData(words);
        case 'redis':
            return (words.some((w) => /^(flushall|flushdb)$/i.test(w)) ||
                /\bflush(all|db)\b/i.test(input.stdin ?? ''));
        case 'mongo':
            return [...sqlTexts(words), input.stdin ?? ''].some((t) => /dropDatabase\s*\(|\.drop\s*\(|deleteMany\s*\(\s*\{\s*\}\s*\)/.test(t));
        case 'sql':
            return sqlSources(words, input).some(destructiveSql);
    }
}
function hasFlag(words, flag) {
    return words.some((w) => w === flag || w.startsWith(`${flag}=`));
}
function subsequence(words, path) {
    let at = 0;
    for (const step of path) {
        const options = typeof step === 'string' ? [step] : step;
        while (at < words.length && !options.includes(words[at]))
            at++;
        if (at >= words.length)
            return false;
        at++;
    }
    return true;
}
function kubectlDeletesData(words) {
    const positional = [];
    let files = false;
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (w === '-f' ||
            w === '--filename' ||
            w === '-k' ||
            w === '--kustomize' ||
            /^--(filename|kustomize)=/.test(w) ||
            /^-[fk]./.test(w))
            files = true;
        if (KUBECTL_VALUE_OPTIONS.has(w)) {
            i++;
            continue;
        }
        if (!w.startsWith('-'))
            positional.push(w);
    }
    if (positional[0] !== 'delete')
        return false;
    // Manifests may hold anything: a namespace, a volume claim.
    if (files)
        return true;
    const kinds = (positional[1] ?? '').split(',').map((k) => (k.split('/')[0] ?? '').toLowerCase());
    return kinds.some((k) => KUBECTL_DATA_KINDS.has(k));
}
function sqlTexts(words) {
    const texts = [];
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        for (const option of SQL_TEXT_OPTIONS) {
            if (w === option && words[i + 1] !== undefined)
                texts.push(words[i + 1]);
            else if (w.startsWith(`${option}=`))
                texts.push(w.slice(option.length + 1));
            else if (option.length === 2 && w.startsWith(option) && w.length > 2 && !w.startsWith('--'))
                texts.push(w.slice(2));
        }
    }
    return texts;
}
/** Every SQL text a client would run: options, positional SQL (sqlite3), stdin, script files. */
function sqlSources(words, input) {
    const texts = sqlTexts(words);
    // sqlite3 DB "SQL", duckdb DB "SQL": SQL as an operand; harmless to scan every operand.
    texts.push(...words.filter((w) => !w.startsWith('-') && /\s/.test(w)));
    if (input.stdin !== undefined)
        texts.push(input.stdin);
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        const file = w === '-f' || w === '--file' ? words[i + 1] : w.startsWith('--file=') ? w.slice(7) : undefined;
        if (file !== undefined) {
            const text = input.readFile?.(file);
            if (text !== undefined)
                texts.push(text);
        }
    }
    return texts;
}

/** The line is not valid shell: one line saying where. */
class ShellSyntaxError extends Error {
}
let loaded;
/** Loads the parser once (about 100 ms); resets the global it changes. */
function loadShell() {
    loaded ??= (async () => {
        const limit = Error.stackTraceLimit;
        const mod = await import('./shell-parser.js').then(function (n) { return n.i; });
        // GopherJS sets Error.stackTraceLimit to Infinity when it loads.
        Error.stackTraceLimit = limit;
        const sh = (mod.default ?? mod).syntax;
        if (sh === undefined)
            throw new Error('the shell parser did not load');
        return sh;
    })();
    return loaded;
}
/** Binary operators and redirections, as mvdan/sh numbers them (checked by a test). */
const OPS = {
    pipe: 12,
    pipeAll: 13,
    redirIn: 56,
    hdoc: 61,
    dashHdoc: 62,
    wordHdoc: 63
};
const NO_IO = { stdin: undefined, redirected: false };
/** Parses a command line (bash syntax) into every simple command it runs. */
function parseShell(sh, text) {
    let file;
    try {
        file = sh.NewParser().Parse(text, 'command');
    }
    catch (error) {
        throw new ShellSyntaxError(goMessage(error));
    }
    return new Collector(sh).file(file);
}
function goMessage(error) {
    const e = error;
    const text = typeof e?.Error === 'function'
        ? e.Error()
        : typeof e?.message === 'string'
            ? e.message
            : String(error);
    return text.replace(/^command:/, '').split('\n')[0] ?? 'syntax error';
}
class Collector {
    sh;
    out = [];
    seen = new Set();
    constructor(sh) {
        this.sh = sh;
    }
    file(file) {
        const root = { cwd: '.', env: new Map() };
        this.stmts(file['Stmts'], root, NO_IO);
        // Completeness: command and process substitutions in words (arguments, assignments,
        // redirections, loops, tests) run too. Walk visits outer ones first; each is read with the
        // structure-aware reader, so `$(cd x && terraform apply p)` keeps its `cd`.
        this.sh.Walk(file, (node) => {
            if (node === null)
                return true;
            const type = this.sh.NodeType(node);
            if ((type === 'CmdSubst' || type === 'ProcSubst') && !this.seen.has(key(node, type))) {
                this.seen.add(key(node, type));
                this.stmts(node['Stmts'], { cwd: root.cwd, env: new Map(root.env) }, NO_IO);
            }
            if (type === 'CallExpr' && !this.seen.has(key(node, type))) {
                this.call(node, { cwd: undefined, env: new Map() }, NO_IO);
            }
            return true;
        });
        return this.out;
    }
    stmts(list, scope, io) {
        for (const stmt of list ?? [])
            this.stmt(stmt, scope, io);
    }
    stmt(stmt, scope, io) {
        if (stmt === null || stmt === undefined)
            return;
        let stdin = io.stdin;
        let redirected = io.redirected;
        for (const redirect of stmt['Redirs'] ?? []) {
            const op = redirect['Op'];
            if (op === OPS.hdoc || op === OPS.dashHdoc) {
                stdin = this.word(redirect['Hdoc'], scope).value;
                redirected = true;
            }
            else if (op === OPS.wordHdoc) {
                stdin = this.word(redirect['Word'], scope).value;
                redirected = true;
            }
            else if (op === OPS.redirIn && (redirect['N'] === null || redirect['N'] === undefined)) {
                stdin = undefined;
                redirected = true;
            }
        }
        this.command(stmt['Cmd'], scope, { stdin, redirected });
    }
    command(node, scope, io) {
        if (node === null || node === undefined)
            return;
        const type = this.sh.NodeType(node);
        switch (type) {
            case 'CallExpr':
                this.call(node, scope, io);
                return;
            case 'BinaryCmd': {
                const op = node['Op'];
                const left = node['X'];
                const right = node['Y'];
                if (op === OPS.pipe || op === OPS.pipeAll) {
                    this.stmt(left, copy(scope), io);
                    this.stmt(right, copy(scope), { stdin: this.output(left, scope), redirected: true });
                }
                else {
                    this.stmt(left, scope, io);
                    this.stmt(right, scope, io);
                }
                return;
            }
            case 'Subshell':
                this.stmts(node['Stmts'], copy(scope), io);
                return;
            case 'Block':
                this.stmts(node['Stmts'], scope, io);
                return;
            case 'IfClause':
                this.stmts(node['Cond'], scope, io);
                this.stmts(node['Then'], scope, io);
                this.command(node['Else'], scope, io);
                return;
            case 'WhileClause':
                this.stmts(node['Cond'], scope, io);
                this.stmts(node['Do'], scope, io);
                return;
            case 'ForClause':
                this.stmts(node['Do'], scope, io);
                return;
            case 'CaseClause':
                for (const item of node['Items'] ?? [])
                    this.stmts(item['Stmts'], scope, io);
                return;
            case 'FuncDecl':
                // A function may be called later in the line (or never): read its body either way.
                this.stmt(node['Body'], copy(scope), io);
                return;
            case 'TimeClause':
            case 'CoprocClause':
                this.stmt(node['Stmt'], scope, io);
                return;
            case 'DeclClause':
                this.declare(node, scope);
                return;
            default:
                // let, (( )), [[ ]]: no commands of their own; substitutions inside are found by Walk.
                return;
        }
    }
    /** `export X=1`, `declare -x X=1`, `local`, `readonly`, `typeset`. */
    declare(node, scope) {
        for (const assign of node['Args'] ?? []) {
            const name = assign['Name']?.['Value'];
            if (name === undefined)
                continue;
            if (assign['Naked'] === true && assign['Value'] === null)
                continue;
            scope.env.set(name, this.word(assign['Value'], scope).value ?? undefined);
        }
    }
    call(node, scope, io) {
        this.seen.add(key(node, 'CallExpr'));
        const assigns = node['Assigns'] ?? [];
        const args = node['Args'] ?? [];
        const env = new Map(scope.env);
        for (const assign of assigns) {
            const name = assign['Name']?.['Value'];
            if (name === undefined)
                continue;
            const value = assign['Value'];
            env.set(name, value === null || value === undefined ? '' : this.word(value, scope).value);
        }
        if (args.length === 0) {
            // `X=1` alone sets a shell variable for the rest of the line.
            for (const [name, value] of env)
                scope.env.set(name, value);
            return;
        }
        const words = args.flatMap((w) => {
            const read = this.word(w, scope);
            if (read.split !== true || read.value === undefined)
                return [read];
            return read.value
                .split(/[ \t\n]+/)
                .filter((v) => v !== '')
                .map((value) => ({ value, expands: read.expands }));
        });
        const cwd = scope.cwd;
        this.out.push({ words, env, cwd, stdin: io.stdin, stdinRedirected: io.redirected });
        const name = words[0]?.value;
        if (name === 'cd' || name === 'pushd')
            scope.cwd = changeDir(scope.cwd, words.slice(1));
    }
    /** Literal output of the left side of a pipe: `echo …`, `printf …`, `cat <<EOF`. */
    output(stmt, scope) {
        const cmd = stmt['Cmd'];
        if (cmd === null || cmd === undefined || this.sh.NodeType(cmd) !== 'CallExpr')
            return undefined;
        const words = (cmd['Args'] ?? []).map((w) => this.word(w, scope).value);
        const name = words[0];
        if ((name === 'echo' || name === 'printf') && words.every((w) => w !== undefined))
            return words.slice(1).join(' ');
        if (name === 'cat' && words.length === 1) {
            for (const redirect of stmt['Redirs'] ?? []) {
                const op = redirect['Op'];
                if (op === OPS.hdoc || op === OPS.dashHdoc)
                    return this.word(redirect['Hdoc'], scope).value;
                if (op === OPS.wordHdoc)
                    return this.word(redirect['Word'], scope).value;
            }
        }
        return undefined;
    }
    /** A word's value after quote removal, or undefined when run time decides it. */
    word(word, scope) {
        if (word === null || word === undefined)
            return { value: '', expands: false };
        let value = '';
        let prefix;
        let expands = false;
        let split = false;
        for (const part of word['Parts'] ?? []) {
            const piece = this.part(part, scope, false);
            if (piece.expands)
                expands = true;
            if (piece.split === true)
                split = true;
            if (value !== undefined && piece.value === undefined)
                prefix = value;
            value = value === undefined || piece.value === undefined ? undefined : value + piece.value;
        }
        return { value, expands, split, ...(prefix === undefined ? {} : { prefix }) };
    }
    part(part, scope, quoted) {
        const type = this.sh.NodeType(part);
        switch (type) {
            case 'Lit': {
                const raw = part['Value'];
                if (quoted)
                    return { value: unescapeDouble(raw), expands: false };
                return { value: unescapePlain(raw), expands: /[*?[]|\{[^}]*(,|\.\.)[^}]*\}/.test(raw) };
            }
            case 'SglQuoted': {
                const raw = part['Value'];
                if (part['Dollar'] !== true)
                    return { value: raw, expands: false };
                return { value: ansiC(raw), expands: false };
            }
            case 'DblQuoted': {
                // $"…" is a translated string: its text is looked up at run time.
                if (part['Dollar'] === true)
                    return { value: undefined, expands: false };
                let value = '';
                for (const inner of part['Parts'] ?? []) {
                    const piece = this.part(inner, scope, true);
                    value = value === undefined || piece.value === undefined ? undefined : value + piece.value;
                }
                return { value, expands: false };
            }
            case 'ParamExp':
                return { value: this.param(part, scope), expands: false, split: !quoted };
            default:
                // Command, process and arithmetic substitutions, extended globs: run time decides.
                return { value: undefined, expands: !quoted };
        }
    }
    /** `$X` / `${X}` assigned literally earlier in the line; anything else is dynamic. */
    param(part, scope) {
        const plain = ['Exp', 'Repl', 'Index', 'Slice'].every((k) => part[k] === null || part[k] === undefined) &&
            !part['Names'];
        if (!plain || part['Length'] === true || part['Excl'] === true || part['Width'] === true)
            return undefined;
        const name = part['Param']?.['Value'];
        if (name === undefined || !scope.env.has(name))
            return undefined;
        return scope.env.get(name);
    }
}
function key(node, type) {
    const pos = node.Pos().Offset();
    const end = node.End().Offset();
    return `${type}:${pos}:${end}`;
}
function copy(scope) {
    return { cwd: scope.cwd, env: new Map(scope.env) };
}
/** `cd dir`: the new directory relative to the start, or undefined when not knowable. */
function changeDir(cwd, args) {
    const operands = args.filter((a) => a.value === undefined || !a.value.startsWith('-'));
    if (cwd === undefined || operands.length !== 1)
        return undefined;
    const target = operands[0];
    if (target.value === undefined || target.expands || target.value.startsWith('~'))
        return undefined;
    if (target.value.startsWith('/'))
        return target.value;
    return cwd === '.' ? target.value : `${cwd}/${target.value}`;
}
/** Outside quotes a backslash quotes the next character; backslash-newline disappears. */
function unescapePlain(raw) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c === '\\' && i + 1 < raw.length) {
            const next = raw[++i];
            if (next !== '\n')
                out += next;
        }
        else {
            out += c;
        }
    }
    return out;
}
/** Inside double quotes a backslash only quotes $ ` " \ and newline. */
function unescapeDouble(raw) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        const next = raw[i + 1];
        if (c === '\\' && next !== undefined && '$`"\\\n'.includes(next)) {
            if (next !== '\n')
                out += next;
            i++;
        }
        else {
            out += c;
        }
    }
    return out;
}
const C_ESCAPES = {
    a: '\u0007',
    b: '\b',
    e: '\u001b',
    E: '\u001b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
    "'": "'",
    '"': '"',
    '?': '?'
};
/** Bash's $'…' strings: \n, \xHH, \NNN, \uHHHH, \UHHHHHHHH, \cX. */
function ansiC(raw) {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
        const c = raw[i];
        if (c !== '\\' || i + 1 >= raw.length) {
            out += c;
            continue;
        }
        const e = raw[++i];
        const hex = (max) => {
            let digits = '';
            while (digits.length < max && /[0-9a-fA-F]/.test(raw[i + 1] ?? ''))
                digits += raw[++i];
            return digits;
        };
        if (e in C_ESCAPES) {
            out += C_ESCAPES[e];
        }
        else if (e === 'x') {
            const d = hex(2);
            out += d === '' ? '\\x' : String.fromCharCode(parseInt(d, 16));
        }
        else if (e === 'u' || e === 'U') {
            const d = hex(e === 'u' ? 4 : 8);
            out += d === '' ? `\\${e}` : String.fromCodePoint(Math.min(parseInt(d, 16), 0x10ffff));
        }
        else if (/[0-7]/.test(e)) {
            let d = e;
            while (d.length < 3 && /[0-7]/.test(raw[i + 1] ?? ''))
                d += raw[++i];
            out += String.fromCharCode(parseInt(d, 8) & 0xff);
        }
        else if (e === 'c' && i + 1 < raw.length) {
            out += String.fromCharCode(raw[++i].charCodeAt(0) & 0x1f);
        }
        else {
            out += `\\${e}`;
        }
    }
    return out;
}

const DEFAULT_AGENT_POLICY = {
    stateCommands: 'ask',
    withoutPlan: 'deny',
    dataCommands: 'ask',
    dynamic: 'ask',
    aliases: [],
    dataRules: []
};
const MAX_DEPTH = 8;
/** Parses a command line and rules on everything it runs. Throws ShellSyntaxError. */
function analyzeLine(sh, text, options = {}) {
    const analyzer = new Analyzer(sh, options);
    analyzer.line(text, '.', new Map(), 0);
    return analyzer.result();
}
/** Rules on one argv (`plan-gate exec -- terraform apply tfplan`). */
function analyzeArgv(sh, argv, options = {}) {
    const analyzer = new Analyzer(sh, options);
    analyzer.command({
        words: argv.map((value) => ({ value, expands: false })),
        env: new Map(),
        cwd: '.',
        stdin: undefined,
        stdinRedirected: false
    }, 0);
    return analyzer.result();
}
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'rbash']);
/** Wrappers: options that take a value, before the command they run. */
const WRAPPERS = {
    sudo: {
        values: [
            '-u',
            '-g',
            '-h',
            '-p',
            '-C',
            '-D',
            '-r',
            '-t',
            '-U',
            '-T',
            '--user',
            '--group',
            '--host',
            '--prompt',
            '--chdir',
            '--role',
            '--type',
            '--other-user',
            '--close-from',
            '--command-timeout'
        ]
    },
    doas: { values: ['-u', '-C'] },
    time: { values: ['-f', '-o', '--format', '--output'] },
    nohup: { values: [] },
    nice: { values: ['-n', '--adjustment'] },
    ionice: { values: ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata'] },
    timeout: { values: ['-s', '-k', '--signal', '--kill-after'], operands: 1 },
    command: { values: [] },
    builtin: { values: [] },
    exec: { values: ['-a'] },
    stdbuf: { values: ['-i', '-o', '-e', '--input', '--output', '--error'] },
    unbuffer: { values: [] },
    chronic: { values: [] },
    caffeinate: { values: ['-t', '-w'] },
    taskset: { values: [], operands: 1 },
    chrt: { values: [], operands: 1 },
    setsid: { values: [] },
    systemd_run: { values: [] },
    'aws-vault': {
        values: ['-d', '--duration', '-r', '--region', '--mfa-token', '--config'],
        operands: 2
    },
    dotenv: { values: ['-e', '-f', '-c', '-v'] },
    doppler: { values: ['-p', '--project', '-c', '--config', '--command'], operands: 1 },
    op: { values: ['--env-file', '--account'], operands: 1 },
    direnv: { values: [], operands: 2 },
    mise: { values: [], operands: 1 },
    rtx: { values: [], operands: 1 },
    asdf: { values: [], operands: 1 },
    tfenv: { values: [], operands: 1 },
    'with-contenv': { values: [] },
    xargs: {
        values: [
            '-I',
            '-n',
            '-P',
            '-L',
            '-d',
            '-E',
            '-s',
            '-a',
            '-i',
            '-l',
            '-e',
            '--arg-file',
            '--delimiter',
            '--max-args',
            '--max-procs',
            '--max-lines',
            '--replace',
            '--eof',
            '--max-chars',
            '--process-slot-var'
        ]
    }
};
const TERRAFORM_SAFE = new Set([
    'plan',
    'init',
    'validate',
    'fmt',
    'show',
    'output',
    'providers',
    'graph',
    'version',
    'get',
    'console',
    'login',
    'logout',
    'test',
    'metadata',
    'modules',
    'query',
    'import',
    'untaint',
    'stacks',
    'help'
]);
/** Terraform apply options that take a separate value (Go's flag package allows `-flag value`). */
const APPLY_VALUE_OPTIONS = new Set([
    'var',
    'var-file',
    'target',
    'replace',
    'state',
    'state-out',
    'backup',
    'lock-timeout',
    'parallelism',
    'exclude'
]);
const BOOL_OPTIONS = new Set([
    'auto-approve',
    'destroy',
    'refresh-only',
    'input',
    'lock',
    'refresh',
    'compact-warnings',
    'json',
    'no-color'
]);
/** Terragrunt's own options that take a value. */
const TERRAGRUNT_VALUE_OPTIONS = new Set([
    '--working-dir',
    '--terragrunt-working-dir',
    '--config',
    '--terragrunt-config',
    '--download-dir',
    '--terragrunt-download-dir',
    '--source',
    '--terragrunt-source',
    '--tf-path',
    '--terragrunt-tfpath',
    '--iam-assume-role',
    '--terragrunt-iam-role',
    '--log-level',
    '--terragrunt-log-level',
    '--queue-include-dir',
    '--terragrunt-include-dir',
    '--queue-exclude-dir',
    '--terragrunt-exclude-dir',
    '--parallelism',
    '--terragrunt-parallelism',
    '--out-dir',
    '--json-out-dir',
    '--filter',
    '--feature',
    '--provider-cache-dir',
    '--inputs-debug'
]);
class Analyzer {
    sh;
    options;
    rulings = [];
    plans = [];
    relevant = false;
    foreign = false;
    policy;
    names;
    dataRules;
    constructor(sh, options) {
        this.sh = sh;
        this.options = options;
        this.policy = options.policy ?? DEFAULT_AGENT_POLICY;
        this.names = new Map([
            ['terraform', 'terraform'],
            ['tofu', 'tofu'],
            ['opentofu', 'tofu'],
            ['terragrunt', 'terragrunt'],
            ...this.policy.aliases.map((a) => [a, 'terraform'])
        ]);
        this.dataRules = [...DATA_RULES, ...this.policy.dataRules];
    }
    result() {
        const planKeys = new Set();
        const plans = this.plans.filter((p) => {
            const k = `${p.dir}\u0000${p.planFile}\u0000${p.command}`;
            if (planKeys.has(k))
                return false;
            planKeys.add(k);
            return true;
        });
        const seen = new Set();
        const rulings = this.rulings.filter((r) => {
            const k = `${r.ruleId}\u0000${r.command}\u0000${r.reason}`;
            if (seen.has(k))
                return false;
            seen.add(k);
            return true;
        });
        return { rulings, plans, relevant: this.relevant, foreign: this.foreign };
    }
    /** A command string run by a shell (the line itself, `bash -c '…'`, `eval`, `ssh h '…'`). */
    line(text, cwd, env, depth) {
        if (depth > MAX_DEPTH) {
            this.add('deny', 'PG-A16', text, 'commands nested more than 8 shells deep are not read');
            return;
        }
        let commands;
        try {
            commands = parseShell(this.sh, text);
        }
        catch (error) {
            if (depth === 0)
                throw error;
            // An inner string the shell could not run either; plan-gate cannot read it, so it decides.
            const why = error instanceof ShellSyntaxError ? error.message : 'unreadable';
            this.add(this.policy.dynamic, 'PG-A14', text, `an inner command string is not valid shell (${why})`);
            return;
        }
        for (const command of commands) {
            this.command({
                ...command,
                cwd: command.cwd === undefined || cwd === undefined ? undefined : join(cwd, command.cwd),
                env: new Map([...env, ...command.env])
            }, depth);
        }
    }
    command(command, depth) {
        const name = command.words[0]?.value;
        if (name === undefined ||
            (this.tool(basename(name)) === undefined && name !== 'cd' && name !== 'pushd'))
            this.foreign = true;
        this.invocation({ ...command, moreArgs: false, generic: false }, depth);
    }
    invocation(inv, depth) {
        const [first, ...rest] = inv.words;
        if (first === undefined)
            return;
        const display = render$1(inv.words);
        if (first.value === undefined || first.expands) {
            this.relevant = true;
            this.add(this.policy.dynamic, 'PG-A13', display, 'the program name is computed at run time, so plan-gate cannot tell what runs');
            return;
        }
        const name = basename(first.value);
        const values = rest.map((w) => w.value);
        const tool = this.tool(name);
        let handled = true;
        if (tool !== undefined) {
            this.relevant = true;
            this.terraform(tool, first.value, inv, rest, display);
        }
        else if (SHELLS.has(name) || name === 'busybox') {
            this.shell(name === 'busybox' ? rest.slice(1) : rest, inv, depth, display);
        }
        else if (name === 'eval') {
            if (values.some((v) => v === undefined)) {
                this.add(this.policy.dynamic, 'PG-A14', display, 'eval runs text computed at run time');
            }
            else
                this.line(values.join(' '), inv.cwd, inv.env, depth + 1);
        }
        else if (name === 'alias') {
            // alias t=terraform: later commands named t run Terraform.
            for (const value of values) {
                const eq = value?.indexOf('=') ?? -1;
                if (value === undefined || eq <= 0)
                    continue;
                const target = this.tool(basename(value
                    .slice(eq + 1)
                    .trim()
                    .split(/\s+/)[0] ?? ''));
                if (target !== undefined)
                    this.names.set(value.slice(0, eq), target);
            }
        }
        else if (name === 'source' || name === '.') {
            this.script(values[0], inv, depth, display);
        }
        else if (name === 'env') {
            this.env(rest, inv, depth, display);
        }
        else if (name === 'ssh') {
            this.ssh(rest, inv, depth);
        }
        else if (name === 'watch') {
            const at = skipOptions(rest, ['-n', '--interval', '-d', '--differences', '-q', '--equexit'], 0);
            this.stringOrArgv(rest.slice(at), inv, depth, display);
        }
        else if (name === 'su' || name === 'runuser' || name === 'script' || name === 'flock') {
            this.dashC(rest, inv, depth, display);
            handled = false;
        }
        else if (name === 'find' || name === 'fd') {
            this.find(rest, inv, depth);
        }
        else if (['docker', 'podman', 'nerdctl', 'finch'].includes(name)) {
            this.container(rest, inv, depth);
            handled = false;
        }
        else if (Object.hasOwn(WRAPPERS, name) || name === 'systemd-run') {
            this.wrapper(name === 'systemd-run' ? 'systemd_run' : name, rest, inv, depth, display);
        }
        else if (first.value.includes('/')) {
            // ./deploy.sh: a script plan-gate can read.
            this.executable(first.value, rest, inv, depth);
            handled = false;
        }
        else
            handled = false;
        this.data(name, inv, rest, display);
        if (inv.generic || handled)
            return;
        // Defense in depth: a Terraform or data program named as an argument of anything else
        // (`make`, `parallel`, `kubectl exec pod -- psql …`) is read as an invocation; only what is
        // recognised as dangerous counts there.
        for (let i = 0; i < rest.length; i++) {
            const word = rest[i];
            if (word.value === undefined || word.value.startsWith('-'))
                continue;
            const inner = basename(word.value);
            if (this.tool(inner) !== undefined ||
                this.dataRules.some((r) => r.programs.includes(inner))) {
                if (inner === name && i === 0)
                    continue;
                this.invocation({ ...inv, words: rest.slice(i), generic: true }, depth);
            }
        }
    }
    tool(name) {
        const bare = name.replace(/\.exe$/i, '');
        const exact = this.names.get(bare) ?? this.names.get(bare.toLowerCase());
        if (exact !== undefined)
            return exact;
        // terraform1.5, terraform-1.11.2, tofu_1.8
        const versioned = /^(terraform|tofu|terragrunt)[-_.]?v?\d[\d.]*$/i.exec(bare);
        return versioned === null ? undefined : versioned[1]?.toLowerCase();
    }
    add(decision, ruleId, command, reason, instead) {
        this.rulings.push({
            decision,
            ruleId,
            command,
            reason,
            ...(instead === undefined ? {} : { instead })
        });
    }
    shell(args, inv, depth, display) {
        let i = 0;
        let fromStdin = false;
        for (; i < args.length; i++) {
            const w = args[i];
            if (w.value === undefined) {
                this.add(this.policy.dynamic, 'PG-A14', display, 'the shell is given arguments computed at run time');
                return;
            }
            if (w.value === '--' || w.value === '-') {
                i++;
                break;
            }
            if (w.value === '-o' ||
                w.value === '+o' ||
                w.value === '-O' ||
                w.value === '+O' ||
                w.value === '--rcfile' ||
                w.value === '--init-file') {
                i++;
                continue;
            }
            if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value)) {
                const text = args[i + 1];
                if (text === undefined)
                    return;
                if (text.value === undefined) {
                    this.relevant = true;
                    this.add(this.policy.dynamic, 'PG-A14', display, 'the shell runs a command string computed at run time');
                    return;
                }
                this.line(text.value, inv.cwd, inv.env, depth + 1);
                return;
            }
            if (/^-[a-zA-Z]*s[a-zA-Z]*$/.test(w.value))
                fromStdin = true;
            if (!w.value.startsWith('-') && !w.value.startsWith('+'))
                break;
        }
        const script = fromStdin ? undefined : args[i];
        if (script !== undefined) {
            this.script(script.value, inv, depth, display);
            return;
        }
        // No -c and no script: the shell reads commands from standard input.
        if (inv.stdin !== undefined) {
            this.line(inv.stdin, inv.cwd, inv.env, depth + 1);
        }
        else {
            this.relevant = true;
            this.add(this.policy.dynamic, 'PG-A14', display, 'the shell reads commands from standard input, which plan-gate cannot see');
        }
    }
    script(path, inv, depth, display) {
        if (path === undefined) {
            this.add(this.policy.dynamic, 'PG-A14', display, 'the script to run is computed at run time');
            return;
        }
        const text = this.read(path, inv);
        if (text !== undefined)
            this.line(text, inv.cwd, inv.env, depth + 1);
    }
    executable(path, rest, inv, depth) {
        const text = this.read(path, inv);
        if (text === undefined || !/^#!.*\b(ba|z|k|da|a)?sh\b/.test(text))
            return;
        this.line(text.replace(/^#![^\n]*\n/, ''), inv.cwd, inv.env, depth + 1);
    }
    read(path, inv) {
        if (this.options.readFile === undefined || inv.cwd === undefined)
            return undefined;
        return this.options.readFile(path.startsWith('/') ? path : join(inv.cwd, path));
    }
    env(args, inv, depth, display) {
        const env = new Map(inv.env);
        let cwd = inv.cwd;
        let i = 0;
        for (; i < args.length; i++) {
            const v = args[i].value;
            if (v === undefined)
                break;
            if (v === '-u' || v === '--unset') {
                env.delete(args[i + 1]?.value ?? '');
                i++;
            }
            else if (v === '-C' || v === '--chdir') {
                const dir = args[i + 1]?.value;
                cwd = dir === undefined || cwd === undefined ? undefined : join(cwd, dir);
                i++;
            }
            else if (v === '-S' || v === '--split-string') {
                const text = args[i + 1]?.value;
                if (text === undefined) {
                    this.add(this.policy.dynamic, 'PG-A14', display, 'env -S is given a string computed at run time');
                    return;
                }
                const tail = args.slice(i + 2).map((w) => w.value);
                if (tail.some((t) => t === undefined)) {
                    this.add(this.policy.dynamic, 'PG-A13', display, 'arguments computed at run time');
                    return;
                }
                this.line([text, ...tail.map(quote)].join(' '), cwd, env, depth + 1);
                return;
            }
            else if (v.startsWith('-')) {
                if (v === '-i' || v === '--ignore-environment')
                    env.clear();
            }
            else {
                const eq = v.indexOf('=');
                if (eq <= 0)
                    break;
                env.set(v.slice(0, eq), v.slice(eq + 1));
            }
        }
        this.invocation({ ...inv, words: args.slice(i), env, cwd }, depth);
    }
    wrapper(name, args, inv, depth, display) {
        const spec = WRAPPERS[name];
        if (name === 'command' && args.some((a) => a.value === '-v' || a.value === '-V'))
            return;
        let at = skipOptions(args, spec.values, spec.operands ?? 0);
        // aws-vault exec PROFILE -- cmd, op run -- cmd, mise exec tool@1 -- cmd: skip to after `--`.
        const dashdash = args.findIndex((a) => a.value === '--');
        if (['aws-vault', 'op', 'doppler', 'mise', 'rtx', 'dotenv'].includes(name) && dashdash >= 0)
            at = dashdash + 1;
        if (at >= args.length)
            return;
        const env = name === 'sudo' ? sudoEnv(inv.env, args.slice(0, at)) : inv.env;
        const words = args.slice(at);
        if (name === 'xargs') {
            if (words.length === 0)
                return;
            this.invocation({ ...inv, words, env, moreArgs: true, stdin: undefined }, depth);
            return;
        }
        // sudo VAR=value cmd
        const assigned = new Map(env);
        let k = 0;
        while (name === 'sudo' &&
            k < words.length &&
            /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k]?.value ?? '')) {
            const v = words[k]?.value;
            assigned.set(v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1));
            k++;
        }
        this.invocation({ ...inv, words: words.slice(k), env: assigned }, depth);
    }
    ssh(args, inv, depth) {
        const at = skipOptions(args, [
            '-b',
            '-c',
            '-D',
            '-E',
            '-e',
            '-F',
            '-I',
            '-i',
            '-J',
            '-L',
            '-l',
            '-m',
            '-O',
            '-o',
            '-p',
            '-Q',
            '-R',
            '-S',
            '-W',
            '-w',
            '-B',
            '-P'
        ], 1);
        const remote = args.slice(at);
        if (remote.length === 0)
            return;
        // The remote shell runs the arguments joined by spaces; its directory is not ours.
        this.stringOrArgv(remote, { ...inv, cwd: undefined, env: new Map() }, depth, render$1(args));
    }
    /** Arguments joined with spaces and run by a shell (ssh, watch). */
    stringOrArgv(args, inv, depth, display) {
        if (args.length === 0)
            return;
        const values = args.map((a) => a.value);
        if (values.some((v) => v === undefined)) {
            this.add(this.policy.dynamic, 'PG-A14', display, 'the command to run is computed at run time');
            return;
        }
        this.line(values.join(' '), inv.cwd, inv.env, depth + 1);
    }
    dashC(args, inv, depth, display) {
        for (let i = 0; i < args.length; i++) {
            const v = args[i]?.value;
            if (v === '-c' || v === '--command') {
                const text = args[i + 1];
                if (text?.value === undefined) {
                    this.add(this.policy.dynamic, 'PG-A14', display, 'the command to run is computed at run time');
                    return;
                }
                this.line(text.value, inv.cwd, inv.env, depth + 1);
                return;
            }
            if (v?.startsWith('--command=') === true) {
                this.line(v.slice(10), inv.cwd, inv.env, depth + 1);
                return;
            }
        }
    }
    find(args, inv, depth) {
        for (let i = 0; i < args.length; i++) {
            const v = args[i]?.value;
            if (v === '-exec' ||
                v === '-execdir' ||
                v === '-ok' ||
                v === '-okdir' ||
                v === '-x' ||
                v === '--exec' ||
                v === '-X' ||
                v === '--exec-batch') {
                let end = i + 1;
                while (end < args.length && args[end]?.value !== ';' && args[end]?.value !== '+')
                    end++;
                // {} is replaced in place; with `+` more file names are appended.
                this.invocation({ ...inv, words: args.slice(i + 1, end), moreArgs: args[end]?.value === '+' }, depth);
                i = end;
            }
        }
    }
    /** docker run hashicorp/terraform destroy; docker exec box terraform apply (generic scan). */
    container(args, inv, depth) {
        const sub = args.findIndex((a) => a.value === 'run' || a.value === 'create');
        if (sub < 0)
            return;
        for (let i = sub + 1; i < args.length; i++) {
            const v = args[i]?.value;
            if (v === undefined || v.startsWith('-'))
                continue;
            const image = (v.split('@')[0] ?? '').split(':')[0] ?? '';
            const tool = /(^|\/)(terraform|opentofu|tofu|terragrunt)$/.exec(image)?.[2];
            if (tool !== undefined) {
                const name = tool === 'opentofu' ? 'tofu' : tool;
                this.invocation({
                    ...inv,
                    words: [{ value: name, expands: false }, ...args.slice(i + 1)],
                    cwd: undefined
                }, depth);
                return;
            }
        }
    }
    data(name, inv, rest, display) {
        const matched = matchData(name, {
            args: rest.map((w) => w.value),
            ...(inv.stdin === undefined ? {} : { stdin: inv.stdin }),
            ...(this.options.readFile === undefined || inv.cwd === undefined
                ? {}
                : { readFile: (p) => this.read(p, inv) })
        }, this.dataRules);
        if (this.dataRules.some((r) => r.programs.includes(name)))
            this.relevant = true;
        for (const rule of matched) {
            this.add(this.policy.dataCommands, 'PG-A12', display, `destroys ${rule.what} outside Terraform (${rule.key}); nothing reviews it or keeps a copy`);
        }
    }
    // ---------------------------------------------------------------- Terraform and friends
    terraform(tool, program, inv, args, display) {
        let chdir = '.';
        let i = 0;
        let all = false;
        const dynamicArg = () => this.add('deny', 'PG-A13', display, 'a Terraform argument is computed at run time, so plan-gate cannot tell what it does');
        // Global options.
        for (; i < args.length; i++) {
            const v = args[i]?.value;
            if (v === undefined) {
                // -chdir=$DIR: the directory is unknown, the rest is not.
                if (/^--?chdir=/.test(args[i]?.prefix ?? '')) {
                    chdir = undefined;
                    continue;
                }
                dynamicArg();
                return;
            }
            if (!v.startsWith('-'))
                break;
            const flag = v.replace(/^--?/, '-');
            if (['-help', '-h', '-version', '-v'].includes(flag))
                return;
            if (flag.startsWith('-chdir='))
                chdir = joinMaybe(chdir, v.slice(v.indexOf('=') + 1));
            else if (flag === '-chdir')
                chdir = joinMaybe(chdir, args[++i]?.value);
            else if (tool === 'terragrunt') {
                const [name, inline] = splitFlag(v);
                if (name === '--all' || name === '--terragrunt-all' || name === '-a')
                    all = true;
                if (['--working-dir', '--terragrunt-working-dir'].includes(name))
                    chdir = joinMaybe(chdir, inline ?? args[++i]?.value);
                else if (inline === undefined && TERRAGRUNT_VALUE_OPTIONS.has(name))
                    i++;
            }
        }
        let sub = args[i]?.value;
        if (i >= args.length)
            return;
        if (sub === undefined) {
            dynamicArg();
            return;
        }
        let tail = args.slice(i + 1);
        if (tool === 'terragrunt') {
            // terragrunt run-all apply, terragrunt run --all apply, terragrunt run -- apply,
            // terragrunt apply-all, terragrunt stack run apply
            if (sub === 'stack' && tail[0]?.value === 'run') {
                all = true;
                tail = tail.slice(1);
                sub = 'run';
            }
            if (sub === 'run-all') {
                all = true;
                sub = 'run';
            }
            if (sub === 'apply-all' || sub === 'destroy-all') {
                all = true;
                sub = sub.replace('-all', '');
            }
            if (sub === 'run') {
                let j = 0;
                for (; j < tail.length; j++) {
                    const v = tail[j]?.value;
                    if (v === undefined) {
                        dynamicArg();
                        return;
                    }
                    if (v === '--') {
                        j++;
                        break;
                    }
                    if (!v.startsWith('-'))
                        break;
                    const [name, inline] = splitFlag(v);
                    if (name === '--all' || name === '-a')
                        all = true;
                    if (['--working-dir', '--terragrunt-working-dir'].includes(name))
                        chdir = joinMaybe(chdir, inline ?? tail[++j]?.value);
                    else if (inline === undefined && TERRAGRUNT_VALUE_OPTIONS.has(name))
                        j++;
                }
                const inner = tail[j]?.value;
                if (j >= tail.length)
                    return;
                if (inner === undefined) {
                    dynamicArg();
                    return;
                }
                sub = inner;
                tail = tail.slice(j + 1);
            }
            // Terragrunt's own flags may follow the subcommand too.
            tail = tail.filter((w, k, list) => {
                const v = w.value ?? '';
                if (v === '--all' || v === '--terragrunt-all')
                    all = true;
                const [name, inline] = splitFlag(v);
                if (v.startsWith('--terragrunt-') || v === '--all' || v === '--non-interactive')
                    return false;
                if (TERRAGRUNT_VALUE_OPTIONS.has(name)) {
                    if (inline === undefined)
                        list[k + 1] = { value: '\u0000skip', expands: false };
                    return false;
                }
                return v !== '\u0000skip';
            });
        }
        // TF_CLI_ARGS and TF_CLI_ARGS_<subcommand> are appended to the arguments by Terraform.
        for (const name of ['TF_CLI_ARGS', `TF_CLI_ARGS_${sub.replace(/-/g, '_')}`]) {
            const fromLine = inv.env.has(name);
            const value = fromLine ? inv.env.get(name) : this.options.env?.[name];
            if (fromLine && value === undefined) {
                this.add('deny', 'PG-A13', display, `${name} is computed at run time; Terraform adds it to the arguments`);
                return;
            }
            if (value !== undefined && value.trim() !== '')
                tail = [
                    ...tail,
                    ...value
                        .trim()
                        .split(/\s+/)
                        .map((v) => ({ value: v, expands: false }))
                ];
        }
        const dir = inv.cwd === undefined || chdir === undefined ? undefined : join(inv.cwd, chdir);
        const where = chdir === '.' || chdir === undefined ? '' : ` -chdir=${chdir}`;
        const tf = `${program}${where}`;
        const policy = this.policy;
        switch (sub) {
            case 'apply':
            case 'destroy': {
                const read = applyArgs(tail);
                if (read.dynamic) {
                    dynamicArg();
                    return;
                }
                const destroy = sub === 'destroy' || read.destroy;
                const plan = `${tf} plan${destroy ? ' -destroy' : ''}${read.kept.length > 0 ? ` ${read.kept.join(' ')}` : ''} -out=tfplan`;
                const instead = tool === 'terragrunt' && all
                    ? [
                        `${program} run --all plan -out=tfplan`,
                        'plan-gate <each module>/.terragrunt-cache/…/tfplan  (or plan-gate a directory of show -json outputs)',
                        `${program} apply tfplan  (in each module)`
                    ]
                    : [
                        plan,
                        chdir === '.' || chdir === undefined
                            ? 'plan-gate tfplan'
                            : `(cd ${chdir} && plan-gate tfplan)`,
                        `${tf} apply tfplan`
                    ];
                if (tool === 'terragrunt' && all) {
                    this.add(policy.withoutPlan, 'PG-A06', display, `${sub} across every module at once: no saved plan for plan-gate to check, and Terragrunt approves each module itself`, instead);
                    return;
                }
                if (sub === 'destroy') {
                    this.add(policy.withoutPlan, 'PG-A03', display, 'destroys every resource in the state, with no saved plan anyone has reviewed', instead);
                    return;
                }
                let denied = false;
                if (read.destroy) {
                    this.add(policy.withoutPlan, 'PG-A03', display, 'apply -destroy destroys every resource in the state without a reviewed plan', instead);
                    denied = true;
                }
                if (read.replace) {
                    this.add(policy.withoutPlan, 'PG-A04', display, '-replace destroys and recreates resources; plan it with -replace and gate that plan', instead);
                    denied = true;
                }
                if (read.autoApprove) {
                    const only = read.operands.length === 1
                        ? ' (a saved plan applies without prompting: drop -auto-approve)'
                        : '';
                    this.add(policy.withoutPlan, 'PG-A05', display, `-auto-approve skips the last human look at the changes${only}`, read.operands.length === 1 ? [`${tf} apply ${read.operands[0]}`] : instead);
                    denied = true;
                }
                if (inv.moreArgs && read.operands.length === 0) {
                    this.add('deny', 'PG-A13', display, 'xargs or find add arguments plan-gate cannot see (perhaps a plan file, perhaps not)', instead);
                    return;
                }
                if (read.operands.length === 0) {
                    if (!denied)
                        this.add(policy.withoutPlan, 'PG-A02', display, 'apply without a saved plan: what it changes is decided at run time and nobody reviews it', instead);
                    return;
                }
                if (read.operands.length > 1 || (tool === 'terragrunt' && all)) {
                    this.add('deny', 'PG-A02', display, 'apply with more than one operand', instead);
                    return;
                }
                if (denied)
                    return;
                if (dir === undefined) {
                    this.add('deny', 'PG-A15', display, 'the directory it runs in is computed at run time, so plan-gate cannot find the plan', instead);
                    return;
                }
                this.plans.push({
                    tool,
                    program,
                    command: display,
                    planFile: read.operands[0],
                    dir
                });
                return;
            }
            case 'state': {
                const op = tail.find((w) => !(w.value ?? '').startsWith('-'));
                if (op === undefined)
                    return;
                if (op.value === undefined) {
                    dynamicArg();
                    return;
                }
                if (['rm', 'mv', 'push', 'replace-provider'].includes(op.value)) {
                    this.add(policy.stateCommands, 'PG-A07', display, `state ${op.value} changes the state directly: resources can be forgotten (and later recreated or orphaned) with no plan`);
                }
                else if (!['list', 'show', 'pull', 'identities'].includes(op.value) && !generic(inv)) {
                    this.add(policy.stateCommands, 'PG-A11', display, `unknown state subcommand "${op.value}"`);
                }
                return;
            }
            case 'refresh':
                this.add(policy.stateCommands, 'PG-A07', display, 'refresh writes the state without a plan (prefer plan -refresh-only -out, then gate it)');
                return;
            case 'workspace': {
                const op = tail.find((w) => !(w.value ?? '').startsWith('-'));
                if (op?.value === undefined && op !== undefined) {
                    dynamicArg();
                    return;
                }
                if (op?.value === 'delete')
                    this.add(policy.stateCommands, 'PG-A08', display, 'workspace delete throws away a workspace and its state (with -force even when it still tracks resources)');
                return;
            }
            case 'force-unlock':
                this.add(policy.stateCommands, 'PG-A09', display, 'force-unlock removes a lock another run may hold: two applies at once can corrupt the state');
                return;
            case 'taint':
                this.add(policy.stateCommands, 'PG-A10', display, 'taint forces the next apply to destroy and recreate the resource');
                return;
            default:
                if (TERRAFORM_SAFE.has(sub))
                    return;
                if (tool === 'terragrunt' &&
                    [
                        'hclfmt',
                        'hcl',
                        'render',
                        'render-json',
                        'info',
                        'find',
                        'list',
                        'dag',
                        'graph-dependencies',
                        'output-all',
                        'validate-inputs',
                        'terragrunt-info',
                        'catalog',
                        'scaffold',
                        'exec',
                        'backend'
                    ].includes(sub)) {
                    if (sub === 'backend' && tail.some((w) => w.value === 'delete')) {
                        this.add(policy.stateCommands, 'PG-A07', display, 'backend delete removes the state storage');
                    }
                    if (sub === 'exec')
                        this.invocation({ ...inv, words: tail.filter((w) => w.value !== '--'), generic: false }, 0);
                    return;
                }
                if (!generic(inv))
                    this.add(policy.stateCommands === 'allow' ? 'ask' : policy.stateCommands, 'PG-A11', display, `"${sub}" is not a ${tool} subcommand plan-gate knows`);
        }
    }
}
function generic(inv) {
    return inv.generic;
}
function applyArgs(words) {
    const out = {
        operands: [],
        autoApprove: false,
        destroy: false,
        replace: false,
        dynamic: false,
        kept: []
    };
    let operandsOnly = false;
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        const v = word.value;
        if (v === undefined) {
            // -var=$X, -target=$T: a run-time value of a known option; anything else (an operand,
            // a whole option) could be -destroy or a plan file.
            const known = /^--?([a-z-]+)=/.exec(word.prefix ?? '')?.[1];
            if (known !== undefined && (APPLY_VALUE_OPTIONS.has(known) || BOOL_OPTIONS.has(known))) {
                if (known === 'replace')
                    out.replace = true;
                if (known === 'destroy')
                    out.destroy = true;
                if (known === 'auto-approve')
                    out.autoApprove = true;
                continue;
            }
            out.dynamic = true;
            continue;
        }
        if (operandsOnly || !v.startsWith('-') || v === '-') {
            out.operands.push(v);
            continue;
        }
        if (v === '--') {
            operandsOnly = true;
            continue;
        }
        const [flag, inline] = splitFlag(v.replace(/^--/, '-'));
        const name = flag.slice(1);
        let value = inline;
        if (value === undefined && APPLY_VALUE_OPTIONS.has(name)) {
            // The option's value may be computed at run time: `-var "$X"`, `-target "$T"`.
            value = words[++i]?.value ?? '…';
        }
        const on = BOOL_OPTIONS.has(name)
            ? value === undefined || !/^(false|0|f|F|FALSE|False)$/.test(value)
            : true;
        if (name === 'auto-approve' && on)
            out.autoApprove = true;
        else if (name === 'destroy' && on)
            out.destroy = true;
        else if (name === 'replace')
            out.replace = true;
        if (['target', 'replace', 'var-file', 'exclude'].includes(name))
            out.kept.push(`-${name}=${value ?? ''}`);
        if (name === 'var')
            out.kept.push(`-var ${quote(value ?? '')}`);
    }
    return out;
}
function skipOptions(args, valueOptions, operands) {
    let i = 0;
    for (; i < args.length; i++) {
        const v = args[i]?.value;
        if (v === undefined)
            return i;
        if (v === '--')
            return i + 1;
        if (!v.startsWith('-') || v === '-')
            break;
        if (valueOptions.includes(v))
            i++;
    }
    return i + operands;
}
function sudoEnv(env, options) {
    // sudo resets the environment unless -E / --preserve-env; TF_CLI_ARGS would then not pass.
    const keep = options.some((o) => o.value === '-E' || (o.value ?? '').startsWith('--preserve-env'));
    return keep ? env : new Map();
}
function splitFlag(v) {
    const eq = v.indexOf('=');
    return eq < 0 ? [v, undefined] : [v.slice(0, eq), v.slice(eq + 1)];
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function join(base, path) {
    if (path.startsWith('/'))
        return path;
    if (path === '.' || path === '')
        return base;
    return base === '.' ? path : `${base}/${path}`;
}
function joinMaybe(base, path) {
    return base === undefined || path === undefined ? undefined : join(base, path);
}
/** The words as plan-gate read them, for reasons and the log (run-time words as `…`). */
function render$1(words) {
    return words.map((w) => (w.value === undefined ? '…' : quote(w.value))).join(' ');
}
function quote(value) {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The audit trail: one JSON line per decision. The command is kept with the values of `-var`
 * options and of environment assignments replaced by `***`; no plan values are ever written
 * (only rule ids, fingerprints and the plan file's sha256).
 */
const DEFAULT_AUDIT_DIR = '.plan-gate';
const DEFAULT_AUDIT_FILE = 'audit.jsonl';
/** --audit-log, else PLAN_GATE_AUDIT_LOG, else <project>/.plan-gate/audit.jsonl. */
function auditPath(projectDir, flag, env) {
    const chosen = flag ?? env['PLAN_GATE_AUDIT_LOG'];
    if (chosen !== undefined && chosen !== '')
        return resolve(projectDir, chosen);
    return join$1(resolve(projectDir), DEFAULT_AUDIT_DIR, DEFAULT_AUDIT_FILE);
}
/** Appends one line; creates the folder (with a .gitignore, so the log is never committed). */
function appendAudit(path, entry) {
    const dir = dirname(path);
    if (!existsSync(dir)) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (dir.endsWith(DEFAULT_AUDIT_DIR))
            writeFileSync(join$1(dir, '.gitignore'), '*\n');
    }
    appendFileSync(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}
/**
 * Replaces the values of `-var`/`--var` options and of `NAME=value` words (environment
 * assignments, `env X=…`, `export X=…`) with `***`. Over-redacting is fine; this only shapes
 * the log, it decides nothing.
 */
function redact(command) {
    const value = `("(?:\\\\.|[^"\\\\])*"|'[^']*'|[^\\s;&|)]*)`;
    return command
        .replace(new RegExp(`(^|[\\s;&|(\`])(-{1,2}var)(=|\\s+)${value}`, 'g'), '$1$2$3***')
        .replace(new RegExp(`(^|[\\s;&|(\`'"])([A-Za-z_][A-Za-z0-9_]*)=${value}`, 'g'), '$1$2=***');
}

const AGENT_RULES = [
    {
        id: 'PG-A01',
        slug: 'saved-plan',
        decision: 'allow',
        title: 'apply of a saved plan: the plan is gated (pass → allow, approval required → ask, blocked → deny)'
    },
    {
        id: 'PG-A02',
        slug: 'apply-without-plan',
        decision: 'deny',
        title: 'apply without a saved plan'
    },
    { id: 'PG-A03', slug: 'destroy', decision: 'deny', title: 'destroy, apply -destroy' },
    { id: 'PG-A04', slug: 'replace', decision: 'deny', title: 'apply -replace=…' },
    { id: 'PG-A05', slug: 'auto-approve', decision: 'deny', title: '-auto-approve' },
    {
        id: 'PG-A06',
        slug: 'run-all',
        decision: 'deny',
        title: 'Terragrunt run-all / run --all apply or destroy'
    },
    {
        id: 'PG-A07',
        slug: 'state-change',
        decision: 'ask',
        title: 'state rm|mv|push|replace-provider, refresh'
    },
    { id: 'PG-A08', slug: 'workspace-delete', decision: 'ask', title: 'workspace delete' },
    { id: 'PG-A09', slug: 'force-unlock', decision: 'ask', title: 'force-unlock' },
    { id: 'PG-A10', slug: 'taint', decision: 'ask', title: 'taint' },
    {
        id: 'PG-A11',
        slug: 'unknown-subcommand',
        decision: 'ask',
        title: 'a Terraform subcommand plan-gate does not know'
    },
    {
        id: 'PG-A12',
        slug: 'data-destroy',
        decision: 'ask',
        title: 'a command that destroys data outside Terraform (cloud CLIs, kubectl, helm, SQL)'
    },
    {
        id: 'PG-A13',
        slug: 'dynamic',
        decision: 'ask',
        title: 'a program name or Terraform argument computed at run time'
    },
    {
        id: 'PG-A14',
        slug: 'hidden-commands',
        decision: 'ask',
        title: 'a shell reading commands plan-gate cannot see (stdin, eval of run-time text)'
    },
    {
        id: 'PG-A15',
        slug: 'plan-unevaluable',
        decision: 'deny',
        title: 'a saved plan that cannot be found, read or evaluated'
    },
    {
        id: 'PG-A16',
        slug: 'fail-closed',
        decision: 'deny',
        title: 'unreadable payload, unparseable command, internal error'
    }
];
const RANK = { allow: 0, ask: 1, deny: 2 };
/** The stronger of two decisions (deny > ask > allow). */
function stronger(a, b) {
    return RANK[a] >= RANK[b] ? a : b;
}
function ruleSlug(id) {
    return AGENT_RULES.find((r) => r.id === id)?.slug ?? id;
}

async function decide(analysis, gatePlan) {
    const rulings = [...analysis.rulings];
    const fingerprints = [];
    const planHashes = [];
    for (const plan of analysis.plans) {
        let verdict;
        try {
            verdict = await gatePlan(plan);
        }
        catch (error) {
            rulings.push({
                decision: 'deny',
                ruleId: 'PG-A15',
                command: plan.command,
                reason: `the saved plan ${plan.planFile} cannot be gated: ${oneLine(error)}`,
                instead: [
                    `${plan.program} plan -out=${plan.planFile}`,
                    `plan-gate ${plan.planFile}`,
                    plan.command
                ]
            });
            continue;
        }
        fingerprints.push(verdict.fingerprint);
        if (verdict.sha256 !== undefined)
            planHashes.push(verdict.sha256);
        const findings = verdict.findings.length > 0 ? `: ${verdict.findings.join('; ')}` : '';
        if (verdict.verdict === 'pass') {
            rulings.push({
                decision: 'allow',
                ruleId: 'PG-A01',
                command: plan.command,
                reason: `plan-gate passed the saved plan ${plan.planFile} (${short(verdict.fingerprint)})`
            });
        }
        else if (verdict.verdict === 'approval-required') {
            rulings.push({
                decision: 'ask',
                ruleId: 'PG-A01',
                command: plan.command,
                reason: `the saved plan ${plan.planFile} needs a second human's approval${findings} (fingerprint ${short(verdict.fingerprint)})`
            });
        }
        else {
            rulings.push({
                decision: 'deny',
                ruleId: 'PG-A01',
                command: plan.command,
                reason: `plan-gate blocks the saved plan ${plan.planFile}${findings}`,
                instead: [
                    `plan-gate ${plan.planFile}   (the full report: each finding says how to unblock it)`,
                    'change the configuration (keep a backup, keep deletion protection) and plan again, or add a reviewed exemption to .plan-gate.yml through a pull request'
                ]
            });
        }
    }
    const decision = rulings.reduce((d, r) => stronger(d, r.decision), 'allow');
    const vouched = decision === 'allow' &&
        !analysis.foreign &&
        analysis.plans.length > 0 &&
        rulings.every((r) => r.ruleId === 'PG-A01');
    const code = decision === 'ask' ? approvalCode(fingerprints, rulings) : undefined;
    return {
        decision,
        rulings,
        fingerprints,
        planHashes,
        relevant: analysis.relevant || rulings.length > 0,
        vouched,
        ...(code === undefined ? {} : { code })
    };
}
/** The code to type: from the plan fingerprints, or (no plan) from the rulings themselves. */
function approvalCode(fingerprints, rulings) {
    const source = fingerprints.length > 0
        ? fingerprints.join('\n')
        : rulings.map((r) => `${r.ruleId} ${r.command}`).join('\n');
    // FNV-1a is enough here: the code only confirms a human read this very prompt.
    if (fingerprints.length === 1)
        return fingerprints[0].replace(/^sha256:/, '').slice(0, 6);
    let h = 0x811c9dc5;
    for (let i = 0; i < source.length; i++) {
        h ^= source.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0').slice(0, 6);
}
function short(fingerprint) {
    return `${fingerprint.slice(0, 19)}…`;
}
function oneLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0] ?? '';
}
/** What the agent (and the human) reads. */
function explain(decision) {
    const lines = [];
    const head = decision.decision === 'deny'
        ? 'plan-gate blocked this command.'
        : decision.decision === 'ask'
            ? 'plan-gate asks a human to confirm this command.'
            : 'plan-gate: no objection.';
    lines.push(head);
    for (const r of decision.rulings) {
        if (decision.decision !== 'allow' && r.decision === 'allow')
            continue;
        lines.push(`- ${r.command}: ${r.reason} [${r.ruleId} ${ruleSlug(r.ruleId)}]`);
    }
    const instead = decision.rulings.filter((r) => r.decision === decision.decision && r.instead !== undefined);
    if (decision.decision !== 'allow' && instead.length > 0) {
        lines.push('Do this instead:');
        const seen = new Set();
        for (const r of instead)
            for (const step of r.instead ?? []) {
                if (seen.has(step))
                    continue;
                seen.add(step);
                lines.push(`  ${step}`);
            }
        lines.push('A saved plan that plan-gate passes is let through; one that needs approval is put to a human.');
    }
    return lines.join('\n');
}

const SETTINGS_FILES = {
    claude: '.claude/settings.json',
    cursor: '.cursor/hooks.json',
    gemini: '.gemini/settings.json'
};
/** How an installed plan-gate hook is recognised (for idempotency and uninstall). */
const MARK = /\bplan-gate(\.js)?\b.*\bhook\b/;
/** The command written into the settings; `|| exit 2` makes a missing plan-gate block, not pass. */
function defaultHookCommand(agent) {
    return `npx --no-install plan-gate hook --agent ${agent} || exit 2`;
}
class SettingsError extends Error {
}
function parse$1(file, text) {
    if (text === undefined || text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new SettingsError(`${file}: not valid JSON (${error.message.split('\n')[0]}); fix it first, plan-gate does not overwrite it`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new SettingsError(`${file}: not a JSON object`);
    return value;
}
function object(parent, key, file) {
    const v = parent[key];
    if (v === undefined) {
        parent[key] = {};
        return parent[key];
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v))
        throw new SettingsError(`${file}: "${key}" is not an object`);
    return v;
}
function array(parent, key, file) {
    const v = parent[key];
    if (v === undefined) {
        parent[key] = [];
        return parent[key];
    }
    if (!Array.isArray(v))
        throw new SettingsError(`${file}: "${key}" is not an array`);
    return v;
}
const isOurs = (hook) => hook !== null &&
    typeof hook === 'object' &&
    typeof hook['command'] === 'string' &&
    MARK.test(hook['command']);
function render(value) {
    return `${JSON.stringify(value, null, 2)}\n`;
}
function install(agent, text, command) {
    const file = SETTINGS_FILES[agent];
    const settings = parse$1(file, text);
    const hooks = object(settings, 'hooks', file);
    if (agent === 'cursor') {
        if (settings['version'] === undefined)
            settings['version'] = 1;
        const list = array(hooks, 'beforeShellExecution', file);
        const ours = list.filter(isOurs);
        if (ours.length === 1 && ours[0]['command'] === command)
            return unchanged(text);
        for (const h of ours)
            list.splice(list.indexOf(h), 1);
        list.unshift({ command });
        return changed(text, settings);
    }
    const event = agent === 'claude' ? 'PreToolUse' : 'BeforeTool';
    const matcher = agent === 'claude' ? 'Bash' : 'run_shell_command';
    const groups = array(hooks, event, file);
    const entry = agent === 'claude'
        ? { type: 'command', command, timeout: 120 }
        : { type: 'command', name: 'plan-gate', command, timeout: 120000 };
    let found = 0;
    let same = true;
    for (const group of groups) {
        const inner = group !== null && typeof group === 'object' ? group['hooks'] : undefined;
        if (!Array.isArray(inner))
            continue;
        for (const h of inner.filter(isOurs)) {
            found++;
            if (h['command'] !== command || group['matcher'] !== matcher)
                same = false;
        }
    }
    if (found === 1 && same)
        return unchanged(text);
    removeOurs(groups);
    groups.unshift({ matcher, hooks: [entry] });
    return changed(text, settings);
}
function uninstall(agent, text) {
    const file = SETTINGS_FILES[agent];
    if (text === undefined)
        return unchanged(text);
    const settings = parse$1(file, text);
    const hooks = settings['hooks'];
    if (hooks === null || typeof hooks !== 'object' || Array.isArray(hooks))
        return unchanged(text);
    const event = agent === 'claude' ? 'PreToolUse' : agent === 'cursor' ? 'beforeShellExecution' : 'BeforeTool';
    const list = hooks[event];
    if (!Array.isArray(list))
        return unchanged(text);
    const before = JSON.stringify(list);
    if (agent === 'cursor') {
        for (const h of list.filter(isOurs))
            list.splice(list.indexOf(h), 1);
    }
    else
        removeOurs(list);
    if (JSON.stringify(list) === before)
        return unchanged(text);
    if (list.length === 0)
        delete hooks[event];
    if (Object.keys(hooks).length === 0)
        delete settings['hooks'];
    return changed(text, settings);
}
/** Removes plan-gate's hooks from matcher groups, and groups left empty by that. */
function removeOurs(groups) {
    for (let i = groups.length - 1; i >= 0; i--) {
        const group = groups[i];
        const inner = group !== null && typeof group === 'object' ? group['hooks'] : undefined;
        if (!Array.isArray(inner) || !inner.some(isOurs))
            continue;
        const kept = inner.filter((h) => !isOurs(h));
        if (kept.length === 0)
            groups.splice(i, 1);
        else
            group['hooks'] = kept;
    }
}
function unchanged(text) {
    return { before: text, after: text, changed: false };
}
function changed(text, settings) {
    return { before: text, after: render(settings), changed: true };
}
/** A small line diff (`-`/`+`/` `), to show what install or uninstall changes. */
function diffLines(before, after) {
    const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
    const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] =
                a[i] === b[j]
                    ? lcs[i + 1][j + 1] + 1
                    : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] === b[j]) {
            out.push(`  ${a[i]}`);
            i++;
            j++;
        }
        else if (j < m &&
            (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out.push(`+ ${b[j]}`);
            j++;
        }
        else {
            out.push(`- ${a[i]}`);
            i++;
        }
    }
    return `${out.join('\n')}\n`;
}

/**
 * Each agent's hook dialect: the payload it sends on stdin and the answer it understands.
 *
 * - Claude Code, PreToolUse: `{session_id, transcript_path, cwd, permission_mode,
 *   hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: {command, …}, tool_use_id}`.
 *   Exit 2 blocks and feeds stderr to Claude (any other non-zero exit lets the call run); exit 0
 *   with `hookSpecificOutput.permissionDecision` allow/deny/ask and a reason.
 * - Cursor, beforeShellExecution: `{conversation_id, generation_id, hook_event_name, command,
 *   cwd, workspace_roots, …}`; answer `{permission: allow|deny|ask, user_message, agent_message}`;
 *   exit 2 also denies.
 * - Gemini CLI, BeforeTool: `{session_id, transcript_path, cwd, hook_event_name: "BeforeTool",
 *   timestamp, tool_name: "run_shell_command", tool_input: {command, dir_path?}}`; answer
 *   `{decision: allow|deny, reason}` on exit 0, or exit 2 with the reason on stderr. No `ask`.
 *
 * test/agents/payloads/ holds the documented examples and where they come from.
 */
const AGENTS = ['claude', 'cursor', 'gemini'];
/** A payload plan-gate cannot read: the hook blocks. */
class PayloadError extends Error {
}
const EVENTS = {
    PreToolUse: 'claude',
    beforeShellExecution: 'cursor',
    BeforeTool: 'gemini'
};
function readPayload(text, agent, fallback) {
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch {
        throw new PayloadError(`the hook payload is not JSON (${text.length} bytes on stdin)`);
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
        throw new PayloadError('the hook payload is not a JSON object');
    const p = payload;
    const event = p['hook_event_name'];
    const detected = typeof event === 'string' ? own(EVENTS, event) : undefined;
    if (detected === undefined)
        throw new PayloadError(`unknown hook payload: hook_event_name ${typeof event === 'string' ? `"${event.slice(0, 40)}"` : 'missing'} (expected PreToolUse, beforeShellExecution or BeforeTool)`);
    if (agent !== undefined && agent !== detected)
        throw new PayloadError(`--agent ${agent}, but the payload is ${detected}'s (${String(event)})`);
    const cwd = optionalString(p, 'cwd') ?? fallback.cwd;
    const session = detected === 'cursor' ? optionalString(p, 'conversation_id') : optionalString(p, 'session_id');
    const base = { agent: detected, ...(session === undefined ? {} : { sessionId: session }) };
    if (detected === 'cursor') {
        const command = p['command'];
        if (typeof command !== 'string')
            throw new PayloadError('beforeShellExecution payload without a command string');
        const roots = p['workspace_roots'];
        const root = Array.isArray(roots) && typeof roots[0] === 'string' ? roots[0] : undefined;
        return {
            ...base,
            command,
            cwd: cwd === '' ? (root ?? fallback.cwd) : cwd,
            projectDir: root ?? fallback.env['CURSOR_PROJECT_DIR'] ?? cwd,
            canAsk: true
        };
    }
    const tool = p['tool_name'];
    if (typeof tool !== 'string')
        throw new PayloadError(`${String(event)} payload without tool_name`);
    const shellTool = detected === 'claude' ? tool === 'Bash' : tool === 'run_shell_command';
    const projectDir = (detected === 'claude'
        ? fallback.env['CLAUDE_PROJECT_DIR']
        : fallback.env['GEMINI_PROJECT_DIR']) ?? cwd;
    if (!shellTool)
        return { ...base, command: undefined, cwd, projectDir, canAsk: false };
    const input = p['tool_input'];
    if (input === null || typeof input !== 'object' || Array.isArray(input))
        throw new PayloadError(`${tool} payload without a tool_input object`);
    const command = input['command'];
    if (typeof command !== 'string')
        throw new PayloadError(`${tool} payload without tool_input.command`);
    let dir = cwd;
    if (detected === 'gemini') {
        const sub = optionalString(input, 'dir_path') ?? optionalString(input, 'directory');
        if (sub !== undefined && sub !== '')
            dir = sub.startsWith('/') ? sub : `${cwd.replace(/\/$/, '')}/${sub}`;
    }
    const mode = optionalString(p, 'permission_mode');
    // Without prompts (bypassPermissions, dontAsk) nobody would see an `ask`.
    const canAsk = detected === 'claude' && mode !== 'bypassPermissions' && mode !== 'dontAsk';
    return { ...base, command, cwd: dir, projectDir, canAsk };
}
function optionalString(p, key) {
    const v = p[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'string')
        throw new PayloadError(`payload field ${key} is not a string`);
    return v;
}
/**
 * The answer in the agent's own form. `allow` is "no objection": the agent's own permission
 * rules still apply. `vouched` is plan-gate's positive allow, for a line that only applies
 * saved plans that passed. `deny` always exits 2, the form every one of them treats as blocking.
 */
function respond(agent, kind, message) {
    if (kind === 'deny') {
        const stdout = agent === 'cursor'
            ? json({ permission: 'deny', user_message: message, agent_message: message })
            : '';
        return { exitCode: 2, stdout, stderr: `${message}\n` };
    }
    switch (agent) {
        case 'claude':
            if (kind === 'allow')
                return { exitCode: 0, stdout: '', stderr: '' };
            return {
                exitCode: 0,
                stdout: json({
                    hookSpecificOutput: {
                        hookEventName: 'PreToolUse',
                        permissionDecision: kind === 'ask' ? 'ask' : 'allow',
                        permissionDecisionReason: message
                    }
                }),
                stderr: ''
            };
        case 'cursor':
            if (kind === 'ask')
                return {
                    exitCode: 0,
                    stdout: json({ permission: 'ask', user_message: message, agent_message: message }),
                    stderr: ''
                };
            return {
                exitCode: 0,
                stdout: json({
                    permission: 'allow',
                    ...(kind === 'vouched' ? { agent_message: message } : {})
                }),
                stderr: ''
            };
        case 'gemini':
            if (kind === 'ask')
                return respond(agent, 'deny', message);
            return {
                exitCode: 0,
                stdout: kind === 'allow' ? '{}\n' : json({ decision: 'allow', reason: message }),
                stderr: ''
            };
    }
}
/** A block for when anything went wrong: one line, exit 2 (plus Cursor's JSON). */
function failClosed(agent, line) {
    const text = line.split('\n')[0];
    return respond(agent ?? 'claude', 'deny', text);
}
function json(value) {
    return `${JSON.stringify(value)}\n`;
}

/**
 * A conservative screen in front of the parser: it only answers "nothing here can matter", and
 * only when that is certain, so that `ls`, `npm test` or `git status` do not pay for loading
 * the shell parser. It never allows or blocks anything by itself: every other line is parsed.
 *
 * A line can only run Terraform, a data command or hidden commands if, once quotes and
 * backslashes are removed (`te\rra'form'`), it contains one of the program names, or if it
 * computes text at run time (`$`, a backquote), or names a program that runs other text
 * (a shell, eval, source, ssh, watch, su, xargs, find, docker, …). Anything else is skipped.
 */
const RUNNERS = [
    'sh',
    'bash',
    'zsh',
    'dash',
    'ksh',
    'mksh',
    'ash',
    'yash',
    'posh',
    'rbash',
    'busybox',
    'eval',
    'source',
    '.',
    'exec',
    'env',
    'ssh',
    'watch',
    'su',
    'runuser',
    'script',
    'flock',
    'xargs',
    'find',
    'fd',
    'docker',
    'podman',
    'nerdctl',
    'finch',
    'sudo',
    'doas',
    'parallel',
    'make',
    'just',
    'task'
];
const TOOLS = ['terraform', 'tofu', 'terragrunt'];
/** True when the line needs the parser; false only when nothing in it can matter. */
function needsParsing(text, aliases = [], rules = []) {
    // Expansions, brace expansion (`t{e,}rraform`), globs (`terr?form` matches a file named so).
    if (/[$`*?[]|\{[^}]*(,|\.\.)/.test(text))
        return true;
    // Backslash-newline joins lines; other quoting only hides letters.
    const plain = text
        .replace(/\\\n/g, '')
        .replace(/['"\\]/g, '')
        .toLowerCase();
    const programs = [
        ...TOOLS,
        ...aliases,
        ...DATA_RULES.flatMap((r) => r.programs),
        ...rules.flatMap((r) => r.programs)
    ].map((p) => p.toLowerCase());
    // Long names anywhere (a substring covers every way to write the word around them);
    // short ones (az, oc, bq) as whole words, or nearly every line would match.
    if (programs.some((p) => p.length > 3 && plain.includes(p)))
        return true;
    const short = new Set(programs.filter((p) => p.length <= 3));
    // Any word that runs other text, or a path to a program or script (./deploy.sh).
    for (const token of plain.split(/[\s;&|()<>{}!=]+/)) {
        if (token === '')
            continue;
        const base = token.slice(token.lastIndexOf('/') + 1);
        if (RUNNERS.includes(base) || short.has(base) || /^(\.{0,2}|~)\//.test(token))
            return true;
    }
    return false;
}

/**
 * The adapters: `plan-gate hook [install|uninstall]` and `plan-gate exec -- <program> …`.
 * This is where the agents' I/O happens: stdin, files, the audit log, child processes.
 * The plan evaluation comes in as `deps.evaluate` (the CLI's pipeline), so nothing here
 * imports the CLI.
 */
const HOOK_HELP = `Usage: plan-gate hook [--agent claude|cursor|gemini] [options] < payload.json
       plan-gate hook install|uninstall --agent claude|cursor|gemini [--dir <project>] [--command <cmd>]
       plan-gate exec [options] -- <terraform|tofu|terragrunt|…> <args…>
       plan-gate exec --shim <dir>

hook       reads a coding agent's pre-tool hook payload on stdin and answers in the agent's
           form: saved-plan applies are gated, applies without a plan, destroy, -replace and
           -auto-approve are denied, state surgery and data-destroying commands are put to a
           human. Anything it cannot read blocks (exit 2).
install    merges the hook into .claude/settings.json, .cursor/hooks.json or
           .gemini/settings.json (shows the change; other hooks stay)
uninstall  removes it again
exec       runs the command only when the same rules allow it; an approval is typed at a
           terminal (the short code of the plan's fingerprint); without a terminal it refuses
--shim     writes terraform, tofu and terragrunt shims into <dir> (put <dir> first in PATH)

Options (hook and exec):
  --audit-log <file>        where decisions are appended (default <project>/.plan-gate/audit.jsonl,
                            or PLAN_GATE_AUDIT_LOG)
  --state ask|deny|allow    state rm/mv/push/replace-provider, refresh, workspace delete,
                            force-unlock, taint (default ask)
  --without-plan deny|ask   apply without a saved plan, destroy, -destroy, -replace,
                            -auto-approve, run-all apply (default deny)
  --data ask|deny           commands that destroy data outside Terraform (default ask)
  --dynamic ask|deny        program names computed at run time, hidden commands (default ask)
  --alias <name>            another name that runs Terraform (repeatable), e.g. tf
  --data-rules <file>       more data-destroying commands: a JSON array of
                            {key, programs, path?, anyFlag?, check?, what} (see docs/agents.md)
`;
const CHECKS = ['sql', 'kubectl', 'any-delete', 'redis', 'mongo'];
/**
 * --data-rules <file>: more commands that destroy data, a JSON array of
 * `{key, programs, path?, anyFlag?, check?, what}` (as src/agents/data.ts). They only add asks.
 */
function readDataRules(file) {
    let value;
    try {
        value = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new UsageError(`--data-rules ${file}: ${message(error)}`);
    }
    const strings = (v) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');
    if (!Array.isArray(value))
        throw new UsageError(`--data-rules ${file}: not a JSON array of rules`);
    return value.map((rule, i) => {
        const r = (rule ?? {});
        const bad = (why) => {
            throw new UsageError(`--data-rules ${file}: rule ${i + 1}: ${why}`);
        };
        if (typeof r['key'] !== 'string' || r['key'] === '')
            bad('key must be a non-empty string');
        if (typeof r['what'] !== 'string' || r['what'] === '')
            bad('what must be a non-empty string');
        if (!strings(r['programs']))
            bad('programs must be a non-empty array of program names');
        const path = r['path'];
        if (path !== undefined &&
            !(Array.isArray(path) &&
                path.length > 0 &&
                path.every((p) => (typeof p === 'string' && p !== '') || strings(p))))
            bad('path must be an array of words or arrays of words');
        if (r['anyFlag'] !== undefined && !strings(r['anyFlag']))
            bad('anyFlag must be an array of flags');
        if (r['check'] !== undefined && !CHECKS.includes(r['check']))
            bad(`check must be one of ${CHECKS.join(', ')}`);
        return r;
    });
}
const OPTIONS = {
    agent: { type: 'string' },
    'audit-log': { type: 'string' },
    state: { type: 'string' },
    'without-plan': { type: 'string' },
    data: { type: 'string' },
    dynamic: { type: 'string' },
    alias: { type: 'string', multiple: true },
    'data-rules': { type: 'string' },
    dir: { type: 'string' },
    command: { type: 'string' },
    shim: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
};
class UsageError extends Error {
}
function oneOf(flag, value, allowed, fallback) {
    if (value === undefined)
        return fallback;
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`);
}
function parse(argv) {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}
function policyFrom(values, cwd) {
    const file = values['data-rules'];
    return {
        stateCommands: oneOf('state', values.state, ['ask', 'deny', 'allow'], 'ask'),
        withoutPlan: oneOf('without-plan', values['without-plan'], ['deny', 'ask'], 'deny'),
        dataCommands: oneOf('data', values.data, ['ask', 'deny'], 'ask'),
        dynamic: oneOf('dynamic', values.dynamic, ['ask', 'deny'], 'ask'),
        aliases: values.alias ?? [],
        dataRules: file === undefined ? [] : readDataRules(resolve(cwd, file))
    };
}
/** `plan-gate hook …` and `plan-gate exec …`; returns the exit code, never throws. */
async function runAgents(argv, io, deps) {
    const [command, ...rest] = argv;
    if (command === 'exec')
        return runExec(rest, io, deps);
    if (rest[0] === 'install' || rest[0] === 'uninstall')
        return runInstall(rest[0], rest.slice(1), io);
    return runHook(rest, io, deps);
}
// ------------------------------------------------------------------------------------ hook
async function runHook(argv, io, deps) {
    let agent;
    const emit = (out) => {
        io.stdout.write(out.stdout);
        io.stderr.write(out.stderr);
        return out.exitCode;
    };
    let values;
    try {
        values = parse(argv).values;
        if (values.help === true) {
            io.stdout.write(HOOK_HELP);
            return 0;
        }
        if (values.agent !== undefined)
            agent = oneOf('agent', values.agent, AGENTS, 'claude');
    }
    catch (error) {
        return emit(failClosed(agent, `plan-gate hook: ${message(error)}`));
    }
    let logPath;
    let entry;
    try {
        const policy = policyFrom(values, io.cwd);
        if (io.stdin.isTTY === true)
            throw new PayloadError("plan-gate hook reads the agent's hook payload on stdin, not a terminal (see plan-gate hook --help)");
        const text = await readStdin(io.stdin, 1 << 20);
        const request = readPayload(text, agent, io);
        agent = request.agent;
        if (request.command === undefined)
            return emit(respond(agent, 'allow', ''));
        if (!needsParsing(request.command, policy.aliases, policy.dataRules))
            return emit(respond(agent, 'allow', ''));
        logPath = auditPath(request.projectDir, values['audit-log'], io.env);
        entry = {
            time: new Date().toISOString(),
            agent,
            ...(request.sessionId === undefined ? {} : { session: request.sessionId }),
            cwd: request.cwd,
            command: redact(request.command)
        };
        const sh = await loadShell();
        const analysis = analyzeLine(sh, request.command, {
            policy,
            env: io.env,
            readFile: (path) => readSmall(resolve(request.cwd, path))
        });
        const decision = await decide(analysis, gateWith(deps, request.cwd, io.env));
        let final = decision.decision;
        let text2 = explain(decision);
        if (final === 'ask' && !request.canAsk) {
            final = 'deny';
            text2 += `\n${agent === 'gemini' ? 'Gemini CLI hooks cannot ask' : 'This session runs without prompts, so nobody would be asked'}: a human runs it instead, in a terminal, as \`plan-gate exec -- <the command>\` (they type the approval code), or it goes through the pull request gate.`;
        }
        if (decision.relevant || final !== 'allow') {
            appendAudit(logPath, {
                ...entry,
                decision: final,
                rules: [...new Set(decision.rulings.map((r) => r.ruleId))],
                fingerprints: decision.fingerprints,
                ...(decision.planHashes.length > 0 ? { planSha256: decision.planHashes } : {})
            });
        }
        if (final === 'allow')
            return emit(respond(agent, decision.vouched ? 'vouched' : 'allow', text2));
        return emit(respond(agent, final, text2));
    }
    catch (error) {
        const why = error instanceof ShellSyntaxError
            ? `cannot parse the command (${error.message}), so it is blocked`
            : error instanceof PayloadError || error instanceof UsageError
                ? error.message
                : `internal error: ${message(error)}`;
        const line = `plan-gate blocked this command: ${why} [PG-A16 fail-closed]`;
        if (logPath !== undefined && entry !== undefined) {
            try {
                appendAudit(logPath, {
                    ...entry,
                    decision: 'deny',
                    rules: ['PG-A16'],
                    fingerprints: [],
                    error: why
                });
            }
            catch {
                // The block stands either way; the log failure is in the line below.
            }
        }
        return emit(failClosed(agent, line));
    }
}
/** Gates a saved plan: found, a real plan file (zip), evaluated with a minimal environment. */
function gateWith(deps, cwd, env, copyTo) {
    return async (plan) => {
        const dir = resolve(cwd, plan.dir);
        let file = resolve(dir, plan.planFile);
        if (!existsSync(file))
            throw new Error('no such file');
        const stat = statSync(file);
        if (stat.isDirectory())
            throw new Error('is a directory, not a saved plan (terraform apply DIR is not gated)');
        if (!isZip(file))
            throw new Error('not a saved plan file (terraform plan -out writes a zip)');
        if (copyTo !== undefined)
            file = copyTo(file);
        const sha256 = `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
        const bin = plan.tool === 'tofu'
            ? plan.program.includes('/')
                ? plan.program
                : 'tofu'
            : plan.tool === 'terraform' && plan.program.includes('/')
                ? plan.program
                : undefined;
        const report = await deps.evaluate(file, dir, minimalEnv(env), bin === undefined ? undefined : (which(bin, env) ?? bin));
        const gating = report.findings.filter((f) => f.decision !== 'warn');
        const lines = gating
            .slice(0, 8)
            .map((f) => `${f.decision === 'blocked' ? 'BLOCKED' : 'APPROVAL'} ${f.address}: ${f.reason} (${f.ruleId})`);
        if (gating.length > 8)
            lines.push(`and ${gating.length - 8} more (plan-gate ${plan.planFile})`);
        return { verdict: report.decision, fingerprint: report.fingerprint, sha256, findings: lines };
    };
}
/** Children that read plans get PATH, HOME and TF_* only. */
function minimalEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined)
            continue;
        if (k === 'PATH' || k === 'HOME' || k.startsWith('TF_'))
            out[k] = v;
    }
    return out;
}
// --------------------------------------------------------------------------------- install
function runInstall(action, argv, io) {
    try {
        const { values } = parse(argv);
        if (values.agent === undefined)
            throw new UsageError(`usage: plan-gate hook ${action} --agent claude|cursor|gemini [--dir <project>]`);
        const agent = oneOf('agent', values.agent, AGENTS, 'claude');
        const root = resolve(io.cwd, values.dir ?? '.');
        const file = join$1(root, SETTINGS_FILES[agent]);
        const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
        const change = action === 'install'
            ? install(agent, before, values.command ?? defaultHookCommand(agent))
            : uninstall(agent, before);
        if (!change.changed || change.after === undefined) {
            io.stdout.write(`${file}: ${action === 'install' ? 'plan-gate hook already installed' : 'no plan-gate hook to remove'}; nothing changed\n`);
            return 0;
        }
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, change.after);
        io.stdout.write(`${action === 'install' ? 'installed the plan-gate hook in' : 'removed the plan-gate hook from'} ${file}:\n`);
        io.stdout.write(diffLines(change.before ?? '', change.after));
        return 0;
    }
    catch (error) {
        io.stderr.write(`plan-gate: ${error instanceof SettingsError || error instanceof UsageError ? error.message : message(error)}\n`);
        return 2;
    }
}
// ------------------------------------------------------------------------------------ exec
const SHIM_MARK = 'plan-gate-shim';
async function runExec(argv, io, deps) {
    let values;
    let positionals;
    try {
        ;
        ({ values, positionals } = parse(argv));
        if (values.help === true) {
            io.stdout.write(HOOK_HELP);
            return 0;
        }
        if (values.shim !== undefined)
            return writeShims(resolve(io.cwd, values.shim), io);
        if (positionals.length === 0)
            throw new UsageError('usage: plan-gate exec [options] -- <program> <args…>');
    }
    catch (error) {
        io.stderr.write(`plan-gate: ${message(error)}\n`);
        return 2;
    }
    const tmp = mkdtempSync(join$1(tmpdir(), 'plan-gate-exec-'));
    const log = auditPath(io.env['PLAN_GATE_PROJECT_DIR'] ?? io.cwd, values['audit-log'], io.env);
    const base = {
        time: new Date().toISOString(),
        agent: 'exec',
        cwd: io.cwd,
        command: redact(positionals.map(quoteArg).join(' '))
    };
    try {
        const policy = policyFrom(values, io.cwd);
        const sh = await loadShell();
        const analysis = analyzeArgv(sh, positionals, {
            policy,
            env: io.env,
            readFile: (p) => readSmall(resolve(io.cwd, p))
        });
        // The plan is copied before it is gated and the copy is applied: swapping the file after
        // the verdict changes nothing.
        const copies = new Map();
        const copyTo = (file) => {
            const copy = join$1(tmp, `${copies.size}-${file.slice(file.lastIndexOf('/') + 1)}`);
            copyFileSync(file, copy);
            copies.set(file, copy);
            return copy;
        };
        const decision = await decide(analysis, gateWith(deps, io.cwd, io.env, copyTo));
        const args = positionals.slice(1).map((a) => {
            for (const plan of analysis.plans) {
                const original = resolve(io.cwd, plan.dir, plan.planFile);
                if (a === plan.planFile && copies.has(original))
                    return copies.get(original);
            }
            return a;
        });
        const audit = (d, approval) => appendAudit(log, {
            ...base,
            decision: d.decision,
            rules: [...new Set(d.rulings.map((r) => r.ruleId))],
            fingerprints: d.fingerprints,
            ...(d.planHashes.length > 0 ? { planSha256: d.planHashes } : {}),
            ...(approval === undefined ? {} : { approval })
        });
        if (decision.decision === 'deny') {
            audit(decision);
            io.stderr.write(`${explain(decision)}\n`);
            return 1;
        }
        if (decision.decision === 'ask') {
            const terminal = io.stdin.isTTY === true && io.stderr.isTTY === true;
            if (!terminal) {
                audit(decision, 'no-terminal');
                io.stderr.write(`${explain(decision)}\nplan-gate exec: this needs a human's approval and there is no terminal to ask on; refused.\n`);
                return 1;
            }
            io.stderr.write(`${explain(decision)}\nType ${decision.code ?? ''} to go ahead (anything else cancels): `);
            const answer = (await readLine(io.stdin)).trim();
            if (answer !== decision.code) {
                audit(decision, 'refused');
                io.stderr.write('plan-gate exec: not approved; nothing ran.\n');
                return 1;
            }
            audit(decision, 'typed-code');
        }
        else {
            audit(decision);
        }
        const program = realProgram(positionals[0], io.env);
        if (program === undefined) {
            io.stderr.write(`plan-gate exec: ${positionals[0]}: not found on PATH (shims skipped)\n`);
            return 127;
        }
        const run = deps.run ?? runChild;
        return await run(program, args, io.cwd, io.env);
    }
    catch (error) {
        const why = error instanceof ShellSyntaxError
            ? `cannot read the command (${error.message})`
            : message(error);
        try {
            appendAudit(log, {
                ...base,
                decision: 'deny',
                rules: ['PG-A16'],
                fingerprints: [],
                error: why
            });
        }
        catch {
            // refused either way
        }
        io.stderr.write(`plan-gate exec: ${why}; nothing ran [PG-A16 fail-closed]\n`);
        return 2;
    }
    finally {
        rmSync(tmp, { recursive: true, force: true });
    }
}
function writeShims(dir, io) {
    mkdirSync(dir, { recursive: true });
    for (const tool of ['terraform', 'tofu', 'terragrunt']) {
        const path = join$1(dir, tool);
        writeFileSync(path, `#!/bin/sh\n# ${SHIM_MARK}: runs ${tool} through plan-gate; keep this directory first in PATH.\nexec plan-gate exec -- ${tool} "$@"\n`);
        chmodSync(path, 0o755);
    }
    io.stdout.write(`wrote terraform, tofu and terragrunt shims to ${dir}; put it first in PATH:\n  export PATH="${dir}${delimiter}$PATH"\n`);
    return 0;
}
/** The program on PATH, skipping plan-gate's own shims. */
function realProgram(name, env) {
    if (name.includes('/'))
        return name;
    for (const dir of (env['PATH'] ?? '').split(delimiter)) {
        if (dir === '')
            continue;
        const candidate = join$1(dir, name);
        try {
            accessSync(candidate, constants.X_OK);
            if (!statSync(candidate).isFile())
                continue;
            const head = Buffer.alloc(512);
            const fd = openSync(candidate, 'r');
            const n = readSync(fd, head, 0, 512, 0);
            closeSync(fd);
            if (head.subarray(0, n).toString('latin1').includes(SHIM_MARK))
                continue;
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
function which(name, env) {
    if (name.includes('/'))
        return name;
    return realProgram(name, env);
}
function runChild(program, args, cwd, env) {
    return new Promise((done) => {
        const child = spawn(program, [...args], {
            cwd,
            env: env,
            stdio: 'inherit'
        });
        const forward = (signal) => {
            child.kill(signal);
        };
        process.on('SIGINT', forward);
        process.on('SIGTERM', forward);
        child.on('error', () => done(127));
        child.on('close', (code, signal) => {
            process.off('SIGINT', forward);
            process.off('SIGTERM', forward);
            done(code ?? (signal === null ? 1 : 128 + (constants$1.signals[signal] ?? 1)));
        });
    });
}
// ---------------------------------------------------------------------------------- helpers
async function readStdin(stdin, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stdin) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
        size += buf.length;
        if (size > limit)
            throw new PayloadError(`the hook payload is larger than ${limit} bytes`);
        chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
}
async function readLine(stdin) {
    let line = '';
    for await (const chunk of stdin) {
        line += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (line.includes('\n'))
            break;
    }
    return line.split('\n')[0] ?? '';
}
/** A script named by the command, if it is a small text file. */
function readSmall(path) {
    try {
        const stat = statSync(path);
        if (!stat.isFile() || stat.size > 256 * 1024)
            return undefined;
        const text = readFileSync(path, 'utf8');
        return text.includes('\u0000') ? undefined : text;
    }
    catch {
        return undefined;
    }
}
function isZip(file) {
    const fd = openSync(file, 'r');
    try {
        const head = Buffer.alloc(4);
        return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32BE(0) === 0x504b0304;
    }
    finally {
        closeSync(fd);
    }
}
function quoteArg(value) {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
function message(error) {
    const code = error?.code;
    if (code === 'EACCES' || code === 'EPERM')
        return `permission denied (${error.path ?? ''})`;
    const text = error instanceof Error ? error.message : String(error);
    return text.split('\n')[0] ?? '';
}

export { HOOK_HELP, minimalEnv, runAgents };
