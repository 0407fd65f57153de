import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
const { join } = __requireBuiltin("node:path");

/**
 * Errors meant for the user, and the one place an error becomes the one line a user sees
 * (stderr and exit 2 in the CLI, a failed step in the Action). Never a stack trace.
 */
/**
 * An expected problem with the input, the policy, the event or the environment. Its message is
 * one line, names the file or input it is about and what is wrong, and carries no plan value.
 */
class UserError extends Error {
}
/** One line, no stack: expected problems say what is wrong; anything else is labelled internal. */
function errorMessage(error) {
    if (error instanceof UserError)
        return error.message;
    const code = error?.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'is a directory, not a plan file';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return internalError(error);
}
/** `internal error: <first line>`, for errors that are not the user's. */
function internalError(error) {
    const text = error instanceof Error ? error.message : String(error);
    return `internal error: ${text.split('\n')[0] ?? ''}`;
}

/** Small helpers every layer shares. This folder imports nothing from the rest of src/. */
/** True for a record (a JSON object): not null, not an array. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * `record[key]` when `key` is the record's own property, else undefined. A lookup table written
 * as an object literal inherits `constructor`, `toString` and the rest from Object.prototype:
 * indexing it with a key that came from input (a plan's action, a reason, a login) would answer
 * a function for those names instead of "not listed".
 */
