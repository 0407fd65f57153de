#!/usr/bin/env node
import { spawn } from 'node:child_process';
import { statSync, readFileSync, createReadStream, openSync, readSync, closeSync, accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TextDecoder as TextDecoder$1 } from 'node:util';
import { createHash } from 'node:crypto';

/** Errors that mean "this input cannot be evaluated" (exit 2), as opposed to a gate verdict. */
/** The input is not a plan plan-gate can read. The message is one line and names no value. */
class PlanInputError extends Error {
    name = 'PlanInputError';
}

/**
 * Byte-level input normalization before any JSON is read: BOMs, UTF-16 (Windows PowerShell's
 * `>` writes UTF-16LE with a BOM) and the setup-terraform wrapper's `[command]` first line.
 * Everything is incremental so that the show-json scanner never needs the whole file.
 */
/** Converts a byte stream in UTF-8 (with or without BOM) or UTF-16LE/BE to UTF-8 chunks. */
class Utf8Normalizer {
    encoding;
    head = new Uint8Array(0);
    decoder;
    encoder = new TextEncoder();
    /** Which encoding was detected, once known. */
    get detected() {
        return this.encoding;
    }
    push(chunk) {
        if (this.encoding === undefined) {
            this.head = concat$1(this.head, chunk);
            if (this.head.length < 4)
                return [];
            return this.start(this.head);
        }
        return this.convert(chunk, false);
    }
    end() {
        if (this.encoding === undefined)
            return this.head.length > 0 ? this.start(this.head, true) : [];
        return this.convert(new Uint8Array(0), true);
    }
    start(bytes, final = false) {
        let body = bytes;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
            this.encoding = 'utf8';
            body = bytes.subarray(3);
        }
        else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
            this.encoding = 'utf16le';
            body = bytes.subarray(2);
        }
        else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
            this.encoding = 'utf16be';
            body = bytes.subarray(2);
        }
        else if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) {
            // UTF-16 without a BOM: ASCII `{` or whitespace followed by a zero byte.
            this.encoding = 'utf16le';
        }
        else if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) {
            this.encoding = 'utf16be';
        }
        else {
            this.encoding = 'utf8';
        }
        if (this.encoding !== 'utf8') {
            this.decoder = new TextDecoder$1(this.encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', {
                fatal: true
            });
        }
        this.head = new Uint8Array(0);
        return this.convert(body, final);
    }
    convert(chunk, final) {
        if (this.decoder === undefined)
            return chunk.length > 0 ? [chunk] : [];
        let text;
        try {
            text = this.decoder.decode(chunk, { stream: !final });
        }
        catch {
            throw new EncodingError(`invalid ${this.encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE'} text`);
        }
        return text.length > 0 ? [this.encoder.encode(text)] : [];
    }
}
/** The input bytes are not valid text in the detected encoding. */
class EncodingError extends Error {
    name = 'EncodingError';
}
const COMMAND_PREFIX = new TextEncoder().encode('[command]');
/**
 * Drops the `[command]…` first line that hashicorp/setup-terraform's wrapper prints before the
 * real output. Passes everything else through unchanged.
 */
class WrapperStripper {
    state = 'sniff';
    head = new Uint8Array(0);
    /** True when a wrapper line was found and removed. */
    wrapped = false;
    push(chunk) {
        if (this.state === 'pass')
            return [chunk];
        if (this.state === 'skip-line')
            return this.skipLine(chunk);
        this.head = concat$1(this.head, chunk);
        const start = firstNonSpace(this.head);
        if (start < 0 || this.head.length - start < COMMAND_PREFIX.length)
            return [];
        return this.decide(start);
    }
    end() {
        if (this.state !== 'sniff')
            return [];
        const rest = this.head;
        this.state = 'pass';
        return rest.length > 0 ? [rest] : [];
    }
    decide(start) {
        const head = this.head;
        this.head = new Uint8Array(0);
        const isCommand = COMMAND_PREFIX.every((byte, i) => head[start + i] === byte);
        if (!isCommand) {
            this.state = 'pass';
            return [head];
        }
        this.wrapped = true;
        this.state = 'skip-line';
        return this.skipLine(head.subarray(start));
    }
    skipLine(chunk) {
        const newline = chunk.indexOf(0x0a);
        if (newline < 0)
            return [];
        this.state = 'pass';
        const rest = chunk.subarray(newline + 1);
        return rest.length > 0 ? [rest] : [];
    }
}
/**
 * True when text after the JSON document is only the wrapper's trailer: `::debug::…`,
 * `::set-output …` workflow commands, or `%0A`-escaped continuation lines.
 */
function isWrapperTrailer(trailer) {
    return trailer
        .split(/\r?\n/)
        .map((line) => line.trim())
        .every((line) => line === '' || line.startsWith('::') || line.startsWith('%0A'));
}
function firstNonSpace(bytes) {
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09)
            return i;
    }
    return -1;
}
function concat$1(a, b) {
    if (a.length === 0)
        return b;
    const out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
}

/**
 * Turns raw `resource_changes` elements (show-json) and `planned_change` messages (JSON Lines
 * stream) into the normalized `ResourceChange`.
 */
const SHOW_ACTIONS = {
    'no-op': { action: 'no-op' },
    create: { action: 'create' },
    read: { action: 'read' },
    update: { action: 'update' },
    delete: { action: 'delete' },
    forget: { action: 'forget' },
    'delete,create': { action: 'replace', order: 'delete-first' },
    'create,delete': { action: 'replace', order: 'create-first' },
    'create,forget': { action: 'forget-replace', order: 'create-then-forget' },
    'forget,create': { action: 'forget-replace', order: 'forget-then-create' }
};
/** Maps a show-json `actions` array; anything not listed is `unknown` (fail closed). */
function actionFromArray(actions) {
    return SHOW_ACTIONS[actions.join(',')] ?? { action: 'unknown' };
}
/** Stream reasons that are spelled differently from show-json's `action_reason`. */
const STREAM_REASONS = {
    tainted: 'replace_because_tainted',
    requested: 'replace_by_request',
    cannot_update: 'replace_because_cannot_update',
    replace_triggered_by: 'replace_by_triggers'
};
/** Maps a stream `reason` to show-json spelling; unknown values are kept verbatim. */
function reasonFromStream(reason) {
    return STREAM_REASONS[reason] ?? reason;
}
/** Splits `registry.terraform.io/hashicorp/aws`, `aws`, or 0.12-style `null.aliased`. */
function providerRef(providerName) {
    if (providerName.includes('/')) {
        const last = providerName.slice(providerName.lastIndexOf('/') + 1);
        return { name: last, fqn: providerName };
    }
    const dot = providerName.indexOf('.');
    if (dot > 0)
        return { name: providerName.slice(0, dot), alias: providerName.slice(dot + 1) };
    return { name: providerName };
}
/** The provider implied by a resource type prefix (`google_sql…` → `google`). */
function impliedProvider(type) {
    const underscore = type.indexOf('_');
    return underscore > 0 ? type.slice(0, underscore) : type;
}
/**
 * A version string as reports may print it, or undefined. Versions come from the input file,
 * so anything that does not look like a version is dropped rather than echoed.
 */
function versionOrUndefined(value) {
    return typeof value === 'string' && /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]{1,40})?$/.test(value)
        ? value
        : undefined;
}
function isRecord$3(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Describes a JSON value's type for error messages, never its content. */
function jsonType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function requireString(obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string') {
        throw new PlanInputError(`${where}: "${key}" must be a string, found ${jsonType(value)}`);
    }
    return value;
}
function optionalString(obj, key, where) {
    const value = obj[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string') {
        throw new PlanInputError(`${where}: "${key}" must be a string, found ${jsonType(value)}`);
    }
    return value;
}
function indexOf(value, where) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' || typeof value === 'number')
        return value;
    throw new PlanInputError(`${where}: "index" must be a number or string, found ${jsonType(value)}`);
}
function replacePaths(value, where) {
    if (value === undefined || value === null)
        return undefined;
    const fail = () => {
        throw new PlanInputError(`${where}: "replace_paths" must be a list of attribute paths`);
    };
    if (!Array.isArray(value))
        return fail();
    return value.map((path) => {
        if (!Array.isArray(path))
            return fail();
        return path.map((step) => typeof step === 'string' || typeof step === 'number' ? step : fail());
    });
}
/**
 * Normalizes one element of `resource_changes`, `resource_drift` or
 * `deferred_changes[].resource_change`. `position` names it in error messages.
 */
function fromShowJson(raw, position) {
    if (!isRecord$3(raw))
        throw new PlanInputError(`${position} must be an object, found ${jsonType(raw)}`);
    // Terraform 1.0.0 wrote resource_drift entries without "address"; rebuild it from its parts.
    const address = raw['address'] === undefined
        ? synthesizeAddress(raw, position)
        : requireString(raw, 'address', position);
    const where = `${position} (${address})`;
    const change = raw['change'];
    if (!isRecord$3(change))
        throw new PlanInputError(`${where}: "change" must be an object`);
    const actions = change['actions'];
    if (!Array.isArray(actions) ||
        actions.length === 0 ||
        !actions.every((a) => typeof a === 'string')) {
        throw new PlanInputError(`${where}: "change.actions" must be a non-empty list of strings`);
    }
    const mode = raw['mode'] === undefined ? 'managed' : raw['mode'];
    if (mode !== 'managed' && mode !== 'data') {
        throw new PlanInputError(`${where}: "mode" must be "managed" or "data"`);
    }
    const type = requireString(raw, 'type', where);
    const previousAddress = optionalString(raw, 'previous_address', where);
    const info = actionFromArray(actions);
    const importing = change['importing'];
    return {
        address,
        previousAddress,
        moduleAddress: optionalString(raw, 'module_address', where),
        mode,
        type,
        name: optionalString(raw, 'name', where) ?? '',
        index: indexOf(raw['index'], where),
        provider: providerRef(optionalString(raw, 'provider_name', where) ?? impliedProvider(type)),
        deposed: optionalString(raw, 'deposed', where),
        actions: actions,
        action: info.action,
        order: info.order,
        moved: previousAddress !== undefined && previousAddress !== address,
        importing: importing !== undefined && importing !== null,
        reason: optionalString(raw, 'action_reason', where),
        replacePaths: replacePaths(change['replace_paths'], where),
        hasValues: true,
        before: change['before'],
        after: change['after'],
        afterUnknown: change['after_unknown'],
        beforeSensitive: change['before_sensitive'],
        afterSensitive: change['after_sensitive']
    };
}
function synthesizeAddress(raw, position) {
    const type = requireString(raw, 'type', position);
    const name = requireString(raw, 'name', position);
    const module = optionalString(raw, 'module_address', position);
    const index = indexOf(raw['index'], position);
    const key = index === undefined
        ? ''
        : typeof index === 'number'
            ? `[${index}]`
            : `[${JSON.stringify(index)}]`;
    const data = raw['mode'] === 'data' ? 'data.' : '';
    return `${module === undefined ? '' : `${module}.`}${data}${type}.${name}${key}`;
}
const STREAM_ACTIONS = {
    noop: { action: 'no-op' },
    create: { action: 'create' },
    read: { action: 'read' },
    update: { action: 'update' },
    delete: { action: 'delete' },
    replace: { action: 'replace', order: 'unspecified' },
    remove: { action: 'forget' },
    move: { action: 'no-op' },
    import: { action: 'no-op' }
};
/**
 * Normalizes the `change` object of a `planned_change`, `resource_drift` or deferred message.
 * OpenTofu streams a forget-then-create as `noop` (it has no other way to emit a non-NoOp
 * change as `noop`), so in a `tofu.ui` stream that spelling means forget-replace.
 */
function fromStream(raw, position, tool) {
    if (!isRecord$3(raw))
        throw new PlanInputError(`${position}: "change" must be an object`);
    const resource = raw['resource'];
    if (!isRecord$3(resource))
        throw new PlanInputError(`${position}: "change.resource" must be an object`);
    const address = requireString(resource, 'addr', position);
    const where = `${position} (${address})`;
    const actionName = requireString(raw, 'action', where);
    let info = STREAM_ACTIONS[actionName] ?? { action: 'unknown' };
    if (actionName === 'noop' && tool === 'opentofu') {
        info = { action: 'forget-replace', order: 'forget-then-create' };
    }
    const previous = raw['previous_resource'];
    const previousAddress = isRecord$3(previous) ? optionalString(previous, 'addr', where) : undefined;
    const type = optionalString(resource, 'resource_type', where) ?? typeFromAddress(address);
    const reason = optionalString(raw, 'reason', where);
    const moduleAddress = optionalString(resource, 'module', where);
    return {
        address,
        previousAddress,
        moduleAddress: moduleAddress === '' ? undefined : moduleAddress,
        mode: isDataAddress(address) ? 'data' : 'managed',
        type,
        name: optionalString(resource, 'resource_name', where) ?? '',
        index: indexOf(resource['resource_key'], where),
        provider: {
            name: optionalString(resource, 'implied_provider', where) ?? impliedProvider(type)
        },
        actions: [actionName],
        action: info.action,
        order: info.order,
        moved: actionName === 'move' || (previousAddress !== undefined && previousAddress !== address),
        importing: actionName === 'import' || isRecord$3(raw['importing']),
        reason: reason === undefined ? undefined : reasonFromStream(reason),
        hasValues: false
    };
}
/** `module.a.data.aws_x.y[0]` → is a data source. */
function isDataAddress(address) {
    return /(^|\.)data\.[^.]+\.[^.]+/.test(stripModules(address));
}
function stripModules(address) {
    // Module keys can contain dots inside ["..."], so strip module.NAME[KEY]. prefixes with a regex
    // that understands bracketed keys.
    return address.replace(/^(module\.[^.[]+(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?\.)+/, '');
}
function typeFromAddress(address) {
    const local = stripModules(address).replace(/^data\./, '');
    return local.slice(0, local.indexOf('.') > 0 ? local.indexOf('.') : undefined);
}

/**
 * Incremental byte scanner for `terraform show -json` output. Plans can exceed V8's string limit,
 * so the document is never held whole: only the elements of the change sections (and any value
 * the caller asks to capture) are sliced out and handed to native `JSON.parse`; every other byte
 * is checked against the JSON grammar in place and dropped.
 */
/** Why the plan bytes were rejected; `offset` is where the problem was found. */
class PlanSyntaxError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'PlanSyntaxError';
    }
}
const SECTIONS = new Set([
    'resource_changes',
    'resource_drift',
    'deferred_changes'
]);
const TRAILER_CAP = 64 * 1024;
// Malformed input like `[[[[…` must not grow memory with the file.
const MAX_DEPTH = 1 << 16;
// Top-level key names are echoed in messages only when they cannot carry arbitrary content.
const SAFE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
// Grammar states: which token may come next.
const G_TOP = 0;
const G_KEY_OR_CLOSE = 1; // after '{'
const G_KEY = 2; // after ',' in an object
const G_COLON = 3;
const G_VALUE = 4; // after ':', or after ',' in an array
const G_VALUE_OR_CLOSE = 5; // after '['
const G_AFTER = 6; // after a value: ',' or a closing bracket
const G_DONE = 7; // the top-level value is closed; the rest is trailer
// The token a chunk boundary can cut. L_SKIM is a recorded container that JSON.parse will check.
const L_NONE = 0;
const L_STRING = 1;
const L_NUMBER = 2;
const L_LITERAL = 3;
const L_SKIM = 4;
// Number states, named after the last byte read.
const N_MINUS = 0;
const N_ZERO = 1;
const N_INT = 2;
const N_DOT = 3;
const N_FRAC = 4;
const N_E = 5;
const N_E_SIGN = 6;
const N_EXP = 7;
// What the bytes being recorded are.
const R_NONE = 0;
const R_KEY = 1;
const R_SCALAR = 2;
const R_ELEMENT = 3;
const R_CAPTURE = 4;
const OBJECT = 1;
const ARRAY = 2;
const table = (chars) => {
    const t = new Uint8Array(256);
    for (const ch of chars)
        t[ch.charCodeAt(0)] = 1;
    return t;
};
const ESCAPE = table('"\\/bfnrt');
const HEX = table('0123456789abcdefABCDEF');
const DIGIT = table('0123456789');
const encoder = new TextEncoder();
const TRUE = encoder.encode('true');
const FALSE = encoder.encode('false');
const NULL = encoder.encode('null');
const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const describe = (c) => c > 0x20 && c < 0x7f ? `character '${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
const concat = (parts) => {
    let length = 0;
    for (const p of parts)
        length += p.length;
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
};
/** Streams the change-section elements of a show-json document and validates everything else. */
class ShowJsonScanner {
    onElement;
    /** Parsed values of top-level keys named in options.capture, available after end(). */
    captured = Object.create(null);
    capture;
    /** Set on the throwaway scanner that locates an error inside a recorded container. */
    plain = false;
    label = '';
    base = 0;
    state = G_TOP;
    stack = new Uint8Array(64);
    depth = 0;
    lex = L_NONE;
    /** String: 0 body, -1 after '\', 1–4 hex digits left; number: N_*; literal: index; skim: depth. */
    sub = 0;
    literalBytes = TRUE;
    /** Skim mode only: 0 outside a string, 1 inside, 2 inside right after a backslash. */
    skimString = 0;
    rec = R_NONE;
    recStart = 0;
    recOffset = 0;
    pieces = [];
    key = '';
    section = null;
    keys = [];
    seen = new Set();
    scalars = Object.create(null);
    containers = Object.create(null);
    counts = { resource_changes: 0, resource_drift: 0, deferred_changes: 0 };
    trailer = [];
    trailerLength = 0;
    constructor(onElement, options = {}) {
        this.onElement = onElement;
        this.capture = new Set(options.capture ?? []);
    }
    /** Feeds the next bytes; a chunk may end anywhere, even inside a token. */
    push(chunk) {
        const n = chunk.length;
        let i = 0;
        if (this.rec !== R_NONE)
            this.recStart = 0;
        if (this.lex === L_STRING)
            i = this.string(chunk, 0);
        else if (this.lex === L_NUMBER)
            i = this.number(chunk, 0);
        else if (this.lex === L_LITERAL)
            i = this.literal(chunk, 0);
        else if (this.lex === L_SKIM)
            i = this.skim(chunk, 0);
        if (this.state !== G_DONE)
            i = this.tokens(chunk, i);
        if (this.state === G_DONE)
            this.trail(chunk, i);
        // Copy: the caller may reuse its buffer, and only the current record may outlive the chunk.
        else if (this.rec !== R_NONE)
            this.pieces.push(new Uint8Array(chunk.subarray(this.recStart)));
        this.base += n;
    }
    /** Finishes the scan; throws PlanSyntaxError unless one complete top-level object was read. */
    end() {
        const at = this.base;
        if (this.state === G_TOP) {
            throw new PlanSyntaxError(`empty input: expected a JSON object at byte ${at}`, at);
        }
        if (this.state !== G_DONE) {
            const inString = this.lex === L_STRING || (this.lex === L_SKIM && this.skimString !== 0);
            const what = inString ? 'unterminated string' : 'unexpected end of input';
            throw new PlanSyntaxError(`${what} inside ${this.where()} at byte ${at}`, at);
        }
        const trailer = new TextDecoder().decode(concat(this.trailer)).trim();
        const { keys, scalars, containers } = this;
        return { keys, scalars, containers, counts: { ...this.counts }, trailer, bytes: at };
    }
    tokens(b, i) {
        const n = b.length;
        while (i < n) {
            const c = b[i];
            switch (c) {
                case 0x20:
                case 0x0a:
                case 0x0d:
                case 0x09:
                    i++;
                    while (i < n && isSpace(b[i]))
                        i++;
                    break;
                case 0x22:
                    if (this.state === G_KEY_OR_CLOSE || this.state === G_KEY) {
                        this.state = G_COLON;
                        if (this.depth === 1 && !this.plain)
                            this.record(R_KEY, i);
                    }
                    else
                        this.value(i, c);
                    this.lex = L_STRING;
                    this.sub = 0;
                    i = this.string(b, i + 1);
                    break;
                case 0x3a:
                    if (this.state !== G_COLON)
                        throw this.unexpected(c, i);
                    this.state = G_VALUE;
                    i++;
                    break;
                case 0x2c:
                    if (this.state !== G_AFTER)
                        throw this.unexpected(c, i);
                    this.state = this.stack[this.depth - 1] === OBJECT ? G_KEY : G_VALUE;
                    i++;
                    break;
                case 0x7b:
                case 0x5b:
                    if (this.value(i, c)) {
                        this.lex = L_SKIM;
                        this.sub = 1;
                        i = this.skim(b, i + 1);
                    }
                    else {
                        this.open(c === 0x7b ? OBJECT : ARRAY, i);
                        i++;
                    }
                    break;
                case 0x7d:
                case 0x5d:
                    this.close(c, i);
                    i++;
                    if (this.state === G_DONE)
                        return i;
                    break;
                case 0x74:
                case 0x66:
                case 0x6e:
                    this.value(i, c);
                    this.lex = L_LITERAL;
                    this.literalBytes = c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL;
                    this.sub = 1;
                    i = this.literal(b, i + 1);
                    break;
                default:
                    if (c !== 0x2d && DIGIT[c] !== 1)
                        throw this.unexpected(c, i);
                    this.value(i, c);
                    this.lex = L_NUMBER;
                    this.sub = c === 0x2d ? N_MINUS : c === 0x30 ? N_ZERO : N_INT;
                    i = this.number(b, i + 1);
            }
        }
        return i;
    }
    /** Checks that a value may start here and starts recording it if wanted; true = skim it. */
    value(i, c) {
        const s = this.state;
        if (s !== G_VALUE && s !== G_VALUE_OR_CLOSE) {
            if (s !== G_TOP)
                throw this.unexpected(c, i);
            if (c !== 0x7b && !(this.plain && c === 0x5b)) {
                throw new PlanSyntaxError('expected a JSON object at the top level', this.base + i);
            }
        }
        this.state = G_AFTER;
        const container = c === 0x7b || c === 0x5b;
        if (this.depth === 2 && this.section !== null) {
            this.record(R_ELEMENT, i);
            return container;
        }
        if (this.depth !== 1 || this.plain)
            return false;
        if (!container) {
            this.record(R_SCALAR, i);
            return false;
        }
        const kind = c === 0x7b ? 'object' : 'array';
        this.containers[this.key] = kind;
        if (kind === 'array' && SECTIONS.has(this.key))
            this.section = this.key;
        else if (this.capture.has(this.key)) {
            this.record(R_CAPTURE, i);
            return true;
        }
        return false;
    }
    open(kind, i) {
        if (this.depth === this.stack.length) {
            if (this.depth >= MAX_DEPTH)
                throw this.fail(`nesting deeper than ${MAX_DEPTH} levels`, i);
            const grown = new Uint8Array(this.depth * 2);
            grown.set(this.stack);
            this.stack = grown;
        }
        this.stack[this.depth++] = kind;
        this.state = kind === OBJECT ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE;
    }
    close(c, i) {
        const kind = c === 0x7d ? OBJECT : ARRAY;
        const d = this.depth;
        const s = this.state;
        const empty = kind === OBJECT ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE;
        if (d === 0 || this.stack[d - 1] !== kind || (s !== G_AFTER && s !== empty)) {
            throw this.unexpected(c, i);
        }
        this.depth = d - 1;
        if (d === 2)
            this.section = null;
        this.state = d === 1 ? G_DONE : G_AFTER;
    }
    string(b, i) {
        const n = b.length;
        let s = this.sub;
        while (i < n) {
            if (s === 0) {
                // Comparisons measured slightly faster here than a lookup table.
                let c = 0;
                while (i < n) {
                    c = b[i];
                    if (c === 0x22 || c === 0x5c || c < 0x20)
                        break;
                    i++;
                }
                if (i === n)
                    break;
                if (c === 0x22) {
                    this.lex = L_NONE;
                    if (this.rec !== R_NONE)
                        this.finish(b, i + 1);
                    return i + 1;
                }
                if (c !== 0x5c)
                    throw this.fail('raw control character in string', i);
                s = -1;
            }
            else if (s < 0) {
                const c = b[i];
                if (c === 0x75)
                    s = 4;
                else if (ESCAPE[c] === 1)
                    s = 0;
                else
                    throw this.fail('invalid escape in string', i);
            }
            else {
                if (HEX[b[i]] !== 1)
                    throw this.fail('invalid \\u escape in string', i);
                s--;
            }
            i++;
        }
        this.sub = s;
        return n;
    }
    number(b, i) {
        const n = b.length;
        let s = this.sub;
        for (; i < n; i++) {
            const c = b[i];
            const digit = DIGIT[c] === 1;
            if (digit) {
                if (s === N_ZERO)
                    throw this.fail('invalid number (leading zero)', i);
                if (s === N_MINUS)
                    s = c === 0x30 ? N_ZERO : N_INT;
                else if (s === N_DOT)
                    s = N_FRAC;
                else if (s === N_E || s === N_E_SIGN)
                    s = N_EXP;
            }
            else if (c === 0x2e && (s === N_ZERO || s === N_INT))
                s = N_DOT;
            else if ((c === 0x65 || c === 0x45) && (s === N_ZERO || s === N_INT || s === N_FRAC))
                s = N_E;
            else if ((c === 0x2b || c === 0x2d) && s === N_E)
                s = N_E_SIGN;
            else if (s === N_ZERO || s === N_INT || s === N_FRAC || s === N_EXP) {
                this.lex = L_NONE;
                if (this.rec !== R_NONE)
                    this.finish(b, i);
                return i;
            }
            else
                throw this.fail('invalid number', i);
        }
        this.sub = s;
        return n;
    }
    literal(b, i) {
        const n = b.length;
        const want = this.literalBytes;
        let k = this.sub;
        for (; k < want.length; k++, i++) {
            if (i === n) {
                this.sub = k;
                return n;
            }
            if (b[i] !== want[k])
                throw this.unexpected(b[i], i);
        }
        this.lex = L_NONE;
        if (this.rec !== R_NONE)
            this.finish(b, i);
        return i;
    }
    /** Finds the end of a recorded container by depth alone; JSON.parse does the validation. */
    skim(b, i) {
        const n = b.length;
        let d = this.sub;
        if (this.skimString !== 0)
            i = this.skimToQuote(b, i);
        while (i < n) {
            const c = b[i];
            if (c === 0x22) {
                i = this.skimToQuote(b, i + 1);
                continue;
            }
            if (c === 0x7b || c === 0x5b)
                d++;
            else if ((c === 0x7d || c === 0x5d) && --d === 0) {
                this.lex = L_NONE;
                this.finish(b, i + 1);
                return i + 1;
            }
            i++;
        }
        this.sub = d;
        return n;
    }
    /** Skips a string body; a quote ends it unless preceded by an odd run of backslashes. */
    skimToQuote(b, i) {
        const n = b.length;
        if (this.skimString === 2)
            i++;
        for (;;) {
            if (i >= n) {
                this.skimString = i > n ? 2 : 1;
                return n;
            }
            const q = b.indexOf(0x22, i);
            const stop = q < 0 ? n : q;
            let k = stop;
            while (k > i && b[k - 1] === 0x5c)
                k--;
            const escaped = ((stop - k) & 1) === 1;
            if (q < 0) {
                this.skimString = escaped ? 2 : 1;
                return n;
            }
            if (!escaped) {
                this.skimString = 0;
                return q + 1;
            }
            i = q + 1;
        }
    }
    record(kind, i) {
        this.rec = kind;
        this.recStart = i;
        this.recOffset = this.base + i;
    }
    finish(b, end) {
        let bytes = b.subarray(this.recStart, end);
        if (this.pieces.length > 0) {
            this.pieces.push(bytes);
            bytes = concat(this.pieces);
            this.pieces = [];
        }
        const at = this.recOffset;
        let text;
        try {
            text = DECODER.decode(bytes);
        }
        catch {
            const msg = `undecodable value (invalid UTF-8 or too large) in ${this.where()} at byte ${at}`;
            throw new PlanSyntaxError(msg, at);
        }
        let value;
        try {
            value = JSON.parse(text);
        }
        catch {
            throw this.locate(bytes);
        }
        const kind = this.rec;
        this.rec = R_NONE;
        const key = this.key;
        if (kind === R_ELEMENT && this.section !== null) {
            this.counts[this.section]++;
            this.onElement(this.section, value);
        }
        else if (kind === R_KEY) {
            const name = value;
            if (this.seen.has(name)) {
                const shown = SAFE_KEY.test(name) ? `"${name}"` : '(name withheld)';
                throw new PlanSyntaxError(`duplicate top-level key ${shown} at byte ${at}`, at);
            }
            this.seen.add(name);
            this.keys.push(name);
            this.key = name;
        }
        else {
            if (kind === R_SCALAR)
                this.scalars[key] = value;
            if (this.capture.has(key))
                this.captured[key] = value;
        }
    }
    /** Re-reads a skimmed container that JSON.parse rejected, with full checks, for a precise error. */
    locate(bytes) {
        const at = this.recOffset;
        // Only skimmed containers skip the grammar check; scalars and keys were already checked.
        if (bytes[0] !== 0x7b && bytes[0] !== 0x5b) {
            return new PlanSyntaxError(`invalid JSON in ${this.where()} at byte ${at}`, at);
        }
        const checker = new ShowJsonScanner(() => undefined);
        checker.plain = true;
        checker.label = this.where();
        checker.base = at;
        try {
            checker.push(bytes);
            checker.end();
        }
        catch (e) {
            if (e instanceof PlanSyntaxError)
                return e;
        }
        return new PlanSyntaxError(`invalid JSON in ${this.where()} at byte ${at}`, at);
    }
    trail(b, i) {
        const n = b.length;
        if (this.trailerLength === 0)
            while (i < n && isSpace(b[i]))
                i++;
        const take = Math.min(n - i, TRAILER_CAP - this.trailerLength);
        if (take <= 0)
            return;
        this.trailer.push(new Uint8Array(b.subarray(i, i + take)));
        this.trailerLength += take;
    }
    where() {
        if (this.plain)
            return this.label;
        const inValue = this.depth > 1 || (this.depth === 1 && this.rec !== R_NONE && this.rec !== R_KEY);
        if (!inValue)
            return 'the top-level object';
        return SAFE_KEY.test(this.key) ? this.key : 'a top-level value';
    }
    fail(message, i) {
        const at = this.base + i;
        return new PlanSyntaxError(`${message} in ${this.where()} at byte ${at}`, at);
    }
    unexpected(c, i) {
        return this.fail(`unexpected ${describe(c)}`, i);
    }
}

/**
 * Reads the machine-readable UI (`terraform plan -json`, `tofu plan -json`): one message at a
 * time, from JSON Lines or from the same messages saved as one JSON array.
 */
const SUPPORTED_UI_MAJORS = new Set(['0', '1']);
function isRecord$2(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Collects UI messages into a `Plan`. */
class StreamCollector {
    format;
    tool = 'unknown';
    toolVersion;
    uiVersion;
    changes = [];
    drift = [];
    errors = 0;
    summaries = 0;
    operation;
    messages = 0;
    constructor(format) {
        this.format = format;
    }
    /** Adds one decoded message; `position` names it in errors (e.g. "line 12"). */
    add(message, position) {
        if (!isRecord$2(message)) {
            throw new PlanInputError(`${position} is not a JSON object`);
        }
        this.messages++;
        const type = message['type'];
        if (typeof type !== 'string') {
            throw new PlanInputError(`${position} has no "type": not a Terraform UI message`);
        }
        this.noteModule(message['@module']);
        switch (type) {
            case 'version':
                return this.version(message, position);
            case 'planned_change':
                this.changes.push(fromStream(message['change'], position, this.tool));
                return;
            case 'resource_drift':
                this.drift.push(fromStream(message['change'], position, this.tool));
                return;
            case 'diagnostic':
                if (message['@level'] === 'error' || severityOf(message) === 'error')
                    this.errors++;
                return;
            case 'change_summary':
                return this.summary(message, position);
            default:
                // Unknown and irrelevant message types are tolerated, as the UI docs ask.
                if (message['@level'] === 'error')
                    this.errors++;
        }
    }
    /** Finishes the stream; throws when it cannot be a complete plan log. */
    finish() {
        if (this.messages === 0)
            throw new PlanInputError('no Terraform UI messages found');
        if (this.summaries === 0 && this.errors === 0) {
            throw new PlanInputError('the stream has no change_summary message: the plan did not finish or the log is truncated');
        }
        return {
            source: {
                format: this.format,
                formatVersion: this.uiVersion,
                tool: this.tool,
                toolVersion: this.toolVersion
            },
            changes: this.changes,
            drift: this.drift,
            deferred: [],
            errored: this.errors > 0,
            operation: this.operation,
            errorDiagnostics: this.errors
        };
    }
    noteModule(module) {
        if (this.tool !== 'unknown')
            return;
        if (module === 'tofu.ui')
            this.tool = 'opentofu';
        else if (module === 'terraform.ui')
            this.tool = 'terraform';
    }
    version(message, position) {
        const ui = message['ui'];
        if (ui !== undefined) {
            const version = versionOrUndefined(ui);
            if (version === undefined) {
                throw new PlanInputError(`${position}: the UI message version is not a version number`);
            }
            if (!SUPPORTED_UI_MAJORS.has(version.split('.')[0] ?? '')) {
                throw new PlanInputError(`unsupported UI message version "${version}" at ${position} (plan-gate reads 0.x and 1.x)`);
            }
            this.uiVersion = version;
        }
        if (typeof message['tofu'] === 'string') {
            this.tool = 'opentofu';
            this.toolVersion = versionOrUndefined(message['tofu']);
        }
        else if (typeof message['terraform'] === 'string') {
            this.tool = 'terraform';
            this.toolVersion = versionOrUndefined(message['terraform']);
        }
    }
    summary(message, position) {
        const changes = message['changes'];
        if (!isRecord$2(changes))
            throw new PlanInputError(`${position}: change_summary has no "changes"`);
        this.summaries++;
        const operation = changes['operation'];
        if (operation === 'plan' || operation === 'apply' || operation === 'destroy') {
            // A destroy anywhere in the log makes the whole run a destroy.
            if (this.operation !== 'destroy')
                this.operation = operation;
        }
    }
}
function severityOf(message) {
    const diagnostic = message['diagnostic'];
    return isRecord$2(diagnostic) ? diagnostic['severity'] : undefined;
}
/** Splits a byte stream into lines (LF or CRLF); memory is bounded by the longest line. */
class LineSplitter {
    onLine;
    pending = [];
    decoder = new TextDecoder('utf-8', { fatal: true });
    lineNo = 0;
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        let start = 0;
        for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
            this.emit(chunk.subarray(start, nl));
            start = nl + 1;
        }
        if (start < chunk.length)
            this.pending.push(chunk.subarray(start));
    }
    end() {
        if (this.pending.length > 0)
            this.emit(new Uint8Array(0));
    }
    emit(tail) {
        this.lineNo++;
        const parts = this.pending;
        this.pending = [];
        let bytes = tail;
        if (parts.length > 0) {
            const total = parts.reduce((n, p) => n + p.length, tail.length);
            bytes = new Uint8Array(total);
            let offset = 0;
            for (const part of parts) {
                bytes.set(part, offset);
                offset += part.length;
            }
            bytes.set(tail, offset);
        }
        let line;
        try {
            line = this.decoder.decode(bytes);
        }
        catch {
            throw new PlanInputError(`line ${this.lineNo} is not valid UTF-8`);
        }
        this.onLine(line, this.lineNo);
    }
}

/**
 * The plan reader: bytes in (pushed in chunks of any size), one normalized `Plan` out.
 * It detects the format (show-json, JSON Lines stream, JSON array of UI messages), the
 * encoding and the setup-terraform wrapper. Pure: the caller does the I/O.
 */
/** `format_version` majors plan-gate understands (0.1, 0.2, 1.0 … 1.2, and newer 1.x). */
const SUPPORTED_MAJORS = new Set(['0', '1']);
/** Incremental plan reader. Errors are `PlanInputError`s with one-line messages. */
class PlanReader {
    options;
    normalizer = new Utf8Normalizer();
    stripper = new WrapperStripper();
    sink;
    head = [];
    headLength = 0;
    info;
    constructor(options = {}) {
        this.options = options;
    }
    push(chunk) {
        guard(() => {
            for (const utf8 of this.normalizer.push(chunk))
                this.route(this.stripper.push(utf8));
        });
    }
    end() {
        return guard(() => {
            for (const utf8 of this.normalizer.end())
                this.route(this.stripper.push(utf8));
            this.route(this.stripper.end());
            if (this.sink === undefined)
                this.choose(true);
            this.info = {
                encoding: this.normalizer.detected ?? 'utf8',
                unwrapped: this.stripper.wrapped
            };
            if (this.sink === undefined)
                throw new PlanInputError('the input is empty');
            return this.sink.end();
        });
    }
    /** How the input was decoded; available after `end()`. */
    get readInfo() {
        return this.info;
    }
    route(chunks) {
        for (const chunk of chunks) {
            if (chunk.length === 0)
                continue;
            if (this.sink !== undefined) {
                this.sink.push(chunk);
                continue;
            }
            this.head.push(chunk);
            this.headLength += chunk.length;
            if (this.headLength >= 4096)
                this.choose(false);
        }
    }
    /** Picks the sink from the first bytes (or the forced format) and replays them. */
    choose(final) {
        const head = this.head;
        this.head = [];
        const prefix = new TextDecoder().decode(concatAll(head).subarray(0, 4096));
        const format = this.options.format ?? sniff(prefix, final, this.stripper.wrapped);
        if (format === undefined)
            return;
        this.sink = makeSink(format);
        for (const chunk of head)
            this.sink.push(chunk);
    }
}
function sniff(prefix, final, wrapped) {
    const text = prefix.trimStart();
    if (text === '') {
        if (final)
            throw new PlanInputError('the input is empty');
        return undefined;
    }
    if (text.startsWith('PK\u0003\u0004')) {
        throw new PlanInputError('this is a binary plan file; plan-gate reads it through `terraform show -json` (give the file path, not stdin)');
    }
    if (text.startsWith('{')) {
        const firstKey = /^\{\s*"((?:[^"\\]|\\.)*)"/.exec(text);
        return firstKey?.[1]?.startsWith('@') ? 'jsonl' : 'show-json';
    }
    if (text.startsWith('[')) {
        if (/^\[\s*(\]|\{\s*"@)/.test(text))
            return 'json-array';
        if (!final && text.length < 64)
            return undefined;
        throw new PlanInputError('a JSON array that is not a list of Terraform UI messages');
    }
    if (text.startsWith('::') || text.startsWith('%0A')) {
        throw new PlanInputError(wrapperHint('only GitHub Actions workflow commands, no plan'));
    }
    if (wrapped)
        throw new PlanInputError(wrapperHint('no JSON after the wrapper line'));
    throw new PlanInputError(`not JSON: the input starts with ${describeStart(text)}`);
}
function wrapperHint(problem) {
    return `${problem}; set \`terraform_wrapper: false\` in hashicorp/setup-terraform`;
}
/** Names the first character without echoing content (it may be a secret). */
function describeStart(text) {
    const ch = text[0] ?? '';
    if (/[A-Za-z]/.test(ch))
        return 'a letter';
    if (/[0-9]/.test(ch))
        return 'a digit';
    return `"${ch}"`;
}
function makeSink(format) {
    switch (format) {
        case 'show-json':
            return showJsonSink();
        case 'jsonl':
            return jsonlSink();
        case 'json-array':
            return jsonArraySink();
    }
}
function showJsonSink() {
    const changes = [];
    const drift = [];
    const deferred = [];
    const onElement = (section, element) => {
        if (section === 'resource_changes') {
            changes.push(lean(fromShowJson(element, `resource_changes[${changes.length}]`)));
        }
        else if (section === 'resource_drift') {
            drift.push(lean(fromShowJson(element, `resource_drift[${drift.length}]`)));
        }
        else {
            const position = `deferred_changes[${deferred.length}]`;
            const inner = isRecord$1(element) ? element['resource_change'] : undefined;
            deferred.push(lean(fromShowJson(inner, `${position}.resource_change`)));
        }
    };
    const scanner = new ShowJsonScanner(onElement);
    return {
        push: (chunk) => scanner.push(chunk),
        end: () => showJsonPlan(scanner.end(), { changes, drift, deferred })
    };
}
/**
 * Values of no-op and read changes are never looked at by any rule; dropping them keeps memory
 * proportional to what changes, not to the size of the estate.
 */