function own(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * State backends, exactly: which bucket, lock table, storage account or container holds the
 * Terraform state, read from `backend` blocks and `.terraform/terraform.tfstate`. Pure: the
 * caller (src/backend/load.ts) reads the files.
 */
/** A backend configuration that cannot be read. The message is one line. */
class BackendConfigError extends UserError {
    name = 'BackendConfigError';
}
function isObject(value) {
    return isRecord(value);
}
// hcl2json gives blocks as arrays of bodies; the JSON syntax (`*.tf.json`) allows a bare object.
function bodies(value) {
    if (Array.isArray(value))
        return value.filter(isObject);
    return isObject(value) ? [value] : [];
}
// `${…}` and `%{…}` are templates whose value Terraform only knows at init; guessing is worse
// than leaving the field unknown.
function literal(value) {
    if (typeof value !== 'string' || value === '')
        return undefined;
    return /[$%]\{/.test(value) ? undefined : value;
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function fromConfig(type, config, source) {
    switch (type) {
        case 's3':
            return definedOnly({
                kind: 's3',
                bucket: literal(config['bucket']),
                dynamodbTable: literal(config['dynamodb_table']),
                key: literal(config['key']),
                source
            });
        case 'gcs':
            return definedOnly({
                kind: 'gcs',
                bucket: literal(config['bucket']),
                prefix: literal(config['prefix']),
                source
            });
        case 'azurerm':
            return definedOnly({
                kind: 'azurerm',
                storageAccount: literal(config['storage_account_name']),
                container: literal(config['container_name']),
                key: literal(config['key']),
                source
            });
        default:
            return { kind: 'other', type, source };
    }
}
/** `.terraform/terraform.tfstate` text → the initialized backend (its `backend.type` + `backend.config`). */
function backendFromInitState(text, source) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new BackendConfigError(`${source}: not valid JSON`);
    }
    if (!isObject(parsed))
        throw new BackendConfigError(`${source}: not a JSON object`);
    // `terraform init` without a backend block (local state) writes no `backend` at all.
    const backend = parsed['backend'];
    if (backend === undefined || backend === null)
        return undefined;
    if (!isObject(backend) || typeof backend['type'] !== 'string' || backend['type'] === '') {
        throw new BackendConfigError(`${source}: "backend" has no "type"`);
    }
    const config = isObject(backend['config']) ? backend['config'] : {};
    return fromConfig(backend['type'], config, source);
}
/** Parsed HCL (hcl2json output object of one file) → backend blocks found in `terraform { backend "x" { … } }`. Only literal string values are taken; interpolations (`${…}`) are ignored (left undefined). */
function backendsFromHcl(parsed, source) {
    if (!isObject(parsed))
        return [];
    const found = [];
    for (const terraform of bodies(parsed['terraform'])) {
        const backend = terraform['backend'];
        // hcl2json: `{ "s3": [ {…} ] }`; JSON syntax may also write `[ { "s3": {…} } ]`.
        for (const byType of Array.isArray(backend) ? backend.filter(isObject) : bodies(backend)) {
            for (const [type, body] of Object.entries(byType)) {
                const configs = bodies(body);
                for (const config of configs.length > 0 ? configs : [{}]) {
                    found.push(fromConfig(type, config, source));
                }
            }
        }
        // HCP Terraform's `cloud` block replaces `backend`; its storage is not a plan resource.
        if (bodies(terraform['cloud']).length > 0)
            found.push({ kind: 'other', type: 'cloud', source });
    }
    return found;
}
/** Every attribute of a side that matchBackend reads (a test checks this list against str()). */
const BACKEND_ATTRIBUTES = [
    'bucket',
    'key',
    'name',
    'storage_account_name',
    'storage_account_id',
    'storage_container_name',
    'storage_container_id'
];
function str(side, name) {
    const value = side[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function where(backend) {
    const type = backend.kind === 'other' ? backend.type : backend.kind;
    return `backend "${type}" in ${backend.source}`;
}
// The S3 backend keeps workspace states at `<workspace_key_prefix>/<workspace>/<key>` and, with
// `use_lockfile`, a `<state>.tflock` object next to each.
function isS3StateKey(objectKey, key) {
    const state = objectKey.endsWith('.tflock') ? objectKey.slice(0, -'.tflock'.length) : objectKey;
    if (state === key)
        return true;
    if (!state.endsWith(`/${key}`))
        return false;
    return /^[^/].*\/[^/]+$/.test(state.slice(0, -key.length - 1));
}
function matchS3(type, side, backend) {
    const bucket = str(side, 'bucket');
    if (backend.bucket !== undefined && bucket === backend.bucket) {
        if (type === 'aws_s3_bucket')
            return `the S3 backend bucket (${where(backend)})`;
        if (type === 'aws_s3_object' || type === 'aws_s3_bucket_object') {
            const objectKey = str(side, 'key');
            if (backend.key !== undefined && objectKey !== undefined) {
                if (isS3StateKey(objectKey, backend.key)) {
                    return `the S3 backend state object (${where(backend)})`;
                }
            }
            return undefined;
        }
        // Versioning, policy, public access block, encryption, lifecycle, object lock, ACL, …
        if (type.startsWith('aws_s3_bucket_')) {
            return `the S3 backend bucket (${where(backend)})`;
        }
    }
    if (type === 'aws_dynamodb_table' && backend.dynamodbTable !== undefined) {
        if (str(side, 'name') === backend.dynamodbTable) {
            return `the S3 backend DynamoDB lock table (${where(backend)})`;
        }
    }
    return undefined;
}
// IAM resources store the bucket as `b/<name>`.
function gcsBucketName(value) {
    return value?.startsWith('b/') ? value.slice(2) : value;
}
// The GCS backend writes `<prefix>/<workspace>.tfstate` and `<prefix>/<workspace>.tflock`.
function isGcsStateObject(name, prefix) {
    const base = prefix === undefined || prefix === '' ? '' : `${prefix.replace(/\/+$/, '')}/`;
    if (!name.startsWith(base))
        return false;
    return /^[^/]+\.(tfstate|tflock)$/.test(name.slice(base.length));
}
function matchGcs(type, side, backend) {
    if (backend.bucket === undefined)
        return undefined;
    if (type === 'google_storage_bucket') {
        return str(side, 'name') === backend.bucket
            ? `the GCS backend bucket (${where(backend)})`
            : undefined;
    }
    if (!type.startsWith('google_storage_'))
        return undefined;
    if (gcsBucketName(str(side, 'bucket')) !== backend.bucket)
        return undefined;
    if (type === 'google_storage_bucket_object') {
        const name = str(side, 'name');
        return name !== undefined && isGcsStateObject(name, backend.prefix)
            ? `the GCS backend state object (${where(backend)})`
            : undefined;
    }
    // Objects other than the state (object ACLs, managed folders, …) are not the backend's storage.
    if (type.startsWith('google_storage_bucket_') || type === 'google_storage_default_object_acl') {
        return `the GCS backend bucket (${where(backend)})`;
    }
    return undefined;
}
// `storage_account_id` (azurerm ≥4) is an ARM id ending in `/storageAccounts/<name>`.
function azureAccount(side) {
    const name = str(side, 'storage_account_name');
    if (name !== undefined)
        return name;
    const id = str(side, 'storage_account_id');
    return id === undefined ? undefined : /\/storageAccounts\/([^/]+)$/i.exec(id)?.[1];
}
// `storage_container_id` is either an ARM id (`…/storageAccounts/a/blobServices/default/
// containers/c`) or a data-plane URL (`https://a.blob.core.windows.net/c`).
function azureContainerOf(side) {
    const account = str(side, 'storage_account_name');
    const container = str(side, 'storage_container_name');
    if (account !== undefined && container !== undefined)
        return { account, container };
    const id = str(side, 'storage_container_id');
    if (id === undefined)
        return {};
    const arm = /\/storageAccounts\/([^/]+)\/blobServices\/default\/containers\/([^/]+)$/i.exec(id);
    if (arm)
        return { account: arm[1], container: arm[2] };
    const url = /^https:\/\/([^.]+)\.blob\.[^/]+\/([^/]+)\/?$/i.exec(id);
    return url ? { account: url[1], container: url[2] } : {};
}
function matchAzurerm(type, side, backend) {
    const { storageAccount, container, key } = backend;
    if (storageAccount === undefined)
        return undefined;
    if (type === 'azurerm_storage_account') {
        return str(side, 'name') === storageAccount
            ? `the azurerm backend storage account (${where(backend)})`
            : undefined;
    }
    if (container === undefined)
        return undefined;
    if (type === 'azurerm_storage_container') {
        return str(side, 'name') === container && azureAccount(side) === storageAccount
            ? `the azurerm backend container (${where(backend)})`
            : undefined;
    }
    if (type === 'azurerm_storage_blob' && key !== undefined) {
        const at = azureContainerOf(side);
        const name = str(side, 'name');
        // Workspaces other than `default` are stored as `<key>env:<workspace>`.
        if (at.account === storageAccount && at.container === container && name !== undefined) {
            if (name === key || name.startsWith(`${key}env:`)) {
                return `the azurerm backend state blob (${where(backend)})`;
            }
        }
    }
    return undefined;
}
/** Does this resource change touch exactly the backend's storage? Returns evidence text (names only the attribute and backend kind, e.g. 'the S3 backend bucket (backend "s3" in main.tf)') or undefined. */
function matchBackend(change, backends) {
    // `before` catches deletes and renames away; `after` catches a rename onto the state bucket.
    const sides = [change.before, change.after].filter(isObject);
    for (const backend of backends) {
        for (const side of sides) {
            let evidence;
            if (backend.kind === 's3')
                evidence = matchS3(change.type, side, backend);
            else if (backend.kind === 'gcs')
                evidence = matchGcs(change.type, side, backend);
            else if (backend.kind === 'azurerm')
                evidence = matchAzurerm(change.type, side, backend);
            if (evidence !== undefined)
                return evidence;
        }
    }
    return undefined;
}
// Same kind and no field that both name differently: a partial block (some fields unknown) is
// the same backend as the initialized one, a changed bucket is not.
function compatible(a, b) {
    if (a.kind !== b.kind)
        return false;
    const x = a;
    const y = b;
    return Object.keys({ ...a, ...b })
        .filter((k) => k !== 'source')
        .every((k) => x[k] === undefined || y[k] === undefined || x[k] === y[k]);
}
/** Merges backends that name the same storage; a partial `backend "s3" {}` takes the initialized values. */
function dedupeBackends(backends) {
    const out = [];
    for (const backend of backends) {
        const index = out.findIndex((seen) => compatible(seen, backend));
        const seen = out[index];
        if (seen === undefined) {
            out.push(backend);
            continue;
        }
        const sources = [...new Set([...seen.source.split(', '), ...backend.source.split(', ')])];
        // Both sides are compatible, so the union of their defined values is the fuller picture.
        out[index] = { ...seen, ...definedOnly(backend), source: sources.join(', ') };
    }
    return out;
}

/**
 * Reads the state backend of a Terraform working directory: `backend` blocks in `*.tf` /
 * `*.tf.json`, and `.terraform/terraform.tfstate`, which records what `terraform init` set up
 * (including values passed with `-backend-config`).
 */
/** Where `terraform init` records the initialized backend, relative to the working directory. */
const INIT_STATE = join('.terraform', 'terraform.tfstate');
let parser;
// The parser is ~2 MB of Go WASM that starts loading as soon as it is imported, so only a
// directory that actually declares a backend pays for it.
function hclParser() {
    parser ??= import('./hcl2json.js').then(function (n) { return n.i; }).then((mod) => {
        const parse = mod.parse ?? mod.default.parse;
        return parse;
    });
    return parser;
}
// hcl2json reports `parse config: [main.tf:2,15-16: Unclosed configuration block; There is no
// closing brace…]`: the summary before `;` is the useful line.
function parseErrorLine(file, error) {
    const raw = error instanceof Error ? error.message : String(error);
    const first = raw.split('\n')[0] ?? '';
    const diag = /^(?:parse config: )?\[?[^[\]]*?:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]+)/.exec(first);
    const detail = diag ? `${diag[3]?.trim()} at line ${diag[1]}, column ${diag[2]}` : first;
    return `${file}: could not parse HCL: ${detail}`;
}
async function readText(fs, path) {
    try {
        return await fs.readFile(path);
    }
    catch (error) {
        throw new BackendConfigError(`${path}: ${error.code ?? 'unreadable'}`);
    }
}
async function configFiles(fs, dir) {
    let names;
    try {
        names = await fs.readdir(dir);
    }
    catch (error) {
        throw new BackendConfigError(`${dir}: ${error.code ?? 'unreadable'}`);
    }
    return names.filter((name) => /\.tf(\.json)?$/.test(name)).sort();
}
/**
 * Whether WebAssembly exists here. `node --jitless` (the fallback where WebAssembly is not
 * allowed) has no `WebAssembly` global at all, and the HCL parser is WebAssembly.
 */
function webAssemblyAvailable() {
    return typeof globalThis.WebAssembly === 'object';
}
/** Raised for a `.tf` file that needs the HCL parser where WebAssembly is unavailable. */
class NeedsWebAssembly extends Error {
    file;
    constructor(file) {
        super(file);
        this.file = file;
    }
}
async function backendsInFile(fs, dir, file) {
    const text = await readText(fs, join(dir, file));
    // Cheap pre-check: most files are resources and never need the parser.
    if (text === undefined || !/\bbackend\b|\bcloud\s*\{|"cloud"/.test(text))
        return [];
    if (!file.endsWith('.json') && !webAssemblyAvailable())
        throw new NeedsWebAssembly(file);
    if (file.endsWith('.json')) {
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch {
            throw new BackendConfigError(`${file}: not valid JSON`);
        }
        return backendsFromHcl(parsed, file);
    }
    let parsed;
    try {
        const parse = await hclParser();
        parsed = await parse(file, text);
    }
    catch (error) {
        throw new BackendConfigError(parseErrorLine(file, error));
    }
    return backendsFromHcl(parsed, file);
}
/** Reads `dir/*.tf`, `dir/*.tf.json` and `dir/.terraform/terraform.tfstate`; `sources` lists the files that declared a backend. */
async function loadBackends(dir, fs) {
    const found = [];
    const sources = [];
    const initText = await readText(fs, join(dir, INIT_STATE));
    const initialized = initText === undefined ? undefined : backendFromInitState(initText, INIT_STATE);
    for (const file of await configFiles(fs, dir)) {
        let backends;
        try {
            backends = await backendsInFile(fs, dir, file);
        }
        catch (error) {
            if (!(error instanceof NeedsWebAssembly))
                throw error;
            // Terraform refuses to plan until `init` has recorded a changed backend, so the
            // initialized backend is the one this directory's plans use: read it alone.
            if (initialized !== undefined)
                return { backends: [initialized], sources: [INIT_STATE] };
            throw new BackendConfigError(`${join(dir, error.file)}: reading its backend block needs WebAssembly, which this Node.js does not provide (--jitless): run \`terraform init\` there first (plan-gate then reads ${INIT_STATE}), or run without --jitless`);
        }
        if (backends.length > 0)
            sources.push(file);
        found.push(...backends);
    }
    if (initialized !== undefined) {
        sources.push(INIT_STATE);
        found.push(initialized);
    }
    return { backends: dedupeBackends(found), sources };
}

export { BACKEND_ATTRIBUTES as B, INIT_STATE as I, UserError as U, errorMessage as e, isRecord as i, loadBackends as l, matchBackend as m, own as o, webAssemblyAvailable as w };