function lean(change) {
    if (change.action !== 'no-op' && change.action !== 'read')
        return change;
    const { before: _b, after: _a, afterUnknown: _u, beforeSensitive: _bs, afterSensitive: _as, ...rest } = change;
    return rest;
}
function showJsonPlan(scan, parts) {
    if (scan.trailer !== '' && !isWrapperTrailer(scan.trailer)) {
        throw new PlanInputError('unexpected text after the end of the JSON document');
    }
    const version = scan.scalars['format_version'];
    if (version === undefined)
        throw new PlanInputError(notAPlan(scan.keys));
    if (typeof version !== 'string')
        throw new PlanInputError('"format_version" must be a string');
    const match = /^(\d+)\.\d+(\.\d+)?$/.exec(version);
    if (match === null) {
        throw new PlanInputError('unsupported format_version: not a version number like "1.2"');
    }
    if (!SUPPORTED_MAJORS.has(match[1])) {
        throw new PlanInputError(`unsupported format_version "${version}" (plan-gate reads plan formats 0.x and 1.x)`);
    }
    const keys = new Set(scan.keys);
    const isPlan = [
        'resource_changes',
        'planned_values',
        'prior_state',
        'configuration',
        'errored'
    ].some((k) => keys.has(k));
    if (!isPlan && keys.has('values')) {
        throw new PlanInputError('this is `terraform show -json` of a state, not of a plan: run `terraform show -json <planfile>`');
    }
    if (!isPlan)
        throw new PlanInputError('not a Terraform plan: no resource_changes or planned_values');
    for (const section of ['resource_changes', 'resource_drift', 'deferred_changes']) {
        if (keys.has(section) && scan.containers[section] !== 'array') {
            throw new PlanInputError(`"${section}" must be a list`);
        }
    }
    const errored = booleanFlag(scan, 'errored');
    const toolVersion = versionOrUndefined(scan.scalars['terraform_version']);
    return {
        source: {
            format: 'show-json',
            formatVersion: version,
            tool: toolOf(parts.changes, toolVersion),
            toolVersion
        },
        changes: parts.changes,
        drift: parts.drift,
        deferred: parts.deferred,
        errored: errored === true,
        applyable: booleanFlag(scan, 'applyable'),
        complete: booleanFlag(scan, 'complete'),
        errorDiagnostics: 0
    };
}
function booleanFlag(scan, key) {
    const value = scan.scalars[key];
    if (value === undefined)
        return undefined;
    if (typeof value !== 'boolean')
        throw new PlanInputError(`"${key}" must be true or false`);
    return value;
}
/** OpenTofu keeps `terraform_version` but uses its own registry in provider names. */
function toolOf(changes, version) {
    if (changes.some((c) => c.provider.fqn?.startsWith('registry.opentofu.org/')))
        return 'opentofu';
    if (changes.some((c) => c.provider.fqn?.startsWith('registry.terraform.io/')))
        return 'terraform';
    return version === undefined ? 'unknown' : 'terraform';
}
function notAPlan(keys) {
    const has = new Set(keys);
    if (has.has('lineage') && has.has('serial')) {
        return 'this is a Terraform state file, not a plan: run `terraform show -json <planfile>`';
    }
    return 'not a Terraform plan: "format_version" is missing';
}
function jsonlSink() {
    const collector = new StreamCollector('jsonl');
    const splitter = new LineSplitter((line, lineNo) => {
        const text = line.endsWith('\r') ? line.slice(0, -1) : line;
        if (text.trim() === '')
            return;
        if (text.startsWith('::') || text.startsWith('%0A'))
            return; // wrapper trailer
        let message;
        try {
            message = JSON.parse(text);
        }
        catch {
            throw new PlanInputError(`line ${lineNo} is not valid JSON (truncated or corrupt stream)`);
        }
        collector.add(message, `line ${lineNo}`);
    });
    return {
        push: (chunk) => splitter.push(chunk),
        end: () => {
            splitter.end();
            return collector.finish();
        }
    };
}
function jsonArraySink() {
    const chunks = [];
    return {
        push: (chunk) => {
            chunks.push(chunk);
        },
        end: () => {
            let messages;
            try {
                messages = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(concatAll(chunks)));
            }
            catch {
                throw new PlanInputError('the JSON array of UI messages is not valid JSON (truncated or corrupt)');
            }
            if (!Array.isArray(messages))
                throw new PlanInputError('expected a JSON array of UI messages');
            const collector = new StreamCollector('json-array');
            messages.forEach((message, i) => collector.add(message, `message ${i + 1}`));
            return collector.finish();
        }
    };
}
function isRecord$1(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function concatAll(chunks) {
    if (chunks.length === 1 && chunks[0] !== undefined)
        return chunks[0];
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
    }
    return out;
}
/** Turns scanner and decoder errors into `PlanInputError`s. */
function guard(fn) {
    try {
        return fn();
    }
    catch (error) {
        if (error instanceof PlanSyntaxError) {
            throw new PlanInputError(`invalid JSON: ${error.message}`);
        }
        if (error instanceof EncodingError)
            throw new PlanInputError(error.message);
        if (error instanceof SyntaxError)
            throw new PlanInputError('invalid JSON in a resource change');
        throw error;
    }
}

/** Strength order of decisions, weakest first. */
const DECISION_RANK = {
    warn: 0,
    'approval-required': 1,
    blocked: 2
};
const SEVERITY_RANK = {
    low: 0,
    medium: 1,
    high: 2,
    critical: 3
};

/** The verdict: the strongest finding decides; warnings alone pass. */
/** `pass` when only warnings remain; otherwise the strongest decision. */
function decide(findings) {
    let verdict = 'pass';
    for (const finding of findings) {
        if (finding.decision === 'blocked')
            return 'blocked';
        if (finding.decision === 'approval-required')
            verdict = 'approval-required';
    }
    return verdict;
}
/** Most dangerous first: decision, severity, then plan, address and rule for a stable order. */
function sortFindings(findings) {
    return [...findings].sort((a, b) => DECISION_RANK[b.decision] - DECISION_RANK[a.decision] ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        compare(a.plan ?? '', b.plan ?? '') ||
        compare(a.address, b.address) ||
        compare(a.deposed ?? '', b.deposed ?? '') ||
        compare(a.ruleId, b.ruleId) ||
        compare(String(a.data['attribute'] ?? ''), String(b.data['attribute'] ?? '')));
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The fingerprint of a plan's destructive subset. Approvals bind to it: a new push that changes
 * what gets destroyed (or which protection is weakened) changes the fingerprint, and a push
 * that only changes harmless things does not.
 */
/** Actions whose presence is part of the fingerprint. */
const FINGERPRINTED = new Set(['delete', 'replace', 'forget', 'forget-replace', 'unknown']);
/** One line per destructive change or gating finding, independent of input key order. */
function fingerprintLines(plan, findings) {
    const lines = new Set();
    for (const change of plan.changes) {
        if (change.mode === 'data' && change.action !== 'unknown')
            continue;
        if (FINGERPRINTED.has(change.action))
            lines.add(changeLine(change));
    }
    for (const finding of findings) {
        // Weakened protection on an update is destructive in intent; include which guard.
        if (finding.messageId === 'protection-weakened') {
            lines.add(['weaken', finding.address, finding.ruleId, String(finding.data['attribute'] ?? '')].join('\t'));
        }
    }
    if (plan.errored)
        lines.add('errored');
    return [...lines].sort();
}
function changeLine(change) {
    return [
        change.address,
        change.deposed ?? '',
        change.action,
        change.order ?? '',
        change.reason ?? ''
    ].join('\t');
}
/** `sha256:<hex>` over the sorted lines. */
function fingerprint(lines) {
    const hash = createHash('sha256');
    hash.update('plan-gate fingerprint v1\n');
    for (const line of lines)
        hash.update(`${line}\n`);
    return `sha256:${hash.digest('hex')}`;
}

function str(data, key) {
    const value = data[key];
    return value === undefined ? '' : String(value);
}
/** "Deletes", "Replaces (delete first)", "Deletes a deposed object of" … */
function verb(finding) {
    if (finding.deposed !== undefined)
        return 'Deletes a deposed object (left by create_before_destroy) of';
    if (finding.action === 'replace') {
        if (finding.order === 'delete-first')
            return 'Replaces (destroys first, then creates)';
        if (finding.order === 'create-first')
            return 'Replaces (creates the new one, then destroys)';
        return 'Replaces';
    }
    return 'Deletes';
}
function because(data) {
    const reason = str(data, 'reason');
    const forcedBy = str(data, 'forcedBy');
    const text = reason === '' ? '' : (REASON_TEXT[reason] ?? reason);
    if (forcedBy === '')
        return text === '' ? '' : ` (${text})`;
    return ` (${text === '' ? 'replacement forced' : text}: ${forcedBy})`;
}
/** What Terraform's `action_reason` values mean, for people. */
const REASON_TEXT = {
    replace_because_tainted: 'the object is tainted',
    replace_because_cannot_update: 'a changed attribute forces replacement',
    replace_by_request: 'replacement was requested with -replace',
    replace_by_triggers: 'replace_triggered_by fired',
    delete_because_no_resource_config: 'its resource block was removed',
    delete_because_wrong_repetition: 'count/for_each changed kind',
    delete_because_count_index: 'count was lowered',
    delete_because_each_key: 'its key left for_each',
    delete_because_no_module: 'its module was removed',
    delete_because_no_move_target: 'the moved target has no configuration',
    delete_because_enabled_false: 'enabled = false',
    forgot_because_lifecycle_destroy_in_config: 'lifecycle destroy = false',
    forgot_because_lifecycle_destroy_in_state: 'destroy = false recorded in state'
};
const FAMILY_TEXT = {
    'deletion-protection': 'deletion protection',
    'final-snapshot': 'final snapshot on delete',
    'backup-retention': 'backup retention',
    'point-in-time-recovery': 'point-in-time recovery',
    'force-destroy': 'force destroy (contents deleted with it)',
    versioning: 'versioning',
    'object-lock': 'object lock',
    'soft-delete': 'soft delete / purge protection',
    'key-deletion-window': 'key deletion window',
    'secret-recovery-window': 'secret recovery window',
    'retain-backups': 'backups kept after delete',
    'termination-protection': 'termination protection'
};
function weakened(data) {
    const attribute = str(data, 'attribute');
    const family = FAMILY_TEXT[str(data, 'family')] ?? str(data, 'family');
    if (data['unknown'] === true) {
        return `${attribute} becomes unknown until apply, which counts as not safe: ${family} may be weakened`;
    }
    const from = data['from'] === undefined ? '' : ` ${String(data['from'])} →`;
    const to = data['to'] === undefined
        ? ` ${str(data, 'toText') || 'an unsafe value'}`
        : ` ${String(data['to'])}`;
    const hidden = data['sensitive'] === true ? ' (values are sensitive and not shown)' : '';
    return `Weakens ${family}: ${attribute}${from}${to}${hidden}`;
}
const TEMPLATES = {
    'plan-errored': () => 'The plan reported errors (errored: true); it is incomplete and must not be applied',
    'stream-error-diagnostics': (d) => `The plan run emitted ${str(d, 'count')} error diagnostic(s); the plan is incomplete and must not be applied`,
    'unknown-action': (d) => `Unknown action ${str(d, 'actions')}: plan-gate cannot tell what it does to the object, so it fails closed`,
    'destroy-state-storage': (d, f) => `${verb(f)} Terraform state storage (${str(d, 'evidence')})${because(d)}: every state it holds would be lost`,
    'destroy-data-store': (d, f) => `${verb(f)} a ${str(d, 'categoryLabel')}${because(d)}`,
    'destroy-tagged': (d, f) => `${verb(f)} a resource marked protected by its ${str(d, 'tagMap')} key "${str(d, 'tagKey')}"${because(d)}`,
    'destroy-resource': (d, f) => `${verb(f)} ${str(d, 'type')}${because(d)}`,
    'forget-data-store': (d) => `Removes a ${str(d, 'categoryLabel')} from state without destroying it; Terraform stops managing it${because(d)}`,
    'protection-weakened': (d) => weakened(d),
    'drift-delete': () => 'Was deleted outside Terraform (drift): the object is already gone'
};
/** The human reason for a finding. */
function formatMessage(finding) {
    return TEMPLATES[finding.messageId](finding.data, finding);
}

/** Counts planned changes by action; moves and imports are also counted on their own. */
function countActions(plan) {
    const counts = {
        create: 0,
        read: 0,
        update: 0,
        'no-op': 0,
        delete: 0,
        replace: 0,
        forget: 0,
        'forget-replace': 0,
        unknown: 0,
        move: 0,
        import: 0,
        drift: plan.drift.length
    };
    for (const change of plan.changes) {
        counts[change.action]++;
        if (change.moved)
            counts.move++;
        if (change.importing)
            counts.import++;
    }
    return counts;
}
/** A finding with its reason, keys in the documented order, undefined keys dropped. */
function reported(f) {
    const out = {
        ruleId: f.ruleId,
        address: f.address,
        plan: f.plan,
        type: f.type,
        action: f.action,
        order: f.order,
        deposed: f.deposed,
        category: f.category,
        severity: f.severity,
        decision: f.decision,
        messageId: f.messageId,
        data: f.data,
        source: f.source,
        reason: formatMessage(f)
    };
    for (const key of Object.keys(out))
        if (out[key] === undefined)
            delete out[key];
    return out;
}
/** The report for one plan. */
function buildReport(plan, findings, options) {
    const sorted = sortFindings(findings).map(reported);
    const count = (decision) => findings.filter((f) => f.decision === decision).length;
    return {
        schemaVersion: 1,
        tool: { name: 'plan-gate', version: options.version },
        decision: decide(findings),
        fingerprint: fingerprint(fingerprintLines(plan, findings)),
        plan: {
            file: options.file,
            format: plan.source.format,
            formatVersion: plan.source.formatVersion,
            tool: plan.source.tool,
            toolVersion: plan.source.toolVersion,
            errored: plan.errored,
            applyable: plan.applyable,
            complete: plan.complete,
            operation: plan.operation,
            hasValues: plan.source.format === 'show-json'
        },
        counts: {
            actions: countActions(plan),
            findings: {
                blocked: count('blocked'),
                'approval-required': count('approval-required'),
                warn: count('warn')
            }
        },
        findings: sorted
    };
}

/**
 * The shape of the catalog: resource types that hold data, and the attributes that protect
 * them. The catalog is data; `src/rules/` turns it into findings.
 */
const CATEGORIES = {
    database: { label: 'database', guarded: true },
    'database-cluster': { label: 'database cluster', guarded: true },
    'db-member': { label: 'database cluster member', guarded: false },
    'snapshot-backup': { label: 'snapshot or backup', guarded: true },
    'backup-vault': { label: 'backup vault or policy', guarded: true },
    'state-storage': { label: 'Terraform state storage', guarded: true },
    'object-storage': { label: 'object storage', guarded: true },
    'block-volume': { label: 'block volume', guarded: true },
    'file-system': { label: 'file system', guarded: true },
    'encryption-key': { label: 'encryption key', guarded: true },
    secret: { label: 'secret', guarded: true },
    'dns-zone': { label: 'DNS zone', guarded: true },
    'identity-store': { label: 'identity store', guarded: true },
    search: { label: 'search index', guarded: true },
    cache: { label: 'cache', guarded: true },
    'stream-queue': { label: 'stream or queue', guarded: true },
    'log-storage': { label: 'log storage', guarded: true },
    'container-registry': { label: 'container registry', guarded: true },
    'code-repository': { label: 'code repository', guarded: true },
    'data-warehouse': { label: 'data warehouse', guarded: true },
    'compute-protect': { label: 'protected compute', guarded: false },
    'k8s-cluster': { label: 'Kubernetes cluster or namespace', guarded: true },
    'account-org': { label: 'account, project or subscription', guarded: true },
    'protection-control': { label: 'protection control', guarded: true }
};

/** JSON report: the `Report` as is, with a stable key order, and its JSON Schema. */
/** Renders the report as pretty JSON (2-space indent, trailing newline), keys in `types.ts` order. */
function renderJson(report) {
    return JSON.stringify(ordered(report), null, 2) + '\n';
}
/** A copy of the report holding exactly the declared fields, in declaration order. */
function ordered(report) {
    return {
        schemaVersion: report.schemaVersion,
        tool: { name: report.tool.name, version: report.tool.version },
        decision: report.decision,
        fingerprint: report.fingerprint,
        plan: orderedPlan(report.plan),
        counts: {
            actions: orderedCounts(report.counts.actions),
            findings: {
                blocked: report.counts.findings.blocked,
                'approval-required': report.counts.findings['approval-required'],
                warn: report.counts.findings.warn
            }
        },
        findings: report.findings.map(orderedFinding)
    };
}
function orderedPlan(plan) {
    return {
        file: plan.file,
        format: plan.format,
        formatVersion: plan.formatVersion,
        tool: plan.tool,
        toolVersion: plan.toolVersion,
        errored: plan.errored,
        applyable: plan.applyable,
        complete: plan.complete,
        operation: plan.operation,
        hasValues: plan.hasValues
    };
}
function orderedCounts(counts) {
    const entries = keysOf(ACTION_COUNT_KEYS).map((key) => [key, counts[key]]);
    return Object.fromEntries(entries);
}
function orderedFinding(finding) {
    return {
        ruleId: finding.ruleId,
        address: finding.address,
        type: finding.type,
        action: finding.action,
        order: finding.order,
        deposed: finding.deposed,
        category: finding.category,
        severity: finding.severity,
        decision: finding.decision,
        messageId: finding.messageId,
        data: { ...finding.data },
        source: finding.source,
        plan: finding.plan,
        reason: finding.reason
    };
}
// Every union is spelled out as a record so the compiler notices a value the schema lacks.
const ACTION_COUNT_KEYS = {
    create: true,
    read: true,
    update: true,
    'no-op': true,
    delete: true,
    replace: true,
    forget: true,
    'forget-replace': true,
    unknown: true,
    move: true,
    import: true,
    drift: true
};
const SOURCES = {
    change: true,
    drift: true,
    deferred: true,
    plan: true
};
const INPUT_FORMATS$1 = {
    'show-json': true,
    jsonl: true,
    'json-array': true
};
const PLAN_TOOLS = {
    terraform: true,
    opentofu: true,
    unknown: true
};
const OPERATIONS = {
    plan: true,
    apply: true,
    destroy: true
};
function keysOf(record) {
    return Object.keys(record);
}
function enumOf(description, record) {
    return { description, type: 'string', enum: keysOf(record) };
}
function closedObject(description, properties, optional = []) {
    const required = Object.keys(properties).filter((key) => !optional.includes(key));
    return { description, type: 'object', additionalProperties: false, required, properties };
}
const COUNT = { type: 'integer', minimum: 0 };
const ref = (name) => ({ $ref: `#/$defs/${name}` });
closedObject('Facts about the evaluated plan; never attribute values.', {
    file: { description: 'The file as the user named it (`-` for stdin).', type: 'string' },
    format: enumOf('Input format the plan was read from.', INPUT_FORMATS$1),
    formatVersion: {
        description: '`format_version` for show-json, `ui` version for streams.',
        type: 'string'
    },
    tool: enumOf('What produced the plan, as far as the input tells.', PLAN_TOOLS),
    toolVersion: { description: 'Version of the tool that produced the plan.', type: 'string' },
    errored: { description: 'The plan reported errors.', type: 'boolean' },
    applyable: { description: 'The plan can be applied.', type: 'boolean' },
    complete: {
        description: '`false` when `-target` was used or something was deferred.',
        type: 'boolean'
    },
    operation: enumOf('`plan`, `apply` or `destroy` (`plan -destroy`).', OPERATIONS),
    hasValues: {
        description: 'Whether before/after values were available (false for the JSON Lines stream).',
        type: 'boolean'
    }
}, ['formatVersion', 'toolVersion', 'applyable', 'complete', 'operation']);
closedObject('Counts of planned changes by action; moves and imports are counted besides their action.', Object.fromEntries(keysOf(ACTION_COUNT_KEYS).map((key) => [key, COUNT])));
closedObject('A finding as reports show it: the finding plus its human reason.', {
    ruleId: {
        description: 'Stable rule id: a catalog id (`PG-AWS-001`) or a generic rule (`PG-0001`).',
        type: 'string',
        minLength: 1
    },
    address: {
        description: 'Resource address, or `(plan)` for plan-level findings.',
        type: 'string',
        minLength: 1
    },
    type: { description: 'Resource type, when the finding is about a resource.', type: 'string' },
    action: ref('action'),
    order: ref('actionOrder'),
    deposed: { description: 'Deposed object key.', type: 'string' },
    category: ref('category'),
    severity: ref('severity'),
    decision: ref('decision'),
    messageId: ref('messageId'),
    data: {
        description: 'Names and harmless scalars the reason is built from; never secret values.',
        type: 'object',
        additionalProperties: { type: ['string', 'number', 'boolean'] }
    },
    source: enumOf('Where in the plan the finding comes from.', SOURCES),
    plan: {
        description: 'Label of the plan the finding belongs to, when several plans are evaluated.',
        type: 'string'
    },
    reason: { description: 'One sentence a person understands.', type: 'string' }
}, ['type', 'action', 'order', 'deposed', 'category', 'plan']);
/** JSON Schema (draft 2020-12) of `renderJson` output; `schema/report.schema.json` holds a copy. */
({
    ...closedObject('What plan-gate found in a Terraform or OpenTofu plan, and its verdict.', {
        schemaVersion: {
            description: 'Version of this JSON shape; bumped only on incompatible changes.',
            const: 1
        },
        tool: closedObject('The program that wrote the report.', {
            name: { const: 'plan-gate' },
            version: { type: 'string' }
        }),
        decision: ref('verdict'),
        fingerprint: {
            description: 'Hash of the destructive subset of the plan; approvals bind to it.',
            type: 'string',
            pattern: '^sha256:[0-9a-f]{64}$'
        },
        plan: ref('planInfo'),
        counts: closedObject('Counts of planned changes and of findings.', {
            actions: ref('actionCounts'),
            findings: closedObject('Number of findings per decision.', {
                blocked: COUNT,
                'approval-required': COUNT,
                warn: COUNT
            })
        }),
        findings: {
            description: 'Most dangerous first: decision, then severity, then address.',
            type: 'array',
            items: ref('finding')
        }
    })});

/** SGR parameters of the raw ANSI escapes used when colour is on. */
const SGR = { red: '31', yellow: '33', green: '32', dim: '2' };
const DECISION_STYLE = {
    blocked: 'red',
    'approval-required': 'yellow',
    warn: 'dim'
};
const TAGS = {
    blocked: 'BLOCKED',
    'approval-required': 'APPROVAL',
    warn: 'WARN'
};
const TAG_WIDTH = 8;
const MAX_ADDRESS_WIDTH = 60;
/** Phrase per action count, in the order the summary prints them; `null` is never printed. */
const ACTION_PHRASES = {
    create: 'to add',
    update: 'to change',
    delete: 'to destroy',
    replace: 'to replace',
    forget: 'to forget',
    'forget-replace': 'to forget and re-create',
    move: 'to move',
    import: 'to import',
    read: 'to read',
    unknown: 'with an unknown action',
    drift: 'drifted',
    'no-op': null
};
/** Renders a report as plain text, with ANSI colours only when `color` is true. */
function renderText(report, options) {
    const paint = painter(options.color);
    const lines = [verdictLine(report, paint)];
    if (report.findings.length > 0)
        lines.push('', ...findingLines(report.findings, paint));
    lines.push('', `Plan: ${formatActionCounts(report.counts.actions)}.`);
    lines.push(`Fingerprint: ${printable(report.fingerprint)}`);
    return lines.join('\n') + '\n';
}
/** "2 to add, 1 to change, 3 to destroy" for the non-zero counts, or "no changes". */
function formatActionCounts(counts) {
    const parts = [];
    for (const [key, phrase] of Object.entries(ACTION_PHRASES)) {
        const n = counts[key];
        if (phrase !== null && n > 0)
            parts.push(`${n} ${phrase}`);
    }
    return parts.length > 0 ? parts.join(', ') : 'no changes';
}
/** `1 warning`, `2 warnings`. */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** Shows control and bidi characters as `\n`, `\u001b`…, so no input can drive a terminal. */
function printable(text) {
    let out = '';
    for (const ch of text)
        out += isUnsafe(ch.codePointAt(0) ?? 0) ? escapeChar(ch) : ch;
    return out;
}
/** How a finding names its object: plan label, address, deposed key. */
function objectLabel(finding) {
    const label = finding.plan === undefined ? '' : `[${finding.plan}] `;
    const deposed = finding.deposed === undefined ? '' : ` (deposed object ${finding.deposed})`;
    return `${label}${finding.address}${deposed}`;
}
function isUnsafe(code) {
    return (code < 0x20 ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x200e ||
        code === 0x200f ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
function escapeChar(ch) {
    if (ch === '\n')
        return '\\n';
    if (ch === '\r')
        return '\\r';
    if (ch === '\t')
        return '\\t';
    return `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}
function painter(color) {
    if (!color)
        return (_style, text) => text;
    return (style, text, bold = false) => `\u001b[${bold ? '1;' : ''}${SGR[style]}m${text}\u001b[0m`;
}
function verdictLine(report, paint) {
    const { style, text, rest } = verdict(report);
    const tail = rest.filter((part) => part !== '');
    return paint(style, text, true) + (tail.length > 0 ? ` (plus ${tail.join(', ')})` : '');
}
function verdict(report) {
    const { blocked, warn } = report.counts.findings;
    const approval = report.counts.findings['approval-required'];
    switch (report.decision) {
        case 'blocked':
            return {
                style: 'red',
                text: `✖ BLOCKED — ${plural(blocked, 'finding blocks', 'findings block')} this plan`,
                rest: [approval > 0 ? `${approval} needing approval` : '', warnings(warn)]
            };
        case 'approval-required':
            return {
                style: 'yellow',
                text: `⚠ APPROVAL REQUIRED — ${plural(approval, 'destructive change needs', 'destructive changes need')} a second approver`,
                rest: [warnings(warn)]
            };
        case 'pass':
            return {
                style: 'green',
                text: '✔ PASS — no destructive changes need approval',
                rest: [warnings(warn)]
            };
    }
}
function warnings(n) {
    return n > 0 ? plural(n, 'warning') : '';
}
function findingLines(findings, paint) {
    const labels = findings.map((finding) => printable(objectLabel(finding)));
    const longest = labels.reduce((max, label) => Math.max(max, displayWidth(label)), 0);
    const width = Math.min(MAX_ADDRESS_WIDTH, longest);
    return findings.map((finding, i) => {
        const tag = paint(DECISION_STYLE[finding.decision], TAGS[finding.decision].padEnd(TAG_WIDTH));
        const label = padTo(labels[i] ?? '', width);
        return `  ${tag}  ${label}  ${printable(finding.reason)}`.trimEnd();
    });
}
function displayWidth(text) {
    return [...text].length;
}
function padTo(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Default size budget; GitHub rejects comments over 65,536 characters. */
const DEFAULT_MARKDOWN_MAX_LENGTH = 60000;
const HEADINGS = {
    blocked: { emoji: '⛔', label: 'blocked' },
    'approval-required': { emoji: '⚠️', label: 'approval required' },
    pass: { emoji: '✅', label: 'pass' }
};
const DECISION_CELLS = {
    blocked: '⛔ Blocked',
    'approval-required': '⚠️ Needs approval',
    warn: 'ℹ️ Warning'
};
const ORDER_PHRASES = {
    'delete-first': 'delete first',
    'create-first': 'create first',
    'create-then-forget': 'create, then forget',
    'forget-then-create': 'forget, then create',
    unspecified: ''
};
const TOOL_NAMES = {
    terraform: 'Terraform',
    opentofu: 'OpenTofu',
    unknown: 'unknown tool'
};
const TABLE_HEAD = '| Decision | Resource | Action | Why |\n| --- | --- | --- | --- |';
const WARN_TABLE_HEAD = '| Resource | Action | Why |\n| --- | --- | --- |';
/** Renders a report as GitHub-flavoured Markdown that never exceeds `maxLength` characters. */
function renderMarkdown(report, options = {}) {
    const maxLength = Math.max(0, options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH);
    return fit(parts(report, options.title ?? 'plan-gate'), maxLength);
}
/** Escapes text for Markdown: special characters get a backslash, control characters show. */
function escapeMarkdown(text) {
    return printable(text).replace(/[\\`*_[\]<>|#~&]/g, '\\$&');
}
/** A code span that survives backticks, pipes (in tables) and newlines in `text`. */
function codeSpan(text, inTable) {
    const body = inTable ? printable(text).replace(/\|/g, '\\|') : printable(text);
    if (body === '')
        return '';
    const longest = (body.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
function parts(report, title) {
    return {
        head: `${heading(report.decision, title)}\n\n${explanation(report)}`,
        rows: report.findings.map((finding) => ({
            decision: finding.decision,
            text: finding.decision === 'warn' ? warnRow(finding) : row(finding)
        })),
        meta: metadata(report),
        footer: `Fingerprint: ${codeSpan(report.fingerprint, false)}`
    };
}
function fit(p, maxLength) {
    const all = assemble(p, p.rows.length, true);
    if (all.length <= maxLength)
        return all;
    let low = 0;
    let high = p.rows.length - 1;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (assemble(p, mid, true).length <= maxLength)
            low = mid;
        else
            high = mid - 1;
    }
    for (const candidate of [assemble(p, low, true), assemble(p, 0, false)]) {
        if (candidate.length <= maxLength)
            return candidate;
    }
    return cut(`${p.head}\n`, maxLength);
}
function assemble(p, shown, withMeta) {
    const rows = p.rows.slice(0, shown);
    const main = rows.filter((r) => r.decision !== 'warn').map((r) => r.text);
    const warns = rows.filter((r) => r.decision === 'warn').map((r) => r.text);
    const totalWarns = p.rows.filter((r) => r.decision === 'warn').length;
    const sections = [p.head];
    if (main.length > 0)
        sections.push([TABLE_HEAD, ...main].join('\n'));
    if (warns.length > 0)
        sections.push(warningDetails(warns, totalWarns));
    if (shown < p.rows.length)
        sections.push(omitted(p.rows.slice(shown)));
    if (withMeta)
        sections.push(p.meta);
    sections.push(p.footer);
    return sections.join('\n\n') + '\n';
}
function cut(text, maxLength) {
    const slice = text.slice(0, maxLength);
    return /[\uD800-\uDBFF]$/.test(slice) ? slice.slice(0, -1) : slice;
}
function heading(decision, title) {
    const { emoji, label } = HEADINGS[decision];
    return `## ${emoji} ${escapeMarkdown(title)}: ${label}`;
}
function explanation(report) {
    const { blocked, warn } = report.counts.findings;
    const approval = report.counts.findings['approval-required'];
    switch (report.decision) {
        case 'blocked':
            return (`This plan is blocked: ${plural(blocked, 'finding', 'findings')} cannot be approved; ` +
                'change the configuration or the plan and run it again.' +
                (approval > 0
                    ? ` ${plural(approval, 'more finding needs', 'more findings need')} a second approver.`
                    : ''));
        case 'approval-required':
            return ('A second reviewer must approve this pull request before apply: ' +
                `${plural(approval, 'destructive change needs', 'destructive changes need')} approval.`);
        case 'pass':
            return ('No destructive changes need approval.' +
                (warn > 0 ? ` ${plural(warn, 'warning is', 'warnings are')} listed for information.` : ''));
    }
}
function row(finding) {
    return `| ${DECISION_CELLS[finding.decision]} | ${cells(finding).join(' | ')} |`;
}
function warnRow(finding) {
    return `| ${cells(finding).join(' | ')} |`;
}
function cells(finding) {
    return [resourceCell(finding), actionCell(finding), escapeMarkdown(finding.reason)];
}
function resourceCell(finding) {
    const label = finding.plan === undefined ? '' : `${escapeMarkdown(finding.plan)}: `;
    const deposed = finding.deposed === undefined ? '' : ` (deposed object ${codeSpan(finding.deposed, true)})`;
    return `${label}${codeSpan(finding.address, true)}${deposed}`;
}
function actionCell(finding) {
    if (finding.action === undefined)
        return '—';
    const order = finding.order === undefined ? '' : ORDER_PHRASES[finding.order];
    return escapeMarkdown(order === '' ? finding.action : `${finding.action} (${order})`);
}
function warningDetails(rows, total) {
    const shown = rows.length < total ? ` (${rows.length} shown)` : '';
    const summary = `${plural(total, 'warning')}${shown}: no approval needed`;
    return `<details>\n<summary>${summary}</summary>\n\n${[WARN_TABLE_HEAD, ...rows].join('\n')}\n\n</details>`;
}
function omitted(rows) {
    const count = (decision) => rows.filter((r) => r.decision === decision).length;
    const parts = [
        count('blocked') > 0 ? `${count('blocked')} blocked` : '',
        count('approval-required') > 0 ? `${count('approval-required')} needing approval` : '',
        count('warn') > 0 ? plural(count('warn'), 'warning') : ''
    ];
    return (`**${plural(rows.length, 'more finding', 'more findings')} not shown** ` +
        `(${parts.filter((part) => part !== '').join(', ')}) to stay within the size limit. ` +
        'The full report is in the job summary and the JSON report.');
}
function metadata(report) {
    const { plan } = report;
    const findings = report.counts.findings;
    const items = [
        `Plan file: ${codeSpan(plan.file, false)}`,
        `Format: ${escapeMarkdown(joined(plan.format, plan.formatVersion))}`,
        `Produced by: ${escapeMarkdown(joined(TOOL_NAMES[plan.tool], plan.toolVersion))}`,
        plan.operation === undefined ? '' : `Operation: ${escapeMarkdown(plan.operation)}`,
        `Errored: ${yesNo(plan.errored)}`,
        plan.applyable === undefined ? '' : `Applyable: ${yesNo(plan.applyable)}`,
        plan.complete === undefined ? '' : `Complete: ${yesNo(plan.complete)}`,
        `Attribute values: ${plan.hasValues ? 'available' : 'not available (addresses and actions only)'}`,
        `Changes: ${formatActionCounts(report.counts.actions)}`,
        `Findings: ${findings.blocked} blocked, ${findings['approval-required']} needing approval, ` +
            plural(findings.warn, 'warning'),
        `Checked by: ${escapeMarkdown(joined(report.tool.name, report.tool.version))}`
    ];
    const list = items.filter((item) => item !== '').map((item) => `- ${item}`);
    return `<details>\n<summary>Plan details</summary>\n\n${list.join('\n')}\n\n</details>`;
}
function joined(name, version) {
    return version === undefined ? name : `${name} ${version}`;
}
function yesNo(value) {
    return value ? 'yes' : 'no';
}

/** SARIF 2.1.0 report for GitHub code scanning and other SARIF consumers. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/plan-gate/plan-gate';
const LEVELS = {
    blocked: 'error',
    'approval-required': 'error',
    warn: 'warning'
};
/** GitHub maps these scores to critical (≥ 9), high (≥ 7), medium (≥ 4) and low. */
const SECURITY_SEVERITY = {
    critical: '9.5',
    high: '8.0',
    medium: '5.5',
    low: '3.0'
};
/** Renders the report as a SARIF 2.1.0 log with one run; `rules` looks up rule metadata. */
function renderSarif(report, rules) {
    const firsts = firstFindingPerRule(report.findings);
    const ruleIndex = new Map([...firsts.keys()].map((id, index) => [id, index]));
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'plan-gate',
                        version: report.tool.version,
                        informationUri: INFORMATION_URI,
                        rules: [...firsts.values()].map((finding) => descriptor(finding, rules(finding.ruleId)))
                    }
                },
                results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId) ?? 0, report.plan.file))
            }
        ]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
/** `sha256` hex of rule id, address and plan label: stable across runs for the same object. */
function sarifFingerprint(finding) {
    const key = [finding.ruleId, finding.address, finding.plan ?? ''].join('\u0000');
    return createHash('sha256').update(key).digest('hex');
}
function firstFindingPerRule(findings) {
    const firsts = new Map();
    for (const finding of findings) {
        if (!firsts.has(finding.ruleId))
            firsts.set(finding.ruleId, finding);
    }
    return firsts;
}
function descriptor(finding, meta) {
    if (meta === undefined)
        return synthesized(finding);
    return {
        id: finding.ruleId,
        name: meta.slug,
        shortDescription: { text: meta.title },
        fullDescription: { text: meta.description },
        helpUri: meta.helpUri,
        defaultConfiguration: { level: LEVELS[meta.defaultDecision] },
        properties: ruleProperties(finding, meta.severity)
    };
}
/** A minimal rule for an id the lookup does not know, built from its first finding. */
function synthesized(finding) {
    return {
        id: finding.ruleId,
        name: finding.messageId,
        shortDescription: { text: `${finding.ruleId} (${finding.messageId})` },
        defaultConfiguration: { level: LEVELS[finding.decision] },
        properties: ruleProperties(finding, finding.severity)
    };
}
function ruleProperties(finding, severity) {
    const tags = ['security', 'terraform', 'destructive-change'];
    if (finding.category !== undefined)
        tags.push(finding.category);
    return { tags, precision: 'very-high', 'security-severity': SECURITY_SEVERITY[severity] };
}
function result(finding, ruleIndex, file) {
    return {
        ruleId: finding.ruleId,
        ruleIndex,
        level: LEVELS[finding.decision],
        message: { text: finding.reason },
        locations: [location(finding, file)],
        partialFingerprints: { 'planGate/v1': sarifFingerprint(finding) },
        properties: { decision: finding.decision, action: finding.action, type: finding.type }
    };
}
function location(finding, file) {
    const logical = { logicalLocations: [{ fullyQualifiedName: finding.address, kind: 'resource' }] };
    if (file === '-' || file === '')
        return logical;
    return { physicalLocation: { artifactLocation: { uri: fileUri(file) } }, ...logical };
}
/** A relative URI reference for a file path: forward slashes, each segment percent-encoded. */
function fileUri(file) {
    return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** Every report format, in the order help texts list them. */
const REPORT_FORMATS = ['text', 'markdown', 'json', 'sarif'];
/** Renders `report` in `format`; a pure function of its arguments. */
function render(format, report, deps) {
    switch (format) {
        case 'text':
            return renderText(report, { color: deps.color });
        case 'markdown':
            return renderMarkdown(report);
        case 'json':
            return renderJson(report);
        case 'sarif':
            return renderSarif(report, deps.rules);
    }
}

/**
 * Provider-independent protection data: tag/label maps, state storage evidence.
 */
/** Tag and label maps that can mark a resource protected, at the top level of its values. */
const TAG_MAPS = [
    'tags',
    'tags_all',
    'labels',
    'effective_labels',
    'terraform_labels',
    'user_labels',
    'resource_labels'
];
/** Blocks whose first element may hold a tag map (`settings[0].user_labels`, `metadata[0].labels`). */
const TAG_BLOCKS = ['settings', 'metadata'];
/** The tag key that marks a resource protected (compared case-insensitively). */
const PROTECTED_TAG_KEY = 'protected';
/** Tag values that mean yes (compared case-insensitively). */
const PROTECTED_TAG_VALUES = ['true', 'yes', '1'];
/** Name fragments that identify Terraform state storage (compared case-insensitively). */
const STATE_NAME_MARKERS = ['tfstate', 'terraform-state', 'terraform_state'];
/**
 * Types that can hold Terraform state, and the attributes that carry their name. A delete of
 * one whose name contains a state marker is blocked.
 */
const STATE_STORAGE_NAMES = {
    aws_s3_bucket: ['bucket', 'bucket_prefix'],
    aws_s3_directory_bucket: ['bucket'],
    google_storage_bucket: ['name'],
    azurerm_storage_account: ['name'],
    azurerm_storage_container: ['name'],
    azurerm_storage_blob: ['storage_container_name', 'name'],
    aws_dynamodb_table: ['name']
};
/** The S3 backend's lock table has this partition key. */
const LOCK_TABLE_HASH_KEY = 'LockID';

/** AWS resource types that hold data or protect it, with their protection attributes. */
const aws = {
    provider: 'aws',
    prefix: 'PG-AWS',
    types: [
        {
            id: 'PG-AWS-001',
            type: 'aws_db_instance',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W001',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W002',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W003',
                    path: 'delete_automated_backups',
                    family: 'retain-backups',
                    test: { kind: 'equals', safe: [false] }
                },
                {
                    id: 'PG-AWS-W004',
                    path: 'backup_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-002',
            type: 'aws_rds_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W005',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W006',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W007',
                    path: 'delete_automated_backups',
                    family: 'retain-backups',
                    test: { kind: 'equals', safe: [false] }
                },
                {
                    id: 'PG-AWS-W008',
                    path: 'backup_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-003',
            type: 'aws_rds_cluster_instance',
            category: 'db-member',
            guards: [
                {
                    id: 'PG-AWS-W009',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-004',
            type: 'aws_rds_global_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W010',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                // the catalog states no default for this one, so absent stays unsafe
                {
                    id: 'PG-AWS-W011',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] }
                }
            ]
        },
        {
            id: 'PG-AWS-005',
            type: 'aws_db_instance_automated_backups_replication',
            category: 'snapshot-backup'
        },
        {
            id: 'PG-AWS-006',
            type: 'aws_docdb_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W012',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W013',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                // Checkov's threshold; 1 is the service minimum and the default
                {
                    id: 'PG-AWS-W014',
                    path: 'backup_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 7 }
                }
            ]
        },
        {
            id: 'PG-AWS-007',
            type: 'aws_docdb_global_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W015',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        { id: 'PG-AWS-008', type: 'aws_docdb_cluster_instance', category: 'db-member' },
        {
            id: 'PG-AWS-009',
            type: 'aws_docdbelastic_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W016',
                    path: 'backup_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-010',
            type: 'aws_neptune_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W017',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W018',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                // Checkov's threshold; the default is 1
                {
                    id: 'PG-AWS-W019',
                    path: 'backup_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 7 }
                }
            ]
        },
        {
            id: 'PG-AWS-011',
            type: 'aws_neptune_global_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-AWS-W020',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-012',
            type: 'aws_neptune_cluster_instance',
            category: 'db-member',
            guards: [
                {
                    id: 'PG-AWS-W021',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] }
                }
            ]
        },
        {
            id: 'PG-AWS-013',
            type: 'aws_neptunegraph_graph',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W022',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-014',
            type: 'aws_redshift_cluster',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-AWS-W023',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W024',
                    path: 'automated_snapshot_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 },
                    absent: 'safe'
                },
                // -1 keeps manual snapshots forever
                {
                    id: 'PG-AWS-W025',
                    path: 'manual_snapshot_retention_period',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: [-1] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-015', type: 'aws_redshiftserverless_namespace', category: 'data-warehouse' },
        { id: 'PG-AWS-016', type: 'aws_redshiftserverless_workgroup', category: 'data-warehouse' },
        {
            id: 'PG-AWS-017',
            type: 'aws_redshiftserverless_snapshot',
            category: 'snapshot-backup',
            guards: [
                // -1 keeps the snapshot forever
                {
                    id: 'PG-AWS-W026',
                    path: 'retention_period',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: [-1] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-018',
            type: 'aws_dynamodb_table',
            // lock tables are recognised by name / hash_key, not by type
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W027',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W028',
                    path: 'point_in_time_recovery[0].enabled',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W029',
                    path: 'point_in_time_recovery[0].recovery_period_in_days',
                    family: 'point-in-time-recovery',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W030',
                    path: 'replica[*].deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W031',
                    path: 'replica[*].point_in_time_recovery',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-019',
            type: 'aws_dynamodb_table_replica',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W032',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        { id: 'PG-AWS-020', type: 'aws_dynamodb_global_table', category: 'database' },
        {
            id: 'PG-AWS-021',
            type: 'aws_keyspaces_table',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W033',
                    path: 'point_in_time_recovery[0].status',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: ['ENABLED'] }
                }
            ]
        },
        { id: 'PG-AWS-022', type: 'aws_keyspaces_keyspace', category: 'database' },
        {
            id: 'PG-AWS-023',
            type: 'aws_qldb_ledger',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W034',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-024',
            type: 'aws_timestreamwrite_table',
            category: 'database',
            // data retention: lowering it expires stored data
            guards: [
                {
                    id: 'PG-AWS-W035',
                    path: 'retention_properties[0].magnetic_store_retention_period_in_days',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W036',
                    path: 'retention_properties[0].memory_store_retention_period_in_hours',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                }
            ]
        },
        { id: 'PG-AWS-025', type: 'aws_timestreamwrite_database', category: 'database' },
        { id: 'PG-AWS-026', type: 'aws_timestreaminfluxdb_db_instance', category: 'database' },
        { id: 'PG-AWS-027', type: 'aws_timestreaminfluxdb_db_cluster', category: 'database' },
        {
            id: 'PG-AWS-028',
            type: 'aws_dsql_cluster',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W037',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W038',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-029',
            type: 'aws_lightsail_database',
            category: 'database',
            guards: [
                {
                    id: 'PG-AWS-W039',
                    path: 'skip_final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W040',
                    path: 'backup_retention_enabled',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-030',
            type: 'aws_memorydb_cluster',
            category: 'cache',
            guards: [
                {
                    id: 'PG-AWS-W041',
                    path: 'snapshot_retention_limit',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-031',
            type: 'aws_elasticache_cluster',
            category: 'cache',
            guards: [
                {
                    id: 'PG-AWS-W042',
                    path: 'snapshot_retention_limit',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-032',
            type: 'aws_elasticache_replication_group',
            category: 'cache',
            guards: [
                {
                    id: 'PG-AWS-W043',
                    path: 'snapshot_retention_limit',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-033',
            type: 'aws_elasticache_serverless_cache',
            category: 'cache',
            guards: [
                {
                    id: 'PG-AWS-W044',
                    path: 'snapshot_retention_limit',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        { id: 'PG-AWS-034', type: 'aws_elasticache_global_replication_group', category: 'cache' },
        { id: 'PG-AWS-035', type: 'aws_dax_cluster', category: 'cache' },
        { id: 'PG-AWS-036', type: 'aws_db_snapshot', category: 'snapshot-backup' },
        { id: 'PG-AWS-037', type: 'aws_db_cluster_snapshot', category: 'snapshot-backup' },
        { id: 'PG-AWS-038', type: 'aws_db_snapshot_copy', category: 'snapshot-backup' },
        { id: 'PG-AWS-039', type: 'aws_docdb_cluster_snapshot', category: 'snapshot-backup' },
        { id: 'PG-AWS-040', type: 'aws_neptune_cluster_snapshot', category: 'snapshot-backup' },
        { id: 'PG-AWS-041', type: 'aws_memorydb_snapshot', category: 'snapshot-backup' },
        { id: 'PG-AWS-042', type: 'aws_ebs_snapshot', category: 'snapshot-backup' },
        { id: 'PG-AWS-043', type: 'aws_ebs_snapshot_copy', category: 'snapshot-backup' },
        { id: 'PG-AWS-044', type: 'aws_ami', category: 'snapshot-backup' },
        { id: 'PG-AWS-045', type: 'aws_ami_copy', category: 'snapshot-backup' },
        { id: 'PG-AWS-046', type: 'aws_ami_from_instance', category: 'snapshot-backup' },
        { id: 'PG-AWS-047', type: 'aws_fsx_backup', category: 'snapshot-backup' },
        {
            id: 'PG-AWS-048',
            type: 'aws_backup_vault',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-AWS-W045',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-049', type: 'aws_backup_vault_lock_configuration', category: 'backup-vault' },
        { id: 'PG-AWS-050', type: 'aws_backup_logically_air_gapped_vault', category: 'backup-vault' },
        {
            id: 'PG-AWS-051',
            type: 'aws_backup_plan',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-AWS-W046',
                    path: 'rule[*].lifecycle[0].delete_after',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W047',
                    path: 'rule[*].enable_continuous_backup',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        { id: 'PG-AWS-052', type: 'aws_backup_selection', category: 'backup-vault' },
        {
            id: 'PG-AWS-053',
            type: 'aws_dlm_lifecycle_policy',
            category: 'snapshot-backup',
            guards: [
                {
                    id: 'PG-AWS-W048',
                    path: 'policy_details[0].schedule[*].retain_rule[0].count',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W049',
                    path: 'policy_details[0].schedule[*].retain_rule[0].interval',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W050',
                    path: 'policy_details[0].retain_interval',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                }
            ]
        },
        {
            id: 'PG-AWS-054',
            type: 'aws_s3_bucket',
            // state buckets are recognised by name, not by type
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AWS-W051',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W052',
                    path: 'versioning[0].enabled',
                    family: 'versioning',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W053',
                    path: 'versioning[0].mfa_delete',
                    family: 'versioning',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W054',
                    path: 'object_lock_configuration[0].rule[0].default_retention[0].mode',
                    family: 'object-lock',
                    test: { kind: 'equals', safe: ['COMPLIANCE', 'GOVERNANCE'] }
                }
            ]
        },
        {
            id: 'PG-AWS-055',
            type: 'aws_s3_bucket_versioning',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AWS-W055',
                    path: 'versioning_configuration[0].status',
                    family: 'versioning',
                    test: { kind: 'equals', safe: ['Enabled'] }
                },
                {
                    id: 'PG-AWS-W056',
                    path: 'versioning_configuration[0].mfa_delete',
                    family: 'versioning',
                    test: { kind: 'equals', safe: ['Enabled'] }
                }
            ]
        },
        {
            id: 'PG-AWS-056',
            type: 'aws_s3_bucket_object_lock_configuration',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AWS-W057',
                    path: 'object_lock_enabled',
                    family: 'object-lock',
                    test: { kind: 'equals', safe: ['Enabled'] },
                    absent: 'safe'
                },
                // the catalog names COMPLIANCE (the strongest mode) as the safe value here
                {
                    id: 'PG-AWS-W058',
                    path: 'rule[0].default_retention[0].mode',
                    family: 'object-lock',
                    test: { kind: 'equals', safe: ['COMPLIANCE'] }
                }
            ]
        },
        {
            id: 'PG-AWS-057',
            type: 'aws_s3_bucket_lifecycle_configuration',
            category: 'protection-control'
        },
        {
            id: 'PG-AWS-058',
            type: 'aws_s3_object',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AWS-W059',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-059',
            type: 'aws_s3_directory_bucket',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AWS-W060',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-060',
            type: 'aws_s3tables_table_bucket',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AWS-W061',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-061', type: 'aws_s3tables_table', category: 'data-warehouse' },
        { id: 'PG-AWS-062', type: 'aws_s3tables_namespace', category: 'data-warehouse' },
        {
            id: 'PG-AWS-063',
            type: 'aws_s3vectors_vector_bucket',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AWS-W062',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-064', type: 'aws_s3control_bucket', category: 'object-storage' },
        { id: 'PG-AWS-065', type: 'aws_glacier_vault', category: 'object-storage' },
        {
            id: 'PG-AWS-066',
            type: 'aws_glacier_vault_lock',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AWS-W063',
                    path: 'complete_lock',
                    family: 'object-lock',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-067',
            type: 'aws_lightsail_bucket',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AWS-W064',
                    path: 'force_delete',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-068',
            type: 'aws_ebs_volume',
            category: 'block-volume',
            guards: [
                // safe is true here, and the default (false) is unsafe
                {
                    id: 'PG-AWS-W065',
                    path: 'final_snapshot',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-069',
            type: 'aws_volume_attachment',
            category: 'block-volume',
            guards: [
                {
                    id: 'PG-AWS-W066',
                    path: 'force_detach',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] }
                },
                // true: destroy only removes the attachment from state
                {
                    id: 'PG-AWS-W067',
                    path: 'skip_destroy',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-070',
            type: 'aws_instance',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-AWS-W068',
                    path: 'disable_api_termination',
                    family: 'termination-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                {
                    id: 'PG-AWS-W069',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                // true (the default) deletes the volume with the instance, like a force_destroy cascade
                {
                    id: 'PG-AWS-W070',
                    path: 'root_block_device[0].delete_on_termination',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] }
                },
                {
                    id: 'PG-AWS-W071',
                    path: 'ebs_block_device[*].delete_on_termination',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] }
                }
            ]
        },
        { id: 'PG-AWS-071', type: 'aws_lightsail_disk', category: 'block-volume' },
        { id: 'PG-AWS-072', type: 'aws_lightsail_instance', category: 'block-volume' },
        {
            id: 'PG-AWS-073',
            type: 'aws_lb',
            aliases: ['aws_alb'],
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-AWS-W072',
                    path: 'enable_deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-074',
            type: 'aws_eks_cluster',
            category: 'k8s-cluster',
            guards: [
                {
                    id: 'PG-AWS-W073',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-075',
            type: 'aws_emr_cluster',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-AWS-W074',
                    path: 'termination_protection',
                    family: 'termination-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-076',
            type: 'aws_efs_file_system',
            category: 'file-system',
            guards: [
                // overwrite protection against replication; EFS has no deletion protection
                {
                    id: 'PG-AWS-W075',
                    path: 'protection[0].replication_overwrite',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: ['DISABLED'] }
                }
            ]
        },
        {
            id: 'PG-AWS-077',
            type: 'aws_efs_backup_policy',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AWS-W076',
                    path: 'backup_policy[0].status',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: ['ENABLED'] }
                }
            ]
        },
        { id: 'PG-AWS-078', type: 'aws_efs_replication_configuration', category: 'file-system' },
        {
            id: 'PG-AWS-079',
            type: 'aws_fsx_lustre_file_system',
            category: 'file-system',
            guards: [
                // the provider default is true (no final backup), so absent is unsafe
                {
                    id: 'PG-AWS-W077',
                    path: 'skip_final_backup',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] }
                },
                {
                    id: 'PG-AWS-W078',
                    path: 'automatic_backup_retention_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-080',
            type: 'aws_fsx_windows_file_system',
            category: 'file-system',
            guards: [
                {
                    id: 'PG-AWS-W079',
                    path: 'skip_final_backup',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W080',
                    path: 'automatic_backup_retention_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-081',
            type: 'aws_fsx_ontap_file_system',
            category: 'file-system',
            guards: [
                {
                    id: 'PG-AWS-W081',
                    path: 'automatic_backup_retention_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-AWS-082',
            type: 'aws_fsx_ontap_volume',
            category: 'file-system',
            guards: [
                {
                    id: 'PG-AWS-W082',
                    path: 'skip_final_backup',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                // bypasses SnapLock Enterprise retention on delete
                {
                    id: 'PG-AWS-W083',
                    path: 'bypass_snaplock_enterprise_retention',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W084',
                    path: 'snaplock_configuration[0].privileged_delete',
                    family: 'object-lock',
                    test: { kind: 'equals', safe: ['DISABLED', 'PERMANENTLY_DISABLED'] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-083',
            type: 'aws_fsx_openzfs_file_system',
            category: 'file-system',
            guards: [
                {
                    id: 'PG-AWS-W085',
                    path: 'skip_final_backup',
                    family: 'final-snapshot',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AWS-W086',
                    path: 'automatic_backup_retention_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        { id: 'PG-AWS-084', type: 'aws_fsx_openzfs_volume', category: 'file-system' },
        { id: 'PG-AWS-085', type: 'aws_fsx_ontap_storage_virtual_machine', category: 'file-system' },
        { id: 'PG-AWS-086', type: 'aws_fsx_file_cache', category: 'file-system' },
        {
            id: 'PG-AWS-087',
            type: 'aws_kms_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AWS-W087',
                    path: 'deletion_window_in_days',
                    family: 'key-deletion-window',
                    test: { kind: 'no-decrease' }
                }
            ]
        },
        {
            id: 'PG-AWS-088',
            type: 'aws_kms_external_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AWS-W088',
                    path: 'deletion_window_in_days',
                    family: 'key-deletion-window',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-089',
            type: 'aws_kms_replica_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AWS-W089',
                    path: 'deletion_window_in_days',
                    family: 'key-deletion-window',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-090',
            type: 'aws_kms_replica_external_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AWS-W090',
                    path: 'deletion_window_in_days',
                    family: 'key-deletion-window',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-091', type: 'aws_kms_alias', category: 'encryption-key' },
        {
            id: 'PG-AWS-092',
            type: 'aws_acmpca_certificate_authority',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AWS-W091',
                    path: 'permanent_deletion_time_in_days',
                    family: 'key-deletion-window',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-093',
            type: 'aws_paymentcryptography_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AWS-W092',
                    path: 'deletion_window_in_days',
                    family: 'key-deletion-window',
                    test: { kind: 'no-decrease' }
                }
            ]
        },
        { id: 'PG-AWS-094', type: 'aws_cloudhsm_v2_cluster', category: 'encryption-key' },
        { id: 'PG-AWS-095', type: 'aws_cloudhsm_v2_hsm', category: 'encryption-key' },
        {
            id: 'PG-AWS-096',
            type: 'aws_secretsmanager_secret',
            category: 'secret',
            guards: [
                {
                    id: 'PG-AWS-W093',
                    path: 'recovery_window_in_days',
                    family: 'secret-recovery-window',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                },
                // true overwrites a same-named secret in the replica region
                {
                    id: 'PG-AWS-W094',
                    path: 'force_overwrite_replica_secret',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-097', type: 'aws_secretsmanager_secret_version', category: 'secret' },
        { id: 'PG-AWS-098', type: 'aws_ssm_parameter', category: 'secret' },
        {
            id: 'PG-AWS-099',
            type: 'aws_route53_zone',
            category: 'dns-zone',
            guards: [
                {
                    id: 'PG-AWS-W095',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-100', type: 'aws_route53_record', category: 'dns-zone' },
        {
            id: 'PG-AWS-101',
            type: 'aws_route53domains_registered_domain',
            category: 'dns-zone',
            guards: [
                // transfer lock keeps the domain from being transferred away
                {
                    id: 'PG-AWS-W096',
                    path: 'transfer_lock',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-102',
            type: 'aws_route53domains_domain',
            category: 'dns-zone',
            guards: [
                // transfer lock keeps the domain from being transferred away
                {
                    id: 'PG-AWS-W097',
                    path: 'transfer_lock',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-103',
            type: 'aws_cognito_user_pool',
            category: 'identity-store',
            guards: [
                {
                    id: 'PG-AWS-W098',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: ['ACTIVE'] }
                }
            ]
        },
        { id: 'PG-AWS-104', type: 'aws_cognito_identity_pool', category: 'identity-store' },
        { id: 'PG-AWS-105', type: 'aws_directory_service_directory', category: 'identity-store' },
        { id: 'PG-AWS-106', type: 'aws_identitystore_user', category: 'identity-store' },
        { id: 'PG-AWS-107', type: 'aws_identitystore_group', category: 'identity-store' },
        {
            id: 'PG-AWS-108',
            type: 'aws_iam_user',
            category: 'identity-store',
            guards: [
                {
                    id: 'PG-AWS-W099',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-109',
            type: 'aws_organizations_account',
            category: 'account-org',
            guards: [
                // true: destroy closes the account instead of only leaving the organization
                {
                    id: 'PG-AWS-W100',
                    path: 'close_on_deletion',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-110',
            type: 'aws_verifiedpermissions_policy_store',
            category: 'identity-store',
            guards: [
                {
                    id: 'PG-AWS-W101',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: ['ENABLED'] }
                }
            ]
        },
        { id: 'PG-AWS-111', type: 'aws_opensearch_domain', category: 'search' },
        { id: 'PG-AWS-112', type: 'aws_elasticsearch_domain', category: 'search' },
        { id: 'PG-AWS-113', type: 'aws_opensearchserverless_collection', category: 'search' },
        { id: 'PG-AWS-114', type: 'aws_kendra_index', category: 'search' },
        { id: 'PG-AWS-115', type: 'aws_cloudsearch_domain', category: 'search' },
        {
            id: 'PG-AWS-116',
            type: 'aws_kinesis_stream',
            category: 'stream-queue',
            guards: [
                // data retention: lowering it expires records sooner
                {
                    id: 'PG-AWS-W102',
                    path: 'retention_period',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                },
                // true: registered consumers are deleted with the stream
                {
                    id: 'PG-AWS-W103',
                    path: 'enforce_consumer_deletion',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-117',
            type: 'aws_sqs_queue',
            category: 'stream-queue',
            guards: [
                // data retention: lowering it expires messages sooner
                {
                    id: 'PG-AWS-W104',
                    path: 'message_retention_seconds',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-118', type: 'aws_msk_cluster', category: 'stream-queue' },
        { id: 'PG-AWS-119', type: 'aws_msk_serverless_cluster', category: 'stream-queue' },
        { id: 'PG-AWS-120', type: 'aws_mq_broker', category: 'stream-queue' },
        { id: 'PG-AWS-121', type: 'aws_kinesis_video_stream', category: 'stream-queue' },
        { id: 'PG-AWS-122', type: 'aws_cloudwatch_event_archive', category: 'stream-queue' },
        {
            id: 'PG-AWS-123',
            type: 'aws_cloudwatch_log_group',
            category: 'log-storage',
            guards: [
                {
                    id: 'PG-AWS-W105',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                },
                // true: destroy only removes the log group from state
                {
                    id: 'PG-AWS-W106',
                    path: 'skip_destroy',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: [true] }
                }
            ]
        },
        {
            id: 'PG-AWS-124',
            type: 'aws_cloudtrail_event_data_store',
            category: 'log-storage',
            guards: [
                {
                    id: 'PG-AWS-W107',
                    path: 'termination_protection_enabled',
                    family: 'termination-protection',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                },
                // data retention: lowering it expires events sooner
                {
                    id: 'PG-AWS-W108',
                    path: 'retention_period',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-125', type: 'aws_cloudtrail', category: 'log-storage' },
        {
            id: 'PG-AWS-126',
            type: 'aws_ecr_repository',
            category: 'container-registry',
            guards: [
                {
                    id: 'PG-AWS-W109',
                    path: 'force_delete',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                },
                // immutable tags cannot be overwritten, the closest family is object-lock
                {
                    id: 'PG-AWS-W110',
                    path: 'image_tag_mutability',
                    family: 'object-lock',
                    test: { kind: 'equals', safe: ['IMMUTABLE'] }
                }
            ]
        },
        {
            id: 'PG-AWS-127',
            type: 'aws_ecrpublic_repository',
            category: 'container-registry',
            guards: [
                {
                    id: 'PG-AWS-W111',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-128', type: 'aws_ecr_lifecycle_policy', category: 'protection-control' },
        { id: 'PG-AWS-129', type: 'aws_codeartifact_repository', category: 'container-registry' },
        { id: 'PG-AWS-130', type: 'aws_codeartifact_domain', category: 'container-registry' },
        { id: 'PG-AWS-131', type: 'aws_codecommit_repository', category: 'code-repository' },
        { id: 'PG-AWS-132', type: 'aws_glue_catalog_database', category: 'data-warehouse' },
        { id: 'PG-AWS-133', type: 'aws_glue_catalog_table', category: 'data-warehouse' },
        {
            id: 'PG-AWS-134',
            type: 'aws_athena_database',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-AWS-W112',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-135',
            type: 'aws_athena_workgroup',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-AWS-W113',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AWS-136',
            type: 'aws_datazone_domain',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-AWS-W114',
                    path: 'skip_deletion_check',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AWS-137', type: 'aws_sagemaker_domain', category: 'file-system' },
        {
            id: 'PG-AWS-138',
            type: 'aws_bedrockagent_data_source',
            category: 'database',
            guards: [
                // DELETE removes the ingested vector data with the data source
                {
                    id: 'PG-AWS-W115',
                    path: 'data_deletion_policy',
                    family: 'force-destroy',
                    test: { kind: 'equals', safe: ['RETAIN'] }
                }
            ]
        }
    ]
};

const on$1 = { kind: 'equals', safe: [true] };
const off$1 = { kind: 'equals', safe: [false] };
// Some no-decrease paths hold ISO-8601 durations ("P1Y", "PT0S" = off), not numbers.
const noDecrease$1 = { kind: 'no-decrease' };
const locked = { kind: 'equals', safe: ['Locked'] };
/** Azure (hashicorp/azurerm) resource types that hold data, and their protection attributes. */
const azurerm = {
    provider: 'azurerm',
    prefix: 'PG-AZ',
    types: [
        { id: 'PG-AZ-001', type: 'azurerm_management_lock', category: 'protection-control' },
        { id: 'PG-AZ-002', type: 'azurerm_resource_group', category: 'account-org' },
        { id: 'PG-AZ-003', type: 'azurerm_mssql_server', category: 'database' },
        {
            id: 'PG-AZ-004',
            type: 'azurerm_mssql_database',
            category: 'database',
            guards: [
                {
                    id: 'PG-AZ-W001',
                    path: 'short_term_retention_policy[0].retention_days',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                // 12 is the more frequent of the two allowed values (12, 24).
                {
                    id: 'PG-AZ-W002',
                    path: 'short_term_retention_policy[0].backup_interval_in_hours',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: [12] }
                },
                {
                    id: 'PG-AZ-W003',
                    path: 'long_term_retention_policy[0].weekly_retention',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W004',
                    path: 'long_term_retention_policy[0].monthly_retention',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W005',
                    path: 'long_term_retention_policy[0].yearly_retention',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W006',
                    path: 'geo_backup_enabled',
                    family: 'backup-retention',
                    test: on$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-AZ-W007',
                    path: 'storage_account_type',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: ['Geo', 'GeoZone'] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AZ-005', type: 'azurerm_mssql_managed_instance', category: 'database' },
        {
            id: 'PG-AZ-006',
            type: 'azurerm_mssql_managed_database',
            category: 'database',
            guards: [
                {
                    id: 'PG-AZ-W008',
                    path: 'short_term_retention_days',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W009',
                    path: 'long_term_retention_policy[0].weekly_retention',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W010',
                    path: 'long_term_retention_policy[0].monthly_retention',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W011',
                    path: 'long_term_retention_policy[0].yearly_retention',
                    family: 'backup-retention',
                    test: noDecrease$1
                }
            ]
        },
        {
            id: 'PG-AZ-007',
            type: 'azurerm_postgresql_flexible_server',
            category: 'database',
            guards: [
                {
                    id: 'PG-AZ-W012',
                    path: 'backup_retention_days',
                    family: 'backup-retention',
                    test: noDecrease$1
                }
            ]
        },
        {
            id: 'PG-AZ-008',
            type: 'azurerm_mysql_flexible_server',
            category: 'database',
            guards: [
                {
                    id: 'PG-AZ-W013',
                    path: 'backup_retention_days',
                    family: 'backup-retention',
                    test: noDecrease$1
                }
            ]
        },
        { id: 'PG-AZ-009', type: 'azurerm_postgresql_flexible_server_database', category: 'database' },
        { id: 'PG-AZ-010', type: 'azurerm_mysql_flexible_database', category: 'database' },
        {
            id: 'PG-AZ-011',
            type: 'azurerm_cosmosdb_account',
            category: 'database',
            guards: [
                {
                    id: 'PG-AZ-W014',
                    path: 'backup[0].type',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: ['Continuous'] }
                },
                {
                    id: 'PG-AZ-W015',
                    path: 'backup[0].tier',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: ['Continuous30Days'] }
                },
                {
                    id: 'PG-AZ-W016',
                    path: 'backup[0].retention_in_hours',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W017',
                    path: 'backup[0].storage_redundancy',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: ['Geo'] },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AZ-012', type: 'azurerm_cosmosdb_sql_database', category: 'database' },
        { id: 'PG-AZ-013', type: 'azurerm_cosmosdb_sql_container', category: 'database' },
        { id: 'PG-AZ-014', type: 'azurerm_cosmosdb_mongo_database', category: 'database' },
        { id: 'PG-AZ-015', type: 'azurerm_cosmosdb_mongo_collection', category: 'database' },
        { id: 'PG-AZ-016', type: 'azurerm_cosmosdb_cassandra_keyspace', category: 'database' },
        { id: 'PG-AZ-017', type: 'azurerm_cosmosdb_gremlin_graph', category: 'database' },
        { id: 'PG-AZ-018', type: 'azurerm_cosmosdb_table', category: 'database' },
        {
            id: 'PG-AZ-019',
            type: 'azurerm_redis_cache',
            category: 'cache',
            guards: [
                {
                    id: 'PG-AZ-W018',
                    path: 'redis_configuration[0].rdb_backup_enabled',
                    family: 'backup-retention',
                    test: on$1
                },
                {
                    id: 'PG-AZ-W019',
                    path: 'redis_configuration[0].aof_backup_enabled',
                    family: 'backup-retention',
                    test: on$1
                }
            ]
        },
        {
            id: 'PG-AZ-020',
            type: 'azurerm_kusto_cluster',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-AZ-W020',
                    path: 'purge_enabled',
                    family: 'soft-delete',
                    test: off$1,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-AZ-021',
            type: 'azurerm_kusto_database',
            category: 'data-warehouse',
            // Unset means unlimited retention.
            guards: [
                {
                    id: 'PG-AZ-W021',
                    path: 'soft_delete_period',
                    family: 'soft-delete',
                    test: noDecrease$1,
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AZ-022', type: 'azurerm_synapse_workspace', category: 'data-warehouse' },
        {
            id: 'PG-AZ-023',
            type: 'azurerm_storage_account',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-AZ-W022',
                    path: 'blob_properties[0].delete_retention_policy[0].days',
                    family: 'soft-delete',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W023',
                    path: 'blob_properties[0].delete_retention_policy[0].permanent_delete_enabled',
                    family: 'soft-delete',
                    test: off$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-AZ-W024',
                    path: 'blob_properties[0].container_delete_retention_policy[0].days',
                    family: 'soft-delete',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W025',
                    path: 'blob_properties[0].versioning_enabled',
                    family: 'versioning',
                    test: on$1
                },
                {
                    id: 'PG-AZ-W026',
                    path: 'blob_properties[0].change_feed_enabled',
                    family: 'point-in-time-recovery',
                    test: on$1
                },
                {
                    id: 'PG-AZ-W027',
                    path: 'blob_properties[0].restore_policy[0].days',
                    family: 'point-in-time-recovery',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W028',
                    path: 'share_properties[0].retention_policy[0].days',
                    family: 'soft-delete',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W029',
                    path: 'account_replication_type',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'] }
                }
            ]
        },
        { id: 'PG-AZ-024', type: 'azurerm_storage_container', category: 'object-storage' },
        {
            id: 'PG-AZ-025',
            type: 'azurerm_storage_container_immutability_policy',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AZ-W030',
                    path: 'immutability_period_in_days',
                    family: 'object-lock',
                    test: noDecrease$1
                },
                { id: 'PG-AZ-W031', path: 'locked', family: 'object-lock', test: on$1 }
            ]
        },
        { id: 'PG-AZ-026', type: 'azurerm_storage_blob', category: 'object-storage' },
        { id: 'PG-AZ-027', type: 'azurerm_storage_share', category: 'object-storage' },
        {
            id: 'PG-AZ-028',
            type: 'azurerm_storage_data_lake_gen2_filesystem',
            category: 'object-storage'
        },
        { id: 'PG-AZ-029', type: 'azurerm_managed_disk', category: 'block-volume' },
        { id: 'PG-AZ-030', type: 'azurerm_snapshot', category: 'snapshot-backup' },
        // The OS disk goes with the VM unless the provider features say otherwise.
        { id: 'PG-AZ-031', type: 'azurerm_linux_virtual_machine', category: 'block-volume' },
        { id: 'PG-AZ-032', type: 'azurerm_windows_virtual_machine', category: 'block-volume' },
        { id: 'PG-AZ-033', type: 'azurerm_netapp_volume', category: 'file-system' },
        { id: 'PG-AZ-034', type: 'azurerm_netapp_backup_vault', category: 'backup-vault' },
        {
            id: 'PG-AZ-035',
            type: 'azurerm_key_vault',
            category: 'encryption-key',
            guards: [
                { id: 'PG-AZ-W032', path: 'purge_protection_enabled', family: 'soft-delete', test: on$1 },
                {
                    id: 'PG-AZ-W033',
                    path: 'soft_delete_retention_days',
                    family: 'soft-delete',
                    test: noDecrease$1
                }
            ]
        },
        { id: 'PG-AZ-036', type: 'azurerm_key_vault_key', category: 'encryption-key' },
        { id: 'PG-AZ-037', type: 'azurerm_key_vault_secret', category: 'secret' },
        { id: 'PG-AZ-038', type: 'azurerm_key_vault_certificate', category: 'encryption-key' },
        // Its purge protection and retention force a new resource, so no update guard applies.
        {
            id: 'PG-AZ-039',
            type: 'azurerm_key_vault_managed_hardware_security_module',
            category: 'encryption-key'
        },
        {
            id: 'PG-AZ-040',
            type: 'azurerm_key_vault_managed_hardware_security_module_key',
            category: 'encryption-key'
        },
        {
            id: 'PG-AZ-041',
            type: 'azurerm_app_configuration',
            category: 'secret',
            guards: [
                { id: 'PG-AZ-W034', path: 'purge_protection_enabled', family: 'soft-delete', test: on$1 },
                {
                    id: 'PG-AZ-W035',
                    path: 'soft_delete_retention_days',
                    family: 'soft-delete',
                    test: noDecrease$1
                }
            ]
        },
        { id: 'PG-AZ-042', type: 'azurerm_dns_zone', category: 'dns-zone' },
        { id: 'PG-AZ-043', type: 'azurerm_private_dns_zone', category: 'dns-zone' },
        {
            id: 'PG-AZ-044',
            type: 'azurerm_recovery_services_vault',
            category: 'backup-vault',
            guards: [{ id: 'PG-AZ-W036', path: 'immutability', family: 'object-lock', test: locked }]
        },
        { id: 'PG-AZ-045', type: 'azurerm_backup_protected_vm', category: 'backup-vault' },
        {
            id: 'PG-AZ-046',
            type: 'azurerm_backup_policy_vm',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-AZ-W037',
                    path: 'retention_daily[0].count',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W038',
                    path: 'retention_weekly[0].count',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W039',
                    path: 'retention_monthly[0].count',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W040',
                    path: 'retention_yearly[0].count',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-AZ-W041',
                    path: 'instant_restore_retention_days',
                    family: 'backup-retention',
                    test: noDecrease$1
                }
            ]
        },
        {
            id: 'PG-AZ-047',
            type: 'azurerm_data_protection_backup_vault',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-AZ-W042',
                    path: 'soft_delete',
                    family: 'soft-delete',
                    test: { kind: 'equals', safe: ['AlwaysOn', 'On'] },
                    absent: 'safe'
                },
                {
                    id: 'PG-AZ-W043',
                    path: 'retention_duration_in_days',
                    family: 'soft-delete',
                    test: noDecrease$1
                },
                { id: 'PG-AZ-W044', path: 'immutability', family: 'object-lock', test: locked }
            ]
        },
        {
            id: 'PG-AZ-048',
            type: 'azurerm_log_analytics_workspace',
            category: 'log-storage',
            guards: [
                {
                    id: 'PG-AZ-W045',
                    path: 'retention_in_days',
                    family: 'backup-retention',
                    test: noDecrease$1
                }
            ]
        },
        { id: 'PG-AZ-049', type: 'azurerm_eventhub', category: 'stream-queue' },
        { id: 'PG-AZ-050', type: 'azurerm_eventhub_namespace', category: 'stream-queue' },
        { id: 'PG-AZ-051', type: 'azurerm_servicebus_namespace', category: 'stream-queue' },
        { id: 'PG-AZ-052', type: 'azurerm_servicebus_queue', category: 'stream-queue' },
        { id: 'PG-AZ-053', type: 'azurerm_container_registry', category: 'container-registry' },
        { id: 'PG-AZ-054', type: 'azurerm_search_service', category: 'search' },
        { id: 'PG-AZ-055', type: 'azurerm_kubernetes_cluster', category: 'k8s-cluster' },
        { id: 'PG-AZ-056', type: 'azurerm_cognitive_account', category: 'secret' },
        { id: 'PG-AZ-057', type: 'azurerm_api_management', category: 'compute-protect' },
        { id: 'PG-AZ-058', type: 'azurerm_machine_learning_workspace', category: 'compute-protect' },
        { id: 'PG-AZ-059', type: 'azurerm_databricks_workspace', category: 'data-warehouse' },
        { id: 'PG-AZ-060', type: 'azurerm_subscription', category: 'account-org' },
        { id: 'PG-AZ-061', type: 'azurerm_resource_group_template_deployment', category: 'account-org' }
    ]
};

const on = { kind: 'equals', safe: [true] };
const off = { kind: 'equals', safe: [false] };
// Some no-decrease paths hold duration strings ("2592000s", "7d"), not numbers.
const noDecrease = { kind: 'no-decrease' };
// `deletion_policy`: PREVENT fails the destroy at apply, ABANDON only drops it from state.
const kept = { kind: 'equals', safe: ['PREVENT', 'ABANDON'] };
// Resources whose own `deletion_policy` has DEFAULT/FORCE values: only FORCE is unsafe.
const notForce = { kind: 'equals', safe: ['DEFAULT', 'PREVENT', 'ABANDON'] };
/** Google (hashicorp/google) resource types that hold data, and their protection attributes. */
const google = {
    provider: 'google',
    prefix: 'PG-GCP',
    types: [
        {
            id: 'PG-GCP-001',
            type: 'google_sql_database_instance',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W001',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W002',
                    path: 'settings[0].deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: on
                },
                {
                    id: 'PG-GCP-W003',
                    path: 'settings[0].backup_configuration[0].enabled',
                    family: 'backup-retention',
                    test: on
                },
                {
                    id: 'PG-GCP-W004',
                    path: 'settings[0].backup_configuration[0].binary_log_enabled',
                    family: 'point-in-time-recovery',
                    test: on
                },
                {
                    id: 'PG-GCP-W005',
                    path: 'settings[0].backup_configuration[0].point_in_time_recovery_enabled',
                    family: 'point-in-time-recovery',
                    test: on
                },
                {
                    id: 'PG-GCP-W006',
                    path: 'settings[0].backup_configuration[0].transaction_log_retention_days',
                    family: 'point-in-time-recovery',
                    test: noDecrease
                },
                {
                    id: 'PG-GCP-W007',
                    path: 'settings[0].backup_configuration[0].backup_retention_settings[0].retained_backups',
                    family: 'backup-retention',
                    test: noDecrease
                },
                {
                    id: 'PG-GCP-W008',
                    path: 'settings[0].retain_backups_on_delete',
                    family: 'retain-backups',
                    test: on
                },
                {
                    id: 'PG-GCP-W009',
                    path: 'settings[0].final_backup_config[0].enabled',
                    family: 'final-snapshot',
                    test: on
                },
                {
                    id: 'PG-GCP-W010',
                    path: 'settings[0].final_backup_config[0].retention_days',
                    family: 'final-snapshot',
                    test: noDecrease
                },
                { id: 'PG-GCP-W011', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-002',
            type: 'google_sql_database',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W012', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-003',
            type: 'google_sql_user',
            category: 'identity-store',
            guards: [
                { id: 'PG-GCP-W013', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-004',
            type: 'google_alloydb_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-GCP-W014',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W015', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W016',
                    path: 'continuous_backup_config[0].enabled',
                    family: 'point-in-time-recovery',
                    test: on,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W017',
                    path: 'continuous_backup_config[0].recovery_window_days',
                    family: 'point-in-time-recovery',
                    test: noDecrease
                },
                {
                    id: 'PG-GCP-W018',
                    path: 'automated_backup_policy[0].enabled',
                    family: 'backup-retention',
                    test: on
                },
                {
                    id: 'PG-GCP-W019',
                    path: 'automated_backup_policy[0].time_based_retention[0].retention_period',
                    family: 'backup-retention',
                    test: noDecrease
                },
                {
                    id: 'PG-GCP-W020',
                    path: 'automated_backup_policy[0].quantity_based_retention[0].count',
                    family: 'backup-retention',
                    test: noDecrease
                }
            ]
        },
        {
            id: 'PG-GCP-005',
            type: 'google_alloydb_instance',
            category: 'db-member',
            guards: [
                { id: 'PG-GCP-W021', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-006',
            type: 'google_alloydb_backup',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W022', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-007',
            type: 'google_spanner_instance',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W023',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W024',
                    path: 'default_backup_schedule_type',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: ['AUTOMATIC'] }
                },
                { id: 'PG-GCP-W025', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-008',
            type: 'google_spanner_database',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W026',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W027',
                    path: 'enable_drop_protection',
                    family: 'deletion-protection',
                    test: on
                },
                {
                    id: 'PG-GCP-W028',
                    path: 'version_retention_period',
                    family: 'point-in-time-recovery',
                    test: noDecrease
                },
                { id: 'PG-GCP-W029', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-009',
            type: 'google_spanner_backup_schedule',
            category: 'snapshot-backup',
            guards: [
                {
                    id: 'PG-GCP-W030',
                    path: 'retention_duration',
                    family: 'backup-retention',
                    test: noDecrease
                },
                { id: 'PG-GCP-W031', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-010',
            type: 'google_bigtable_instance',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W032',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W033',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W034', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-011',
            type: 'google_bigtable_table',
            category: 'database',
            guards: [
                // An API-side string flag, unlike the Terraform-side booleans of the same name.
                {
                    id: 'PG-GCP-W035',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: ['PROTECTED'] }
                },
                {
                    id: 'PG-GCP-W036',
                    path: 'automated_backup_policy[0].retention_period',
                    family: 'backup-retention',
                    test: noDecrease
                },
                { id: 'PG-GCP-W037', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-012',
            type: 'google_firestore_database',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W038',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: kept,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W039',
                    path: 'delete_protection_state',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: ['DELETE_PROTECTION_ENABLED'] }
                },
                {
                    id: 'PG-GCP-W040',
                    path: 'point_in_time_recovery_enablement',
                    family: 'point-in-time-recovery',
                    test: { kind: 'equals', safe: ['POINT_IN_TIME_RECOVERY_ENABLED'] }
                }
            ]
        },
        {
            id: 'PG-GCP-013',
            type: 'google_firestore_backup_schedule',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W041', path: 'retention', family: 'backup-retention', test: noDecrease },
                { id: 'PG-GCP-W042', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-014',
            type: 'google_bigquery_dataset',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-GCP-W043',
                    path: 'delete_contents_on_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W044', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-015',
            type: 'google_bigquery_table',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-GCP-W045',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W046', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-016',
            type: 'google_redis_instance',
            category: 'cache',
            guards: [
                // The docs call unset protected, but the provider's Delete treats unset as false.
                { id: 'PG-GCP-W047', path: 'deletion_protection', family: 'deletion-protection', test: on },
                {
                    id: 'PG-GCP-W048',
                    path: 'persistence_config[0].persistence_mode',
                    family: 'backup-retention',
                    test: { kind: 'equals', safe: ['RDB'] }
                },
                { id: 'PG-GCP-W049', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-017',
            type: 'google_redis_cluster',
            category: 'cache',
            guards: [
                {
                    id: 'PG-GCP-W050',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W051', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-018',
            type: 'google_memorystore_instance',
            category: 'cache',
            guards: [
                {
                    id: 'PG-GCP-W052',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W053', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-019',
            type: 'google_memcache_instance',
            category: 'cache',
            guards: [
                {
                    id: 'PG-GCP-W054',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W055', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-020',
            type: 'google_storage_bucket',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-GCP-W056',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W057', path: 'versioning[0].enabled', family: 'versioning', test: on },
                // 0 disables soft delete; otherwise 604800–7776000 seconds, default 604800.
                {
                    id: 'PG-GCP-W058',
                    path: 'soft_delete_policy[0].retention_duration_seconds',
                    family: 'soft-delete',
                    test: { kind: 'min', min: 1 },
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W059',
                    path: 'retention_policy[0].retention_period',
                    family: 'object-lock',
                    test: noDecrease
                },
                {
                    id: 'PG-GCP-W060',
                    path: 'retention_policy[0].is_locked',
                    family: 'object-lock',
                    test: on
                },
                { id: 'PG-GCP-W061', path: 'enable_object_retention', family: 'object-lock', test: on },
                { id: 'PG-GCP-W062', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-021',
            type: 'google_storage_bucket_object',
            category: 'object-storage',
            guards: [
                { id: 'PG-GCP-W063', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-022',
            type: 'google_storage_managed_folder',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-GCP-W064',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W065', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-023',
            type: 'google_storage_folder',
            category: 'object-storage',
            guards: [
                {
                    id: 'PG-GCP-W066',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W067', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-024',
            type: 'google_compute_disk',
            category: 'block-volume',
            guards: [
                {
                    id: 'PG-GCP-W068',
                    path: 'create_snapshot_before_destroy',
                    family: 'final-snapshot',
                    test: on
                },
                { id: 'PG-GCP-W069', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-025',
            type: 'google_compute_region_disk',
            category: 'block-volume',
            guards: [
                {
                    id: 'PG-GCP-W070',
                    path: 'create_snapshot_before_destroy',
                    family: 'final-snapshot',
                    test: on
                },
                { id: 'PG-GCP-W071', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-026',
            type: 'google_compute_snapshot',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W072', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-027',
            type: 'google_compute_image',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W073', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-028',
            type: 'google_compute_machine_image',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W074', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-029',
            type: 'google_compute_instant_snapshot',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W075', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-030',
            type: 'google_compute_instance',
            category: 'compute-protect',
            guards: [
                { id: 'PG-GCP-W076', path: 'deletion_protection', family: 'deletion-protection', test: on },
                // true (the default) deletes the boot disk together with the VM.
                {
                    id: 'PG-GCP-W077',
                    path: 'boot_disk[0].auto_delete',
                    family: 'deletion-protection',
                    test: off
                },
                { id: 'PG-GCP-W078', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-031',
            type: 'google_container_cluster',
            category: 'k8s-cluster',
            guards: [
                {
                    id: 'PG-GCP-W079',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W080', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-032',
            type: 'google_compute_storage_pool',
            category: 'block-volume',
            guards: [
                { id: 'PG-GCP-W081', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W082', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-033',
            type: 'google_filestore_instance',
            category: 'file-system',
            guards: [
                {
                    id: 'PG-GCP-W083',
                    path: 'deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: on
                },
                { id: 'PG-GCP-W084', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-034',
            type: 'google_filestore_backup',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W085', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-035',
            type: 'google_filestore_snapshot',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W086', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-036',
            type: 'google_netapp_volume',
            category: 'file-system',
            guards: [
                {
                    id: 'PG-GCP-W087',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: notForce
                }
            ]
        },
        {
            id: 'PG-GCP-037',
            type: 'google_netapp_backup_vault',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-GCP-W088',
                    path: 'backup_retention_policy[0].backup_minimum_enforced_retention_days',
                    family: 'backup-retention',
                    test: noDecrease
                },
                { id: 'PG-GCP-W089', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-038',
            type: 'google_parallelstore_instance',
            category: 'file-system',
            guards: [
                { id: 'PG-GCP-W090', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-039',
            type: 'google_kms_crypto_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-GCP-W091',
                    path: 'destroy_scheduled_duration',
                    family: 'key-deletion-window',
                    test: noDecrease
                },
                { id: 'PG-GCP-W092', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        // Key rings cannot be deleted: destroy only forgets them, so no guard applies.
        { id: 'PG-GCP-040', type: 'google_kms_key_ring', category: 'encryption-key' },
        {
            id: 'PG-GCP-041',
            type: 'google_kms_crypto_key_version',
            category: 'encryption-key',
            guards: [
                { id: 'PG-GCP-W093', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-042',
            type: 'google_secret_manager_secret',
            category: 'secret',
            guards: [
                { id: 'PG-GCP-W094', path: 'deletion_protection', family: 'deletion-protection', test: on },
                // Unset destroys versions immediately; a duration string delays it.
                {
                    id: 'PG-GCP-W095',
                    path: 'version_destroy_ttl',
                    family: 'secret-recovery-window',
                    test: noDecrease
                },
                { id: 'PG-GCP-W096', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-043',
            type: 'google_secret_manager_regional_secret',
            category: 'secret',
            guards: [
                { id: 'PG-GCP-W097', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W098', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-044',
            type: 'google_secret_manager_secret_version',
            category: 'secret',
            guards: [
                // This resource has its own values: DELETE, DISABLE, ABANDON.
                {
                    id: 'PG-GCP-W099',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: { kind: 'equals', safe: ['DISABLE', 'ABANDON'] }
                }
            ]
        },
        {
            id: 'PG-GCP-045',
            type: 'google_privateca_certificate_authority',
            category: 'encryption-key',
            guards: [
                { id: 'PG-GCP-W100', path: 'deletion_protection', family: 'deletion-protection', test: on },
                // true deletes the CA without the 30-day undelete grace period.
                {
                    id: 'PG-GCP-W101',
                    path: 'skip_grace_period',
                    family: 'soft-delete',
                    test: off,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W102',
                    path: 'ignore_active_certificates_on_deletion',
                    family: 'deletion-protection',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W103', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-046',
            type: 'google_dns_managed_zone',
            category: 'dns-zone',
            guards: [
                {
                    id: 'PG-GCP-W104',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W105', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-047',
            type: 'google_dns_record_set',
            category: 'dns-zone',
            guards: [
                { id: 'PG-GCP-W106', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-048',
            type: 'google_active_directory_domain',
            category: 'identity-store',
            guards: [
                {
                    id: 'PG-GCP-W107',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W108', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-049',
            type: 'google_project',
            category: 'account-org',
            guards: [
                {
                    id: 'PG-GCP-W109',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: kept,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-GCP-050',
            type: 'google_folder',
            category: 'account-org',
            guards: [
                {
                    id: 'PG-GCP-W110',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W111', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-051',
            type: 'google_logging_project_bucket_config',
            category: 'log-storage',
            guards: [
                { id: 'PG-GCP-W112', path: 'retention_days', family: 'backup-retention', test: noDecrease },
                { id: 'PG-GCP-W113', path: 'locked', family: 'object-lock', test: on },
                { id: 'PG-GCP-W114', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-052',
            type: 'google_pubsub_topic',
            category: 'stream-queue',
            guards: [
                { id: 'PG-GCP-W115', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-053',
            type: 'google_pubsub_subscription',
            category: 'stream-queue',
            guards: [
                { id: 'PG-GCP-W116', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-054',
            type: 'google_artifact_registry_repository',
            category: 'container-registry',
            guards: [
                { id: 'PG-GCP-W117', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-055',
            type: 'google_backup_dr_backup_vault',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-GCP-W118',
                    path: 'backup_minimum_enforced_retention_duration',
                    family: 'backup-retention',
                    test: noDecrease
                },
                {
                    id: 'PG-GCP-W119',
                    path: 'ignore_inactive_datasources',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W120',
                    path: 'ignore_backup_plan_references',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W121',
                    path: 'force_delete',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W122', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-056',
            type: 'google_dataproc_metastore_service',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W123', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W124', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-057',
            type: 'google_dataproc_metastore_federation',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W125', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W126', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-058',
            type: 'google_oracle_database_autonomous_database',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W127', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W128', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-059',
            type: 'google_oracle_database_cloud_exadata_infrastructure',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W129', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W130', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-060',
            type: 'google_oracle_database_cloud_vm_cluster',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W131', path: 'deletion_protection', family: 'deletion-protection', test: on },
                { id: 'PG-GCP-W132', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-061',
            type: 'google_oracle_database_goldengate_deployment',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W133',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: kept,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-GCP-062',
            type: 'google_looker_instance',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-GCP-W134',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: notForce
                }
            ]
        },
        {
            id: 'PG-GCP-063',
            type: 'google_vertex_ai_featurestore',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W135',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W136', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-064',
            type: 'google_vertex_ai_feature_online_store',
            category: 'database',
            guards: [
                {
                    id: 'PG-GCP-W137',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W138', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-065',
            type: 'google_workflows_workflow',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-GCP-W139',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W140', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-066',
            type: 'google_cloud_run_v2_service',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-GCP-W141',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W142', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-067',
            type: 'google_cloud_run_v2_job',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-GCP-W143',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W144', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-068',
            type: 'google_cloud_run_v2_worker_pool',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-GCP-W145',
                    path: 'deletion_protection',
                    family: 'deletion-protection',
                    test: on,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W146', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-069',
            type: 'google_workbench_instance',
            category: 'compute-protect',
            guards: [
                {
                    id: 'PG-GCP-W147',
                    path: 'enable_deletion_protection',
                    family: 'deletion-protection',
                    test: on
                },
                { id: 'PG-GCP-W148', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-070',
            type: 'google_secure_source_manager_instance',
            category: 'code-repository',
            guards: [
                {
                    id: 'PG-GCP-W149',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: kept,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-GCP-071',
            type: 'google_secure_source_manager_repository',
            category: 'code-repository',
            guards: [
                {
                    id: 'PG-GCP-W150',
                    path: 'deletion_policy',
                    family: 'deletion-protection',
                    test: kept,
                    absent: 'safe'
                }
            ]
        },
        // Its `deletion_policy` takes DEFAULT/FORCE, but the notes give no safe value for it.
        { id: 'PG-GCP-072', type: 'google_dataform_repository', category: 'code-repository' }
    ]
};

/** The catalog registry: every provider file, indexed by resource type (aliases included). */
/** Every provider catalog, in a fixed order. */
const PROVIDERS = [aws, google, azurerm];
const BY_TYPE = new Map();
for (const catalog of PROVIDERS) {
    for (const entry of catalog.types) {
        for (const name of [entry.type, ...(entry.aliases ?? [])]) {
            BY_TYPE.set(name, { provider: catalog.provider, entry });
        }
    }
}
/** Looks up a resource type (or one of its aliases). */
function lookupType(type) {
    return BY_TYPE.get(type);
}
/** Every entry of every provider. */
function allEntries() {
    return PROVIDERS.flatMap((p) => p.types.map((entry) => ({ provider: p.provider, entry })));
}
/** Every guard with its entry. */
function allGuards() {
    return PROVIDERS.flatMap((p) => p.types.flatMap((entry) => (entry.guards ?? []).map((guard) => ({ entry, guard }))));
}

const DOCS_BASE = 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules';
/** The generic rules, keyed by a short internal name. */
const GENERIC = {
    planErrored: {
        id: 'PG-0001',
        slug: 'plan-errored',
        title: 'Plan reported errors',
        description: 'Terraform saved the plan despite errors (errored: true, or error diagnostics in the stream). Such a plan is incomplete and must not be applied.',
        severity: 'critical',
        defaultDecision: 'blocked'
    },
    unknownAction: {
        id: 'PG-0002',
        slug: 'unknown-action',
        title: 'Unknown change action',
        description: 'The plan contains an action plan-gate does not know. It cannot tell whether the object is destroyed, so it fails closed.',
        severity: 'critical',
        defaultDecision: 'blocked'
    },
    stateStorage: {
        id: 'PG-0003',
        slug: 'state-storage-destroy',
        title: 'Terraform state storage deleted or replaced',
        description: 'A bucket, container or DynamoDB lock table that holds Terraform state or locks is deleted or replaced. Every state it holds, and locking for every workspace, would be lost.',
        severity: 'critical',
        defaultDecision: 'blocked'
    },
    taggedDestroy: {
        id: 'PG-0004',
        slug: 'protected-tag-destroy',
        title: 'Resource tagged protected deleted or replaced',
        description: 'The resource carries a tag or label `protected` = true/yes/1, so whatever its type, deleting or replacing it needs a second approver.',
        severity: 'high',
        defaultDecision: 'approval-required'
    },
    resourceDestroy: {
        id: 'PG-0005',
        slug: 'resource-destroy',
        title: 'Resource deleted or replaced',
        description: 'A resource that is not a known data store is deleted or replaced. Shown as a warning so that reviewers see every destroy.',
        severity: 'low',
        defaultDecision: 'warn'
    },
    dataStoreForget: {
        id: 'PG-0006',
        slug: 'data-store-forget',
        title: 'Data store removed from state (forget)',
        description: 'The object is not destroyed, but Terraform stops managing it: its protections are no longer enforced by code review.',
        severity: 'medium',
        defaultDecision: 'warn'
    },
    driftDelete: {
        id: 'PG-0007',
        slug: 'drift-delete',
        title: 'Resource deleted outside Terraform',
        description: 'Refresh found that the object no longer exists. This already happened outside Terraform; it is not a planned delete.',
        severity: 'low',
        defaultDecision: 'warn'
    }
};
/** Metadata of a generic rule. */
function genericMeta(rule) {
    return { ...rule, helpUri: `${DOCS_BASE}/${rule.id}.md` };
}

/**
 * Reading attribute values and their unknown/sensitive masks by path. Values read here are
 * used for decisions; only `printable` values ever reach a finding's data.
 */
/** Parses `a[0].b[*].c` into steps. */
function parsePath(path) {
    const steps = [];
    for (const part of path.split('.')) {
        const match = /^([^[\]]+)((?:\[(?:\d+|\*)\])*)$/.exec(part);
        if (match === null || match[1] === undefined)
            throw new Error(`bad catalog path "${path}"`);
        steps.push(match[1]);
        for (const index of (match[2] ?? '').matchAll(/\[(\d+|\*)\]/g)) {
            steps.push(index[1] === '*' ? '*' : Number(index[1]));
        }
    }
    return steps;
}
/** A concrete path (no `*`) rendered back to `a[0].b`. */
function formatPath(steps) {
    return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
function child(value, step) {
    if (typeof step === 'number')
        return Array.isArray(value) ? value[step] : undefined;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        return value[step];
    }
    return undefined;
}
/** Follows a concrete path. */
function getAt(value, steps) {
    let current = value;
    for (const step of steps)
        current = child(current, step);
    return current;
}
/**
 * Expands `*` steps against the values given (the union of their list lengths), so a guard on
 * `replica[*].x` is checked for every replica present before or after.
 */
function expand(steps, ...roots) {
    let paths = [[]];
    for (const step of steps) {
        if (step !== '*') {
            paths = paths.map((p) => [...p, step]);
            continue;
        }
        paths = paths.flatMap((p) => {
            const length = Math.max(0, ...roots.map((r) => arrayLength(getAt(r, p))));
            return Array.from({ length }, (_, i) => [...p, i]);
        });
    }
    return paths;
}
function arrayLength(value) {
    return Array.isArray(value) ? value.length : 0;
}
/**
 * True when a mask (`after_unknown`, `*_sensitive`) marks the path or any ancestor. Masks are
 * `true` at marked leaves and `true` for a wholly marked value.
 */
function marked(mask, steps) {
    let current = mask;
    if (current === true)
        return true;
    for (const step of steps) {
        current = child(current, step);
        if (current === true)
            return true;
        if (current === undefined || current === null || current === false)
            return false;
    }
    return false;
}
/** True when any leaf under the path is marked (a sensitive map hides a tag value, say). */
function markedAnywhere(mask, steps) {
    if (marked(mask, steps))
        return true;
    return containsTrue(getAt(mask, steps));
}
function containsTrue(mask) {
    if (mask === true)
        return true;
    if (Array.isArray(mask))
        return mask.some(containsTrue);
    if (typeof mask === 'object' && mask !== null)
        return Object.values(mask).some(containsTrue);
    return false;
}
/** True for a record (a JSON object). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 };
/**
 * A number, or a duration string as providers write them (`"2592000s"`, `"7d"`, ISO-8601
 * `"P7D"`, `"PT0S"`) in seconds; undefined for anything else.
 */
function quantity(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value !== 'string')
        return undefined;
    const simple = /^(\d+(?:\.\d+)?)([smhd])$/.exec(value);
    if (simple)
        return Number(simple[1]) * (UNIT_SECONDS[simple[2]] ?? 1);
    const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
    if (iso === null || value === 'P' || value.endsWith('T'))
        return undefined;
    const [, y, mo, w, d, h, mi, s] = iso.map((part) => Number(part ?? 0));
    return ((y ?? 0) * 31536000 +
        (mo ?? 0) * 2592000 +
        (w ?? 0) * 604800 +
        (d ?? 0) * 86400 +
        (h ?? 0) * 3600 +
        (mi ?? 0) * 60 +
        (s ?? 0));
}

/**
 * Classification: normalized plan → findings, with the zero-config default decisions.
 * Pure: no I/O, no clock.
 */
/** Actions that destroy the real object. */
function isDestroy(change) {
    return change.action === 'delete' || change.action === 'replace';
}
/** Evaluates a whole plan. */
function evaluate(plan) {
    const findings = [...planFindings(plan)];
    for (const change of plan.changes)
        findings.push(...changeFindings(change));
    for (const change of plan.drift)
        findings.push(...driftFindings(change));
    for (const change of plan.deferred)
        findings.push(...unknownAction(change, 'deferred'));
    return findings;
}
function planFindings(plan) {
    const base = { address: '(plan)', source: 'plan', severity: 'critical' };
    if (plan.errorDiagnostics > 0) {
        return [
            {
                ...base,
                ruleId: GENERIC.planErrored.id,
                decision: 'blocked',
                messageId: 'stream-error-diagnostics',
                data: { count: plan.errorDiagnostics }
            }
        ];
    }
    if (plan.errored) {
        return [
            {
                ...base,
                ruleId: GENERIC.planErrored.id,
                decision: 'blocked',
                messageId: 'plan-errored',
                data: {}
            }
        ];
    }
    return [];
}
/** An action plan-gate does not know fails closed wherever it appears. */
function unknownAction(change, source) {
    if (change.action !== 'unknown')
        return [];
    return [
        {
            ruleId: GENERIC.unknownAction.id,
            address: change.address,
            type: change.type,
            action: change.action,
            source,
            severity: 'critical',
            decision: 'blocked',
            messageId: 'unknown-action',
            data: { actions: safeActions(change.actions) }
        }
    ];
}
/** A delete found by refresh happened outside Terraform: worth seeing, never a planned delete. */
function driftFindings(change) {
    if (change.action === 'unknown')
        return unknownAction(change, 'drift');
    if (change.mode === 'data' || change.action !== 'delete')
        return [];
    return [
        {
            ruleId: GENERIC.driftDelete.id,
            address: change.address,
            type: change.type,
            action: change.action,
            source: 'drift',
            severity: 'low',
            decision: 'warn',
            messageId: 'drift-delete',
            data: {}
        }
    ];
}
/** Findings for one planned change. */
function changeFindings(change) {
    const base = {
        address: change.address,
        type: change.type,
        action: change.action,
        order: change.order,
        deposed: change.deposed,
        source: 'change'
    };
    if (change.action === 'unknown')
        return unknownAction(change, 'change');
    // Data sources never destroy anything; Terraform filters their deletes out of plans anyway.
    if (change.mode === 'data')
        return [];
    const reason = change.reason === undefined ? {} : { reason: change.reason };
    if (change.replacePaths !== undefined && change.replacePaths.length > 0) {
        // Attribute names only (map keys could be data, so a path stops at its first name).
        const names = [...new Set(change.replacePaths.map((p) => String(p[0])))];
        reason['forcedBy'] = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
    }
    const hit = lookupType(change.type);
    if (isDestroy(change))
        return [destroyFinding(change, hit?.entry, base, reason)];
    if (change.action === 'forget' || change.action === 'forget-replace') {
        const category = hit?.entry.category;
        const guarded = category !== undefined && CATEGORIES[category].guarded;
        if (!guarded && protectedTag(change.before) === undefined)
            return [];
        const label = category === undefined ? 'protected resource' : CATEGORIES[category].label;
        return [
            {
                ...base,
                ruleId: GENERIC.dataStoreForget.id,
                category,
                severity: 'medium',
                decision: 'warn',
                messageId: 'forget-data-store',
                data: { categoryLabel: label, ...reason }
            }
        ];
    }
    if (change.action === 'update' && hit?.entry.guards !== undefined) {
        return hit.entry.guards.flatMap((guard) => weakenings(change, hit.entry, guard, base));
    }
    return [];
}
function destroyFinding(change, entry, base, reason) {
    const evidence = stateStorageEvidence(change);
    if (evidence !== undefined) {
        return {
            ...base,
            ruleId: GENERIC.stateStorage.id,
            category: 'state-storage',
            severity: 'critical',
            decision: 'blocked',
            messageId: 'destroy-state-storage',
            data: { evidence, ...reason }
        };
    }
    if (entry !== undefined && CATEGORIES[entry.category].guarded) {
        return {
            ...base,
            ruleId: entry.id,
            category: entry.category,
            severity: 'high',
            decision: 'approval-required',
            messageId: 'destroy-data-store',
            data: { categoryLabel: CATEGORIES[entry.category].label, ...reason }
        };
    }
    const tag = protectedTag(change.before);
    if (tag !== undefined) {
        return {
            ...base,
            ruleId: GENERIC.taggedDestroy.id,
            category: entry?.category,
            severity: 'high',
            decision: 'approval-required',
            messageId: 'destroy-tagged',
            data: { tagMap: tag.map, tagKey: tag.key, ...reason }
        };
    }
    return {
        ...base,
        ruleId: GENERIC.resourceDestroy.id,
        category: entry?.category,
        severity: 'low',
        decision: 'warn',
        messageId: 'destroy-resource',
        data: { type: change.type, ...reason }
    };
}
/** Why this resource looks like Terraform state storage, or undefined. Names no value. */
function stateStorageEvidence(change) {
    const before = change.before;
    if (change.type === 'aws_dynamodb_table' &&
        isRecord(before) &&
        before['hash_key'] === LOCK_TABLE_HASH_KEY) {
        return `DynamoDB table with hash_key "${LOCK_TABLE_HASH_KEY}", the S3 backend's lock table`;
    }
    const attributes = STATE_STORAGE_NAMES[change.type];
    if (attributes === undefined)
        return undefined;
    for (const attribute of attributes) {
        const value = isRecord(before) ? before[attribute] : undefined;
        if (typeof value === 'string' && hasStateMarker(value)) {
            return `its ${attribute} contains "${stateMarker(value)}"`;
        }
    }
    if (hasStateMarker(change.name))
        return `its resource name contains "${stateMarker(change.name)}"`;
    return undefined;
}
function hasStateMarker(text) {
    return stateMarker(text) !== undefined;
}
function stateMarker(text) {
    const lower = text.toLowerCase();
    return STATE_NAME_MARKERS.find((marker) => lower.includes(marker));
}
/** The tag map and key that mark a value protected, or undefined. */
function protectedTag(values) {
    if (!isRecord(values))
        return undefined;
    const candidates = TAG_MAPS.map((map) => ({
        map,
        tags: values[map]
    }));
    for (const block of TAG_BLOCKS) {
        const first = getAt(values, [block, 0]);
        if (isRecord(first)) {
            for (const map of TAG_MAPS)
                candidates.push({ map: `${block}[0].${map}`, tags: first[map] });
        }
    }
    for (const { map, tags } of candidates) {
        if (!isRecord(tags))
            continue;
        for (const [key, value] of Object.entries(tags)) {
            if (key.toLowerCase() === PROTECTED_TAG_KEY && isYes(value))
                return { map, key };
        }
    }
    return undefined;
}
function isYes(value) {
    if (value === true || value === 1)
        return true;
    return (typeof value === 'string' &&
        PROTECTED_TAG_VALUES.includes(value.trim().toLowerCase()));
}
/** Unknown action arrays are echoed, but only as short identifier-like words. */
function safeActions(actions) {
    const words = actions.map((a) => (/^[a-z][a-z_-]{0,23}$/.test(a) ? a : '?'));
    return `[${words.join(', ')}]`;
}
function isSafe(guard, value) {
    if (value === undefined || value === null)
        return guard.absent === 'safe';
    const test = guard.test;
    if (test.kind === 'equals')
        return test.safe.includes(value);
    if (test.kind === 'min')
        return typeof value === 'number' && value >= test.min;
    return true;
}
/** Weakening findings for one guard on an in-place update. */
function weakenings(change, entry, guard, base) {
    const steps = parsePath(guard.path);
    return expand(steps, change.before, change.after).flatMap((path) => {
        const data = weakening(change, guard, path);
        if (data === undefined)
            return [];
        return [
            {
                ...base,
                ruleId: guard.id,
                category: entry.category,
                severity: 'high',
                decision: 'approval-required',
                messageId: 'protection-weakened',
                data: { attribute: formatPath(path), family: guard.family, ...data }
            }
        ];
    });
}
function weakening(change, guard, path) {
    const before = getAt(change.before, path);
    const after = getAt(change.after, path);
    const unknown = marked(change.afterUnknown, path);
    if (guard.test.kind === 'no-decrease') {
        const from = quantity(before);
        if (from === undefined)
            return undefined;
        if (unknown)
            return { unknown: true };
        const to = quantity(after);
        if (to === undefined || to >= from)
            return undefined;
        return shown(change, guard, path, before, after);
    }
    if (!isSafe(guard, before))
        return undefined;
    if (unknown)
        return { unknown: true };
    if (isSafe(guard, after))
        return undefined;
    return shown(change, guard, path, before, after);
}
/**
 * The before/after values a finding may print: booleans, numbers, and strings that are one of
 * the catalog's own safe values (anything else could be a secret). Nothing at all when either
 * side is marked sensitive.
 */
function shown(change, guard, path, before, after) {
    if (markedAnywhere(change.beforeSensitive, path) || markedAnywhere(change.afterSensitive, path)) {
        return { sensitive: true };
    }
    const safeList = guard.test.kind === 'equals' ? guard.test.safe : [];
    // Strings print only when they are the catalog's own values or a duration like "7d"/"P30D".
    const printable = (v) => typeof v === 'boolean' ||
        typeof v === 'number' ||
        (typeof v === 'string' && (safeList.includes(v) || quantity(v) !== undefined));
    const data = {};
    if (printable(before))
        data['from'] = before;
    if (printable(after))
        data['to'] = after;
    else if (after === null || after === undefined)
        data['toText'] = 'unset';
    else if (safeList.length > 0)
        data['toText'] = `a value other than ${safeList.join(' or ')}`;
    else
        data['toText'] = 'a lower value';
    return data;
}

/** Rule metadata for every rule id: generic rules, catalog types and their guards. */
const FAMILY_WHY = {
    'deletion-protection': 'Turning deletion protection off is the step that precedes an unrecoverable delete.',
    'final-snapshot': 'Without a final snapshot or backup, a later delete leaves no copy of the data.',
    'backup-retention': 'Cutting backup retention removes the copies a restore would come from.',
    'point-in-time-recovery': 'Without point-in-time recovery, data can only be restored to the last full backup, if any.',
    'force-destroy': 'With force destroy on, deleting the container also deletes everything in it.',
    versioning: 'Without versioning, overwritten or deleted objects cannot be recovered.',
    'object-lock': 'Object lock is what keeps objects from being deleted before their retention ends.',
    'soft-delete': 'Soft delete and purge protection are the undo window after a delete.',
    'key-deletion-window': 'A shorter deletion window leaves less time to cancel a key deletion; after it, data encrypted with the key is lost.',
    'secret-recovery-window': 'A shorter recovery window leaves less time to restore a deleted secret.',
    'retain-backups': 'Backups that are deleted with the resource cannot be used to restore it.',
    'termination-protection': 'Termination protection keeps the resource from being deleted by mistake.'
};
function build() {
    const rules = new Map();
    for (const rule of Object.values(GENERIC))
        rules.set(rule.id, genericMeta(rule));
    for (const { entry } of allEntries()) {
        const label = CATEGORIES[entry.category].label;
        const guarded = CATEGORIES[entry.category].guarded;
        rules.set(entry.id, {
            id: entry.id,
            slug: `${entry.type.replace(/_/g, '-')}-destroy`,
            title: `${entry.type} deleted or replaced`,
            description: `${entry.type} is a ${label}. Deleting or replacing it ${guarded ? 'loses what it holds unless a copy survives, so it needs a second approver' : 'is shown as a warning'}.`,
            severity: guarded ? 'high' : 'low',
            defaultDecision: guarded ? 'approval-required' : 'warn',
            helpUri: `${DOCS_BASE}/${entry.id}.md`
        });
    }
    for (const { entry, guard } of allGuards()) {
        rules.set(guard.id, {
            id: guard.id,
            slug: `${entry.type.replace(/_/g, '-')}-${guard.family}-weakened`,
            title: `${entry.type}: ${guard.path} weakened`,
            description: FAMILY_WHY[guard.family],
            severity: 'high',
            defaultDecision: 'approval-required',
            helpUri: `${DOCS_BASE}/${guard.id}.md`
        });
    }
    return rules;
}
let cache;
/** Metadata of a rule id, or undefined for an unknown id. */
function ruleMeta(id) {
    cache ??= build();
    return cache.get(id);
}

/** plan-gate's version; a test keeps it equal to package.json. */
const VERSION = '0.1.0';

/**
 * The command line adapter: argv → read the plan → evaluate → render → exit code.
 * This file (with src/action.ts and src/github/) is where I/O happens.
 */
/** Exit codes. */
const EXIT = { pass: 0, gate: 1, error: 2 };
const INPUT_FORMATS = ['show-json', 'jsonl', 'json-array'];
const HELP = `Usage: plan-gate [options] <plan>

Gates a Terraform or OpenTofu plan: deletes and replacements of data stores need a
second approver, state storage is never destroyed, weakened protection is flagged.

<plan> is one of:
  plan.json     output of \`terraform show -json tfplan\` (any format_version 0.1 to 1.x)
  plan.jsonl    output of \`terraform plan -json\` (JSON Lines; also a JSON array of messages)
  tfplan        a binary plan file, read through \`terraform show -json\` (or \`tofu\`)
  -             standard input (JSON or JSON Lines)

Options:
  -f, --format <fmt>        report format: text (default), markdown, json, sarif
      --input-format <fmt>  force the input format: show-json, jsonl, json-array
      --terraform-bin <p>   program used to read binary plans (default: terraform, then tofu on PATH)
      --no-color            no colour in text output (also NO_COLOR=1)
      --color               colour even when stdout is not a terminal
  -h, --help                show this help
  -V, --version             show the version

Exit codes:
  0  pass (warnings included)
  1  the gate did not pass: approval required or blocked
  2  could not evaluate: usage error, unreadable, malformed or unsupported input
`;
/** A usage or input problem: one line on stderr, exit 2. */
class CliError extends Error {
}
/** Parses argv (without node and script). */
function parseArgs(argv) {
    const files = [];
    let format = 'text';
    let inputFormat;
    let terraformBin;
    let color;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
        const value = () => {
            const v = inline ?? argv[++i];
            if (v === undefined || v === '')
                throw new CliError(`${flag} needs a value`);
            return v;
        };
        switch (flag) {
            case '-h':
            case '--help':
                return { kind: 'help' };
            case '-V':
            case '--version':
                return { kind: 'version' };
            case '-f':
            case '--format':
                format = oneOf(flag, value(), REPORT_FORMATS);
                break;
            case '--input-format':
                inputFormat = oneOf(flag, value(), INPUT_FORMATS);
                break;
            case '--terraform-bin':
                terraformBin = value();
                break;
            case '--no-color':
                color = false;
                break;
            case '--color':
                color = true;
                break;
            default:
                if (arg.startsWith('-') && arg !== '-')
                    throw new CliError(`unknown option ${arg} (see --help)`);
                files.push(arg);
        }
    }
    if (files.length === 0)
        throw new CliError('no plan given (see --help)');
    if (files.length > 1)
        throw new CliError('give one plan file');
    return {
        kind: 'run',
        options: { file: files[0], format, inputFormat, terraformBin, color }
    };
}
function splitOnce(arg) {
    const eq = arg.indexOf('=');
    return [arg.slice(0, eq), arg.slice(eq + 1)];
}
function oneOf(flag, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new CliError(`${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`);
}
/** Runs the CLI and returns the exit code. Never throws. */
async function run(argv, io) {
    let parsed;
    try {
        parsed = parseArgs(argv);
    }
    catch (error) {
        io.stderr.write(`plan-gate: ${message(error)}\n`);
        return EXIT.error;
    }
    if (parsed.kind === 'help') {
        io.stdout.write(HELP);
        return EXIT.pass;
    }
    if (parsed.kind === 'version') {
        io.stdout.write(`plan-gate ${VERSION}\n`);
        return EXIT.pass;
    }
    const { options } = parsed;
    let report;
    try {
        const plan = await readInput(options, io);
        report = buildReport(plan, evaluate(plan), { file: options.file, version: VERSION });
    }
    catch (error) {
        io.stderr.write(`plan-gate: ${options.file === '-' ? 'stdin' : options.file}: ${message(error)}\n`);
        return EXIT.error;
    }
    const color = options.color ?? (io.stdout.isTTY === true && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb');
    io.stdout.write(render(options.format, report, { color, rules: ruleMeta }));
    return report.decision === 'pass' ? EXIT.pass : EXIT.gate;
}
/** One line, no stack: expected problems say what is wrong; anything else is labelled internal. */
function message(error) {
    if (error instanceof CliError || error instanceof PlanInputError)
        return error.message;
    const code = error?.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EISDIR')
        return 'is a directory, not a plan file';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    const text = error instanceof Error ? error.message : String(error);
    return `internal error: ${text.split('\n')[0]}`;
}
const SMALL_FILE = 64 * 1024 * 1024;
const CHUNK = 1 << 20;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
async function readInput(options, io) {
    const reader = new PlanReader({ format: options.inputFormat });
    if (options.file === '-') {
        for await (const chunk of io.stdin)
            reader.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return reader.end();
    }
    const stat = statSync(options.file);
    if (stat.isDirectory())
        throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (isZip(options.file))
        return readBinaryPlan(options, io, reader);
    if (stat.size <= SMALL_FILE) {
        // One read is faster than a stream for small plans; the same reader handles both.
        reader.push(readFileSync(options.file));
        return reader.end();
    }
    for await (const chunk of createReadStream(options.file, { highWaterMark: CHUNK })) {
        reader.push(chunk);
    }
    return reader.end();
}
function isZip(file) {
    const fd = openSync(file, 'r');
    try {
        const head = Buffer.alloc(4);
        const n = readSync(fd, head, 0, 4, 0);
        return n === 4 && ZIP_MAGIC.every((b, i) => head[i] === b);
    }
    finally {
        closeSync(fd);
    }
}
/** Finds an executable on PATH. */
function which(name, env) {
    for (const dir of (env['PATH'] ?? '').split(delimiter)) {
        if (dir === '')
            continue;
        const candidate = join(dir, name);
        try {
            accessSync(candidate, constants.X_OK);
            if (statSync(candidate).isFile())
                return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/** Reads a binary plan through `terraform show -json` (or tofu), streaming its output. */
async function readBinaryPlan(options, io, reader) {
    const bin = options.terraformBin ?? which('terraform', io.env) ?? which('tofu', io.env);
    if (bin === undefined) {
        throw new PlanInputError('binary plan file, but neither terraform nor tofu is on PATH: install one, pass --terraform-bin, or give `terraform show -json` output');
    }
    const child = spawn(bin, ['show', '-json', options.file], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: io.env
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
        if (stderr.length < 4096)
            stderr += text;
    });
    // Settles once, with the exit code or the reason the program could not start.
    const exited = new Promise((resolve) => {
        child.on('error', (error) => resolve(new PlanInputError(`could not run ${bin}: ${error.code ?? error.message}`)));
        child.on('close', (code) => resolve(code ?? 1));
    });
    let readError;
    try {
        for await (const chunk of child.stdout)
            reader.push(chunk);
    }
    catch (error) {
        readError = error;
        child.kill();
    }
    const code = await exited;
    if (code instanceof Error)
        throw code;
    if (code !== 0) {
        const plain = stripControl(stderr);
        const firstLine = plain.split('\n').find((l) => l.trim() !== '') ?? '';
        const detail = firstLine === '' ? '' : `: ${firstLine.trim().slice(0, 200)}`;
        throw new PlanInputError(`\`${bin} show -json\` failed with exit code ${code}${detail}`);
    }
    if (readError !== undefined)
        throw readError;
    return reader.end();
}
/** Drops ANSI colour codes and control characters (but newlines) from a program's output. */
function stripControl(text) {
    /* eslint-disable no-control-regex -- matching control characters is the point */
    return text.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
    /* eslint-enable no-control-regex */
}
/** The process entry point. */
async function main() {
    process.exitCode = await run(process.argv.slice(2), {
        stdin: process.stdin,
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env
    });
}

void main();
