import { createRequire as __requireBuiltinCreate } from 'node:module';
const __requireBuiltin = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) : __requireBuiltinCreate(import.meta.url);
const { existsSync, readdirSync, statSync, accessSync, constants, openSync, readSync, closeSync, createReadStream, readFileSync, writeFileSync, writeSync } = __requireBuiltin("node:fs");
const { resolve, dirname, join, delimiter } = __requireBuiltin("node:path");
const { TextDecoder: TextDecoder$1, parseArgs: parseArgs$1 } = __requireBuiltin("node:util");
import { i as isRecord$1, o as own, U as UserError, l as loadBackends, e as errorMessage, B as BACKEND_ATTRIBUTES, m as matchBackend } from './load.js';
const { createRequire } = __requireBuiltin("node:module");
const { isUtf8, isAscii } = __requireBuiltin("node:buffer");

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
    'protection-control': { label: 'protection control', guarded: true },
    'stateful-workload': { label: 'stateful workload', guarded: true }
};

/**
 * What makes reports readable at any size: identical findings grouped into one row, counts by
 * decision and category, long addresses shortened in the middle. Pure; every renderer that shows
 * findings to people (text, markdown, github) uses it.
 */
/** Groups identical findings (same decision, rule, type and reason), in order of first appearance. */
function groupFindings(findings) {
    const groups = new Map();
    for (const finding of findings) {
        const key = JSON.stringify([finding.decision, finding.ruleId, finding.type, finding.reason]);
        const group = groups.get(key);
        if (group === undefined)
            groups.set(key, { first: finding, findings: [finding] });
        else
            group.findings.push(finding);
    }
    return [...groups.values()].map(({ first, findings: members }) => ({
        decision: first.decision,
        ruleId: first.ruleId,
        type: first.type,
        reason: first.reason,
        findings: members
    }));
}
/** The label a finding's category goes by in summaries ("database", "other"). */
function categoryLabel(finding) {
    const category = finding.category;
    if (category === undefined)
        return 'other';
    return CATEGORIES[category]?.label ?? String(category);
}
/** Finding counts by category label, largest first (ties by label). */
function countByCategory(findings) {
    const counts = new Map();
    for (const finding of findings) {
        const label = categoryLabel(finding);
        counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return [...counts.entries()]
        .map(([label, count]) => ({ label, count }))
        .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
/** Findings of each plan of a several-plan report, keyed by plan file, in report order. */
function findingsPerPlan(report) {
    const per = new Map(report.plans.map((p) => [p.file, []]));
    for (const finding of report.findings) {
        const file = finding.plan ?? report.plans[0]?.file ?? '-';
        const list = per.get(file);
        if (list === undefined)
            per.set(file, [finding]);
        else
            list.push(finding);
    }
    return per;
}
/**
 * `text` cut to at most `max` characters by taking out its middle ("module.a…b.this"); the
 * ends name the module and the resource, the parts people look for. Never splits a surrogate pair.
 */
function shortenMiddle(text, max) {
    const chars = [...text];
    if (chars.length <= max)
        return text;
    if (max <= 1)
        return '…'.slice(0, Math.max(0, max));
    const keep = max - 1;
    const tail = Math.floor(keep / 2);
    const head = keep - tail;
    return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
/**
 * An address cut to `max` characters, keeping the resource (`aws_db_instance.this[0]`) whole when
 * it leaves room for the start of the module path: `module.tenants["k…"].aws_db_instance.this`
 * becomes `module.tenants["kkk…aws_db_instance.this`.
 */
function shortenAddress(address, max) {
    const chars = [...address];
    if (chars.length <= max)
        return address;
    const lastModule = /^(?:.*\])?.*?(?:^|\.)((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?)$/.exec(address);
    const resource = lastModule?.[1];
    if (resource === undefined || [...resource].length > max - 8)
        return shortenMiddle(address, max);
    const head = max - 1 - [...resource].length;
    return `${chars.slice(0, head).join('')}…${resource}`;
}
/**
 * Wraps `text` to `width` columns at spaces: the first line starts with `first`, the others with
 * `indent` (a hanging indent). A word longer than a line is broken, so no line exceeds `width`
 * unless the indent alone does.
 */
function wrap(text, width, first, indent) {
    const lines = [];
    let line = first;
    let lineWidth = [...first].length;
    let empty = true;
    const room = () => width - lineWidth;
    for (const word of text.split(/ +/).filter((w) => w !== '')) {
        let rest = [...word];
        const needed = rest.length + (empty ? 0 : 1);
        if (!empty && needed > room()) {
            lines.push(line);
            line = indent;
            lineWidth = [...indent].length;
            empty = true;
        }
        if (!empty) {
            line += ' ';
            lineWidth += 1;
        }
        // A word that fits no line is split over as many lines as it needs.
        while (rest.length > room() && room() > 0 && rest.length > width - [...indent].length) {
            const take = room();
            line += rest.slice(0, take).join('');
            lines.push(line);
            rest = rest.slice(take);
            line = indent;
            lineWidth = [...indent].length;
        }
        line += rest.join('');
        lineWidth += rest.length;
        empty = false;
    }
    lines.push(line);
    return lines.map((l) => l.trimEnd());
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

const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    if (str.indexOf('\\') === -1) {
        return str;
    }
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    if (str.indexOf('\0') === -1) {
        return str;
    }
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand$1(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    // Like Bash, only the endpoints set the width: `{1..10..02}` is `1 3 5 7 9`.
    const pad = isPadded(n[0]) || isPadded(n[1]);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};

// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};

/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};

// parse a single path portion
var _a;
const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape$1 = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark$1 = '[^/]';
// * => any number of characters
const star$1 = qmark$1 + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark$1 + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star$1 +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star$1;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark$1;
                hasMagic = true;
                continue;
            }
            re += regExpEscape$1(c);
        }
        return [re, unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;

/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};

const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand$1(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

/**
 * The one glob of plan-gate, for every pattern a user writes: policy types and addresses, plan
 * paths, environments (accounts, projects, subscriptions, regions), approvers and agent logins,
 * exemptions. It is minimatch: `*` and `?` never cross `/`, `**` does, `[abc]`, `[!a]` and
 * `{a,b}` work as in a shell (picomatch was tried: its `[!a]` also matches `a`, which would
 * widen an exemption).
 *
 * Paths (plan files) are paths. Names (types, addresses, logins, accounts, regions) are not: a
 * `/` in them, as inside a `for_each` key, is an ordinary character, so `module.db.*` protects
 * `module.db.aws_s3_bucket.b["a/b"]` too. Fail-safe for `protect`, and what an exemption author
 * means.
 */
/** A glob that cannot be compiled. */
class GlobError extends Error {
}
/** Stands in for `/` in names; no address, login or id holds it. */
const SLASH = '\u2215';
const asName = (text) => text.replaceAll('/', SLASH);
/** The options for names; plan paths use the defaults. */
const NAME = { name: true };
const cache$1 = new Map();
/** Compiles a glob to a matcher; throws `GlobError` with the problem. */
function compileGlob(glob, options = {}) {
    const key = `${options.nocase === true ? 'i' : 's'}${options.name === true ? 'n' : 'p'}:${glob}`;
    const cached = cache$1.get(key);
    if (cached !== undefined)
        return cached;
    if (glob === '')
        throw new GlobError('empty pattern');
    const open = unclosedBracket(glob);
    if (open !== undefined)
        throw new GlobError(`unclosed "[" at position ${open + 1}`);
    let matcher;
    try {
        // dot: `.terraform` and dotted names are ordinary names to a policy author.
        // nonegate/nocomment: a leading `!` or `#` is part of the pattern, never a negation that
        // would turn an exemption for one address into one for every other address.
        const name = options.name === true;
        const compiled = new Minimatch(name ? asName(glob) : glob, {
            dot: true,
            nocase: options.nocase === true,
            nonegate: true,
            nocomment: true,
            optimizationLevel: 0
        });
        if (compiled.makeRe() === false)
            throw new GlobError('invalid pattern');
        matcher = name ? (text) => compiled.match(asName(text)) : (text) => compiled.match(text);
    }
    catch (error) {
        throw new GlobError(error instanceof Error ? error.message : String(error));
    }
    cache$1.set(key, matcher);
    return matcher;
}
/** Where an unescaped `[` opens a class that never closes; minimatch would read it literally. */
function unclosedBracket(glob) {
    for (let i = 0; i < glob.length; i++) {
        if (glob[i] === '\\')
            i++;
        else if (glob[i] === '[' && glob.indexOf(']', i + 2) < 0)
            return i;
    }
    return undefined;
}
/** True when `text` matches the glob. */
function matchGlob(glob, text, options = {}) {
    return compileGlob(glob, options)(text);
}
/** True when `text` matches any of the globs. */
function matchAny(globs, text, options = {}) {
    return globs.some((glob) => matchGlob(glob, text, options));
}

/**
 * Blast radius: which AWS accounts, Google projects, Azure subscriptions and regions a plan
 * touches, inferred from ARNs, resource ids, location attributes and provider configuration.
 * The result is printed in PR comments, so only values that look exactly like an id survive:
 * anything else could be a secret that happens to sit in a `region` or `project` attribute.
 */
// ---------------------------------------------------------------------------------------------
// Strict formats: a value is kept only when it matches one of these exactly.
const AWS_ACCOUNT = /^\d{12}$/;
const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
/** An availability zone is its region plus one letter (`eu-west-1a`). */
const AWS_ZONE = /^([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d)[a-z]$/;
const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const GCP_REGION = /^[a-z]+-[a-z]+\d+$/;
/** A Google zone is its region plus `-<letter>` (`europe-west1-b`). */
const GCP_ZONE = /^([a-z]+-[a-z]+\d+)-[a-z]$/;
const AZURE_LOCATION = /^[a-z]+[a-z0-9]*$/;
/**
 * Every Azure location names a compass point or is a US Government one (`westeurope`, `eastus2`,
 * `usgovvirginia`); the bare word pattern alone would also pass a lower-case password.
 */
const AZURE_LOCATION_WORD = /east|west|north|south|central|^usgov/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** `/subscriptions/<guid>` at the start of an Azure resource id; ids are case-insensitive. */
const AZURE_ID = /^\/subscriptions\/([^/]+)(?:\/|$)/i;
/** `projects/<p>/…` in Google ids and self links (relative or `https://…googleapis.com/…`). */
const GCP_PATH = /(?:^|\/)projects\/([^/]+)(?:\/|$)/;
const GCP_URL = /^https:\/\/[a-z0-9.-]*googleapis\.com\//;
// Walking limits keep the cost per resource bounded however large its values are.
const MAX_DEPTH$3 = 8;
const MAX_LEAVES = 2000;
/**
 * Maps whose keys are chosen by users (tags, labels, environment variables): a key named
 * `region` in them says nothing about where the resource lives.
 */
const FREE_FORM = new Set([
    ...TAG_MAPS,
    'metadata',
    'annotations',
    'variables',
    'environment',
    'environment_variables',
    'app_settings',
    'parameters',
    'triggers',
    'keepers'
]);
function familyOf(provider) {
    if (provider === 'aws' || provider === 'awscc')
        return 'aws';
    if (provider === 'google' || provider === 'google-beta')
        return 'google';
    if (provider === 'azurerm')
        return 'azure';
    return 'other';
}
function awsAccount(value, found) {
    if (typeof value === 'string' && AWS_ACCOUNT.test(value))
        found.awsAccounts.add(value);
}
function awsRegion(value, found) {
    if (typeof value !== 'string')
        return;
    if (AWS_REGION.test(value))
        found.regions.add(value);
    else {
        const zone = AWS_ZONE.exec(value);
        if (zone?.[1] !== undefined)
            found.regions.add(zone[1]);
    }
}
function gcpProject(value, found) {
    if (typeof value === 'string' && GCP_PROJECT.test(value))
        found.gcpProjects.add(value);
}
function gcpRegion(value, found) {
    if (typeof value !== 'string')
        return;
    if (GCP_REGION.test(value))
        found.regions.add(value);
    else {
        const zone = GCP_ZONE.exec(value);
        if (zone?.[1] !== undefined)
            found.regions.add(zone[1]);
    }
}
function azureSubscription(value, found) {
    if (typeof value !== 'string')
        return;
    const guid = value.toLowerCase();
    if (GUID.test(guid))
        found.azureSubscriptions.add(guid);
}
function azureLocation(value, found) {
    if (typeof value !== 'string' || value.length > 40)
        return;
    // azurerm accepts display names ("West Europe") and stores the short form; fold to compare.
    const location = value.toLowerCase().replace(/ /g, '');
    // `global` (action groups, Front Door) fails the word test: it is not a region to restrict.
    if (AZURE_LOCATION.test(location) && AZURE_LOCATION_WORD.test(location)) {
        found.regions.add(location);
    }
}
/** An ARN's account and region, when the whole string is an ARN with well-formed fields. */
function arn$1(value, found) {
    const fields = arnFields(value);
    if (fields === undefined)
        return;
    const [region, account] = fields;
    if (region !== '' && !AWS_REGION.test(region))
        return;
    if (account !== '' && !AWS_ACCOUNT.test(account))
        return;
    if (region !== '')
        found.regions.add(region);
    if (account !== '')
        found.awsAccounts.add(account);
}
/**
 * The region and account of an ARN: what `ARN.exec(value)` captures, read with a few index
 * scans instead (an ARN per resource, and a match list each, add up on a large plan).
 */
function arnFields(value) {
    // arn:aws, then -<letters> any number of times, up to the first colon.
    if (!value.startsWith('arn:aws'))
        return undefined;
    let i = 7;
    while (value.charCodeAt(i) === 0x2d) {
        const from = ++i;
        while (isLower(value.charCodeAt(i)))
            i++;
        if (i === from)
            return undefined;
    }
    if (value.charCodeAt(i) !== 0x3a)
        return undefined;
    // The service: one or more of [a-z0-9.-].
    const service = ++i;
    for (let c = value.charCodeAt(i); isLower(c) || isDigit(c) || c === 0x2e || c === 0x2d;) {
        c = value.charCodeAt(++i);
    }
    if (i === service || value.charCodeAt(i) !== 0x3a)
        return undefined;
    const regionEnd = value.indexOf(':', i + 1);
    if (regionEnd < 0)
        return undefined;
    const accountEnd = value.indexOf(':', regionEnd + 1);
    // The resource: at least one character, none of them a line terminator (`.` of the pattern).
    if (accountEnd < 0 || accountEnd + 1 >= value.length)
        return undefined;
    for (let k = accountEnd + 1; k < value.length; k++) {
        const c = value.charCodeAt(k);
        if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029)
            return undefined;
    }
    return [value.slice(i + 1, regionEnd), value.slice(regionEnd + 1, accountEnd)];
}
function isLower(c) {
    return c >= 0x61 && c <= 0x7a;
}
function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
}
/** What any string leaf may reveal, whatever its attribute name. */
function anyString(value, key, family, found) {
    if (value.startsWith('arn:'))
        arn$1(value, found);
    else if (value.startsWith('/')) {
        const azure = AZURE_ID.exec(value);
        if (azure?.[1] !== undefined)
            azureSubscription(azure[1], found);
    }
    // A `projects/<p>/…` path from another provider (a CI system, say) is not a Google project;
    // a googleapis.com URL is, wherever it appears.
    const googleId = family === 'google' && key !== undefined && GOOGLE_ID_KEYS.has(key);
    if (googleId || GCP_URL.test(value)) {
        const project = GCP_PATH.exec(value);
        if (project?.[1] !== undefined)
            gcpProject(project[1], found);
    }
}
/** What a leaf reveals through its attribute name, per provider family. */
const NAMED = {
    aws: new Map([
        ['account_id', awsAccount],
        ['owner_id', awsAccount],
        ['region', awsRegion],
        ['region_name', awsRegion],
        ['availability_zone', awsRegion],
        ['availability_zones', awsRegion]
    ]),
    google: new Map([
        ['project', gcpProject],
        ['project_id', gcpProject],
        ['region', gcpRegion],
        ['zone', gcpRegion],
        ['location', gcpRegion],
        ['zones', gcpRegion],
        ['node_locations', gcpRegion]
    ]),
    azure: new Map([
        ['location', azureLocation],
        ['subscription_id', azureSubscription]
    ]),
    other: new Map()
};
/** Google attributes whose whole value is a resource path (`projects/<p>/…`). */
const GOOGLE_ID_KEYS = new Set(['id', 'self_link']);
/**
 * What the blast radius reads from a change's values, for readers that read only part of them
 * (plan/project.ts): string leaves under these attribute names, at any depth…
 */
const RADIUS_NAMES = [
    ...new Set([...Object.values(NAMED).flatMap((m) => [...m.keys()]), ...GOOGLE_ID_KEYS])
];
/** …and string leaves starting with one of these anywhere (ARNs, Azure ids, Google URLs). */
const RADIUS_PREFIXES = ['arn:', '/', 'https://'];
function namedLeaf(value, key, family, found) {
    NAMED[family].get(key)?.(value, found);
}
/**
 * Visits the string leaves of one value, skipping anything its sensitivity mask marks (the mask
 * is `true` at a marked leaf or for a wholly marked subtree). `key` is the nearest attribute
 * name, so the elements of `availability_zones` are read as zones.
 */
function walk(value, mask, family, found, budget) {
    const visit = (node, nodeMask, key, freeForm, depth) => {
        if (nodeMask === true || budget.leaves <= 0)
            return;
        // Plain loops, not entries(): this runs over the values of every change in a plan.
        if (Array.isArray(node)) {
            // An empty container is a leaf too: the budget bounds the work, not the matches.
            if (node.length === 0)
                budget.leaves--;
            if (depth >= MAX_DEPTH$3)
                return;
            const masks = Array.isArray(nodeMask) ? nodeMask : undefined;
            for (let step = 0; step < node.length; step++) {
                if (budget.leaves <= 0)
                    return;
                visit(node[step], masks?.[step], key, freeForm, depth + 1);
            }
            return;
        }
        if (isRecord$1(node)) {
            const steps = Object.keys(node);
            if (steps.length === 0)
                budget.leaves--;
            if (depth >= MAX_DEPTH$3)
                return;
            const masks = isRecord$1(nodeMask) ? nodeMask : undefined;
            for (const step of steps) {
                if (budget.leaves <= 0)
                    return;
                const childFreeForm = freeForm || FREE_FORM.has(step);
                visit(node[step], masks?.[step], step, childFreeForm, depth + 1);
            }
            return;
        }
        budget.leaves--;
        if (typeof node !== 'string')
            return;
        anyString(node, key, family, found);
        if (key !== undefined && !freeForm)
            namedLeaf(node, key, family, found);
    };
    visit(value, mask, undefined, false, 0);
}
function mineChange(change, found) {
    const family = familyOf(change.provider.name);
    if (change.valueLeaves !== undefined) {
        // A reader that read part of the values (plan/project.ts) found the leaves walk() would
        // look at; they are within its budget, and none is masked.
        // Index loops: the paths are often shared frozen lists, which for-of iterates slowly.
        const leaves = change.valueLeaves;
        for (let l = 0; l < leaves.length; l++) {
            const { value, path } = leaves[l];
            let key;
            let freeForm = false;
            for (let p = 0; p < path.length; p++) {
                const step = path[p];
                if (typeof step !== 'string')
                    continue;
                key = step;
                if (FREE_FORM.has(step))
                    freeForm = true;
            }
            anyString(value, key, family, found);
            if (key !== undefined && !freeForm)
                namedLeaf(value, key, family, found);
        }
        return;
    }
    const budget = { leaves: MAX_LEAVES };
    walk(change.before, change.beforeSensitive, family, found, budget);
    walk(change.after, change.afterSensitive, family, found, budget);
}
/**
 * `{ constant_value: x }` when a reader kept the raw expression of a nested block argument. The
 * show-json reader keeps top-level literals only, so `assume_role` (a nested block) arrives only
 * once it keeps nested blocks too; both shapes are accepted so that change needs nothing here.
 */
function literal(value) {
    return isRecord$1(value) && 'constant_value' in value ? value['constant_value'] : value;
}
/** Every element of a list, or the value itself: nested blocks come as lists or objects. */
function each(value) {
    const unwrapped = literal(value);
    return Array.isArray(unwrapped) ? unwrapped : [unwrapped];
}
function mineProviderConfig(config, found) {
    const constants = config.constants;
    switch (familyOf(config.name)) {
        case 'aws':
            awsRegion(literal(constants['region']), found);
            for (const id of each(constants['allowed_account_ids'])) {
                // An unquoted id in HCL arrives as a number; ids with a leading zero cannot, so the
                // 12-digit check still holds.
                awsAccount(typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : id, found);
            }
            for (const block of ['assume_role', 'assume_role_with_web_identity']) {
                for (const role of each(constants[block])) {
                    const roleArn = isRecord$1(role) ? literal(role['role_arn']) : undefined;
                    if (typeof roleArn === 'string')
                        arn$1(roleArn, found);
                }
            }
            return;
        case 'google':
            gcpProject(literal(constants['project']), found);
            gcpRegion(literal(constants['region']), found);
            gcpRegion(literal(constants['zone']), found);
            return;
        case 'azure':
            azureSubscription(literal(constants['subscription_id']), found);
            return;
        case 'other':
            return;
    }
}
function sorted(values) {
    return [...new Set(values)].sort();
}
/** Nothing found, shared by every change that names no id or region. */
const NONE = Object.freeze([]);
/** The values of a set, sorted, as one text. */
function keyOf$1(values) {
    if (values.size === 0)
        return '';
    if (values.size === 1)
        for (const value of values)
            return value;
    return [...values].sort().join(' ');
}
/** The values of a set, sorted; the shared empty list when there are none. */
function listed(values) {
    if (values.size === 0)
        return NONE;
    return values.size === 1 ? [...values] : [...values].sort();
}
/**
 * A set of a few strings that empties without allocating (Set.prototype.clear makes a new table,
 * and changeRadius empties four per change): a list while small, a Set beyond that.
 */
class Few {
    // The first `count` entries of `list` (setting a list's length would drop its storage).
    list = [];
    count = 0;
    many;
    get size() {
        return this.many === undefined ? this.count : this.many.size;
    }
    add(value) {
        if (this.many !== undefined)
            this.many.add(value);
        else if (!this.has(value)) {
            if (this.count < FEW)
                this.list[this.count++] = value;
            else
                this.many = new Set([...this.list.slice(0, this.count), value]);
        }
    }
    has(value) {
        if (this.many !== undefined)
            return this.many.has(value);
        for (let k = 0; k < this.count; k++)
            if (this.list[k] === value)
                return true;
        return false;
    }
    clear() {
        this.count = 0;
        this.many = undefined;
    }
    [Symbol.iterator]() {
        return (this.many ?? this.list.slice(0, this.count))[Symbol.iterator]();
    }
}
const FEW = 16;
/**
 * One set of sets for every change, emptied before each: this runs for every change of a plan,
 * and only the sorted lists it returns outlive the call.
 */
const scratch = {
    awsAccounts: new Few(),
    gcpProjects: new Few(),
    azureSubscriptions: new Few(),
    regions: new Few()
};
/** Radii already made, by their lists (see changeRadius). */
const radii = new Map();
function frozen(radius) {
    for (const list of Object.values(radius))
        Object.freeze(list);
    return Object.freeze(radius);
}
/** What one change's values contribute to the blast radius. */
function changeRadius(change) {
    scratch.awsAccounts.clear();
    scratch.gcpProjects.clear();
    scratch.azureSubscriptions.clear();
    scratch.regions.clear();
    mineChange(change, scratch);
    // Most changes of a plan name the same few accounts and regions: they share one radius, kept
    // for the whole plan, instead of one copy each. The sets hold ids only (no space, no line
    // break), so the key names one radius.
    const { awsAccounts, gcpProjects, azureSubscriptions, regions } = scratch;
    // Neighbouring changes mostly name the same: the last shared radius, without making its key.
    if (lastShared !== undefined &&
        holds$1(awsAccounts, lastShared.awsAccounts) &&
        holds$1(gcpProjects, lastShared.gcpProjects) &&
        holds$1(azureSubscriptions, lastShared.azureSubscriptions) &&
        holds$1(regions, lastShared.regions)) {
        return lastShared;
    }
    const key = `${keyOf$1(awsAccounts)}\n${keyOf$1(gcpProjects)}\n${keyOf$1(azureSubscriptions)}\n${keyOf$1(regions)}`;
    const known = radii.get(key);
    if (known !== undefined)
        return (lastShared = known);
    const radius = {
        awsAccounts: listed(awsAccounts),
        gcpProjects: listed(gcpProjects),
        azureSubscriptions: listed(azureSubscriptions),
        regions: listed(regions)
    };
    if (radii.size < 10_000)
        radii.set(key, (lastShared = frozen(radius)));
    return radius;
}
/** The shared radius changeRadius returned last. */
let lastShared;
/** Whether the set holds exactly the values of the list (which has no duplicates). */
function holds$1(values, list) {
    if (values.size !== list.length)
        return false;
    for (const value of list)
        if (!values.has(value))
            return false;
    return true;
}
/**
 * Infers the blast radius of a plan: from its planned changes (not no-op or read ones, unless
 * asked: those are the estate around the change, not its effect) and always from the literal
 * provider configuration, which says where the plan runs even when no value names it.
 */
function inferBlastRadius(plan, options = {}) {
    const found = {
        awsAccounts: new Set(),
        gcpProjects: new Set(),
        azureSubscriptions: new Set(),
        regions: new Set()
    };
    const providers = new Set();
    for (const change of plan.changes) {
        const passive = change.action === 'no-op' || change.action === 'read';
        if (passive && options.includeNoOp !== true)
            continue;
        providers.add(change.provider.name);
        const radius = change.facts?.radius ?? changeRadius(change);
        addAll(found.awsAccounts, radius.awsAccounts);
        addAll(found.gcpProjects, radius.gcpProjects);
        addAll(found.azureSubscriptions, radius.azureSubscriptions);
        addAll(found.regions, radius.regions);
    }
    for (const config of plan.providerConfigs ?? [])
        mineProviderConfig(config, found);
    return {
        awsAccounts: sorted(found.awsAccounts),
        gcpProjects: sorted(found.gcpProjects),
        azureSubscriptions: sorted(found.azureSubscriptions),
        regions: sorted(found.regions),
        providers: sorted(providers)
    };
}
/** An index loop: the lists are frozen and shared, which for-of iterates slowly. */
function addAll(into, values) {
    for (let k = 0; k < values.length; k++)
        into.add(values[k]);
}
/** At most this many values per list in the printed line; a PR comment is not an inventory. */
const SHOWN = 10;
function list(values) {
    if (values.length <= SHOWN)
        return values.join(', ');
    return `${values.slice(0, SHOWN).join(', ')} and ${values.length - SHOWN} more`;
}
/** The one-line blast radius every report shows. */
function formatBlastRadius(radius) {
    const parts = [];
    if (radius.awsAccounts.length > 0)
        parts.push(`AWS accounts ${list(radius.awsAccounts)}`);
    if (radius.gcpProjects.length > 0)
        parts.push(`Google projects ${list(radius.gcpProjects)}`);
    if (radius.azureSubscriptions.length > 0) {
        parts.push(`Azure subscriptions ${list(radius.azureSubscriptions)}`);
    }
    // Regions without any account still tell a reviewer something, but must not read as if an
    // account had been identified.
    if (parts.length === 0)
        parts.push('no identifiable account, project or subscription');
    if (radius.regions.length > 0)
        parts.push(`regions ${list(radius.regions)}`);
    return `Touches ${parts.join(' · ')}`;
}
function outside(kind, values, allowed, caseInsensitive = false) {
    // An absent list leaves the dimension open; an empty one allows nothing.
    if (allowed === undefined)
        return [];
    const options = { nocase: caseInsensitive, name: true };
    return values
        .filter((value) => !matchAny(allowed, value, options))
        .map((value) => ({ kind, value }));
}
/** What the plan touches that the environment does not allow; unlisted dimensions are open. */
function outsideEnvironment(radius, env) {
    return [
        ...outside('aws-account', radius.awsAccounts, env.aws_accounts),
        ...outside('gcp-project', radius.gcpProjects, env.gcp_projects),
        // Azure ids are case-insensitive; configs copied from the portal are often upper-case.
        ...outside('azure-subscription', radius.azureSubscriptions, env.azure_subscriptions, true),
        ...outside('region', radius.regions, env.regions)
    ];
}

/** Plain-text report for terminals and CI logs. */
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
/** The width text output wraps at when the terminal's is unknown (a pipe, a CI log). */
const DEFAULT_TEXT_WIDTH = 100;
/** Addresses listed under a grouped row before "… and N more". */
const TEXT_GROUP_ADDRESSES = 5;
/** Renders a report as plain text, with ANSI colours only when `color` is true. */
function renderText(report, options) {
    const paint = painter(options.color);
    const width = Math.max(40, Math.floor(options.width ?? DEFAULT_TEXT_WIDTH));
    const lines = verdictLines(report, paint, width);
    if (report.findings.length > 0) {
        lines.push('', ...summaryLines(report, width));
        lines.push('', ...(options.verbose === true
            ? findingLines(report.findings, paint)
            : groupLines(report.findings, paint, width)));
    }
    lines.push('', ...wrap(`Plan: ${formatActionCounts(report.counts.actions)}.`, width, '', '  '));
    lines.push(...wrap(`Blast radius: ${printable(formatBlastRadius(report.blastRadius))}`, width, '', '  '));
    if (report.policy.source !== '(defaults)' || report.policy.environment !== undefined) {
        const env = report.policy.environment === undefined ? '' : `, environment ${report.policy.environment}`;
        lines.push(`Policy: ${printable(report.policy.source + env)}`);
    }
    lines.push(`Fingerprint: ${printable(report.fingerprint)}`);
    return lines.join('\n') + '\n';
}
/** "2 blocked, 1 needing approval, 3 warnings" for the non-zero counts. */
function formatFindingCounts(counts) {
    const parts = [
        counts.blocked > 0 ? `${counts.blocked} blocked` : '',
        counts['approval-required'] > 0 ? `${counts['approval-required']} needing approval` : '',
        counts.warn > 0 ? plural(counts.warn, 'warning') : ''
    ].filter((part) => part !== '');
    return parts.length > 0 ? parts.join(', ') : 'none';
}
/** "database 120, object storage 2" */
function formatCategoryCounts(findings) {
    return countByCategory(findings)
        .map(({ label, count }) => `${label} ${count}`)
        .join(', ');
}
function summaryLines(report, width) {
    const lines = [
        ...wrap(`Findings: ${formatFindingCounts(report.counts.findings)}`, width, '', '  '),
        ...wrap(`By category: ${formatCategoryCounts(report.findings)}`, width, '', '  ')
    ];
    if (report.plans.length > 1) {
        lines.push('Per plan:');
        const per = findingsPerPlan(report);
        for (const plan of report.plans) {
            const findings = per.get(plan.file) ?? [];
            const text = `${printable(plan.file)}: ${VERDICT_WORDS[plan.decision]}; ${formatFindingCounts(plan.counts.findings)}${findings.length > 0 ? ` (${formatCategoryCounts(findings)})` : ''}`;
            lines.push(...wrap(text, width, '  ', '      '));
        }
    }
    return lines;
}
const VERDICT_WORDS = {
    blocked: 'blocked',
    'approval-required': 'approval required',
    pass: 'pass'
};
/** Grouped rows: one per set of identical findings, prose wrapped with a hanging indent. */
function groupLines(findings, paint, width) {
    const lines = [];
    const hang = ' '.repeat(2 + TAG_WIDTH + 2);
    for (const group of groupFindings(findings)) {
        const tag = TAGS[group.decision].padEnd(TAG_WIDTH);
        const reason = printable(group.reason);
        const paintTag = (line) => line.startsWith(`  ${tag}`)
            ? `  ${paint(DECISION_STYLE[group.decision], tag)}${line.slice(2 + TAG_WIDTH)}`
            : line;
        if (group.findings.length === 1) {
            const label = printable(objectLabel(group.findings[0]));
            const oneLine = `  ${tag}  ${label}  ${reason}`;
            if ([...oneLine].length <= width) {
                lines.push(paintTag(oneLine));
            }
            else {
                // The address stays whole on its own line, so it can be copied; the prose wraps below.
                lines.push(paintTag(`  ${tag}  ${label}`), ...wrap(reason, width, hang, hang));
            }
            continue;
        }
        const head = `${group.findings.length} × ${reason}`;
        lines.push(...wrap(head, width, `  ${tag}  `, hang).map(paintTag));
        const shown = group.findings.slice(0, TEXT_GROUP_ADDRESSES);
        for (const finding of shown)
            lines.push(`${hang}  ${printable(objectLabel(finding))}`);
        const more = group.findings.length - shown.length;
        if (more > 0)
            lines.push(`${hang}  … and ${more} more (--verbose lists every finding)`);
    }
    return lines;
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
function verdictLines(report, paint, width) {
    const { style, text, rest } = verdict(report);
    const tail = rest.filter((part) => part !== '');
    const plain = text + (tail.length > 0 ? ` (plus ${tail.join(', ')})` : '');
    if ([...plain].length <= width) {
        return [paint(style, text, true) + plain.slice(text.length)];
    }
    return wrap(plain, width, '', '  ').map((line) => paint(style, line, true));
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
                text: `⚠ APPROVAL REQUIRED — ${plural(approval, 'finding needs', 'findings need')} a second approver`,
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

/** Annotations per run at most, by default; GitHub shows only the first few per step anyway. */
const DEFAULT_MAX_ANNOTATIONS = 50;
/** Addresses named in one annotation's message before "and N more". */
const ADDRESSES_PER_ANNOTATION = 10;
/** The annotation level of each decision. */
const LEVELS$1 = {
    blocked: 'error',
    'approval-required': 'warning',
    warn: 'notice'
};
const TITLES = {
    blocked: 'Blocked',
    'approval-required': 'Needs approval',
    warn: 'Warning'
};
/**
 * One annotation per group of identical findings (same decision, rule, type and reason) at the
 * same block, most dangerous first, at most `max`; the findings beyond are counted.
 */
function annotations(report, locate, max = DEFAULT_MAX_ANNOTATIONS) {
    const all = [];
    for (const group of groupFindings(report.findings)) {
        const byPlace = new Map();
        for (const finding of group.findings) {
            const where = locate?.(finding);
            const key = where === undefined ? '' : `${where.file}:${where.line}`;
            const entry = byPlace.get(key);
            if (entry === undefined)
                byPlace.set(key, { ...(where === undefined ? {} : { where }), findings: [finding] });
            else
                entry.findings.push(finding);
        }
        for (const { where, findings } of byPlace.values()) {
            all.push({
                level: LEVELS$1[group.decision],
                title: `plan-gate ${TITLES[group.decision]}: ${group.ruleId}`,
                message: message(group.reason, findings),
                ...(where === undefined
                    ? {}
                    : { file: where.file, line: where.line, endLine: where.endLine }),
                findings: findings.length
            });
        }
    }
    const kept = all.slice(0, Math.max(0, max));
    const omitted = all.slice(kept.length).reduce((n, a) => n + a.findings, 0);
    return { annotations: kept, omitted };
}
function message(reason, findings) {
    const first = findings[0];
    if (findings.length === 1 && first !== undefined)
        return `${printable(objectLabel(first))}: ${printable(reason)}`;
    const named = findings.slice(0, ADDRESSES_PER_ANNOTATION).map((f) => printable(objectLabel(f)));
    const more = findings.length - named.length;
    return (`${findings.length} × ${printable(reason)}\n` +
        named.join('\n') +
        (more > 0 ? `\n… and ${more} more` : ''));
}
/** The workflow command text of one annotation. */
function annotationCommand(annotation) {
    const properties = [
        annotation.file === undefined ? '' : `file=${escapeProperty(annotation.file)}`,
        annotation.line === undefined ? '' : `line=${annotation.line}`,
        annotation.endLine === undefined ? '' : `endLine=${annotation.endLine}`,
        `title=${escapeProperty(annotation.title)}`
    ].filter((p) => p !== '');
    return `::${annotation.level} ${properties.join(',')}::${escapeData(annotation.message)}`;
}
/** Renders the report as workflow commands for a GitHub Actions log. */
function renderGithub(report, locate) {
    const text = renderText(report, { color: false });
    const [verdict, ...rest] = text.replace(/\n$/, '').split('\n');
    const lines = [`::group::${escapeData(`plan-gate: ${verdict ?? ''}`)}`];
    // A line the report prints must never read as a command of its own.
    for (const line of rest)
        lines.push(/^\s*::/.test(line) ? ` ${line.replace('::', ':\u200b:')}` : line);
    lines.push('::endgroup::');
    const { annotations: list, omitted } = annotations(report, locate);
    for (const annotation of list)
        lines.push(annotationCommand(annotation));
    if (omitted > 0)
        lines.push(`::notice title=plan-gate::${escapeData(`${omitted} more findings are not annotated; the report above lists them`)}`);
    return lines.join('\n') + '\n';
}
/** Escapes a command's message (`%`, CR, LF), as @actions/core does. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a command property (also `:` and `,`). */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * English indefinite articles for the nouns plan-gate writes ("an object storage", "a DNS zone").
 * Chosen by sound, not by letter: "a unique key", "an hour", "an S3 bucket", "a DNS zone".
 */
/** Words that start with a vowel letter but a consonant sound, by prefix. */
const CONSONANT_SOUND = /^(?:uni(?!nd|nt|nf|nst|mp)|use|usa|usu|ure|uri|uti|eu|ewe|one\b|once\b|ouija)/;
/** Words that start with a consonant letter but a vowel sound. */
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/;
/** Letters whose spoken name starts with a vowel sound (for acronyms like "S3", "RDS"). */
const VOWEL_LETTER_NAMES = new Set([...'AEFHILMNORSX']);
/** "a" or "an" for `phrase`, judged by its first word. */
function article(phrase) {
    const word = /^[\s"'`(]*([^\s"'`(),.:;]*)/.exec(phrase)?.[1] ?? '';
    if (word === '')
        return 'a';
    if (/^\d/.test(word))
        return /^(?:8|11|18)(?!\d)|^8\d/.test(word) ? 'an' : 'a';
    // An acronym (two or more capitals, digits allowed, e.g. "DNS", "S3", "RDS") is spelled out.
    if (/^[A-Z][A-Z0-9]+$/.test(word))
        return VOWEL_LETTER_NAMES.has(word[0] ?? '') ? 'an' : 'a';
    const lower = word.toLowerCase();
    if (VOWEL_SOUND.test(lower))
        return 'an';
    if (CONSONANT_SOUND.test(lower))
        return 'a';
    return /^[aeiou]/.test(lower) ? 'an' : 'a';
}
/** `phrase` with its indefinite article: "an object storage", "a DNS zone". */
function withArticle(phrase) {
    return `${article(phrase)} ${phrase}`;
}

/**
 * The only place findings become prose. Each message id maps to a function of the finding's
 * data, like eslint's `meta.messages`: tests assert on ids, people read these.
 */
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
    const text = reason === '' ? '' : (own(REASON_TEXT, reason) ?? reason);
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
    delete_because_no_resource_config: 'the resource block was removed, and with it any prevent_destroy',
    delete_because_wrong_repetition: 'count/for_each changed kind',
    delete_because_count_index: 'count was lowered',
    delete_because_each_key: 'its key left for_each',
    delete_because_no_module: 'its module block was removed, and with it any prevent_destroy',
    delete_because_no_move_target: 'the moved target has no configuration',
    delete_because_enabled_false: 'enabled = false removed it, and with it any prevent_destroy',
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
    'termination-protection': 'termination protection',
    'key-disabled': 'key availability (data encrypted with it becomes unreadable)',
    'data-expiry': 'data expiry (data is deleted when it runs out)',
    ttl: 'time to live (items are deleted as they expire)',
    retention: 'retention (older data is deleted)',
    'lock-retention': 'lock retention'
};
function weakened(data) {
    const attribute = str(data, 'attribute');
    const family = FAMILY_TEXT[str(data, 'family')] ?? str(data, 'family');
    if (data['unknown'] === true) {
        return `${attribute} becomes unknown until apply, which counts as not safe: ${family} may be weakened`;
    }
    const from = data['from'] !== undefined
        ? ` ${String(data['from'])} →`
        : data['fromText'] !== undefined
            ? ` ${str(data, 'fromText')} →`
            : '';
    const to = data['to'] === undefined
        ? ` ${str(data, 'toText') || 'an unsafe value'}`
        : ` ${String(data['to'])}`;
    const hidden = data['sensitive'] === true ? ' (values are sensitive and not shown)' : '';
    const floor = data['floorDays'] === undefined ? '' : ` (below the floor of ${str(data, 'floorDays')} days)`;
    return `Weakens ${family}: ${attribute}${from}${to}${floor}${hidden}`;
}
const TEMPLATES = {
    'plan-errored': () => 'The plan reported errors (errored: true); it is incomplete and must not be applied',
    'stream-error-diagnostics': (d) => `The plan run emitted ${str(d, 'count')} error diagnostic(s); the plan is incomplete and must not be applied`,
    'unknown-action': (d) => `Unknown action ${str(d, 'actions')}: plan-gate cannot tell what it does to the object, so it fails closed`,
    'destroy-state-storage': (d, f) => `${verb(f)} Terraform state storage (${str(d, 'evidence')})${because(d)}: every state it holds would be lost`,
    'destroy-data-store': (d, f) => `${verb(f)} ${withArticle(str(d, 'categoryLabel'))}${because(d)}`,
    'destroy-tagged': (d, f) => `${verb(f)} a resource marked protected by its ${str(d, 'tagMap')} key "${str(d, 'tagKey')}"${because(d)}`,
    'destroy-resource': (d, f) => `${verb(f)} ${str(d, 'type')}${because(d)}`,
    'forget-data-store': (d) => `Removes ${withArticle(str(d, 'categoryLabel'))} from state without destroying it; Terraform stops managing it${because(d)}`,
    'protection-weakened': (d) => weakened(d),
    'drift-delete': () => 'Was deleted outside Terraform (drift): the object is already gone',
    'stream-no-values': (d) => `${str(d, 'count')} destroy(s) read from a stream without attribute values: tags, state storage, surviving copies and protection settings could not be checked (gate on \`terraform show -json\` output for full coverage)`,
    'destroy-state-backend': (d, f) => `${verb(f)} ${str(d, 'evidence')}${because(d)}: the state of this very configuration lives there`,
    'change-state-backend': (d) => `Changes ${str(d, 'evidence')}: the state of this very configuration lives there`,
    'destroy-no-copy': (d, f) => `${verb(f)} ${withArticle(str(d, 'categoryLabel'))}${because(d)} and no copy survives (none of: ${str(d, 'missing')}). To unblock: take or keep a backup first in a separate change, or add an exemption`,
    'destroy-policy-protected': (d, f) => `${verb(f)} a resource the policy protects (${str(d, 'pattern')})${because(d)}`,
    'mass-delete': (d) => `Deletes ${str(d, 'count')} of ${str(d, 'total')} managed resources (threshold: more than ${str(d, 'threshold')})`,
    'full-destroy': (d) => `Destroys every managed resource (${str(d, 'countedFrom') || str(d, 'count')}), as \`terraform destroy\` does; allow it for this plan with thresholds.allow_full_destroy`,
    freeze: (d) => `Change freeze until ${str(d, 'until')} (${str(d, 'why')}): ${str(d, 'count')} destructive change(s) are blocked`,
    'environment-outside': (d) => `Environment "${str(d, 'environment')}" may not touch ${str(d, 'outside')}`,
    'environment-unselected': (d) => `The policy declares environments (${str(d, 'environments')}) but none matches this plan: select one with --environment or an environments.<name>.plans glob`,
    'exemption-expired': (d) => `The exemption for ${str(d, 'target')} ("${str(d, 'why')}") expired on ${str(d, 'expires')} and no longer applies`,
    'policy-changed': (d) => `The policy file ${str(d, 'file')} changed (${str(d, 'keys')}): this change is judged by the policy of its base commit, and the new policy needs approval from the approvers`,
    'gate-files-changed': (d) => `The gate's own files changed (${str(d, 'files')}): workflows, actions, CODEOWNERS, policy files and protected paths need approval from the approvers`
};
/** Every message id, in the order of the templates above. */
const MESSAGE_IDS = Object.keys(TEMPLATES);
/**
 * The human reason for a finding, with its hints and how the policy changed it. A plan's
 * findings share a few frozen data records (one per type and reason), and a reason depends only
 * on its data, its message id and the verb (the templates read nothing else of the finding but
 * what verb() reads): the reason of a finding the policy left alone is made once per data
 * record, message id and verb, and the same string is returned for each.
 */
function formatMessage(finding) {
    const data = finding.data;
    if (finding.exemption !== undefined ||
        finding.override !== undefined ||
        typeof data !== 'object' ||
        data === null ||
        !Object.isFrozen(data))
        return composeMessage(finding);
    let byMessage = reasons.get(data);
    if (byMessage === undefined)
        reasons.set(data, (byMessage = new Map()));
    let byVerb = byMessage.get(finding.messageId);
    if (byVerb === undefined)
        byMessage.set(finding.messageId, (byVerb = new Map()));
    const v = verb(finding);
    let text = byVerb.get(v);
    if (text === undefined)
        byVerb.set(v, (text = composeMessage(finding)));
    return text;
}
/** Reasons made, by frozen data record, message id and verb(). */
const reasons = new WeakMap();
/** formatMessage without remembering: the reference it is tested against. */
function composeMessage(finding) {
    let text = TEMPLATES[finding.messageId](finding.data, finding);
    const renameTo = str(finding.data, 'renameTo');
    if (renameTo !== '')
        text += `; this looks like a rename to ${renameTo}: add a \`moved\` block`;
    const copy = str(finding.data, 'copy');
    if (copy !== '')
        text += `; kept: ${copy}`;
    if (finding.exemption !== undefined) {
        const until = finding.exemption.expires === undefined ? '' : ` until ${finding.exemption.expires}`;
        text += ` [exempt${until}: ${finding.exemption.reason}]`;
    }
    if (finding.override !== undefined) {
        text += ` [policy: ${finding.override.from} → ${finding.decision}${finding.override.reason === undefined ? '' : `, ${finding.override.reason}`}]`;
    }
    return text;
}

/** JSON report: the `Report` as is, with a stable key order, and its JSON Schema. */
/** Renders the report as pretty JSON (2-space indent, trailing newline), keys in `types.ts` order. */
function renderJson(report) {
    return [...renderJsonChunks(report)].join('');
}
// The findings' place in the report rendered with none: a newline and two spaces cannot occur
// inside a JSON string (newlines are escaped), so this marks the spot exactly.
const NO_FINDINGS$1 = '\n  "findings": []';
/**
 * renderJson's text in pieces, a few findings at a time, so that a report of a full destroy
 * (100,000 findings and more) is never one string: the same bytes as JSON.stringify of the
 * whole ordered report, the findings stringified in small lists and indented as its elements.
 */
function* renderJsonChunks(report) {
    const text = JSON.stringify(ordered(report, []), null, 2) + '\n';
    const at = text.indexOf(NO_FINDINGS$1);
    if (report.findings.length === 0 || at < 0) {
        yield text;
        return;
    }
    yield `${text.slice(0, at)}\n  "findings": [\n`;
    const findings = report.findings;
    const parts = [];
    const writer = new FindingWriter();
    for (let from = 0; from < findings.length; from += FINDINGS_PER_PIECE) {
        const to = Math.min(from + FINDINGS_PER_PIECE, findings.length);
        parts.length = 0;
        // The caller ran between pieces: nothing read before is taken as still the same.
        writer.forget();
        for (let i = from; i < to; i++) {
            if (i > 0)
                parts.push(',\n');
            if (!writer.write(findings[i], parts))
                parts.push(findingByStringify(findings, i));
        }
        yield parts.join('');
    }
    yield `\n  ]${text.slice(at + NO_FINDINGS$1.length)}`;
}
/**
 * One element of the findings list as JSON.stringify prints it in the report (the reference
 * for writeFinding): the element alone in a list, indented to its place.
 */
function findingByStringify(findings, i) {
    // "[\n  {…}\n]": the element, two spaces short of its place in the report. slice() keeps a
    // hole as one, which JSON prints as null, as it would in the whole list.
    const list = JSON.stringify(findings.slice(i, i + 1).map(orderedFinding), null, 2);
    return `  ${list.slice(2, -2).replaceAll('\n', '\n  ')}`;
}
// writeFinding: the text of a finding as an element of the report's findings list, the same
// bytes as findingByStringify, without a copy of the finding or a JSON.stringify of it. It
// writes only what has the type the Report declares (strings, a flat data record of strings,
// finite numbers and booleans); anything else, it leaves to findingByStringify.
const OPEN = '    {\n      ';
const NEXT = ',\n      ';
const DATA_OPEN = '{\n        ';
const DATA_NEXT = ',\n        ';
const DATA_CLOSE = '\n      }';
const CLOSE = '\n    }';
/** `"name": ` of every field, quoted once. */
const KEY = {
    ruleId: '"ruleId": ',
    address: '"address": ',
    type: '"type": ',
    action: '"action": ',
    order: '"order": ',
    deposed: '"deposed": ',
    category: '"category": ',
    severity: '"severity": ',
    decision: '"decision": ',
    messageId: '"messageId": ',
    data: '"data": ',
    source: '"source": ',
    plan: '"plan": ',
    exemption: '"exemption": ',
    override: '"override": ',
    reason: '"reason": ',
    expires: '"expires": ',
    from: '"from": '
};
/**
 * Strings as JSON, remembered: a report repeats a few rule ids, types, categories, data keys and
 * values and reasons thousands of times. Bounded: cleared when full.
 */
const quotedTexts = new Map();
const QUOTED_MAX = 4096;
function quoted(text) {
    let json = quotedTexts.get(text);
    if (json === undefined) {
        json = JSON.stringify(text);
        if (quotedTexts.size >= QUOTED_MAX)
            quotedTexts.clear();
        quotedTexts.set(text, json);
    }
    return json;
}
/**
 * writeFinding, remembering the text after the address of the last finding written: in a
 * sorted report most findings share it with the one before (the same rule, type, data record
 * and reason for one address after another), and then only the address is new.
 */
class FindingWriter {
    last;
    tail = '';
    forget() {
        this.last = undefined;
    }
    /** writeFinding: appends the finding's text to `parts`, or returns false. */
    write(finding, parts) {
        if (typeof finding !== 'object' || finding === null)
            return false;
        const f = finding;
        const last = this.last;
        if (last !== undefined && sameTail(last, f) && typeof f.address === 'string') {
            parts.push(headOf(last.ruleId), JSON.stringify(f.address), this.tail);
            return true;
        }
        const mark = parts.length;
        if (!writeFinding(f, parts))
            return false;
        // The head is OPEN, "ruleId": …, NEXT, "address": …: six parts when both are strings.
        const remembered = typeof f.ruleId === 'string' &&
            typeof f.address === 'string' &&
            f.exemption === undefined &&
            f.override === undefined &&
            typeof f.data === 'object' &&
            Object.isFrozen(f.data);
        this.last = remembered ? f : undefined;
        if (remembered)
            this.tail = parts.slice(mark + 6).join('');
        return true;
    }
}
/**
 * Whether `f`'s text after its address is `last`'s: every field but the address the same (a
 * data record frozen, so the same record is the same text), none of the objects a policy adds.
 */
function sameTail(last, f) {
    return (f.ruleId === last.ruleId &&
        f.data === last.data &&
        f.reason === last.reason &&
        f.type === last.type &&
        f.action === last.action &&
        f.order === last.order &&
        f.deposed === last.deposed &&
        f.category === last.category &&
        f.severity === last.severity &&
        f.decision === last.decision &&
        f.messageId === last.messageId &&
        f.source === last.source &&
        f.plan === last.plan &&
        f.exemption === undefined &&
        f.override === undefined);
}
/** A finding's text up to its address, by rule id. */
const heads = new Map();
function headOf(ruleId) {
    let head = heads.get(ruleId);
    if (head === undefined) {
        head = `${OPEN}${KEY.ruleId}${JSON.stringify(ruleId)}${NEXT}${KEY.address}`;
        if (heads.size >= QUOTED_MAX)
            heads.clear();
        heads.set(ruleId, head);
    }
    return head;
}
/** Appends the text of `finding` to `parts`; false (and nothing appended) when it cannot. */
function writeFinding(finding, parts) {
    if (typeof finding !== 'object' || finding === null)
        return false;
    const f = finding;
    const mark = parts.length;
    const w = { parts, sep: OPEN };
    const ok = text$2(w, KEY.ruleId, f.ruleId, true) &&
        text$2(w, KEY.address, f.address, false) &&
        text$2(w, KEY.type, f.type, true) &&
        text$2(w, KEY.action, f.action, true) &&
        text$2(w, KEY.order, f.order, true) &&
        text$2(w, KEY.deposed, f.deposed, false) &&
        text$2(w, KEY.category, f.category, true) &&
        text$2(w, KEY.severity, f.severity, true) &&
        text$2(w, KEY.decision, f.decision, true) &&
        text$2(w, KEY.messageId, f.messageId, true) &&
        data(w, f.data) &&
        text$2(w, KEY.source, f.source, true) &&
        text$2(w, KEY.plan, f.plan, true) &&
        pair(w, KEY.exemption, f.exemption, 'reason', KEY.reason, 'expires', KEY.expires) &&
        pair(w, KEY.override, f.override, 'from', KEY.from, 'reason', KEY.reason) &&
        text$2(w, KEY.reason, f.reason, true);
    if (!ok) {
        parts.length = mark;
        return false;
    }
    // A finding with no field at all is an empty object.
    parts.push(w.sep === OPEN ? '    {}' : CLOSE);
    return true;
}
/** A string field: written when a string, left out when undefined, else not writable. */
function text$2(w, key, value, repeats) {
    if (value === undefined)
        return true;
    if (typeof value !== 'string')
        return false;
    w.parts.push(w.sep, key, repeats ? quoted(value) : JSON.stringify(value));
    w.sep = NEXT;
    return true;
}
/** The data record: its own keys in their order, scalars only. */
function data(w, value) {
    if (value === undefined)
        return true;
    if (!isPlainRecord(value))
        return false;
    const { parts } = w;
    const mark = parts.length;
    parts.push(w.sep, KEY.data);
    let sep = DATA_OPEN;
    for (const key of Object.keys(value)) {
        const item = value[key];
        let json;
        if (typeof item === 'string')
            json = quoted(item);
        else if (typeof item === 'number')
            json = Number.isFinite(item) ? String(item) : 'null';
        else if (typeof item === 'boolean')
            json = item ? 'true' : 'false';
        else if (item === undefined)
            continue;
        else {
            parts.length = mark;
            return false;
        }
        parts.push(sep, quoted(key), ': ', json);
        sep = DATA_NEXT;
    }
    parts.push(sep === DATA_OPEN ? '{}' : DATA_CLOSE);
    w.sep = NEXT;
    return true;
}
/** exemption and override: an object of two optional strings, as orderedFinding copies it. */
function pair(w, key, value, first, firstKey, second, secondKey) {
    if (value === undefined)
        return true;
    if (!isPlainRecord(value))
        return false;
    const a = value[first];
    const b = value[second];
    if ((a !== undefined && typeof a !== 'string') || (b !== undefined && typeof b !== 'string'))
        return false;
    const { parts } = w;
    parts.push(w.sep, key);
    if (a === undefined && b === undefined)
        parts.push('{}');
    else {
        if (a !== undefined)
            parts.push(DATA_OPEN, firstKey, quoted(a));
        if (b !== undefined)
            parts.push(a === undefined ? DATA_OPEN : DATA_NEXT, secondKey, quoted(b));
        parts.push(DATA_CLOSE);
    }
    w.sep = NEXT;
    return true;
}
/**
 * An object JSON.stringify prints as its own enumerable keys: a plain record (not an array, a
 * boxed primitive or anything with a toJSON).
 */
function isPlainRecord(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
        return false;
    return typeof value.toJSON !== 'function';
}
/** Findings per piece of renderJsonChunks: each piece a small part of a large report. */
const FINDINGS_PER_PIECE = 32;
/** A copy of the report holding exactly the declared fields, in declaration order. */
function ordered(report, findings) {
    return {
        schemaVersion: report.schemaVersion,
        tool: { name: report.tool.name, version: report.tool.version },
        decision: report.decision,
        fingerprint: report.fingerprint,
        plans: report.plans.map(orderedPlan),
        counts: {
            actions: orderedCounts(report.counts.actions),
            findings: {
                blocked: report.counts.findings.blocked,
                'approval-required': report.counts.findings['approval-required'],
                warn: report.counts.findings.warn
            }
        },
        blastRadius: {
            awsAccounts: [...report.blastRadius.awsAccounts],
            gcpProjects: [...report.blastRadius.gcpProjects],
            azureSubscriptions: [...report.blastRadius.azureSubscriptions],
            regions: [...report.blastRadius.regions],
            providers: [...report.blastRadius.providers]
        },
        policy: { source: report.policy.source, environment: report.policy.environment },
        findings: findings ?? report.findings.map(orderedFinding),
        approval: report.approval === undefined ? undefined : orderedApproval(report.approval)
    };
}
function orderedApproval(approval) {
    const glass = approval.breakGlass;
    return {
        outcome: approval.outcome,
        status: approval.status,
        description: approval.description,
        required: approval.required,
        approvers: [...approval.approvers],
        changesRequestedBy: [...approval.changesRequestedBy],
        pullRequest: approval.pullRequest,
        headSha: approval.headSha,
        fingerprintSince: approval.fingerprintSince,
        breakGlass: glass === undefined
            ? undefined
            : {
                fingerprint: glass.fingerprint,
                reason: glass.reason,
                by: glass.by,
                commentId: glass.commentId,
                at: glass.at
            }
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
        hasValues: plan.hasValues,
        decision: plan.decision,
        fingerprint: plan.fingerprint,
        counts: {
            actions: orderedCounts(plan.counts.actions),
            findings: {
                blocked: plan.counts.findings.blocked,
                'approval-required': plan.counts.findings['approval-required'],
                warn: plan.counts.findings.warn
            }
        }
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
        // Scalars only (FindingData): printed as they are, without a copy per finding.
        data: finding.data,
        source: finding.source,
        plan: finding.plan,
        exemption: finding.exemption === undefined
            ? undefined
            : { reason: finding.exemption.reason, expires: finding.exemption.expires },
        override: finding.override === undefined
            ? undefined
            : { from: finding.override.from, reason: finding.override.reason },
        reason: finding.reason
    };
}
// Every union is spelled out as a record so the compiler notices a value the schema lacks.
const ACTIONS$1 = {
    create: true,
    read: true,
    update: true,
    'no-op': true,
    delete: true,
    replace: true,
    forget: true,
    'forget-replace': true,
    unknown: true
};
const ACTION_COUNT_KEYS = {
    ...ACTIONS$1,
    move: true,
    import: true,
    drift: true
};
/** Every message id, from the templates (src/rules/messages.ts): one list, one place. */
Object.fromEntries(MESSAGE_IDS.map((id) => [id, true]));
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
closedObject('One evaluated plan: facts about it (never attribute values), its verdict and fingerprint.', {
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
    },
    decision: ref('verdict'),
    fingerprint: {
        description: "This plan's fingerprint.",
        type: 'string',
        pattern: '^sha256:[0-9a-f]{64}$'
    },
    counts: closedObject("This plan's counts.", {
        actions: ref('actionCounts'),
        findings: ref('findingCounts')
    })
}, ['formatVersion', 'toolVersion', 'applyable', 'complete', 'operation']);
closedObject('Number of findings per decision.', {
    blocked: { type: 'integer', minimum: 0 },
    'approval-required': { type: 'integer', minimum: 0 },
    warn: { type: 'integer', minimum: 0 }
});
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
    exemption: closedObject('Set when a policy exemption lowered this finding to a warning.', { reason: { type: 'string' }, expires: { type: 'string' } }, ['expires']),
    override: closedObject('Set when a policy rule changed the decision.', { from: ref('decision'), reason: { type: 'string' } }, ['reason']),
    reason: { description: 'One sentence a person understands.', type: 'string' }
}, ['type', 'action', 'order', 'deposed', 'category', 'plan', 'exemption', 'override']);
const ID_LIST = { type: 'array', items: { type: 'string' } };
const APPROVAL_OUTCOMES = {
    pass: true,
    approved: true,
    pending: true,
    blocked: true,
    error: true
};
const STATUS_STATES = {
    success: true,
    pending: true,
    failure: true,
    error: true
};
const FINGERPRINT = { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' };
const APPROVAL = closedObject('Set by the GitHub Action: how approvals were judged for these plans.', {
    outcome: enumOf('The gate: `pass` means nothing needed approval.', APPROVAL_OUTCOMES),
    status: enumOf('The commit status state posted (or that would have been).', STATUS_STATES),
    description: { description: 'The status description.', type: 'string' },
    required: { description: 'Approvals required.', type: 'integer', minimum: 1 },
    approvers: { description: 'Logins whose approvals counted.', ...ID_LIST },
    changesRequestedBy: { description: 'Logins whose change requests stand.', ...ID_LIST },
    pullRequest: { description: 'The pull request judged.', type: 'integer', minimum: 1 },
    headSha: { description: 'The commit approvals had to be given on.', type: 'string' },
    fingerprintSince: {
        description: 'When the fingerprint was first seen on the PR; earlier approvals do not count.',
        type: 'string'
    },
    breakGlass: closedObject('A break-glass comment that stood in for one approval.', {
        fingerprint: FINGERPRINT,
        reason: { type: 'string' },
        by: { type: 'string' },
        commentId: { type: 'integer', minimum: 1 },
        at: { type: 'string' }
    })
}, ['required', 'pullRequest', 'headSha', 'fingerprintSince', 'breakGlass']);
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
        plans: {
            description: 'Every plan evaluated, in the order given.',
            type: 'array',
            minItems: 1,
            items: ref('planSummary')
        },
        counts: closedObject('Counts of planned changes and of findings.', {
            actions: ref('actionCounts'),
            findings: ref('findingCounts')
        }),
        blastRadius: closedObject('Accounts, projects, subscriptions and regions the plan touches (ids only).', {
            awsAccounts: ID_LIST,
            gcpProjects: ID_LIST,
            azureSubscriptions: ID_LIST,
            regions: ID_LIST,
            providers: ID_LIST
        }),
        policy: closedObject('Which policy was applied.', {
            source: { description: 'The policy file, or `(defaults)`.', type: 'string' },
            environment: { description: 'The selected environment.', type: 'string' }
        }, ['environment']),
        findings: {
            description: 'Most dangerous first: decision, then severity, then address.',
            type: 'array',
            items: ref('finding')
        },
        approval: APPROVAL
    }, ['approval'])});

/** Renders the report as a JUnit XML document. */
function renderJunit(report, locate) {
    const several = report.plans.length > 1;
    const suites = report.plans.map((plan) => {
        const findings = report.findings.filter((f) => !several || f.plan === plan.file);
        const cases = findings.length > 0
            ? findings.map((f) => testCase(f, plan.file, locate))
            : [
                `    <testcase classname="plan-gate" name="${attr(`${plan.file}: no destructive changes need approval`)}" time="0"/>`
            ];
        const failures = findings.filter((f) => f.decision !== 'warn').length;
        return [
            `  <testsuite name="${attr(plan.file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">`,
            ...cases,
            '  </testsuite>'
        ].join('\n');
    });
    const tests = report.plans.reduce((n, plan) => n + Math.max(1, report.findings.filter((f) => !several || f.plan === plan.file).length), 0);
    const failures = report.findings.filter((f) => f.decision !== 'warn').length;
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="plan-gate" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">`,
        ...suites,
        '</testsuites>',
        ''
    ].join('\n');
}
function testCase(finding, file, locate) {
    const where = locate?.(finding);
    const place = where === undefined ? '' : ` file="${attr(where.file)}" line="${where.line}"`;
    const open = `    <testcase classname="plan-gate.${attr(finding.ruleId)}" name="${attr(`[${finding.decision}] ${objectLabel(finding)}`)}" time="0"${place}>`;
    const details = [
        `Rule: ${finding.ruleId}`,
        `Decision: ${finding.decision}`,
        `Severity: ${finding.severity}`,
        `Plan: ${file}`,
        `Address: ${objectLabel(finding)}`,
        ...(finding.action === undefined ? [] : [`Action: ${finding.action}`]),
        ...(where === undefined ? [] : [`Declared at: ${where.file}:${where.line}`]),
        `Reason: ${finding.reason}`
    ]
        .map(xmlSafe)
        .join('\n');
    const body = finding.decision === 'warn'
        ? `      <system-out>${escapeXml(details)}</system-out>`
        : `      <failure type="${finding.decision}" message="${attr(finding.reason)}">${escapeXml(details)}</failure>`;
    return `${open}\n${body}\n    </testcase>`;
}
/** XML 1.0 cannot carry control characters, lone surrogates or U+FFFE/U+FFFF at all. */
function xmlSafe(value) {
    return printable(value).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g, '\uFFFD');
}
function escapeXml(value) {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function attr(value) {
    return escapeXml(xmlSafe(value)).replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Markdown report for pull-request comments and GitHub job summaries. */
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
const TOOL_NAMES = {
    terraform: 'Terraform',
    opentofu: 'OpenTofu',
    unknown: 'unknown tool'
};
const TABLE_HEAD = '| Decision | Resource | Why |\n| --- | --- | --- |';
const WARN_TABLE_HEAD = '| Resource | Why |\n| --- | --- |';
/** Addresses longer than this are shortened in the middle in table cells (full in the details). */
const MARKDOWN_ADDRESS_WIDTH = 44;
/** Rows shown in a findings table before the rest go into a collapsed section. */
const MARKDOWN_VISIBLE_ROWS = 25;
/** Address-list lengths tried, longest first, until the comment fits its size budget. */
const ADDRESS_LIMITS = [Infinity, 200, 50, 10, 0];
/** Renders a report as GitHub-flavoured Markdown that never exceeds `maxLength` characters. */
function renderMarkdown(report, options = {}) {
    const maxLength = Math.max(0, options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH);
    return fit(parts(report, options), maxLength);
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
/**
 * "Needs 2 approving reviews: a second approver besides the usual one", worded for the count
 * the policy requires; `where` goes after the count ("Needs 2 approving reviews on commit …").
 */
function approvalsNeeded(required, where = '') {
    const count = `Needs ${plural(required, 'approving review')}${where}`;
    return required === 2 ? `${count}: a second approver besides the usual one` : count;
}
function parts(report, options) {
    const title = options.title ?? 'plan-gate';
    const approvals = options.approvals ??
        (report.approval?.required === undefined
            ? undefined
            : {
                required: report.approval.required,
                counted: report.approval.approvers.length + (report.approval.breakGlass ? 1 : 0)
            });
    const head = [
        heading(report.decision, title),
        explanation(report, approvals),
        ...summary$2(report),
        `**Blast radius:** ${escapeMarkdown(formatBlastRadius(report.blastRadius))}`
    ];
    return {
        head: head.join('\n\n'),
        rows: groupFindings(report.findings).map(row),
        meta: metadata(report),
        footer: `Fingerprint: ${codeSpan(report.fingerprint, false)}`
    };
}
/** Counts by decision and category, and one line per plan when there are several. */
function summary$2(report) {
    if (report.findings.length === 0)
        return [];
    const lines = [
        `**Findings:** ${formatFindingCounts(report.counts.findings)}. ` +
            `**By category:** ${escapeMarkdown(formatCategoryCounts(report.findings))}.`
    ];
    if (report.plans.length > 1) {
        const per = findingsPerPlan(report);
        const rows = report.plans.map((plan) => {
            const findings = per.get(plan.file) ?? [];
            const categories = findings.length > 0 ? escapeMarkdown(formatCategoryCounts(findings)) : '—';
            return `| ${codeSpan(shortenMiddle(plan.file, MARKDOWN_ADDRESS_WIDTH), true)} | ${HEADINGS[plan.decision].emoji} ${HEADINGS[plan.decision].label} | ${formatFindingCounts(plan.counts.findings)} | ${categories} |`;
        });
        lines.push(['| Plan | Verdict | Findings | By category |', '| --- | --- | --- | --- |', ...rows].join('\n'));
    }
    return lines;
}
function fit(p, maxLength) {
    for (const limit of ADDRESS_LIMITS) {
        const all = assemble(p, p.rows.length, limit, true);
        if (all.length <= maxLength)
            return all;
    }
    let low = 0;
    let high = p.rows.length - 1;
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (assemble(p, mid, 0, true).length <= maxLength)
            low = mid;
        else
            high = mid - 1;
    }
    for (const candidate of [assemble(p, low, 0, true), assemble(p, 0, 0, false)]) {
        if (candidate.length <= maxLength)
            return candidate;
    }
    return cut(`${p.head}\n`, maxLength);
}
function assemble(p, shown, limit, withMeta) {
    const rows = p.rows.slice(0, shown);
    const main = rows.filter((r) => r.decision !== 'warn');
    const warns = rows.filter((r) => r.decision === 'warn');
    const totalWarns = p.rows.filter((r) => r.decision === 'warn');
    const sections = [p.head];
    if (main.length > 0)
        sections.push(...table$1(TABLE_HEAD, main, limit));
    if (warns.length > 0)
        sections.push(warningDetails(warns, totalWarns, limit));
    if (shown < p.rows.length)
        sections.push(omitted(p.rows.slice(shown)));
    if (withMeta)
        sections.push(p.meta);
    sections.push(p.footer);
    return sections.join('\n\n') + '\n';
}
/** A findings table (the first rows visible, the rest collapsed), then the address lists. */
function table$1(head, rows, limit) {
    const visible = rows.slice(0, MARKDOWN_VISIBLE_ROWS);
    const rest = rows.slice(MARKDOWN_VISIBLE_ROWS);
    const sections = [[head, ...visible.map((r) => r.text)].join('\n')];
    if (rest.length > 0) {
        const count = rest.reduce((n, r) => n + r.findings, 0);
        sections.push(`<details>\n<summary>${plural(rest.length, 'more row')} (${plural(count, 'finding')})</summary>\n\n${[head, ...rest.map((r) => r.text)].join('\n')}\n\n</details>`);
    }
    // Every address list in one collapsed section, so a table of grouped rows stays short.
    const listed = rows.filter((r) => r.details(0) !== '');
    if (listed.length > 0) {
        const count = listed.reduce((n, r) => n + r.findings, 0);
        const lists = listed.map((r) => r.details(limit)).join('\n\n');
        sections.push(`<details>\n<summary>Addresses (${plural(count, 'finding')}, in full)</summary>\n\n${lists}\n\n</details>`);
    }
    return sections;
}
function cut(text, maxLength) {
    const slice = text.slice(0, maxLength);
    return /[\uD800-\uDBFF]$/.test(slice) ? slice.slice(0, -1) : slice;
}
function heading(decision, title) {
    const { emoji, label } = HEADINGS[decision];
    return `## ${emoji} ${escapeMarkdown(title)}: ${label}`;
}
function explanation(report, approvals) {
    const { blocked, warn } = report.counts.findings;
    const approval = report.counts.findings['approval-required'];
    switch (report.decision) {
        case 'blocked':
            return (`This plan is blocked: ${plural(blocked, 'finding', 'findings')} cannot be approved; ` +
                'change the configuration or the plan and run it again.' +
                (approval > 0
                    ? ` ${plural(approval, 'more finding needs', 'more findings need')} a second approver.`
                    : ''));
        case 'approval-required': {
            const needed = approvals === undefined
                ? 'Needs a second approver besides the usual one before apply'
                : approvalsNeeded(approvals.required, ' before apply');
            const sofar = approvals?.counted === undefined
                ? ''
                : ` So far: ${Math.min(approvals.counted, approvals.required)} of ${approvals.required}.`;
            return `${needed}. ${plural(approval, 'finding needs', 'findings need')} approval.${sofar}`;
        }
        case 'pass':
            return ('No destructive changes need approval.' +
                (warn > 0 ? ` ${plural(warn, 'warning is', 'warnings are')} listed for information.` : ''));
    }
}
function row(group) {
    const first = group.findings[0];
    const n = group.findings.length;
    const typeName = group.type ?? first.ruleId;
    const shortened = n === 1 && [...first.address].length > MARKDOWN_ADDRESS_WIDTH;
    const resource = n === 1
        ? resourceCell(first)
        : `**${n}** × ${codeSpan(shortenMiddle(typeName, MARKDOWN_ADDRESS_WIDTH), true)}`;
    const cells = [resource, escapeMarkdown(group.reason)];
    const text = group.decision === 'warn'
        ? `| ${cells.join(' | ')} |`
        : `| ${DECISION_CELLS[group.decision]} | ${cells.join(' | ')} |`;
    const details = (limit) => {
        if (n === 1 && !shortened)
            return '';
        const label = n === 1 ? 'Full address' : `${n} × ${codeSpan(typeName, false)}`;
        const about = escapeMarkdown(shortenMiddle(group.reason, 80));
        const listed = group.findings.slice(0, limit);
        const items = listed.map((f) => `- ${fullLabel(f)}`);
        const more = n - listed.length;
        if (more > 0)
            items.push(`- … and ${more} more (every one is in the JSON report)`);
        return `**${label}** — ${about}\n\n${items.join('\n')}`;
    };
    return { decision: group.decision, findings: n, text, details };
}
function resourceCell(finding) {
    const label = finding.plan === undefined ? '' : `${escapeMarkdown(shortenMiddle(finding.plan, 24))}: `;
    const deposed = finding.deposed === undefined ? '' : ` (deposed ${codeSpan(finding.deposed, true)})`;
    return `${label}${codeSpan(shortenAddress(finding.address, MARKDOWN_ADDRESS_WIDTH), true)}${deposed}`;
}
/** The full label of one finding, for address lists. */
function fullLabel(finding) {
    const label = finding.plan === undefined ? '' : `${escapeMarkdown(finding.plan)}: `;
    const deposed = finding.deposed === undefined ? '' : ` (deposed object ${codeSpan(finding.deposed, false)})`;
    return `${label}${codeSpan(finding.address, false)}${deposed}`;
}
function warningDetails(rows, all, limit) {
    const total = all.reduce((n, r) => n + r.findings, 0);
    const count = rows.reduce((n, r) => n + r.findings, 0);
    const shown = count < total ? ` (${count} shown)` : '';
    const summaryText = `${plural(total, 'warning')}${shown}: no approval needed`;
    return `<details>\n<summary>${summaryText}</summary>\n\n${table$1(WARN_TABLE_HEAD, rows, limit).join('\n\n')}\n\n</details>`;
}
function omitted(rows) {
    const count = (decision) => rows.filter((r) => r.decision === decision).reduce((n, r) => n + r.findings, 0);
    const total = rows.reduce((n, r) => n + r.findings, 0);
    const parts = [
        count('blocked') > 0 ? `${count('blocked')} blocked` : '',
        count('approval-required') > 0 ? `${count('approval-required')} needing approval` : '',
        count('warn') > 0 ? plural(count('warn'), 'warning') : ''
    ];
    return (`**${plural(total, 'more finding', 'more findings')} not shown** ` +
        `(${parts.filter((part) => part !== '').join(', ')}) to stay within the size limit. ` +
        'The full report is in the job summary and the JSON report.');
}
function metadata(report) {
    const findings = report.counts.findings;
    const items = [
        ...(report.plans.length === 1 && report.plans[0] !== undefined
            ? planItems(report.plans[0])
            : report.plans.map((plan) => `${codeSpan(plan.file, false)}: ${planLine(plan)}`)),
        `Changes: ${formatActionCounts(report.counts.actions)}`,
        `Findings: ${findings.blocked} blocked, ${findings['approval-required']} needing approval, ` +
            plural(findings.warn, 'warning'),
        `Policy: ${codeSpan(report.policy.source, false)}` +
            (report.policy.environment === undefined
                ? ''
                : `, environment ${codeSpan(report.policy.environment, false)}`),
        `Checked by: ${escapeMarkdown(joined(report.tool.name, report.tool.version))}`
    ];
    const list = items.filter((item) => item !== '').map((item) => `- ${item}`);
    const summary = report.plans.length === 1 ? 'Plan details' : `${report.plans.length} plans`;
    return `<details>\n<summary>${summary}</summary>\n\n${list.join('\n')}\n\n</details>`;
}
function planItems(plan) {
    return [
        `Plan file: ${codeSpan(plan.file, false)}`,
        `Format: ${escapeMarkdown(joined(plan.format, plan.formatVersion))}`,
        `Produced by: ${escapeMarkdown(joined(TOOL_NAMES[plan.tool], plan.toolVersion))}`,
        plan.operation === undefined ? '' : `Operation: ${escapeMarkdown(plan.operation)}`,
        `Errored: ${yesNo(plan.errored)}`,
        plan.applyable === undefined ? '' : `Applyable: ${yesNo(plan.applyable)}`,
        plan.complete === undefined ? '' : `Complete: ${yesNo(plan.complete)}`,
        `Attribute values: ${plan.hasValues ? 'available' : 'not available (addresses and actions only)'}`
    ];
}
/** One line per plan when there are several: verdict, changes, fingerprint. */
function planLine(plan) {
    const verdict = { pass: 'pass', 'approval-required': 'approval required', blocked: 'blocked' }[plan.decision];
    return `${verdict}; ${formatActionCounts(plan.counts.actions)}; ${escapeMarkdown(joined(plan.format, plan.formatVersion))}; fingerprint ${codeSpan(plan.fingerprint, false)}`;
}
function joined(name, version) {
    return version === undefined ? name : `${name} ${version}`;
}
function yesNo(value) {
    return value ? 'yes' : 'no';
}

// Generated by `npm run build:wasm` from sha256.c: do not edit.
/** SHA-256 of the sha256.c these bytes were compiled from. */
/** The WebAssembly module, base64. */
const WASM_BASE64$1 = 'AGFzbQEAAAABDANgAAF/YAAAYAF/AAMGBQABAgIBBQMBAAMGFQN/AUHAiwgLfwBB4AoLfwBBoIsECwdZBwZtZW1vcnkCAA5p' +
    'bnB1dF9jYXBhY2l0eQAAC3NoYTI1Nl9pbml0AAENc2hhMjU2X3VwZGF0ZQACBWlucHV0AwEMc2hhMjU2X2ZpbmFsAAQGZGln' +
    'ZXN0AwIK5A8FBgBBgIAEC5ABAEEAQYXdntt7NgKQioCAAEEAQefMp9AGNgKAioCAAEEAQfLmu+MDNgKYioCAAEEAQbrqv6p6' +
    'NgKgioCAAEEAQf+kuYgFNgKwioCAAEEAQYzRldh5NgLAioCAAEEAQauzj/wBNgLIioCAAEEAQZmag98FNgLQioCAAEEAQgA3' +
    'A9iKgIAAQQBBADYC1IqAgAALkQMBCX9BAEEAKQPYioCAACAAQYCABCAAQYCABEkbIgGtfDcD2IqAgAACQCABRQ0AQQAoAtSK' +
    'gIAAIQJB4IqAgAAhAwNAAkACQCACDQAgAUHAAEkNACABQUBqIQEgAxCDgICAACADQcAAaiEDQQAhAgwBCwJAQcAAIAJrIgAg' +
    'ASAAIAFJGyIERQ0AIARBA3EhBUEAIQACQCAEQX9qQQNJDQAgAkHgioSAAGohBiAEQXxxIQdBACEAA0AgBiAAaiIIIAMgAGoi' +
    'CS0AADoAACAIQQFqIAlBAWotAAA6AAAgCEECaiAJQQJqLQAAOgAAIAhBA2ogCUEDai0AADoAACAHIABBBGoiAEcNAAsLIAVF' +
    'DQAgAyAAaiEIIAIgAGpB4IqEgABqIQADQCAAIAgtAAA6AAAgCEEBaiEIIABBAWohACAFQX9qIgUNAAsLQQAgBCACaiICNgLU' +
    'ioCAACABIARrIQEgAyAEaiEDIAJBwABHDQBB4IqEgAAQg4CAgABBACECQQBBADYC1IqAgAALIAENAAsLC9kEARR/I4CAgIAA' +
    'QYACayIBJICAgIAAQQAhAgNAIAEgAmogACACaigAACIDQRh0IANBCHRBgID8B3FyIANBCHZBgP4DcSADQRh2cnI2AgAgAkEE' +
    'aiICQcAARw0AC0EAIQAgASgCACIEIQUDQCABIABqIgJBwABqIAJBBGooAgAiA0EZdyADQQ53cyADQQN2cyAFaiACQSRqKAIA' +
    'aiACQThqKAIAIgJBD3cgAkENd3MgAkEKdnNqNgIAIAMhBSAAQQRqIgBBwAFHDQALIAFBBHIhBkEAIQBBACgC0IqAgAAiByEI' +
    'QQAoAsiKgIAAIgkhCkEAKALAioCAACILIQxBACgCsIqAgAAiDSECQQAoAqCKgIAAIg4hD0EAKAKYioCAACIQIQVBACgCkIqA' +
    'gAAiESESQQAoAoCKgIAAIhMhAwJAA0AgBSAScyADcSAFIBJxcyADQR53IANBE3dzIANBCndzaiACQRp3IAJBFXdzIAJBB3dz' +
    'IAwgAnFqIAhqIAogAkF/c3FqIABBgIiAgABqKAIAaiAEaiIEaiEUIAQgD2ohDyAAQfwBRg0BIAYgAGooAgAhBCAAQQRqIQAg' +
    'CiEIIAwhCiACIQwgDyECIAUhDyASIQUgAyESIBQhAwwACwtBACADIBFqNgKQioCAAEEAIBQgE2o2AoCKgIAAQQAgEiAQajYC' +
    'mIqAgABBACAFIA5qNgKgioCAAEEAIA8gDWo2ArCKgIAAQQAgAiALajYCwIqAgABBACAMIAlqNgLIioCAAEEAIAogB2o2AtCK' +
    'gIAAIAFBgAJqJICAgIAAC9oGAwF/AX4Cf0EAKALUioCAACIAQeCKhIAAakGAAToAAEEAKQPYioCAAEIDhiEBAkACQAJAIABB' +
    'AWoiAkE5SQ0AAkAgAkE/Sw0AAkBBByAAa0EHcSIDRQ0AA0AgAkHgioSAAGpBADoAACACQQFqIQIgA0F/aiIDDQALCyAAQUhq' +
    'QQdJDQBBwAAhAEHgioSAACEDA0AgAyACakIANwAAIANBCGohAyACIABBeGoiAEcNAAsLQeCKhIAAEIOAgIAAQQAhAgwBCyAC' +
    'QThGDQELIAIhAwJAQQAgAmtBB3EiAEUNACACIQMDQCADQeCKhIAAakEAOgAAIANBAWohAyAAQX9qIgANAAsLIAJBT2pBB0kN' +
    'AEE4IQJB4IqEgAAhAANAIAAgA2pCADcAACAAQQhqIQAgAyACQXhqIgJHDQALC0EAIAFCOIYgAUIohkKAgICAgIDA/wCDhCAB' +
    'QhiGQoCAgICA4D+DIAFCCIZCgICAgPAfg4SEIAFCCIhCgICA+A+DIAFCGIhCgID8B4OEIAFCKIhCgP4DgyABQjiIhISENwOY' +
    'i4SAAEHgioSAABCDgICAAEEAQQAoAoCKgIAAIgNBGHQgA0EIdEGAgPwHcXIgA0EIdkGA/gNxIANBGHZycjYCoIuEgABBAEEA' +
    'KAKQioCAACIDQRh0IANBCHRBgID8B3FyIANBCHZBgP4DcSADQRh2cnI2AqSLhIAAQQBBACgCmIqAgAAiA0EYdCADQQh0QYCA' +
    '/AdxciADQQh2QYD+A3EgA0EYdnJyNgKoi4SAAEEAQQAoAqCKgIAAIgNBGHQgA0EIdEGAgPwHcXIgA0EIdkGA/gNxIANBGHZy' +
    'cjYCrIuEgABBAEEAKAKwioCAACIDQRh0IANBCHRBgID8B3FyIANBCHZBgP4DcSADQRh2cnI2ArCLhIAAQQBBACgCwIqAgAAi' +
    'A0EYdCADQQh0QYCA/AdxciADQQh2QYD+A3EgA0EYdnJyNgK0i4SAAEEAQQAoAsiKgIAAIgNBGHQgA0EIdEGAgPwHcXIgA0EI' +
    'dkGA/gNxIANBGHZycjYCuIuEgABBAEEAKALQioCAACIDQRh0IANBCHRBgID8B3FyIANBCHZBgP4DcSADQRh2cnI2AryLhIAA' +
    'QQBBADYC1IqAgAALC4gCAQBBgAgLgAKYL4pCkUQ3cc/7wLWl27XpW8JWOfER8Vmkgj+S1V4cq5iqB9gBW4MSvoUxJMN9DFV0' +
    'Xb5y/rHegKcG3Jt08ZvBwWmb5IZHvu/GncEPzKEMJG8s6S2qhHRK3KmwXNqI+XZSUT6YbcYxqMgnA7DHf1m/8wvgxkeRp9VR' +
    'Y8oGZykpFIUKtyc4IRsu/G0sTRMNOFNUcwpluwpqdi7JwoGFLHKSoei/oktmGqhwi0vCo1FsxxnoktEkBpnWhTUO9HCgahAW' +
    'waQZCGw3Hkx3SCe1vLA0swwcOUqq2E5Pypxb828uaO6Cj3RvY6V4FHjIhAgCx4z6/76Q62xQpPej+b7yeHHGAGwEbmFtZQFF' +
    'BQAOaW5wdXRfY2FwYWNpdHkBC3NoYTI1Nl9pbml0Ag1zaGEyNTZfdXBkYXRlAwhjb21wcmVzcwQMc2hhMjU2X2ZpbmFsBxIB' +
    'AA9fX3N0YWNrX3BvaW50ZXIJCgEABy5yb2RhdGEALQlwcm9kdWNlcnMBDHByb2Nlc3NlZC1ieQEMRGViaWFuIGNsYW5nBjE0' +
    'LjAuNg==';

/**
 * SHA-256 of UTF-8 text, in hex, for fingerprints and SARIF: the same digest wherever it runs.
 *
 * Loading `node:crypto` (OpenSSL and the modules it pulls in) costs about 10 ms of start-up on
 * Node 24, far more than hashing what a small plan needs. So the first hashes of a run go
 * through a 2.6 KB WebAssembly SHA-256 (src/common/sha256.c, compiled in well under a
 * millisecond); once a run has hashed more than `WASM_BUDGET` bytes, or a text too long for its
 * buffer, it loads `node:crypto`, which is faster on volume, and uses it from then on. Where
 * WebAssembly cannot run (`--jitless`) node:crypto does it all. Both hash the text's UTF-8
 * bytes, lone surrogates as U+FFFD as Node encodes them; test/common/sha256.test.ts checks the
 * two against each other and against the FIPS 180-4 vectors.
 */
/** Bytes (about) a run hashes in WebAssembly before it loads node:crypto. */
const WASM_BUDGET = 64 * 1024;
/** What one call counts against the budget besides its text: the call's own cost. */
const CALL_COST = 64;
let budget = WASM_BUDGET;
let nodeCrypto;
/** Undefined until first used; null where WebAssembly cannot run. */
let wasm;
const encoder$1 = new TextEncoder();
function loadWasm() {
    try {
        const module = new WebAssembly.Module(Buffer.from(WASM_BASE64$1, 'base64'));
        const x = new WebAssembly.Instance(module, {}).exports;
        const memory = x.memory.buffer;
        return {
            x,
            input: new Uint8Array(memory, x.input.value, x.input_capacity()),
            digest: Buffer.from(memory, x.digest.value, 32)
        };
    }
    catch {
        // --jitless, or no WebAssembly at all: node:crypto does the hashing.
        return null;
    }
}
/**
 * The WebAssembly hash when this run has not yet hashed enough to pay for node:crypto and the
 * `length` UTF-16 units about to be hashed fit its buffer in any encoding; else undefined.
 */
function wasmFor(length, longest) {
    if (nodeCrypto !== undefined)
        return undefined;
    budget -= length + CALL_COST;
    if (budget < 0)
        return undefined;
    if (wasm === undefined)
        wasm = loadWasm();
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 bytes for 2 units).
    if (wasm === null || longest * 3 > wasm.input.length)
        return undefined;
    return wasm;
}
function crypto() {
    // `require`: an ESM import of node:crypto would also load WebCrypto through its facade.
    nodeCrypto ??= createRequire(import.meta.url)('node:crypto');
    return nodeCrypto;
}
/** Hashes `text` into the WebAssembly state (one buffer's worth, as `wasmFor` checked). */
function update(hash, text) {
    const { written } = encoder$1.encodeInto(text, hash.input);
    hash.x.sha256_update(written);
}
/** The SHA-256 of `text`'s UTF-8 bytes, in lower-case hex (64 digits). */
function sha256Hex(text) {
    const hash = wasmFor(text.length, text.length);
    if (hash !== undefined) {
        hash.x.sha256_init();
        update(hash, text);
        hash.x.sha256_final();
        return hash.digest.toString('hex');
    }
    const node = crypto();
    // The one-shot `hash` (Node 20.12+) gives the same digest without a Hash object per call.
    return typeof node.hash === 'function'
        ? node.hash('sha256', text, 'hex')
        : node.createHash('sha256').update(text).digest('hex');
}
/**
 * The SHA-256 of `header` and each of `lines`, each followed by a newline (UTF-8, each encoded
 * on its own, as separate `update` calls would), in lower-case hex.
 */
function sha256HexOfLines(header, lines) {
    let length = header.length + 1;
    let longest = length;
    for (const line of lines) {
        length += line.length + 1;
        if (line.length + 1 > longest)
            longest = line.length + 1;
    }
    const hash = wasmFor(length, longest);
    if (hash !== undefined) {
        hash.x.sha256_init();
        update(hash, `${header}\n`);
        for (const line of lines)
            update(hash, `${line}\n`);
        hash.x.sha256_final();
        return hash.digest.toString('hex');
    }
    const node = crypto().createHash('sha256');
    node.update(`${header}\n`);
    // The lines given to the hash in pieces of many: the same bytes as one update per line (each
    // ends in a newline, so no character spans two), at a fraction of the calls.
    let piece = '';
    for (let i = 0; i < lines.length; i++) {
        piece += `${lines[i]}\n`;
        if (piece.length >= HASH_PIECE) {
            node.update(piece);
            piece = '';
        }
    }
    if (piece !== '')
        node.update(piece);
    return node.digest('hex');
}
const HASH_PIECE = 1 << 16;

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
/** The base every relative URI is resolved against: the repository's checkout. */
const SRCROOT = '%SRCROOT%';
/**
 * Renders the report as a SARIF 2.1.0 log with one run; `rules` looks up rule metadata. Each
 * result points at the `.tf` block when `options.locate` finds it, else at the plan file (or
 * `stdin`) line 1, so every result has a physical location as code scanning requires.
 */
function renderSarif(report, rules, options = {}) {
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
                originalUriBaseIds: {
                    [SRCROOT]: { description: { text: 'The root of the repository checkout' } }
                },
                results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId) ?? 0, options.locate?.(finding) ??
                    fallback(finding.plan ?? report.plans[0]?.file ?? '-', options.planPath)))
            }
        ]
    };
    return JSON.stringify(log, null, 2) + '\n';
}
/** `sha256` hex of rule id, address and plan label: stable across runs for the same object. */
function sarifFingerprint(finding) {
    const key = [finding.ruleId, finding.address, finding.plan ?? ''].join('\u0000');
    return sha256Hex(key);
}
/**
 * The `primaryLocationLineHash` GitHub matches alerts by (with the file and rule): built from
 * the object's identity rather than the line's text, so editing the block, or moving it within
 * the file, keeps the alert, and two instances of one block stay two alerts.
 */
function primaryLocationLineHash(finding) {
    return `${sarifFingerprint(finding).slice(0, 16)}:1`;
}
/** The plan file (or `stdin`) at line 1, for a result whose block was not found. */
function fallback(file, planPath) {
    let path = file === '-' || file === '' ? 'stdin' : (planPath?.(file) ?? file);
    path = path.replace(/\\/g, '/');
    // An absolute path names the runner's disk, not the repository: keep only the file name.
    if (/^(?:[A-Za-z]:)?\//.test(path))
        path = path.slice(path.lastIndexOf('/') + 1);
    return { file: path, line: 1, column: 1, endLine: 1, kind: 'resource' };
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
        help: help(meta.title, meta.description, meta.remediation, meta.helpUri),
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
        fullDescription: { text: `Findings of rule ${finding.ruleId} (${finding.messageId}).` },
        help: help(`${finding.ruleId} (${finding.messageId})`, finding.reason, `Run \`plan-gate explain ${finding.ruleId}\` for what this rule checks and what to do.`),
        defaultConfiguration: { level: LEVELS[finding.decision] },
        properties: ruleProperties(finding, finding.severity)
    };
}
/** `help` as code scanning shows it: text is required there, Markdown is preferred. */
function help(title, why, what, uri) {
    const more = uri === undefined ? '' : `\n\nMore: ${uri}`;
    const link = uri === undefined ? '' : `\n\n[Rule documentation](${uri})`;
    return {
        text: `${title}\n\nWhy: ${why}\n\nWhat to do: ${what}${more}`,
        markdown: `**${title}**\n\n**Why:** ${why}\n\n**What to do:** ${what}${link}`
    };
}
function ruleProperties(finding, severity) {
    const tags = ['security', 'terraform', 'destructive-change'];
    if (finding.category !== undefined)
        tags.push(finding.category);
    return { tags, precision: 'very-high', 'security-severity': SECURITY_SEVERITY[severity] };
}
function result(finding, ruleIndex, where) {
    return {
        ruleId: finding.ruleId,
        ruleIndex,
        level: LEVELS[finding.decision],
        message: { text: finding.reason },
        locations: [location(finding, where)],
        partialFingerprints: {
            primaryLocationLineHash: primaryLocationLineHash(finding),
            'planGate/v1': sarifFingerprint(finding)
        },
        properties: {
            decision: finding.decision,
            action: finding.action,
            type: finding.type,
            ...(where.kind === 'module-call' ? { locatedAt: 'module-call' } : {})
        }
    };
}
function location(finding, where) {
    return {
        physicalLocation: {
            artifactLocation: { uri: fileUri(where.file), uriBaseId: SRCROOT },
            region: { startLine: where.line, startColumn: where.column, endLine: where.endLine }
        },
        logicalLocations: [{ fullyQualifiedName: finding.address, kind: 'resource' }]
    };
}
/** A relative URI reference for a file path: forward slashes, each segment percent-encoded. */
function fileUri(file) {
    return file.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** Every report format, in the order help texts list them. */
const REPORT_FORMATS = [
    'text',
    'markdown',
    'json',
    'sarif',
    'junit',
    'github'
];
/** Renders `report` in `format`; a pure function of its arguments. */
function render(format, report, deps) {
    switch (format) {
        case 'text':
            return renderText(report, {
                color: deps.color,
                ...(deps.verbose === undefined ? {} : { verbose: deps.verbose }),
                ...(deps.width === undefined ? {} : { width: deps.width })
            });
        case 'markdown':
            return renderMarkdown(report);
        case 'json':
            return renderJson(report);
        case 'sarif':
            return renderSarif(report, deps.rules, {
                ...(deps.locate === undefined ? {} : { locate: deps.locate }),
                ...(deps.planPath === undefined ? {} : { planPath: deps.planPath })
            });
        case 'junit':
            return renderJunit(report, deps.locate);
        case 'github':
            return renderGithub(report, deps.locate);
    }
}
/**
 * The report in pieces to write one after the other: the JSON report one finding at a time (see
 * renderJsonChunks), the others whole.
 */
function renderChunks(format, report, deps) {
    return format === 'json' ? renderJsonChunks(report) : [render(format, report, deps)];
}

/** The state backend of a plan's Terraform directory, read from disk. */
/** Backends from `terraformDir`, or from the plan's directory when it holds .tf files. */
async function loadStateBackends(file, terraformDir, cwd) {
    let dir = terraformDir === undefined ? undefined : resolve(cwd, terraformDir);
    if (dir === undefined) {
        if (file === '-')
            return [];
        const planDir = dirname(resolve(cwd, file));
        const hasTf = existsSync(planDir) && readdirSync(planDir).some((f) => /\.tf(\.json)?$/.test(f));
        if (!hasTf)
            return [];
        dir = planDir;
    }
    else if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new UserError(`--terraform-dir ${terraformDir}: no such directory`);
    }
    return (await loadBackends(dir, NODE_FS)).backends;
}
/**
 * node:fs/promises, loaded on first use: only a plan next to .tf files (or --terraform-dir) reads
 * backends, and the module (with what it loads) costs start-up time.
 */
const fsPromises = () => import('node:fs/promises');
/** The file system as the backend loader sees it. */
const NODE_FS = {
    readdir: async (dir) => (await (await fsPromises()).readdir(dir, { withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => e.name),
    readFile: async (path) => {
        try {
            return await (await fsPromises()).readFile(path, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            throw error;
        }
    }
};

/**
 * Plan discovery: the inputs a user names (files, directories, quoted globs, `-`) → the plan
 * files to read, in a stable order, and what was passed over by name. Nothing is skipped for
 * failing to parse: every file that is found and not excluded by name must be a plan, or the
 * run exits 2 naming it, so skipping never turns a corrupt plan into a pass.
 */
/** An input that names nothing to read: exit 2 with this message. */
class DiscoveryError extends UserError {
}
/** Never entered: Terraform's working data (providers, modules, state), VCS and packages. */
const NEVER_ENTER = new Set(['.terraform', '.git', 'node_modules']);
/** Files that are, by name, not plans, with what they are. Checked against the base name. */
const NOT_PLANS = [
    ['*.tfvars.json', 'variable values'],
    ['*.tf.json', 'Terraform configuration'],
    ['.terraform.lock.hcl', 'the provider lock file'],
    ['*.tfstate', 'Terraform state'],
    ['*.tfstate.backup', 'Terraform state'],
    ['package*.json', 'an npm manifest'],
    ['.plan-gate.{yml,yaml,json}', 'the plan-gate policy']
];
/** Names a directory's plan files have; other files in a directory are not candidates. */
const PLAN_NAMES = ['*.{json,jsonl,tfplan,plan,log}', 'tfplan'];
const GLOB_CHARS = /[*?[{]/;
/** How deep a glob walks below its fixed prefix. */
const MAX_DEPTH$2 = 12;
const nodeDiscoverFs = {
    kind(path) {
        try {
            const stat = statSync(path);
            return stat.isDirectory() ? 'dir' : stat.isFile() || stat.isFIFO() ? 'file' : undefined;
        }
        catch {
            return undefined;
        }
    },
    list(path) {
        try {
            return readdirSync(path, { withFileTypes: true }).map((e) => ({
                name: e.name,
                dir: e.isDirectory()
            }));
        }
        catch {
            return undefined;
        }
    }
};
/** Why a file is, by its name, not a plan; undefined when it may be one. */
function notAPlan$1(name) {
    return NOT_PLANS.find(([glob]) => compileGlob(glob)(name))?.[1];
}
/**
 * Files are taken as given; a directory gives its plan files (not recursive); a glob is matched
 * against paths relative to `cwd` (`*` stays within one directory, `**` crosses them).
 */
function discoverPlans(inputs, cwd, fs = nodeDiscoverFs) {
    const files = [];
    const skipped = [];
    const take = (path, name) => {
        const why = notAPlan$1(name);
        if (why === undefined)
            files.push(path);
        else
            skipped.push({ path, why });
    };
    for (const input of inputs) {
        if (input === '-') {
            files.push(input);
        }
        else if (GLOB_CHARS.test(input) && fs.kind(resolve(cwd, input)) === undefined) {
            const [kept, passed] = [files.length, skipped.length];
            for (const path of globFiles(input, cwd, fs))
                take(path, basename(path));
            if (files.length === kept) {
                const names = skipped.slice(passed).map((s) => s.path);
                const also = names.length > 0 ? ` (skipped, not plans by name: ${names.join(', ')})` : '';
                throw new DiscoveryError(`${input}: no plan file matches${also}`);
            }
        }
        else if (fs.kind(resolve(cwd, input)) === 'dir') {
            const entries = fs.list(resolve(cwd, input));
            if (entries === undefined)
                throw new DiscoveryError(`${input}: cannot read the directory`);
            const plans = entries
                .filter((e) => !e.dir && PLAN_NAMES.some((glob) => compileGlob(glob)(e.name)))
                .map((e) => e.name)
                .sort();
            const before = files.length;
            for (const name of plans)
                take(join(input, name), name);
            if (files.length === before)
                throw new DiscoveryError(`${input}: the directory holds no plan files (*.json, *.jsonl, *.tfplan, tfplan)`);
        }
        else {
            // A file named directly is read as a plan, whatever its name: the user asked for it.
            files.push(input);
        }
    }
    return { files: [...new Set(files)], skipped };
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** Walks from the glob's fixed directory prefix, never into NEVER_ENTER, and matches paths. */
function globFiles(pattern, cwd, fs) {
    const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
    const fixed = normalized.slice(0, normalized.search(GLOB_CHARS));
    const root = fixed.includes('/') ? fixed.slice(0, fixed.lastIndexOf('/')) : '';
    const matches = compileGlob(normalized);
    const found = [];
    const walk = (dir, depth) => {
        if (depth > MAX_DEPTH$2)
            return;
        for (const entry of fs.list(resolve(cwd, dir === '' ? '.' : dir)) ?? []) {
            const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
            if (entry.dir) {
                if (!NEVER_ENTER.has(entry.name))
                    walk(path, depth + 1);
            }
            else if (matches(path)) {
                found.push(path);
            }
        }
    };
    walk(root, 0);
    return found.sort();
}

/** Progress of reading a large plan, as text. Pure: the CLI decides when and where to print. */
const MB = 1024 * 1024;
function mb(bytes) {
    return bytes >= 100 * MB ? (bytes / MB).toFixed(0) : (bytes / MB).toFixed(1);
}
/** A one-line bar for a terminal: `plan.json [######    ] 60% 360/600 MB`. */
function progressBar(label, read, total, width = 24) {
    const share = total > 0 ? Math.min(1, read / total) : 1;
    const filled = Math.round(share * width);
    const percent = Math.floor(share * 100);
    return `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}% ${mb(read)}/${mb(total)} MB`;
}
/** A plain line for logs (no carriage returns): `plan-gate: plan.json 60% (360/600 MB)`. */
function progressLine(label, read, total) {
    const percent = total > 0 ? Math.floor(Math.min(1, read / total) * 100) : 100;
    return `plan-gate: ${label} ${percent}% (${mb(read)}/${mb(total)} MB)`;
}

/**
 * The environment a child process (`terraform show`, `tofu show` and the provider plugins they
 * start) may see: PATH, HOME, every TF_* variable and the names a user lists, nothing else. The
 * Action's token (INPUT_GITHUB-TOKEN), ACTIONS_* runtime and OIDC request tokens and GITHUB_TOKEN
 * never reach a provider the change under review may have brought. Pure.
 */
/** Always passed on: what a program needs to run at all. */
const BASE = ['PATH', 'HOME'];
/** Never passed on, even when listed: the runner's and the Action's own credentials. */
const NEVER = /^(INPUT_|ACTIONS_|GITHUB_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_)/;
/** A listed name that may not be passed on. */
class ChildEnvError extends Error {
    name = 'ChildEnvError';
}
/** The minimal environment for a child process: PATH, HOME, TF_* and `extra` names. */
function childEnv(env, extra = []) {
    for (const name of extra) {
        if (NEVER.test(name))
            throw new ChildEnvError(`${name} cannot be passed to terraform: the runner's and plan-gate's own tokens never reach a provider`);
    }
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined)
            continue;
        if (BASE.includes(name) || name.startsWith('TF_') || extra.includes(name))
            out[name] = value;
    }
    return out;
}

/** Errors that mean "this input cannot be evaluated" (exit 2), as opposed to a gate verdict. */
/** The input is not a plan plan-gate can read. The message is one line and names no value. */
class PlanInputError extends UserError {
    name = 'PlanInputError';
}

/**
 * The one line worth showing from a failed `terraform` / `tofu` run. Their diagnostics come in
 * boxes (`╷`, `│ Error: …`, `╵`), often coloured: the first line of stderr is the box's top
 * corner, which says nothing. Pure: text in, text out.
 */
/** Drops ANSI escape sequences and control characters (but newlines). */
function stripControl(text) {
    /* eslint-disable no-control-regex -- matching control characters is the point */
    return text
        .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
    /* eslint-enable no-control-regex */
}
/** Box-drawing frame of Terraform's diagnostics, and ASCII stand-ins some terminals get. */
const FRAME = /^[\s╷╵│┃|]+/u;
/**
 * The first meaningful line of a tool's stderr: its first `Error: …` line when there is one
 * (warnings come first when both are printed), else its first line with any text, without the
 * diagnostic frame; at most `max` characters. Empty when there is nothing.
 */
function firstErrorLine(stderr, max = 200) {
    const lines = stripControl(stderr)
        .split('\n')
        .map((line) => line.replace(FRAME, '').trim())
        .filter((line) => line !== '' && !/^[─-╿]+$/u.test(line));
    const line = lines.find((l) => /^Error\b/.test(l)) ?? lines[0] ?? '';
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Binary plans: read through `terraform show -json` (or tofu), its output streamed. */
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
/**
 * Runs `<bin> show -json <path>` in `cwd` (where the configuration is initialised; the agent
 * hook passes the plan's directory) and streams its output into `push`. `terraformBin`
 * overrides the program (default: terraform, then tofu on PATH).
 */
async function showBinaryPlan(path, terraformBin, env, push, passEnv = [], cwd) {
    const bin = terraformBin ?? which('terraform', env) ?? which('tofu', env);
    if (bin === undefined) {
        throw new PlanInputError('binary plan file, but neither terraform nor tofu is on PATH: install one, pass --terraform-bin, or give `terraform show -json` output');
    }
    // Loaded here: only binary plans start a child process, and the module costs start-up time.
    const { spawn } = await import('node:child_process');
    const child = spawn(bin, ['show', '-json', path], {
        stdio: ['ignore', 'pipe', 'pipe'],
        ...(cwd === undefined ? {} : { cwd }),
        // The program and the provider plugins it starts get PATH, HOME, TF_* and the listed names.
        env: childEnv(env, passEnv)
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
            push(chunk);
    }
    catch (error) {
        readError = error;
        child.kill();
    }
    const code = await exited;
    if (code instanceof Error)
        throw code;
    if (code !== 0) {
        // Terraform frames its diagnostics in boxes: the Error line, not the box corner.
        const line = firstErrorLine(stderr);
        const detail = line === '' ? '' : `: ${line}`;
        throw new PlanInputError(`\`${bin} show -json\` failed with exit code ${code}${detail}`);
    }
    if (readError !== undefined)
        throw readError;
}

/** Reading a plan's bytes: stdin, a file streamed in 1 MiB chunks, or a binary plan. */
/**
 * Where `terraform show` runs: --terraform-dir when given, else the plan file's directory when
 * it was initialized (holds `.terraform`), else the current directory.
 */
function showDirectory(plan, io) {
    if (io.terraformDir !== undefined)
        return resolve(io.cwd, io.terraformDir);
    const planDir = dirname(plan);
    return existsSync(join(planDir, '.terraform')) ? planDir : io.cwd;
}
const CHUNK = 1 << 20;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Streams the plan named `file` (`-`: stdin) into `push`. */
async function readPlanBytes(file, io, push, readFrom) {
    if (file === '-') {
        for await (const chunk of io.stdin)
            push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        return;
    }
    const path = resolve(io.cwd, file);
    const stat = statSync(path);
    if (stat.isDirectory())
        throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    // Only a regular file can be peeked at without losing bytes (not a FIFO such as <(...)).
    if (stat.isFile() && isZip(path))
        return showBinaryPlan(path, io.terraformBin, io.env, push, io.passEnv, showDirectory(path, io));
    // Always streamed in 1 MiB chunks: the whole file is never one Buffer or one string.
    const report = progressReporter(file, stat.size, io);
    if (readFrom !== undefined && stat.isFile()) {
        // Synchronous reads straight into the plan reader's buffer (the kernel's window): no
        // stream, no copy per chunk.
        const fd = openSync(path, 'r');
        try {
            // Not inside report?.(…): without a report the read would be skipped altogether.
            const read = readFrom((into) => readSync(fd, into, 0, into.length, null), report);
            report?.(read, true);
        }
        finally {
            closeSync(fd);
        }
        return;
    }
    let read = 0;
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
        push(chunk);
        read += chunk.length;
        report?.(read);
    }
    report?.(read, true);
}
/** Plans above this size get a progress bar on a terminal. */
const PROGRESS_THRESHOLD = 50 * 1024 * 1024;
/**
 * On a terminal, a bar redrawn in place (large plans only); with --progress elsewhere (CI logs),
 * a plain line every 10%. Silent otherwise, and always on stderr: stdout is the report.
 */
function progressReporter(file, total, io) {
    const tty = io.stderr.isTTY === true && !io.env['CI'];
    if (io.progress !== true && !(tty && total > PROGRESS_THRESHOLD))
        return undefined;
    let lastStep = -1;
    return (read, done = false) => {
        if (tty) {
            io.stderr.write(done ? '\r\u001b[K' : `\r${progressBar(file, read, total)}`);
            return;
        }
        const step = Math.floor((read / Math.max(total, 1)) * 10);
        if (step > lastStep || done) {
            if (!(done && step === lastStep))
                io.stderr.write(`${progressLine(file, read, total)}\n`);
            lastStep = step;
        }
    };
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

/** Finding and reading the policy file. */
const POLICY_FILES = ['.plan-gate.yml', '.plan-gate.yaml', '.plan-gate.json'];
/** The policy file `config`, or the first policy file from `cwd` upward; undefined: none. */
function readPolicyFile(config, cwd) {
    const file = config ?? findPolicyFile(cwd);
    if (file === undefined)
        return undefined;
    try {
        return { path: file, text: readFileSync(file, 'utf8') };
    }
    catch (error) {
        throw new UserError(`${file}: ${errorMessage(error)}`);
    }
}
/** Stops at the repository root (a directory holding .git) or the filesystem root. */
function findPolicyFile(start) {
    let dir = resolve(start);
    for (;;) {
        for (const name of POLICY_FILES) {
            const candidate = join(dir, name);
            if (existsSync(candidate))
                return candidate;
        }
        if (existsSync(join(dir, '.git')) || dirname(dir) === dir)
            return undefined;
        dir = dirname(dir);
    }
}

/** The pipeline's I/O on the real file system and processes (the CLI and the Action use it). */
/** Plans, policy and backends read relative to `options.cwd`. */
function nodeIO(options) {
    const { cwd } = options;
    return {
        expandInputs: (inputs) => discoverPlans(inputs, cwd),
        readPolicy: (config) => readPolicyFile(config, cwd),
        loadBackends: (file, terraformDir) => loadStateBackends(file, terraformDir, cwd),
        readPlan: (file, push, readFrom) => readPlanBytes(file, options, push, readFrom)
    };
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
            this.head = concat(this.head, chunk);
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
        this.head = concat(this.head, chunk);
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
/** A new array: what it returns may be kept while the caller reuses `b`'s buffer. */
function concat(a, b) {
    if (a.length === 0)
        return new Uint8Array(b);
    const out = new Uint8Array(a.length + b.length);
    out.set(a, 0);
    out.set(b, a.length);
    return out;
}
/** How many bytes the UTF-8 sequence led by `c` has (1 for ASCII and for bytes that lead none). */
function sequenceLength(c) {
    if (c >= 0xc2 && c <= 0xdf)
        return 2;
    if (c >= 0xe0 && c <= 0xef)
        return 3;
    if (c >= 0xf0 && c <= 0xf4)
        return 4;
    return 1;
}
/** Where the first invalid UTF-8 sequence of `bytes` starts (bytes.length when there is none). */
function firstInvalidUtf8(bytes) {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
        const c = bytes[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        const length = sequenceLength(c);
        if (length === 1 || i + length > n)
            return i;
        const c1 = bytes[i + 1];
        // The second byte's range excludes overlong forms and surrogates (RFC 3629).
        const low = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
        const high = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
        if (c1 < low || c1 > high)
            return i;
        for (let k = 2; k < length; k++)
            if ((bytes[i + k] & 0xc0) !== 0x80)
                return i;
        i += length;
    }
    return n;
}
/**
 * Checks that a byte stream is UTF-8, one chunk at a time (a sequence may be cut by a chunk
 * edge), without holding more than the three bytes of a cut sequence. Throws EncodingError.
 */
class Utf8Check {
    carry = new Uint8Array(0);
    offset = 0;
    push(chunk) {
        const n = chunk.length;
        let start = 0;
        if (this.carry.length > 0) {
            // Complete the sequence cut at the end of the last chunk.
            const want = sequenceLength(this.carry[0]);
            const take = Math.min(want - this.carry.length, n);
            const joined = new Uint8Array(this.carry.length + take);
            joined.set(this.carry);
            joined.set(chunk.subarray(0, take), this.carry.length);
            if (joined.length < want) {
                this.carry = joined;
                this.offset += n;
                return;
            }
            if (!isUtf8(joined))
                throw this.invalid(this.offset - this.carry.length);
            this.carry = new Uint8Array(0);
            start = take;
        }
        // A sequence cut by the end of this chunk waits for the next one.
        let cut = n;
        for (let k = n - 1; k >= start && k >= n - 3; k--) {
            const c = chunk[k];
            if (c < 0x80)
                break;
            if (c >= 0xc0) {
                if (k + sequenceLength(c) > n)
                    cut = k;
                break;
            }
        }
        if (!isUtf8(chunk.subarray(start, cut))) {
            throw this.invalid(this.offset + start + firstInvalidUtf8(chunk.subarray(start, cut)));
        }
        this.carry = cut < n ? new Uint8Array(chunk.subarray(cut)) : this.carry;
        this.offset += n;
    }
    /** The input ended: a sequence still cut is invalid. */
    end() {
        if (this.carry.length > 0)
            throw this.invalid(this.offset - this.carry.length);
    }
    invalid(at) {
        return new EncodingError(`invalid UTF-8 at byte ${at}`);
    }
}

/** Byte helpers shared by the plan readers. */
/** A 256-entry lookup table: 1 for the bytes of `chars`. */
const table = (chars) => {
    const t = new Uint8Array(256);
    for (const ch of chars)
        t[ch.charCodeAt(0)] = 1;
    return t;
};
/** The bytes that may follow a backslash in a JSON string, and hex digits. */
const ESCAPE = table('"\\/bfnrt');
const HEX = table('0123456789abcdefABCDEF');
/** Whether b[from, to) holds exactly the bytes of `literal`. */
function bytesEqual(b, from, to, literal) {
    if (to - from !== literal.length)
        return false;
    for (let k = 0; k < literal.length; k++)
        if (b[from + k] !== literal[k])
            return false;
    return true;
}
/** The parts joined into one array (the part itself when there is only one). */
function concatBytes(parts) {
    if (parts.length === 1)
        return parts[0];
    const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of parts) {
        out.set(p, at);
        at += p.length;
    }
    return out;
}

/**
 * The normalized change model. Every reader (show-json, JSON Lines stream, JSON array of
 * UI messages) produces a `Plan`; classification, policy and reports only ever see this.
 */
/** Every known `action_reason`, in show-json spelling (stream reasons are mapped to these). */
/**
 * The change without its before/after values and their masks: a copy of its other fields, built
 * as one object literal (a rest copy costs a runtime call per change, and a large plan has many).
 */
function withoutValues(change) {
    // Every key of ResourceChange but the values, each required: a field added to the type and
    // not copied here fails to compile.
    const skeleton = {
        address: change.address,
        previousAddress: change.previousAddress,
        moduleAddress: change.moduleAddress,
        mode: change.mode,
        type: change.type,
        name: change.name,
        index: change.index,
        provider: change.provider,
        deposed: change.deposed,
        actions: change.actions,
        action: change.action,
        order: change.order,
        moved: change.moved,
        importing: change.importing,
        reason: change.reason,
        replacePaths: change.replacePaths,
        hasValues: change.hasValues,
        facts: change.facts
    };
    return skeleton;
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
/**
 * Each listed spelling with its action and as one frozen list: a large plan has many changes
 * and few spellings, so its changes share these instead of keeping an `actions` array each.
 */
const SHOW_SPELLINGS = new Map(Object.entries(SHOW_ACTIONS).map(([key, info]) => [
    key,
    { info, list: Object.freeze(key.split(',')) }
]));
/** The listed spelling equal to `actions`, if any. */
function spelling(actions) {
    const found = SHOW_SPELLINGS.get(actions.join(','));
    // Equal joins and equal lengths: no element holds a comma, so the lists are equal.
    return found !== undefined && found.list.length === actions.length ? found : undefined;
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
    return own(STREAM_REASONS, reason) ?? reason;
}
/** Splits `registry.terraform.io/hashicorp/aws`, `aws`, or 0.12-style `null.aliased`. */
function providerRef(providerName) {
    // A plan has a few providers and many changes: one frozen reference per provider name.
    let ref = providerRefs.get(providerName);
    if (ref === undefined) {
        ref = Object.freeze(parseProviderName(providerName));
        if (providerRefs.size < 1024)
            providerRefs.set(providerName, ref);
    }
    return ref;
}
const providerRefs = new Map();
function parseProviderName(providerName) {
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
    // Bounded: a version is echoed in error messages, and 8 MB of digits is not a version.
    return typeof value === 'string' &&
        /^v?\d{1,9}(\.\d{1,9}){0,2}([-+][0-9A-Za-z.-]{1,40})?$/.test(value)
        ? value
        : undefined;
}
/**
 * An address as error messages show it: on one line (control characters and line separators
 * escaped, so an address cannot add lines or fake log commands) and at most 200 characters.
 */
function shownAddress(address) {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const escaped = address.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => ch === '\n' ? '\\n' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return escaped.length > 200 ? `${escaped.slice(0, 199)}…` : escaped;
}
/** Describes a JSON value's type for error messages, never its content. */
function jsonType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
const text$1 = (where) => (typeof where === 'string' ? where : where());
function requireString(obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string') {
        throw new PlanInputError(`${text$1(where)}: "${key}" must be a string, found ${jsonType(value)}`);
    }
    return value;
}
function optionalString(obj, key, where) {
    const value = obj[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string') {
        throw new PlanInputError(`${text$1(where)}: "${key}" must be a string, found ${jsonType(value)}`);
    }
    return value;
}
function indexOf(value, where) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' || typeof value === 'number')
        return value;
    throw new PlanInputError(`${text$1(where)}: "index" must be a number or string, found ${jsonType(value)}`);
}
function replacePaths(value, where) {
    if (value === undefined || value === null)
        return undefined;
    const fail = () => {
        throw new PlanInputError(`${text$1(where)}: "replace_paths" must be a list of attribute paths`);
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
    if (!isRecord$1(raw))
        throw new PlanInputError(`${position} must be an object, found ${jsonType(raw)}`);
    const change = raw['change'];
    const skeleton = skeletonOf(raw, change, position);
    const values = change;
    return withValues(skeleton, {
        before: values['before'],
        after: values['after'],
        afterUnknown: values['after_unknown'],
        beforeSensitive: values['before_sensitive'],
        afterSensitive: values['after_sensitive']
    });
}
/**
 * A skeleton (skeletonOf) with its values, built as one object literal: a spread followed by
 * more keys costs a map transition per key, per change, and a large plan has many changes.
 * `valueLeaves` is set only when given.
 */
function withValues(s, v) {
    if (v.valueLeaves !== undefined) {
        return {
            address: s.address,
            previousAddress: s.previousAddress,
            moduleAddress: s.moduleAddress,
            mode: s.mode,
            type: s.type,
            name: s.name,
            index: s.index,
            provider: s.provider,
            deposed: s.deposed,
            actions: s.actions,
            action: s.action,
            order: s.order,
            moved: s.moved,
            importing: s.importing,
            reason: s.reason,
            replacePaths: s.replacePaths,
            hasValues: s.hasValues,
            before: v.before,
            after: v.after,
            afterUnknown: v.afterUnknown,
            beforeSensitive: v.beforeSensitive,
            afterSensitive: v.afterSensitive,
            valueLeaves: v.valueLeaves
        };
    }
    return {
        address: s.address,
        previousAddress: s.previousAddress,
        moduleAddress: s.moduleAddress,
        mode: s.mode,
        type: s.type,
        name: s.name,
        index: s.index,
        provider: s.provider,
        deposed: s.deposed,
        actions: s.actions,
        action: s.action,
        order: s.order,
        moved: s.moved,
        importing: s.importing,
        reason: s.reason,
        replacePaths: s.replacePaths,
        hasValues: s.hasValues,
        before: v.before,
        after: v.after,
        afterUnknown: v.afterUnknown,
        beforeSensitive: v.beforeSensitive,
        afterSensitive: v.afterSensitive
    };
}
/**
 * The change a `resource_changes` element peeked but not parsed (see peek.ts) stands for: what
 * `fromShowJson` gives for the parsed element, checks and errors included, without the values
 * and their masks.
 */
function fromSummary(summary, position) {
    const importing = summary.importing ? true : undefined;
    const change = { actions: summary.actions, importing, replace_paths: summary.replacePaths };
    return skeletonOf(summary.fields, change, position);
}
/** Everything `fromShowJson` reads except the values; `change` is `raw.change`. */
function skeletonOf(raw, change, position) {
    // Terraform 1.0.0 wrote resource_drift entries without "address"; rebuild it from its parts.
    const address = raw['address'] === undefined
        ? synthesizeAddress(raw, position)
        : requireString(raw, 'address', position);
    const where = () => `${position} (${shownAddress(address)})`;
    if (!isRecord$1(change))
        throw new PlanInputError(`${where()}: "change" must be an object`);
    const actions = change['actions'];
    if (!Array.isArray(actions) ||
        actions.length === 0 ||
        !actions.every((a) => typeof a === 'string')) {
        throw new PlanInputError(`${where()}: "change.actions" must be a non-empty list of strings`);
    }
    const mode = raw['mode'] === undefined ? 'managed' : raw['mode'];
    if (mode !== 'managed' && mode !== 'data') {
        throw new PlanInputError(`${where()}: "mode" must be "managed" or "data"`);
    }
    const type = requireString(raw, 'type', where);
    const previousAddress = optionalString(raw, 'previous_address', where);
    const listed = spelling(actions);
    const info = listed?.info ?? { action: 'unknown' };
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
        actions: listed?.list ?? actions,
        action: info.action,
        order: info.order,
        moved: previousAddress !== undefined && previousAddress !== address,
        importing: importing !== undefined && importing !== null,
        reason: optionalString(raw, 'action_reason', where),
        replacePaths: replacePaths(change['replace_paths'], where),
        hasValues: true
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
/** The stream's action names as shared one-element lists (see SHOW_LISTS). */
const STREAM_LISTS = new Map(Object.keys(STREAM_ACTIONS).map((name) => [name, Object.freeze([name])]));
/**
 * Normalizes the `change` object of a `planned_change`, `resource_drift` or deferred message.
 * OpenTofu streams a forget-then-create as `noop` (it has no other way to emit a non-NoOp
 * change as `noop`), so in a `tofu.ui` stream that spelling means forget-replace.
 */
function fromStream(raw, position, tool) {
    if (!isRecord$1(raw))
        throw new PlanInputError(`${position}: "change" must be an object`);
    const resource = raw['resource'];
    if (!isRecord$1(resource))
        throw new PlanInputError(`${position}: "change.resource" must be an object`);
    const address = requireString(resource, 'addr', position);
    const where = `${position} (${shownAddress(address)})`;
    const actionName = requireString(raw, 'action', where);
    let info = own(STREAM_ACTIONS, actionName) ?? { action: 'unknown' };
    if (actionName === 'noop' && tool === 'opentofu') {
        info = { action: 'forget-replace', order: 'forget-then-create' };
    }
    const previous = raw['previous_resource'];
    const previousAddress = isRecord$1(previous) ? optionalString(previous, 'addr', where) : undefined;
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
        actions: STREAM_LISTS.get(actionName) ?? [actionName],
        action: info.action,
        order: info.order,
        moved: actionName === 'move' || (previousAddress !== undefined && previousAddress !== address),
        importing: actionName === 'import' || isRecord$1(raw['importing']),
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

// Generated by `npm run build:wasm` from scan.c: do not edit.
/** SHA-256 of the scan.c these bytes were compiled from. */
/** The WebAssembly module, base64. */
const WASM_BASE64 = 'AGFzbQEAAAABJgZgAAF/YAJ/fwF/YAN/f38Bf2AFf39/f38Bf2ABfwF/YAN/f38AAxsaAAAAAAECAgIDAAEAAQECAAAAAAAA' +
    'AAAEAgUFAwEAOwYJAX8BQbDR6AELB48CFgZtZW1vcnkCAAZidWZmZXIAAAVzdGFjawABBnJlc3VsdAACCGNhcGFjaXR5AAMK' +
    'c2tpcF92YWx1ZQAEC3NraXBfdW5yZWFkAAgLcmVmcmVzaF9vdXQACQpzY2FuX2xpbmVzAAoIcGVla19vdXQACwtwZWVrX2No' +
    'YW5nZQAMDnN0YXRlX3Jlc291cmNlAA0Ec2lkZQAPCHdhbGtfb3V0ABALd2Fsa190YWJsZXMAEQ1wcm9qZWN0X3NwYW5zABIM' +
    'cHJvamVjdF90ZXh0ABMNcHJvamVjdF9uYW1lcwAUDHJhZGl1c19uYW1lcwAVCm5hbWVfaW5wdXQAFghhZGRfbmFtZQAXB3By' +
    'b2plY3QAGAr5qgEaCABBoIiAgAALCABBsIjAgAALCABBsIjEgAALBwBBgIDAAAsSAEGgiICAACAAIAEQhYCAgAALzAgBBn8C' +
    'QCABIAJODQBBACEDA0ACQAJAAkACQCAAIAFqIgQtAAAiBUEiRw0AIAAgAUEBaiACEIaAgIAAIgZBAE4NAQwCCwJAIAVB3wFx' +
    'QdsARw0AQX8hBiADQYAERg0CAkAgAUEBaiIBIAJODQADQCAAIAFqLQAAQXdqIgdBF0sNAUEBIAd0QZOAgARxRQ0BIAIgAUEB' +
    'aiIBRw0ADAcLCyABIAJODQUCQCAFQQJqIAAgAWotAAAiB0cNACABQQFqIQYMAgsgA0Gg8dmBAGpBAUECIAVB+wBGGzoAACAD' +
    'QQFqIQMgBUH7AEcNAyAHQSJHDQICQCAAIAFBAWogAhCGgICAACIBQQBODQAgAQ8LAkAgASACTg0AA0AgACABai0AAEF3aiIH' +
    'QRdLDQFBASAHdEGTgIAEcUUNASACIAFBAWoiAUcNAAwHCwsgASACTg0FIAAgAWotAABBOkcNAgJAIAFBAWoiASACTg0AA0Ag' +
    'ACABai0AAEF3aiIGQRdLDQFBASAGdEGTgIAEcUUNASACIAFBAWoiAUcNAAwHCwsgASACTg0FIAEhBiABQQBIDQIMAwsCQAJA' +
    'IAVBmn9qIgZBDksNAEEBIAZ0QYGCAXFFDQACQEGFiICAAEGKiICAAEGAiICAACAFQeYARhsgBUH0AEYbIgUtAAEiBw0AQQEg' +
    'AWohBgwCC0EBIQYDQCABIAZqIAJODQcCQCAEIAZqLQAAIAdB/wFxRg0AQX8PCyAFIAZqIQcgBkEBaiIIIQYgB0EBai0AACIH' +
    'DQALIAggAWohBgwBCwJAIAVBLUYNACAFQUZqQf8BcUH2AU8NAEF/DwsgACABIAIQh4CAgAAhBgsgBkEASA0BCyADRQ0AA0AC' +
    'QCAGIAJODQADQCAAIAZqLQAAQXdqIgFBF0sNAUEBIAF0QZOAgARxRQ0BIAIgBkEBaiIGRg0GDAALCyAGIAJODQQgA0Gf8dmB' +
    'AGotAAAhBwJAIAAgBmotAAAiAUEsRw0AAkAgBkEBaiIBIAJODQADQCAAIAFqLQAAQXdqIgZBF0sNAUEBIAZ0QZOAgARxRQ0B' +
    'IAIgAUEBaiIBRg0HDAALCyABIAJODQUgB0H/AXFBAUcNA0F/IQYgACABai0AAEEiRw0CAkAgACABQQFqIAIQhoCAgAAiAUEA' +
    'Tg0AIAEPCwJAIAEgAk4NAANAIAAgAWotAABBd2oiB0EXSw0BQQEgB3RBk4CABHFFDQEgAiABQQFqIgFGDQcMAAsLIAEgAk4N' +
    'BSAAIAFqLQAAQTpHDQICQCABQQFqIgEgAk4NAANAIAAgAWotAABBd2oiBkEXSw0BQQEgBnRBk4CABHFFDQEgAiABQQFqIgFG' +
    'DQcMAAsLIAEgAk4NBSABIQYgAUEATg0DDAILAkBB/QBB3QAgB0H/AXFBAUYbIAFGDQBBfw8LIAZBAWohBiADQX9qIgMNAAsL' +
    'IAYPCyABIAJIDQALC0F+C6AEAwF/AXsCf0EAQQA6ANSLx4AAA39BfiEDAkACQCABIAJODQAgACABav0AAAAiBP0MXFxcXFxc' +
    'XFxcXFxcXFxcXP0jIAT9DCIiIiIiIiIiIiIiIiIiIiL9I/1QIAT9DCAgICAgICAgICAgICAgICD9Jv1Q/WRBfyACIAFrIgV0' +
    'QX9zQX8gBUEQSBtxIgVoQRAgBRsgAWohASAFRQ0CAkAgACABaiIGLQAAIgVB3ABGDQBBfyEDIAVBIkcNASABQQFqDwtBAEEB' +
    'OgDUi8eAACABQQFqIgUgAk4NAEF/IQMCQCAAIAVqLQAAQV5qDlQCAQEBAQEBAQEBAQEBAgEBAQEBAQEBAQEBAQEBAQEBAQEB' +
    'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAgEBAQEBAgEBAQIBAQEBAQEBAgEBAQIBAgABC0F+IQMgAUEGaiIBIAJKDQACQCAG' +
    'QQJqLQAAIgVBRmpB/wFxQfUBSw0AIAVBIHJBmX9qQf8BcUH6AU8NAEF/DwsCQCAGQQNqLQAAIgVBRmpB/wFxQfUBSw0AIAVB' +
    'IHJBmX9qQf8BcUH6AU8NAEF/DwsCQCAGQQRqLQAAIgVBRmpB/wFxQfUBSw0AIAVBIHJBmX9qQf8BcUH6AU8NAEF/DwsgBkEF' +
    'ai0AACIFQUZqQf8BcUH1AUsNAkF/IQMgBUEgckGZf2pB/wFxQfoBTw0CCyADDwsgAUECaiEBDAALC5MDAQN/AkAgACABai0A' +
    'AEEtRiABaiIDIAJIDQBBfg8LAkACQAJAAkAgACADai0AACIBQTBHDQAgA0EBaiEBDAELQX8hBCABQU9qQf8BcUEISw0CIABB' +
    'AWohBQNAAkAgA0EBaiIBIAJIDQAgAiEBDAMLIAUgA2ohBCABIQMgBC0AAEFGakH/AXFB9QFLDQALCwJAIAEgAk4NACAAIAFq' +
    'LQAAQS5HDQACQCABQQFqIgMgAkgNAEF+DwsgAyEBAkADQAJAIAAgAWotAABBRmpB/wFxQfYBTw0AQX8hBAwCCyACIAFBAWoi' +
    'AUcNAAtBfiEEIAIhAQsgASADRg0CCyABIAJODQAgACABai0AAEEgckHlAEcNAAJAIAFBAWoiAyACTg0AAkAgACADai0AAEFV' +
    'ag4DAAEAAQsgAUECaiEDC0F+IQQgAyACTg0BIAMhAQJAA0ACQCAAIAFqLQAAQUZqQf8BcUH2AU8NAEF/IQQMAgsgAiABQQFq' +
    'IgFHDQALQX4hBCACIQELIAEgA0YNAQsgASEECyAEC6AGAQR/AkACQCAAIAFIDQAgAyEFIAAhBgwBCwNAIAMhBQJAAkAgACIG' +
    'QaCIgIAAai0AACIAQSBLDQACQCAAQXZqIgNBFksNAEEBIAN0QYmAgAJxRQ0AIAZBAWohACAFIQMMAgsgBSEDIAYgAEEJRiIH' +
    'aiIAIQYgBw0BDAMLAkACQAJAIAVBfWoOBAECAgACCyACQa+IwIAAai0AACEFAkAgAEEsRw0AQQJBBCAFQf8BcUEBRhshAyAG' +
    'QQFqIQAMAwtBBiEDAkBB/QBB3QAgBUH/AXFBAUYbIABGDQBBBiEFDAULAkAgAiAESg0AQQYhBQwFCyACQX9qIQIgBkEBaiEA' +
    'DAILAkAgAEE6Rg0AQQMhBQwECyAGQQFqIQBBBCEDDAELAkAgAEEiRw0AQaCIgIAAIAZBAWogARCGgICAACIAQQBIDQNBA0EG' +
    'IAVBf2pBAkkbIQMMAQsCQAJAIAVBf2pBAUsNACAAQf0ARw0EIAVBAUcNBCACIARMDQQMAQsCQCAAQd8BcUHbAEcNAAJAIAJB' +
    'gIAERw0AQYCABCECDAULIAJBsIjAgABqQQFBBSAAQfsARhsiAzoAACAGQQFqIQAgAkEBaiECDAILAkACQAJAAkACQAJAIABB' +
    'o39qDhgAAwMDAwMDAwMBAwMDAwMDAwEDAwMDAwECCyAFQQVHDQggAiAESg0FDAgLAkBBhYiAgABBioiAgABBgIiAgAAgAEHm' +
    'AEYbIABB9ABGGyIILQABIgMNAEEBIAZqIQAMBAtBASEAA0AgBiAAaiIHIAFODQggB0GgiICAAGotAAAgA0H/AXFHDQggCCAA' +
    'aiEDIABBAWoiByEAIANBAWotAAAiAw0ACyAHIAZqIQAMAwsgAEEtRg0BCyAAQUZqQf8BcUH2AUkNBQtBoIiAgAAgBiABEIeA' +
    'gIAAIQALIABBAEgNAyAAIAFODQNBBiEDIABBoIiAgABqLQAAQUZqQf8BcUH1AUsNAwwBCyAGQQFqIQAgAkF/aiECQQYhAwsg' +
    'AyEFIAAhBiAAIAFIDQALC0EAIAU2ArSIxIAAQQAgAjYCsIjEgAAgBgsIAEHQiMSAAAvlKwMCfwF7E39BAEIANwO4iMSAAEEA' +
    'QQA2AsCIxIAAQQBBADYC0IjEgAACQANAIAEhAgJAIAAgAU4NAEEAIABrIQMgACECAkADQP0M/////////////////////yAC' +
    'QaCIgIAAav0AAAAiBCAE/QwKCgoKCgoKCgoKCgoKCgoK/SP9Uv1kQX8gASADaiIFdEF/c0F/IAVBEEgbcSIFDQEgA0FwaiED' +
    'IAJBEGoiAiABSA0ACyABIQIMAQsgBWggA2shAgsCQEEAKALQiMSAAEGAIEcNACACIAFODQICQANAIAJBoIiAgABqLQAAQQpG' +
    'DQEgASACQQFqIgJHDQAMBAsLQQAgAjYCtIjEgABBAEEBNgKwiMSAACAADwsgAiABTg0BAkAgAkGgiICAAGosAABBf0oNACAB' +
    'QX9qIQUDQCAFIAJGDQMgAkGhiICAAGohAyACQQFqIgEhAiADLQAAQQpHDQALQQAgATYCtIjEgABBAEEBNgKwiMSAACAADwsg' +
    'ACEDAkACQCAAIAJODQAgACEDA0AgA0GgiICAAGotAABBd2oiBUEXSw0BQQEgBXRBk4CABHFFDQFBACEFIAIgA0EBaiIDRw0A' +
    'DAILC0EAIQUgAyACTg0AIANBoIiAgABqLQAAQfsARw0AQX8hBkEAIQdBASEIQfsAIQlBfyEKQQAhC0EAIQxBACENQX8hDkF/' +
    'IQ8DQCAJQf8BcSEQAkACQAJAAkACQAJAAkACQCAJQd8BcUHbAEcNAEEAIQUgC0GABEYNCQJAIANBAWoiAyACTg0AA0AgA0Gg' +
    'iICAAGotAABBd2oiCUEXSw0BQQEgCXRBk4CABHFFDQEgAiADQQFqIgNHDQAMCwsLIAMgAk4NCQJAIBBBAmogA0GgiICAAGot' +
    'AAAiEUYNACALQaDx2YEAakEBQQIgEEH7AEYiBRs6AABBACESIAtBoPXZgQBqIAhBACAIQf8BcUEERxtBACAFGzoAACALQQFq' +
    'IQtBACEIIAUNAgwICyADQQFqIRNBACESDAULIBBBmn9qIgVBDksNAUEBIAV0QYGCAXFFDQFBASEIAkBBhYiAgABBioiAgABB' +
    'gIiAgAAgEEHmAEYbIBBB9ABGGyISLQABIglFDQBBASETA0BBACEFIAMgE2oiECACTg0KIBBBoIiAgABqLQAAIAlB/wFxRw0K' +
    'IBIgE2ohBSATQQFqIgghEyAFQQFqLQAAIgkNAAsLIAggA2ohEwwCC0EBIQUMBAsCQAJAIBBBXmoODAMAAAAAAAAAAAAAAQAL' +
    'QQAhBSAJQUZqQf8BcUH2AUkNBwtBoIiAgAAgAyACEIeAgIAAIRMLQQAhEkEAIQUgE0EASA0FDAELQQAhEkEAIQVBoIiAgAAg' +
    'A0EBaiACEIaAgIAAIhNBAEgNBAtBACEFCwJAA0ACQAJAIAUOAgABAQsgC0UNAgNAAkAgEyACTg0AA0AgE0GgiICAAGotAABB' +
    'd2oiA0EXSw0BQQEgA3RBk4CABHFFDQFBACEFIAIgE0EBaiITRw0ADAgLC0EAIQUgEyACTg0GIAtBf2ohAyALQZ/x2YEAai0A' +
    'ACEJAkACQCATQaCIgIAAai0AACIQQSxHDQACQCATQQFqIgMgAk4NAANAIANBoIiAgABqLQAAQXdqIhBBF0sNAUEBIBB0QZOA' +
    'gARxRQ0BIAIgA0EBaiIDRw0ADAoLCyADIAJODQggCUH/AXFBAUYNASASIQgMBgtB/QBB3QAgCUH/AXFBAUYbIBBHDQcgE0EB' +
    'aiETIAMhCyADRQ0EDAELCyADQaCIgIAAai0AACERQQEhBQwBC0EAIQUgEUH/AXFBIkcNBEEAIQVBoIiAgAAgA0EBaiIQIAIQ' +
    'hoCAgAAiCUEASA0EIAlBf2ohFEEAIQVBAC0A1IvHgAAhCAJAIAtBn/XZgQBqLQAAIhVFDQAgCEEBcQ0FCwJAAkAgC0EBRg0A' +
    'QQAhFgwBCwJAIBQgECAUIBBKGyAQayIFDQBBACEWDAELAkACQCAQQaCIgIAAai0AACIIQfQARw0AAkAgBUEBRw0AQQAhFgwD' +
    'CwJAIANBooiAgABqLQAAQfkARg0AQQAhFgwDCwJAIAVBAkcNAEEAIRYMAwsCQCADQaOIgIAAai0AAEHwAEYNAEEAIRYMAwsC' +
    'QCAFQQNHDQBBACEWDAMLIANBBWohBUEBIRYCQCADQaSIgIAAai0AAEHlAEYNAEEAIRYMAwsgBSAURg0BQQAhFgwCCwJAIAhB' +
    'wABGDQBBACEWDAILAkAgBUEBRw0AQQAhFgwCCwJAIANBooiAgABqLQAAQewARg0AQQAhFgwCCwJAIAVBAkcNAEEAIRYMAgsC' +
    'QCADQaOIgIAAai0AAEHlAEYNAEEAIRYMAgsCQCAFQQNHDQBBACEWDAILAkAgA0GkiICAAGotAABB9gBGDQBBACEWDAILAkAg' +
    'BUEERw0AQQAhFgwCCwJAIANBpYiAgABqLQAAQeUARg0AQQAhFgwCCwJAIAVBBUcNAEEAIRYMAgsgA0EHaiEFQQIhFgJAIANB' +
    'poiAgABqLQAAQewARg0AQQAhFgwCCyAFIBRGDQBBACEWDAELQQAhBSAWIAxxDQUgFiAMciEMCyASIQggCiEXAkACQAJAAkAC' +
    'QCAVQX9qDgMAAQMECyAUIBAgFCAQShsgEGsiBUUNASAQQaCIgIAAai0AAEHoAEcNASAFQQFGDQEgA0GiiICAAGotAABB7wBH' +
    'DQEgBUECRg0BIANBo4iAgABqLQAAQe8ARw0BIAVBA0YNASADQQVqIQVBfyEXQQIhCCADQaSIgIAAai0AAEHrAEcNASAFIBRG' +
    'DQMMAQsgFCAQIBQgEEobIBBrIgVFDQAgEEGgiICAAGotAABB8gBHDQAgBUEBRg0AIANBooiAgABqLQAAQeUARw0AIAVBAkYN' +
    'ACADQaOIgIAAai0AAEHzAEcNACAFQQNGDQAgA0GkiICAAGotAABB7wBHDQAgBUEERg0AIANBpYiAgABqLQAAQfUARw0AIAVB' +
    'BUYNACADQaaIgIAAai0AAEHyAEcNACAFQQZGDQAgA0GniICAAGotAABB4wBHDQAgBUEHRg0AIANBCWohBUF/IRdBAyEIIANB' +
    'qIiAgABqLQAAQeUARw0AIAUgFEYNAgsgEiEIIAohFwwBC0EAIQUCQCAUIBAgFCAQShsgEGsiCEUNACAQQaCIgIAAai0AAEHh' +
    'AEcNACAIQQFGDQAgA0GiiICAAGotAABB5ABHDQAgCEECRg0AIANBo4iAgABqLQAAQeQARw0AIAhBA0YNACADQaSIgIAAai0A' +
    'AEHyAEcNACADQQVqIBRGIQULQX8gCiAFGyEXQQQgEiAFGyEICwJAIAkgAk4NAANAIAlBoIiAgABqLQAAQXdqIgNBF0sNAUEB' +
    'IAN0QZOAgARxRQ0BQQAhBSACIAlBAWoiCUcNAAwGCwtBACEFIAkgAk4NBCAJQaCIgIAAai0AAEE6Rw0EAkAgCUEBaiIDIAJO' +
    'DQADQCADQaCIgIAAai0AAEF3aiIJQRdLDQFBASAJdEGTgIAEcUUNASACIANBAWoiA0cNAAwGCwsgAyACTg0EAkACQCAIQf8B' +
    'cUEERw0AIANBoIiAgABqLQAAQSJHDQBBACEFQaCIgIAAIANBAWoiCiACEIaAgIAAIhNBAEgNBiATQX9qIQZBACESQQAtANSL' +
    'x4AAIQcMAQsCQCAWDQAgFyEKDAQLAkAgA0GgiICAAGotAABBIkYNACAXIQogFkEBRw0EDAYLQQAhBUGgiICAACADQQFqIgkg' +
    'AhCGgICAACETQQAtANSLx4AAIRAgE0EASA0FIBBBAXENBSATQX9qIQUCQCAWQQFHDQAgCCESIBchCiAFIQ4gCSEPDAELQQAh' +
    'DQJAIAUgCSAFIAlKGyAJayIQRQ0AIAlBoIiAgABqLQAAQeUARw0AIBBBAUYNACADQaKIgIAAai0AAEHyAEcNACAQQQJGDQAg' +
    'A0GjiICAAGotAABB8gBHDQAgEEEDRg0AIANBpIiAgABqLQAAQe8ARw0AIBBBBEYNACADQaWIgIAAai0AAEHyAEcNACADQQZq' +
    'IAVGIQ0LIAghEiAXIQoLQQAhBQwACwsCQCATIAJODQADQCATQaCIgIAAai0AAEF3aiIDQRdLDQFBASADdEGTgIAEcUUNASAC' +
    'IBNBAWoiE0cNAAsgAiETC0EAIQUgEyACRw0CIA9BAEgNAgJAAkAgDiAPIA4gD0obIA9rIgNFDQACQAJAAkACQAJAIA9BoIiA' +
    'gABqLQAAIgVBjn9qDgUAAgICAQILIANBAUYNBCAPQaGIgIAAai0AAEHlAEcNBCADQQJGDQQgD0GiiICAAGoiCS0AAEHmAEcN' +
    'AiADQQNGDQIgD0GjiICAAGotAABB8gBHDQIgA0EERg0CIA9BpIiAgABqLQAAQeUARw0CIANBBUYNAiAPQaWIgIAAai0AAEHz' +
    'AEcNAiADQQZGDQIgD0GmiICAAGotAABB6ABHDQIgA0EHRg0CIA9Bp4iAgABqLQAAQd8ARw0CIANBCEYNAiAPQaiIgIAAai0A' +
    'AEHjAEcNAiADQQlGDQIgD0GpiICAAGotAABB7wBHDQIgA0EKRg0CIA9BqoiAgABqLQAAQe0ARw0CIANBC0YNAiAPQauIgIAA' +
    'ai0AAEHwAEcNAiADQQxGDQIgD0GsiICAAGotAABB7ABHDQIgA0ENRg0CIA9BrYiAgABqLQAAQeUARw0CIANBDkYNAiAPQa6I' +
    'gIAAai0AAEH0AEcNAiADQQ9GDQIgD0EQaiEFIA9Br4iAgABqLQAAQeUARw0CIAUgDkcNAiAKQQBIDQVBAEEAKALQiMSAACID' +
    'QQFqNgLQiMSAACADQQxsIgNB2IjEgABqIAY2AgAgA0HUiMSAAGogCjYCACADQdyIxIAAaiAHNgIADAULIANBAUYNAyAPQaGI' +
    'gIAAai0AAEHlAEcNAyADQQJGDQMgD0GiiICAAGotAABB8gBHDQMgA0EDRg0DIA9Bo4iAgABqLQAAQfMARw0DIANBBEYNAyAP' +
    'QaSIgIAAai0AAEHpAEcNAyADQQVGDQMgD0GliICAAGotAABB7wBHDQMgA0EGRg0DIA9BB2ohA0EBIQUgD0GmiICAAGotAABB' +
    '7gBHDQMgAyAORw0DDAcLIAVB8ABHDQEgA0EBRg0BIA9BoYiAgABqLQAAQewARw0CIANBAkYNAiAPQaKIgIAAai0AAEHhAEcN' +
    'AiADQQNGDQIgD0GjiICAAGotAABB7gBHDQIgA0EERg0CIA9BpIiAgABqLQAAQe4ARw0CIANBBUYNAiAPQaWIgIAAai0AAEHl' +
    'AEcNAiADQQZGDQIgD0GmiICAAGotAABB5ABHDQIgA0EHRg0CIA9Bp4iAgABqLQAAQd8ARw0CIANBCEYNAiAPQaiIgIAAai0A' +
    'AEHjAEcNAiADQQlGDQIgD0GpiICAAGotAABB6ABHDQIgA0EKRg0CIA9BqoiAgABqLQAAQeEARw0CIANBC0YNAiAPQauIgIAA' +
    'ai0AAEHuAEcNAiADQQxGDQIgD0GsiICAAGotAABB5wBHDQIgA0ENRg0CIA9BDmohA0EBIQUgD0GtiICAAGotAABB5QBHDQIg' +
    'AyAORw0CDAYLAkAgCS0AAEHzAEcNACADQQNGDQAgD0GjiICAAGotAABB7wBHDQAgA0EERg0AIA9BpIiAgABqLQAAQfUARw0A' +
    'IANBBUYNACAPQaWIgIAAai0AAEHyAEcNACADQQZGDQAgD0GmiICAAGotAABB4wBHDQAgA0EHRg0AIA9Bp4iAgABqLQAAQeUA' +
    'Rw0AIANBCEYNACAPQaiIgIAAai0AAEHfAEcNACADQQlGDQAgD0GpiICAAGotAABB5ABHDQAgA0EKRg0AIA9BqoiAgABqLQAA' +
    'QfIARw0AIANBC0YNACAPQauIgIAAai0AAEHpAEcNACADQQxGDQAgD0GsiICAAGotAABB5gBHDQAgA0ENRg0AIA9BDmohC0EB' +
    'IQUgD0GtiICAAGotAABB9ABHDQAgCyAORg0GCyAJLQAAQeYARw0BIANBA0YNASAPQaOIgIAAai0AAEHyAEcNASADQQRGDQEg' +
    'D0GkiICAAGotAABB5QBHDQEgA0EFRg0BIA9BpYiAgABqLQAAQfMARw0BIANBBkYNASAPQaaIgIAAai0AAEHoAEcNASADQQdG' +
    'DQEgD0GniICAAGotAABB3wBHDQEgA0EIRg0BIA9BqIiAgABqLQAAQeMARw0BIANBCUYNASAPQamIgIAAai0AAEHvAEcNASAD' +
    'QQpGDQEgD0GqiICAAGotAABB7QBHDQEgA0ELRg0BIA9Bq4iAgABqLQAAQfAARw0BIANBDEYNASAPQayIgIAAai0AAEHsAEcN' +
    'ASADQQ1GDQEgD0GtiICAAGotAABB5QBHDQEgA0EORg0BIA9BroiAgABqLQAAQfQARw0BIANBD0YNASAPQRBqIQNBASEFIA9B' +
    'r4iAgABqLQAAQeUARw0BIAMgDkcNAQwFCwJAIAVB5ABHDQAgA0EBRg0AIA9BoYiAgABqLQAAQekARw0BIANBAkYNASAPQaKI' +
    'gIAAai0AAEHhAEcNASADQQNGDQEgD0GjiICAAGotAABB5wBHDQEgA0EERg0BIA9BpIiAgABqLQAAQe4ARw0BIANBBUYNASAP' +
    'QaWIgIAAai0AAEHvAEcNASADQQZGDQEgD0GmiICAAGotAABB8wBHDQEgA0EHRg0BIA9Bp4iAgABqLQAAQfQARw0BIANBCEYN' +
    'ASAPQaiIgIAAai0AAEHpAEcNASADQQlGDQEgD0EKaiEDQQEhBSAPQamIgIAAai0AAEHjAEcNASADIA5HDQEMBQsgBUHjAEcN' +
    'ACADQQFGDQAgD0GhiICAAGotAABB6ABHDQAgA0ECRg0AIA9BooiAgABqLQAAQeEARw0AIANBA0YNACAPQaOIgIAAai0AAEHu' +
    'AEcNACADQQRGDQAgD0GkiICAAGotAABB5wBHDQAgA0EFRg0AIA9BpYiAgABqLQAAQeUARw0AIANBBkYNACAPQaaIgIAAai0A' +
    'AEHfAEcNACADQQdGDQAgD0GniICAAGotAABB8wBHDQAgA0EIRg0AIA9BqIiAgABqLQAAQfUARw0AIANBCUYNACAPQamIgIAA' +
    'ai0AAEHtAEcNACADQQpGDQAgD0GqiICAAGotAABB7QBHDQAgA0ELRg0AIA9Bq4iAgABqLQAAQeEARw0AIANBDEYNACAPQayI' +
    'gIAAai0AAEHyAEcNACADQQ1GDQAgD0EOaiEDQQEhBSAPQa2IgIAAai0AAEH5AEcNACADIA5GDQQLIA1FDQBBAEEAKAK8iMSA' +
    'AEEBajYCvIjEgAALQQBBACgCuIjEgABBAWo2AriIxIAAIAJBAWohAAwDCyADQaCIgIAAai0AACEJDAALCwtBACAFNgLAiMSA' +
    'AEEAIAI2ArSIxIAAQQBBATYCsIjEgAAgAA8LQQBBADYCsIjEgAAgAAsIAEHgiMeAAAvdNgEJf0F/IQICQCAAIAFODQAgAEGg' +
    'iICAAGotAABB+wBHDQACQCAAQQFqIgMgAU4NAANAIANBoIiAgABqLQAAQXdqIgRBF0sNAUEBIAR0QZOAgARxRQ0BIAEgA0EB' +
    'aiIDRw0AC0F+DwsCQCADIAFIDQBBfg8LIANBoIiAgABqLQAAQf0ARg0AQQEhBEEAIQVBACEGIAMhAgNAAkACQAJAAkAgBEUN' +
    'AAJAIAJBoIiAgABqLQAAQSJGDQBBfw8LAkBBoIiAgAAgAkEBaiIHIAEQhoCAgAAiCEEATg0AIAgPCwJAQQAtANSLx4AARQ0A' +
    'QX8PCyAIIQMCQCAIIAFODQAgCCEDA0AgA0GgiICAAGotAABBd2oiBEEXSw0BQQEgBHRBk4CABHFFDQEgASADQQFqIgNHDQAL' +
    'QX4PCwJAIAMgAUgNAEF+DwsCQCADQaCIgIAAai0AAEE6Rg0AQX8PCwJAIANBAWoiAyABTg0AA0AgA0GgiICAAGotAABBd2oi' +
    'BEEXSw0BQQEgBHRBk4CABHFFDQEgASADQQFqIgNHDQALQX4PCwJAIAMgAUgNAEF+DwsCQCADQQBODQAgAw8LIAhBf2oiCCAH' +
    'IAggB0obIAdrIgRFDQECQAJAAkAgB0GgiICAAGotAAAiB0HhAEcNACAEQQFGDQQgAkGiiICAAGotAAAiB0HkAEcNASAEQQJG' +
    'DQEgAkGjiICAAGotAABB5ABHDQQgBEEDRg0EIAJBpIiAgABqLQAAQfIARw0EIARBBEYNBCACQaWIgIAAai0AAEHlAEcNBCAE' +
    'QQVGDQQgAkGmiICAAGotAABB8wBHDQQgBEEGRg0EIAJBp4iAgABqLQAAQfMARw0EQQAhCSACQQhqIAhGDQUMBAsCQAJAAkAC' +
    'QCAHQe0ARw0AIARBAUYNACACQaKIgIAAai0AACIHQe8ARw0BIARBAkYNAUHvACEHIAJBo4iAgABqLQAAQeQARw0BIARBA0YN' +
    'ASACQaSIgIAAai0AAEH1AEcNASAEQQRGDQEgAkGliICAAGotAABB7ABHDQEgBEEFRg0BIAJBpoiAgABqLQAAQeUARw0BIARB' +
    'BkYNASACQaeIgIAAai0AAEHfAEcNASAEQQdGDQEgAkGoiICAAGotAABB4QBHDQEgBEEIRg0BIAJBqYiAgABqLQAAQeQARw0B' +
    'IARBCUYNASACQaqIgIAAai0AAEHkAEcNASAEQQpGDQEgAkGriICAAGotAABB8gBHDQEgBEELRg0BIAJBrIiAgABqLQAAQeUA' +
    'Rw0BIARBDEYNASACQa2IgIAAai0AAEHzAEcNASAEQQ1GDQEgAkGuiICAAGotAABB8wBHDQFBASEJIAJBD2ogCEcNAQwICwJA' +
    'IAdBk39qDggAAwMDAwMDAgMLIARBAUYNBiACQaKIgIAAai0AACEHCyAHQf8BcUHvAEcNBSAEQQJGDQUgAkGjiICAAGotAABB' +
    '5ABHDQUgBEEDRg0FIAJBpIiAgABqLQAAQeUARw0FQQIhCSACQQVqIAhGDQYMBQsgBEEBRg0EIAJBooiAgABqLQAAQfkARw0E' +
    'IARBAkYNBCACQaOIgIAAai0AAEHwAEcNBCAEQQNGDQQgAkGkiICAAGotAABB5QBHDQRBAyEJIAJBBWogCEYNBQwECwJAIAdB' +
    '7gBHDQAgBEEBRg0AIAJBooiAgABqLQAAQeEARw0EIARBAkYNBCACQaOIgIAAai0AAEHtAEcNBCAEQQNGDQQgAkGkiICAAGot' +
    'AABB5QBHDQRBBCEJIAJBBWogCEYNBQwECwJAAkACQCAHQZd/ag4IAAICAgICAgECCyAEQQFGDQUgAkGiiICAAGotAABB7gBH' +
    'DQUgBEECRg0FIAJBo4iAgABqLQAAQeQARw0FIARBA0YNBSACQaSIgIAAai0AAEHlAEcNBSAEQQRGDQUgAkGliICAAGotAABB' +
    '+ABHDQVBBSEJIAJBBmogCEYNBgwFCyAEQQFGDQQgAkGiiICAAGotAABB8gBHDQQgBEECRg0EAkAgAkGjiICAAGoiBy0AAEHv' +
    'AEcNACAEQQNGDQAgAkGkiICAAGotAABB9gBHDQAgBEEERg0AIAJBpYiAgABqLQAAQekARw0AIARBBUYNACACQaaIgIAAai0A' +
    'AEHkAEcNACAEQQZGDQAgAkGniICAAGotAABB5QBHDQAgBEEHRg0AIAJBqIiAgABqLQAAQfIARw0AIARBCEYNACACQamIgIAA' +
    'ai0AAEHfAEcNACAEQQlGDQAgAkGqiICAAGotAABB7gBHDQAgBEEKRg0AIAJBq4iAgABqLQAAQeEARw0AIARBC0YNACACQayI' +
    'gIAAai0AAEHtAEcNACAEQQxGDQAgAkGtiICAAGotAABB5QBHDQBBBiEJIAJBDmogCEYNBgsgBy0AAEHlAEcNBCAEQQNGDQQg' +
    'AkGkiICAAGotAABB9gBHDQQgBEEERg0EIAJBpYiAgABqLQAAQekARw0EIARBBUYNBCACQaaIgIAAai0AAEHvAEcNBCAEQQZG' +
    'DQQgAkGniICAAGotAABB9QBHDQQgBEEHRg0EIAJBqIiAgABqLQAAQfMARw0EIARBCEYNBCACQamIgIAAai0AAEHfAEcNBCAE' +
    'QQlGDQQgAkGqiICAAGotAABB4QBHDQQgBEEKRg0EIAJBq4iAgABqLQAAQeQARw0EIARBC0YNBCACQayIgIAAai0AAEHkAEcN' +
    'BCAEQQxGDQQgAkGtiICAAGotAABB8gBHDQQgBEENRg0EIAJBroiAgABqLQAAQeUARw0EIARBDkYNBCACQa+IgIAAai0AAEHz' +
    'AEcNBCAEQQ9GDQQgAkGwiICAAGotAABB8wBHDQRBCCEJIAJBEWogCEYNBQwECyAHQeQARw0BIARBAUYNASACQaKIgIAAai0A' +
    'AEHlAEcNAyAEQQJGDQMgAkGjiICAAGotAABB8ABHDQMgBEEDRg0DIAJBpIiAgABqLQAAQe8ARw0DIARBBEYNAyACQaWIgIAA' +
    'ai0AAEHzAEcNAyAEQQVGDQMgAkGmiICAAGotAABB5QBHDQMgBEEGRg0DIAJBp4iAgABqLQAAQeQARw0DQQchCSACQQhqIAhG' +
    'DQQMAwsgB0HjAEcNAiAEQQJGDQIgAkGjiICAAGotAABB9ABHDQIgBEEDRg0CIAJBpIiAgABqLQAAQekARw0CIARBBEYNAiAC' +
    'QaWIgIAAai0AAEHvAEcNAiAEQQVGDQIgAkGmiICAAGotAABB7gBHDQIgBEEGRg0CIAJBp4iAgABqLQAAQd8ARw0CIARBB0YN' +
    'AiACQaiIgIAAai0AAEHyAEcNAiAEQQhGDQIgAkGpiICAAGotAABB5QBHDQIgBEEJRg0CIAJBqoiAgABqLQAAQeEARw0CIARB' +
    'CkYNAiACQauIgIAAai0AAEHzAEcNAiAEQQtGDQIgAkGsiICAAGotAABB7wBHDQIgBEEMRg0CIAJBrYiAgABqLQAAQe4ARw0C' +
    'QQkhCSACQQ5qIAhGDQMMAgsgB0HjAEcNASAEQQFGDQEgAkGiiICAAGotAABB6ABHDQEgBEECRg0BIAJBo4iAgABqLQAAQeEA' +
    'Rw0BIARBA0YNASACQaSIgIAAai0AAEHuAEcNASAEQQRGDQEgAkGliICAAGotAABB5wBHDQEgBEEFRg0BIAJBpoiAgABqLQAA' +
    'QeUARw0BIAJBB2ogCEcNAQJAIAZFDQBBfw8LAkAgA0GgiICAAGotAABB+wBGDQBBfw8LQQBCfzcDgIrHgABBAEJ/NwP4iceA' +
    'AEEAQn83A/CJx4AAQQBCfzcD6InHgABBAEJ/NwPgiceAAEEAQn83A9iJx4AAAkAgA0EBaiICIAFODQADQCACQaCIgIAAai0A' +
    'AEF3aiIDQRdLDQFBASADdEGTgIAEcUUNASABIAJBAWoiAkcNAAtBfg8LAkAgAiABSA0AQX4PCwJAIAJBoIiAgABqLQAAQf0A' +
    'Rw0AQX8PC0F/IQZBASEDQX8hCQNAAkACQAJAAkACQAJAIANFDQACQCACQaCIgIAAai0AAEEiRg0AQX8PCwJAQaCIgIAAIAJB' +
    'AWoiByABEIaAgIAAIghBAE4NACAIDwsCQEEALQDUi8eAAEUNAEF/DwsgCCEDAkAgCCABTg0AIAghAwNAIANBoIiAgABqLQAA' +
    'QXdqIgRBF0sNAUEBIAR0QZOAgARxRQ0BIAEgA0EBaiIDRw0AC0F+DwsCQCADIAFIDQBBfg8LAkAgA0GgiICAAGotAABBOkYN' +
    'AEF/DwsCQCADQQFqIgMgAU4NAANAIANBoIiAgABqLQAAQXdqIgRBF0sNAUEBIAR0QZOAgARxRQ0BIAEgA0EBaiIDRw0AC0F+' +
    'DwsCQCADIAFIDQBBfg8LAkAgA0EATg0AIAMPCyAIQX9qIgggByAIIAdKGyAHayIERQ0EIAdBoIiAgABqLQAAIgdB4QBHDQIg' +
    'BEEBRg0EIAJBooiAgABqLQAAIgdB4wBHDQEgBEECRg0BIAJBo4iAgABqLQAAQfQARw0EIARBA0YNBCACQaSIgIAAai0AAEHp' +
    'AEcNBCAEQQRGDQQgAkGliICAAGotAABB7wBHDQQgBEEFRg0EIAJBpoiAgABqLQAAQe4ARw0EIARBBkYNBCACQaeIgIAAai0A' +
    'AEHzAEcNBCACQQhqIAhHDQRBfyECIAZBf0oNDCADQaCIgIAAai0AAEHbAEcNDAJAIANBAWoiAyABTg0AA0AgA0GgiICAAGot' +
    'AABBd2oiBEEXSw0BQQEgBHRBk4CABHFFDQEgASADQQFqIgNHDQALQX4PCwJAIAMgAUgNAEF+DwsCQCADQaCIgIAAai0AACIE' +
    'Qd0ARg0AIARBIkcNDUEAIQYDQAJAQaCIgIAAIANBAWogARCGgICAACIEQQBODQAgBA8LIAMhCAJAIAMgBE4NAANAIAhBoIiA' +
    'gABqLAAAQQBIDRAgBCAIQQFqIghHDQALCyAGQRBGDQ4gBkEMbCIIQZiKx4AAaiAENgIAIAhBlIrHgABqIAM2AgAgCEGciseA' +
    'AGpBAC0A1IvHgAA2AgACQCAEIAFODQADQCAEQaCIgIAAai0AAEF3aiIDQRdLDQFBASADdEGTgIAEcUUNASABIARBAWoiBEcN' +
    'AAtBfg8LAkAgBCABSA0AQX4PCyAGQQFqIQYgBEEBaiEDAkAgBEGgiICAAGotAAAiBEEsRg0AIARB3QBHDQ8gAyECDAgLAkAg' +
    'AyABTg0AA0AgA0GgiICAAGotAABBd2oiBEEXSw0BQQEgBHRBk4CABHFFDQEgASADQQFqIgNHDQALQX4PCwJAIAMgAUgNAEF+' +
    'DwsgA0GgiICAAGotAABBIkYNAAwOCwsgA0EBaiECQQAhBgwFCwJAIAZBAE4NAEF/DwtBACAGNgKMiseAAEEBIQZBACAJQQFG' +
    'NgKIiseAACACQQBIDQsMCQsgB0HmAEcNAiAEQQJGDQICQCACQaOIgIAAaiIHLQAAQfQARw0AIARBA0YNACACQaSIgIAAai0A' +
    'AEHlAEcNACAEQQRGDQAgAkGliICAAGotAABB8gBHDQBBAiEKIAJBBmogCEYNAgsCQCAHLQAAQfQARw0AIARBA0YNACACQaSI' +
    'gIAAai0AAEHlAEcNACAEQQRGDQAgAkGliICAAGotAABB8gBHDQAgBEEFRg0AIAJBpoiAgABqLQAAQd8ARw0AIARBBkYNACAC' +
    'QaeIgIAAai0AAEH1AEcNACAEQQdGDQAgAkGoiICAAGotAABB7gBHDQAgBEEIRg0AIAJBqYiAgABqLQAAQesARw0AIARBCUYN' +
    'ACACQaqIgIAAai0AAEHuAEcNACAEQQpGDQAgAkGriICAAGotAABB7wBHDQAgBEELRg0AIAJBrIiAgABqLQAAQfcARw0AIARB' +
    'DEYNACACQa2IgIAAai0AAEHuAEcNAEEEIQogAkEOaiAIRg0CCyAHLQAAQfQARw0CIARBA0YNAiACQaSIgIAAai0AAEHlAEcN' +
    'AiAEQQRGDQIgAkGliICAAGotAABB8gBHDQIgBEEFRg0CIAJBpoiAgABqLQAAQd8ARw0CIARBBkYNAiACQaeIgIAAai0AAEHz' +
    'AEcNAiAEQQdGDQIgAkGoiICAAGotAABB5QBHDQIgBEEIRg0CIAJBqYiAgABqLQAAQe4ARw0CIARBCUYNAiACQaqIgIAAai0A' +
    'AEHzAEcNAiAEQQpGDQIgAkGriICAAGotAABB6QBHDQIgBEELRg0CIAJBrIiAgABqLQAAQfQARw0CIARBDEYNAiACQa2IgIAA' +
    'ai0AAEHpAEcNAiAEQQ1GDQIgAkGuiICAAGotAABB9gBHDQIgBEEORg0CIAJBr4iAgABqLQAAQeUARw0CQQghCiACQRBqIAhH' +
    'DQIMAQsCQCAHQekARw0AIARBAUYNACACQaKIgIAAai0AAEHtAEcNAiAEQQJGDQIgAkGjiICAAGotAABB8ABHDQIgBEEDRg0C' +
    'IAJBpIiAgABqLQAAQe8ARw0CIARBBEYNAiACQaWIgIAAai0AAEHyAEcNAiAEQQVGDQIgAkGmiICAAGotAABB9ABHDQIgBEEG' +
    'Rg0CIAJBp4iAgABqLQAAQekARw0CIARBB0YNAiACQaiIgIAAai0AAEHuAEcNAiAEQQhGDQIgAkGpiICAAGotAABB5wBHDQIg' +
    'AkEKaiAIRw0CQX8hAiAJQX9KDQpBACEEAkAgA0GgiICAAGotAABB7gBHDQACQAJAIAEgA2siAkEBRw0AQX4hBAwBC0F/IQQg' +
    'A0GhiICAAGotAABB9QBHDQACQCACQQJHDQBBfiEEDAELIANBooiAgABqLQAAQewARw0AQX4hBCACQQNGDQAgA0EEakF/IANB' +
    'o4iAgABqLQAAQewARhshBAsgBEEASiEEC0GgiICAACADIAEQhYCAgAAiAkEASA0KIARBAXMhCQwDCwJAIAdB4gBHDQAgBEEB' +
    'Rg0CIAJBooiAgABqLQAAQeUARw0CIARBAkYNAgJAIAJBo4iAgABqIgctAABB5gBHDQAgBEEDRg0AIAJBpIiAgABqLQAAQe8A' +
    'Rw0AIARBBEYNACACQaWIgIAAai0AAEHyAEcNACAEQQVGDQAgAkGmiICAAGotAABB5QBHDQBBACEKIAJBB2ogCEYNAgsgBy0A' +
    'AEHmAEcNAiAEQQNGDQIgAkGkiICAAGotAABB7wBHDQIgBEEERg0CIAJBpYiAgABqLQAAQfIARw0CIARBBUYNAiACQaaIgIAA' +
    'ai0AAEHlAEcNAiAEQQZGDQIgAkGniICAAGotAABB3wBHDQIgBEEHRg0CIAJBqIiAgABqLQAAQfMARw0CIARBCEYNAiACQamI' +
    'gIAAai0AAEHlAEcNAiAEQQlGDQIgAkGqiICAAGotAABB7gBHDQIgBEEKRg0CIAJBq4iAgABqLQAAQfMARw0CIARBC0YNAiAC' +
    'QayIgIAAai0AAEHpAEcNAiAEQQxGDQIgAkGtiICAAGotAABB9ABHDQIgBEENRg0CIAJBroiAgABqLQAAQekARw0CIARBDkYN' +
    'AiACQa+IgIAAai0AAEH2AEcNAiAEQQ9GDQIgAkGwiICAAGotAABB5QBHDQJBBiEKIAJBEWogCEYNAQwCCyAHQfIARw0BIARB' +
    'AUYNASACQaKIgIAAai0AAEHlAEcNASAEQQJGDQEgAkGjiICAAGotAABB8ABHDQEgBEEDRg0BIAJBpIiAgABqLQAAQewARw0B' +
    'IARBBEYNASACQaWIgIAAai0AAEHhAEcNASAEQQVGDQEgAkGmiICAAGotAABB4wBHDQEgBEEGRg0BIAJBp4iAgABqLQAAQeUA' +
    'Rw0BIARBB0YNASACQaiIgIAAai0AAEHfAEcNASAEQQhGDQEgAkGpiICAAGotAABB8ABHDQEgBEEJRg0BIAJBqoiAgABqLQAA' +
    'QeEARw0BIARBCkYNASACQauIgIAAai0AAEH0AEcNASAEQQtGDQEgAkGsiICAAGotAABB6ABHDQEgBEEMRg0BIAJBrYiAgABq' +
    'LQAAQfMARw0BQQohCiACQQ5qIAhHDQELQX8hAiAKQQJ0IghB2InHgABqIgQoAgBBf0oNCCAEIAMgAGs2AgBBoIiAgAAgAyAB' +
    'EIWAgIAAIgJBAEgNCCAIQdyJx4AAaiACIABrNgIADAELQaCIgIAAIAMgARCFgICAACICQQBIDQcLAkAgAiABTg0AA0AgAkGg' +
    'iICAAGotAABBd2oiA0EXSw0BQQEgA3RBk4CABHFFDQEgASACQQFqIgJHDQALQX4PCwJAIAIgAUgNAEF+DwsgAkEBaiEDAkAC' +
    'QCACQaCIgIAAai0AACIEQf0ARw0AIAMhAgwBC0F/IQIgBEEsRw0HAkACQCADIAFIDQAgAyECDAELIAMhAgNAIAJBoIiAgABq' +
    'LQAAQXdqIgNBF0sNAUEBIAN0QZOAgARxRQ0BIAEgAkEBaiICRw0AC0F+DwsgAiABSA0AQX4PCyAEQSxGIQMgAkEATg0ADAYL' +
    'CwJAIAYNAEF/DwtBACAFNgKQiseAAAwEC0GgiICAACADIAEQhYCAgAAiAkEATg0BDAMLAkBBASAJdCIKIAVxRQ0AQX8PCyAJ' +
    'QQNsQQJ0IglB4IjHgABqIAM2AgACQAJAIANBoIiAgABqLQAAIgRBmn9qIgJBDksNAEEBIAJ0QYGCAXFFDQACQEGFiICAAEGK' +
    'iICAAEGAiICAACAEQeYARhsgBEH0AEYbIgctAAEiAg0AQQEgA2ohAgwCC0EBIQQDQAJAIAMgBGoiCCABSA0AQX4PCwJAIAhB' +
    'oIiAgABqLQAAIAJB/wFxRg0AQX8PCyAHIARqIQIgBEEBaiIIIQQgAkEBai0AACICDQALIAggA2ohAgwBCwJAAkACQCAEQV5q' +
    'DgwAAQEBAQEBAQEBAQIBC0GgiICAACADQQFqIAEQhoCAgAAhAgwCCyAEQUZqQf8BcUH2AU8NAEF/DwtBoIiAgAAgAyABEIeA' +
    'gIAAIQILIAJBAEgNAiAKIAVyIQUgCUHkiMeAAGogAjYCACAJQeiIx4AAakEALQDUi8eAADYCAAsCQCACIAFODQADQCACQaCI' +
    'gIAAai0AAEF3aiIDQRdLDQFBASADdEGTgIAEcUUNASABIAJBAWoiAkcNAAtBfg8LAkAgAiABSA0AQX4PCyACQQFqIQMCQAJA' +
    'IAJBoIiAgABqLQAAIgRB/QBHDQAgAyECDAELQX8hAiAEQSxHDQICQAJAIAMgAUgNACADIQIMAQsgAyECA0AgAkGgiICAAGot' +
    'AABBd2oiA0EXSw0BQQEgA3RBk4CABHFFDQEgASACQQFqIgJHDQALQX4PCyACIAFIDQBBfg8LIARBLEYhBCACQQBODQALCyAC' +
    'C/8IAQh/AkAgAEEBaiIAIAFODQADQCAAQaCIgIAAai0AAEF3aiICQRdLDQFBASACdEGTgIAEcUUNASABIABBAWoiAEcNAAtB' +
    'fg8LAkAgACABSA0AQX4PCwJAAkAgAEGgiICAAGotAAAiAkH9AEcNAEEAIQNBACEEDAELQX8hBQJAIAJBIkcNAEEAIQNBACEG' +
    'A0ACQEGgiICAACAAQQFqIgcgARCGgICAACIIQQBODQAgCA8LQX8hBUEALQDUi8eAAA0BIAghAgJAIAggAU4NACAIIQIDQCAC' +
    'QaCIgIAAai0AAEF3aiIEQRdLDQFBASAEdEGTgIAEcUUNASABIAJBAWoiAkcNAAtBfg8LAkAgAiABSA0AQX4PCyACQaCIgIAA' +
    'ai0AAEE6Rw0BAkAgAkEBaiICIAFODQADQCACQaCIgIAAai0AAEF3aiIEQRdLDQFBASAEdEGTgIAEcUUNASABIAJBAWoiAkcN' +
    'AAtBfg8LAkAgAiABSA0AQX4PCwJAAkACQCAIQX9qIgkgByAJIAdKGyAHayIEDQBBACEIDAELQQAhCAJAIAdBoIiAgABqIgct' +
    'AABB7QBHDQBBACEIIARBAUYNAUEAIQggAEGiiICAAGotAABB7wBHDQAgBEECRg0AIABBo4iAgABqLQAAQeQARw0AIARBA0YN' +
    'ACAAQaSIgIAAai0AAEHlAEcNACAAQQVqIAlGIQgLIActAABB5ABHDQAgBEEBRg0AIABBooiAgABqLQAAQeUARw0AIARBAkYN' +
    'ACAAQaOIgIAAai0AAEHwAEcNACAEQQNGDQAgAEGkiICAAGotAABB7wBHDQAgBEEERg0AIABBpYiAgABqLQAAQfMARw0AIARB' +
    'BUYNACAAQaaIgIAAai0AAEHlAEcNACAEQQZGDQAgAEGniICAAGotAABB5ABHDQAgBEEHRg0AIABBqIiAgABqLQAAQd8ARw0A' +
    'IARBCEYNACAAQamIgIAAai0AAEHrAEcNACAEQQlGDQAgAEGqiICAAGotAABB5QBHDQAgBEEKRg0AIABBq4iAgABqLQAAQfkA' +
    'Rw0AQQEhBCAAQQxqIAlGDQELIAYhBAsCQEGgiICAACACIAEQhYCAgAAiAEEATg0AIAAPCwJAIAhFDQBBACEDIAJBoIiAgABq' +
    'LQAAQSJHDQBBAC0A1IvHgAANAiACQQFqIABBf2pBkIiAgAAQjoCAgAAhAwsCQCAAIAFODQADQCAAQaCIgIAAai0AAEF3aiIC' +
    'QRdLDQFBASACdEGTgIAEcUUNASABIABBAWoiAEcNAAtBfg8LAkAgACABSA0AQX4PCwJAIABBoIiAgABqLQAAIgJBLEYNACAC' +
    'Qf0ARg0DDAILAkAgAEEBaiIAIAFODQADQCAAQaCIgIAAai0AAEF3aiICQRdLDQFBASACdEGTgIAEcUUNASABIABBAWoiAEcN' +
    'AAtBfg8LAkAgACABSA0AQX4PCyAEIQYgAEGgiICAAGotAABBIkYNAAsLIAUPC0EAIAQ2ArSIxIAAQQAgAzYCsIjEgAAgAEEB' +
    'aguFAQEGfwJAAkACQCACLQAAIgMNAEEAIQQMAQsgAkEBaiEFIABBoIiAgABqIQYgASAAIAEgAEobIABrIQdBACEIQQAhAgNA' +
    'IAcgAkYNAiAGIAJqLQAAIANB/wFxRw0CIAUgAmohAyACQQFqIgQhAiADLQAAIgMNAAsLIAQgAGogAUYhCAsgCAsIAEHgi8eA' +
    'AAsIAEHwi4eBAAsIAEHwi5eBAAsIAEHwq5eBAAsIAEGgrJeBAAsIAEHwrNeBAAsIAEHwrdeBAAsIAEHwrteBAAv2BwQBfgJ/' +
    'AXsIfwJAIABB/wFNDQBBfw8LAkACQAJAAkAgAEUNACAArUKV+Kn6l7fem55/hSEBQQAhAiAAIQMDQCACQfCu14EAav0ABAAh' +
    'BAJAIANBD0oNACAEIAP9D/0MAAECAwQFBgcICQoLDA0OD/0n/U4hBAsgBP0dACABhULNmdbq/vrrqH9+IgEgBP0dAYUgAUId' +
    'iIVC09iX1OG/rudEfiEBIANBcGohAyACQRBqIgIgAEgNAAsgAUIgiCABhaciBUH/D3EiBkECdEGQ8diBAGooAgAiA0UNAgNA' +
    'AkAgBkECdEGQsdmBAGooAgAgBUcNACADQX9qIgdBAnQiA0GQ0deBAGooAgAgAEcNACADQZCx14EAaigCAEGQ8deBAGohAkEA' +
    'IQMCQANAIAIgA2otAAAgA0HwrteBAGotAABHDQEgACADQQFqIgNHDQAMBQsLIAAgA0YNAwsgBkEBakH/D3EiBkECdEGQ8diB' +
    'AGooAgAiAw0ADAMLCwJAQQAoAsCe2YEAIgJFDQBBrAshAwNAAkAgA0ECdEGQsdmBAGooAgBBrIv0i35HDQAgAkF/aiIHQQJ0' +
    'QZDR14EAaigCAA0AQayL9It+IQUMAwsgA0EBakH/D3EiA0ECdEGQ8diBAGooAgAiAg0ACwtBrIv0i34hBQwBCyAHQX9KDQEL' +
    'AkBBACgCgLHXgQAiCEGACEcNAEF/DwtBfyEHQQAoAoSx14EAIgIgAGpBgIABSg0AQQAhBkEAIAhBAWoiCTYCgLHXgQAgCEEC' +
    'dCIDQZCx14EAaiACNgIAIANBkNHXgQBqIAA2AgAgBSEDAkAgAEEATA0AAkACQCAAQRBJDQAgAEFwcSIGQXBqIgdBBHZBAWoi' +
    'CkEDcSELQQAhAwJAIAdBMEkNACACQZDx14EAaiEMIApB/P///wFxIQpBACEDA0AgDCADaiIHIANB8K7XgQBq/QAEAP0LAAAg' +
    'B0EQaiADQYCv14EAav0ABAD9CwAAIAdBIGogA0GQr9eBAGr9AAQA/QsAACAHQTBqIANBoK/XgQBq/QAEAP0LAAAgA0HAAGoh' +
    'AyAKQXxqIgoNAAsLAkAgC0UNACACQZDx14EAaiEHA0AgByADaiADQfCu14EAav0ABAD9CwAAIANBEGohAyALQX9qIgsNAAsL' +
    'IAIgBmohAiAGIABGDQELA0AgAkGQ8deBAGogBkHwrteBAGotAAA6AAAgAkEBaiECIAAgBkEBaiIGRw0ACwtBACACNgKEsdeB' +
    'ACAFIQMLA0AgA0H/D3EiAkEBaiEDIAJBAnRBkPHYgQBqIgAoAgANAAsgACAJNgIAIAJBAnRBkLHZgQBqIAU2AgAgCCEHCyAH' +
    'C5oeAxx/AX4Be0EAQQg2ApTx2YEAQQBCADcCmPHZgQBBAEEBNgKQ8dmBAEEAQdsAOgCgrJeBAEHgi8eAAEGgiICAACAAGyID' +
    'QQFqIQRBACEFA0ACQAJAIAVFDQBBACEGQQAoApDx2YEAIgBBoKyXgQBqQSw6AABBACAAQQFqNgKQ8dmBACAFQQFHDQELIAVB' +
    'AnQiAEH4i4eBAGpBADYCAEEBIQYgAEHwi4eBAGpBATYCAAsCQAJAIAVBA3RB8KuXgQBqKAIAIgBBf0oNAEEAKAKQ8dmBACIA' +
    'QaCsl4EAakEwOgAAQQAgAEEBajYCkPHZgQAMAQtBfyEHAkAgACAFQQF0QQJ0QQRyQfCrl4EAaigCACIITg0AIAggAWoiCEGA' +
    'gMAASg0AAkAgAyAAIAFqIglqLQAAIgBB+wBGDQACQCAGRQ0AIABB7gBHDQILIAMgCSAIEJmAgIAADAILQQAhB0EBIQpBAEEA' +
    'KAKg+dmBAEEBajYCoPnZgQBBAEEAKAKQ8dmBACIAQQFqNgKQ8dmBAEH7ACELIABBoKyXgQBqQfsAOgAAQQBBADYCpPnZgQBB' +
    'fyEMIAVBfyAGGyINQQJ0Ig5BmPHZgQBqIQ9BAEEBQX8gBUEERhsgBUEDRhsiEEECdEGY8dmBAGohEUEAIRJBACETQQAhFEEA' +
    'IRVBACEWAkADQCANQX9KIAcgAkxxIRcgC0H/AXEhGAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCALQd8BcUHbAEcN' +
    'AAJAIAlBAWoiACAITg0AA0AgAyAAai0AAEF3aiIGQRdLDQFBASAGdEGTgIAEcUUNASAIIABBAWoiAEcNAAtBfyEGDBELQX8h' +
    'BiAAIAhODRACQCAYQQJqIAMgAGotAABHDQAgAEEBaiEADAgLIAdBAUgNAgJAIA1BAEgNACAHIAJIDQILIAMgCSAIEIWAgIAA' +
    'IgBBAE4NCAwQCyAYQZp/aiIAQQ5LDQJBASAAdEGBggFxRQ0CAkBBhYiAgABBioiAgABBgIiAgAAgGEHmAEYbIBhB9ABGGyIY' +
    'LQABIgsNAEEBIAlqIQAMBAsgAyAJaiEWQQEhAANAQX8hBiAJIABqIAhODRAgFiAAai0AACALQf8BcUcNECAYIABqIQYgAEEB' +
    'aiIZIQAgBkEBai0AACILDQALIBkgCWohAAwDCyAHQYAERg0OCyAHQbD92YEAaiAWOgAAIAdBAnQiBkGwgdqBAGpBADYCACAG' +
    'QbCR2oEAaiAVQQFqIhU2AgAgB0Gw+dmBAGpBAUECIBhB+wBGGzoAACAHQQFqIRogGEH7AEcNCAwGCwJAAkACQCAYQV5qDgwA' +
    'AQEBAQEBAQEBAQIBC0F/IQYgAyAJQQFqIgsgCBCGgICAACIAQQBIDQ4gF0UNBiASQQFqIRICQCAWDQBBAC0A8IuXgQAiG0UN' +
    'ByAEIAlqIRogAEF/aiIcIAtrIR1BACEXIBshGANAAkAgHSAYQf8BcSIeSA0AIBdB8YuXgQBqIRggGiEWIB4hGQJAA0AgFi0A' +
    'ACAYLQAARw0BIBZBAWohFiAYQQFqIRggGUF/aiIZDQAMBAsLIBlFDQILIBdBAWogHmoiF0Hwi5eBAGotAAAiGA0AC0EALQDU' +
    'i8eAAEUNByAcIAsgHCALShsgC2shF0EAIRgDQCAYQfGLl4EAaiEeIBhBAWohHSAbQf8BcSEZQQAhGAJAA0ACQCAXIBhHDQAg' +
    'FyEYDAILIBogGGotAAAiFkHcAEYNASAWIB4gGGotAABHDQEgGSAYQQFqIhhHDQAMAwsLIBggGUYNAQJAIBggC2oiGCAcTg0A' +
    'IAMgGGotAABB3ABGDQILIB0gGWoiGEHwi5eBAGotAAAiGw0ADAgLC0EAKAKU8dmBACIYQQRqIhkgB0EDbGpBgIAESg0OIBhB' +
    'AnQiFkH0i4eBAGogADYCACAWQfCLh4EAaiAJNgIAQQAhF0EALQDUi8eAACEeAkAgCyAAQX9qIhhODQAgACAJa0F+aiEJAkAD' +
    'QEF/IAl0QX9zQX8gCUEQSBsgAyALav0AAAD9ZHENASAJQXBqIQkgC0EQaiILIBhODQIMAAsLQQIhFwtBACAZNgKU8dmBACAW' +
    'QfyLh4EAaiAHNgIAIBZB+IuHgQBqIBcgHnI2AgAgB0EBSA0EIBZBiIyHgQBqIQlBACELQQAhGANAAkACQCAYQbD52YEAai0A' +
    'AEEBRyIXRQ0AQX8hFkGwgdqBACEeDAELIAtBsKHagQBqKAIAIRZBsLHagQAhHgsgCUF4aiAWNgIAIAlBfGogHiALaigCADYC' +
    'AEEAIRYCQCAXDQAgC0GwwdqBAGooAgAhFgsgCSAWNgIAIAlBDGohCSALQQRqIQsgGUEDaiEZIAcgGEEBaiIYRg0EDAALCyAL' +
    'QUZqQf8BcUH2AU8NAEF/IQYMDQsgAyAJIAgQh4CAgAAhAAsgAEEATg0CQX8hBgwLC0EAIBk2ApTx2YEACyATQQFqIRMgFA0B' +
    'IA8oAgAiCUGAIEYNCUEBIRQgDyAJQQFqNgIAIA1BDnQgCUECdGoiBkGw0dqBAGpBACgCsKHagQA2AgAgBkGw0dyBAGpBACgC' +
    'sLHagQA2AgAgBkGw0d6BAGpBACgCsMHagQA2AgAMAQsgEiAXaiESCwNAAkACQCAHQQFHDQAgDEEASA0AAkAgCg0AQQAoApDx' +
    '2YEAIgZBoKyXgQBqQSw6AABBACAGQQFqNgKQ8dmBAAsgAyAMIAAQmYCAgABBACEKQX8hDAwBCyAHDQBBACgCkPHZgQAiBkGg' +
    'rJeBAGpB/QA6AABBACAGQQFqNgKQ8dmBAAJAIA1BAE4NACAAIQYMCgsgDkH4i4eBAGogEzYCACAOQfCLh4EAaiASNgIAIAAh' +
    'BgwJCwJAIAAgCE4NAANAIAMgAGotAABBd2oiBkEXSw0BQQEgBnRBk4CABHFFDQEgCCAAQQFqIgBHDQALQX8hBgwJC0F/IQYg' +
    'ACAITg0IIAdBf2ohCyAHQa/52YEAai0AACEJAkAgAyAAai0AACIYQSxHDQACQCAAQQFqIgAgCE4NAANAIAMgAGotAABBd2oi' +
    'BkEXSw0BQQEgBnRBk4CABHFFDQEgCCAAQQFqIgBHDQALIAghAAsgCUH/AXFBAkYNAyAHIRogCyEHDAILQf0AQd0AIAlB/wFx' +
    'QQFGGyAYRw0IIABBAWohACALIQcMAAsLQX8hBiAAIAhODQYgAyAAai0AAEEiRw0GIAMgAEEBaiIdIAgQhoCAgAAiGEEASA0G' +
    'QQAtANSLx4AAQQFxDQYgGEF/aiIWIB1rIhesQpX4qfqXt96bnn+FIR8CQCAWIB1MDQAgGCAAa0F+aiEJIB0hCwNAIAMgC2r9' +
    'AAAAISACQCAJQQ9KDQAgICAJ/Q/9DAABAgMEBQYHCAkKCwwNDg/9J/1OISALICD9HQAgH4VCzZnW6v7666h/fiIfICD9HQGF' +
    'IB9CHYiFQtPYl9Thv67nRH4hHyAJQXBqIQkgC0EQaiILIBZIDQALC0EAQQAoAqT52YEAIglBAWo2AqT52YEAIAlB/x9KDQYC' +
    'QCAHQQJ0IhtBsJHagQBqKAIAQbHz3fF5bCAfQiCIIB+FpyIec0HrlK+veGwiB0EQdiAHcyIJQbHz3fF5bEETdiIHQQJ0QbDR' +
    '4IEAaiILKAIAQQAoAqD52YEAIhlHDQADQCAHQQJ0QbDR4oEAaigCACAJRg0IIAdBAWpB/z9xIgdBAnRBsNHggQBqIgsoAgAg' +
    'GUYNAAsLIAsgGTYCACAHQQJ0QbDR4oEAaiAJNgIAIBtBsKHagQBqIB02AgAgG0GwsdqBAGogFjYCACAbQbDB2oEAaiAeNgIA' +
    'AkACQCAeQf8PcSILQQJ0QZDx2IEAaigCACIGRQ0AAkAgF0EBSA0AIAMgHWohFgNAAkAgC0ECdEGQsdmBAGooAgAgHkcNACAG' +
    'QX9qIhlBAnQiBkGQ0deBAGooAgAgF0cNACAGQZCx14EAaigCAEGQ8deBAGohBiAWIQcgFyEJAkADQCAGLQAAIActAABHDQEg' +
    'BkEBaiEGIAdBAWohByAJQX9qIgkNAAwGCwsgCUUNBAsgC0EBakH/D3EiC0ECdEGQ8diBAGooAgAiBg0ADAILCyAXDQADQAJA' +
    'IAtBAnRBkLHZgQBqKAIAIB5HDQAgBkF/aiIZQQJ0QZDR14EAaigCAEUNAwsgC0EBakH/D3EiC0ECdEGQ8diBAGooAgAiBg0A' +
    'CwtBfyEZC0EAIRYCQCANQQBIDQBBACEGAkAgGUEASA0AIBlBA3ZB8K3XgQBqLQAAIBlBB3F2QQFxIQYLIAZBAEchFgsgGkEB' +
    'Rw0DAkAgGUEASA0AIABBfyAZQQN2QfCs14EAai0AACAZQQdxdkEBcSIGGyEMQQAhFCAGDQQgEEEASA0EDAMLQQAhFCAQQQBO' +
    'DQJBfyEMDAMLIAtBAnRBsIHagQBqIgYgBigCAEEBajYCACALQbD92YEAai0AACEWIAchGgsgFkH/AXEhFgwCC0F/IQwCQCAR' +
    'KAIAIhlBAU4NAEEAIRQMAQsgAyAdaiEJQQAhCwNAAkAgEEEOdCALQQJ0aiIGQbDR3oEAaigCACAeRw0AIAZBsNHcgQBqKAIA' +
    'IAZBsNHagQBqKAIAIgdrIBdHDQBBACEUQQAhBgJAIBdBAUgNACADIAdqIQdBACEGA0AgByAGai0AACAJIAZqLQAARw0BIBcg' +
    'BkEBaiIGRw0AC0EAIRQgACEMDAMLIAYgF0cNACAAIQwMAgtBACEUIAtBAWoiCyAZRw0ACwsCQCAYIAhODQADQCADIBhqLQAA' +
    'QXdqIgBBF0sNAUEBIAB0QZOAgARxRQ0BQX8hBiAIIBhBAWoiGEcNAAwECwtBfyEGIBggCE4NAiADIBhqLQAAQTpHDQIgGEEB' +
    'aiIAIAhODQADQCADIABqLQAAQXdqIgdBF0sNAUEBIAd0QZOAgARxRQ0BIAggAEEBaiIARw0ADAMLCwJAIAAgCEgNAEF/IQYM' +
    'AgsgAyAAai0AACELIAAhCSAaIQcMAAsLIAYgCEYNAUF/IQcLIAcPCyAFQQFqIgVBBUcNAAtBAEEAKAKU8dmBADYCgIyHgQBB' +
    'ACgCkPHZgQAiAEGgrJeBAGpB3QA6AABBACAAQQFqIgA2ApDx2YEAQQAgADYChIyHgQBBAQteAQN/QQAoApDx2YEAIQMCQCAC' +
    'IAFMDQAgA0GgrJeBAGohBCABIQUDQCAEIAAgBWr9AAAA/QsAACAEQRBqIQQgBUEQaiIFIAJIDQALC0EAIAIgAWsgA2o2ApDx' +
    '2YEACwsfAQBBgAgLGG51bGwAdHJ1ZQBmYWxzZQBtYW5hZ2VkAADQAgRuYW1lAagCGgAGYnVmZmVyAQVzdGFjawIGcmVzdWx0' +
    'AwhjYXBhY2l0eQQKc2tpcF92YWx1ZQUNc2tpcF92YWx1ZV9pbgYLc2tpcF9zdHJpbmcHC3NraXBfbnVtYmVyCAtza2lwX3Vu' +
    'cmVhZAkLcmVmcmVzaF9vdXQKCnNjYW5fbGluZXMLCHBlZWtfb3V0DAtwZWVrX2NoYW5nZQ0Oc3RhdGVfcmVzb3VyY2UOB2lz' +
    'X3dvcmQPBHNpZGUQCHdhbGtfb3V0EQt3YWxrX3RhYmxlcxINcHJvamVjdF9zcGFucxMMcHJvamVjdF90ZXh0FA1wcm9qZWN0' +
    'X25hbWVzFQxyYWRpdXNfbmFtZXMWCm5hbWVfaW5wdXQXCGFkZF9uYW1lGAdwcm9qZWN0GQNwdXQHEgEAD19fc3RhY2tfcG9p' +
    'bnRlcgkKAQAHLnJvZGF0YQAtCXByb2R1Y2VycwEMcHJvY2Vzc2VkLWJ5AQxEZWJpYW4gY2xhbmcGMTQuMC42ABoPdGFyZ2V0' +
    'X2ZlYXR1cmVzASsHc2ltZDEyOA==';

/**
 * The WebAssembly kernel of the plan readers (scan.c, built into scan-wasm.ts by
 * `npm run build:wasm`): the grammar loops that dominate reading a large plan, at about twice
 * the speed of their JavaScript twins. Each export mirrors one JavaScript function, which stays
 * the reference and the fallback: where WebAssembly is unavailable (`node --jitless`) or turned
 * off with `useKernel(false)`, `kernel()` is undefined and the readers run the JavaScript.
 *
 * The kernel owns one window of `capacity` bytes. A caller copies at most that much into it with
 * `load()`, gets a Buffer view back, and must be done with the view before it calls `load()`
 * again: the readers load, scan and drop each chunk synchronously.
 */
class Kernel {
    x;
    /** Bytes `load` takes at once. */
    capacity;
    /** The grammar stack of skip_unread. */
    stack;
    /** out[] of scan.c. */
    out;
    /** What peekChange found (pout of scan.c; offsets into the window). */
    peekOut;
    /** rout[] of scan.c: the refresh addresses scan_lines found. */
    refreshOut;
    memory;
    base;
    /** The window, whole: a reader may read input straight into it, then push views of it. */
    window;
    /** The second window, for bytes that are not in the first (project's `which` = 1). */
    sideWindow;
    /** project's counts and string leaves (wout of scan.c). */
    walkOut;
    /** Where project finds the values of the element (pspans of scan.c). */
    projectSpans;
    /** project's JSON text (gout of scan.c). */
    text;
    tables;
    tablesKey = '';
    tablesFor;
    /**
     * The set of names project keeps and the set whose string leaves it reports (wanted and radius
     * of scan.c), and where add_name reads a name.
     */
    wanted;
    radius;
    nameInput;
    /** Registered names and their indexes in scan.c's table (-1: cannot be registered). */
    nameIndexes = new Map();
    /** The bits of `wanted` for each set of names given to keepNames (null: not all fit). */
    nameSets = new WeakMap();
    namesFor;
    wantedSize = 0;
    constructor(x) {
        this.x = x;
        this.memory = x.memory.buffer;
        this.base = x.buffer();
        this.capacity = x.capacity();
        this.window = Buffer.from(this.memory, this.base, this.capacity);
        this.stack = new Uint8Array(this.memory, x.stack(), 1 << 16);
        this.out = new Int32Array(this.memory, x.result(), 5);
        this.peekOut = new Int32Array(this.memory, x.peek_out(), 45 + 3 * 16);
        this.refreshOut = new Int32Array(this.memory, x.refresh_out(), 1);
        this.sideWindow = Buffer.from(this.memory, x.side(), this.capacity);
        this.walkOut = new Int32Array(this.memory, x.walk_out(), 1 << 16);
        this.tables = new Uint8Array(this.memory, x.walk_tables(), 4096);
        this.projectSpans = new Int32Array(this.memory, x.project_spans(), 10);
        this.text = Buffer.from(this.memory, x.project_text(), this.capacity + 64);
        this.wanted = new Uint8Array(this.memory, x.project_names(), NAMES / 8);
        this.radius = new Uint8Array(this.memory, x.radius_names(), NAMES / 8);
        this.nameInput = new Uint8Array(this.memory, x.name_input(), 256);
    }
    /**
     * Where walk() finds `b`: [which, offset], from the first window, else copied into the
     * second; undefined when it is larger than a window.
     */
    place(b) {
        const o = this.offsetOf(b);
        if (o >= 0)
            return [0, o];
        if (b.length > this.capacity)
            return undefined;
        this.sideWindow.set(b);
        return [1, 0];
    }
    /**
     * Sets project's lists: attribute names whose string leaves it reports, and string prefixes it
     * reports anywhere (at most 255 and 16 bytes each). False when they do not fit.
     */
    walkLists(names, prefixes) {
        if (this.tablesFor?.[0] === names && this.tablesFor[1] === prefixes)
            return true;
        const key = `${names.join('\n')}\n\n${prefixes.join('\n')}`;
        if (key === this.tablesKey) {
            this.tablesFor = [names, prefixes];
            return true;
        }
        if (names.some((name) => name === ''))
            return false;
        const bits = this.nameBits(new Set(names));
        if (bits === null)
            return false;
        const bytes = [];
        for (const word of prefixes) {
            const encoded = Buffer.from(word, 'utf8');
            // Words of at most 16 bytes: what the kernel's prefix table is made for.
            if (encoded.length === 0 || encoded.length > 16 || encoded.toString('utf8') !== word) {
                return false;
            }
            bytes.push(encoded.length, ...encoded);
        }
        bytes.push(0);
        if (bytes.length > this.tables.length)
            return false;
        this.radius.set(bits);
        this.tables.set(bytes);
        this.tablesKey = key;
        this.tablesFor = [names, prefixes];
        return true;
    }
    /**
     * Sets the top-level attribute names project() keeps (until the next call). False when they
     * cannot all be registered in the kernel's table: then project() must not run for them. A set
     * is remembered by identity (and size): it must not change once given.
     */
    keepNames(names) {
        if (names === this.namesFor && this.wantedSize === names.size)
            return true;
        let set = this.nameSets.get(names);
        if (set === undefined || set.size !== names.size) {
            set = { size: names.size, bits: this.nameBits(names) };
            this.nameSets.set(names, set);
        }
        if (set.bits === null) {
            this.namesFor = undefined;
            return false;
        }
        this.wanted.set(set.bits);
        this.namesFor = names;
        this.wantedSize = names.size;
        return true;
    }
    nameBits(names) {
        const bits = new Uint8Array(NAMES / 8);
        for (const name of names) {
            const x = this.nameIndex(name);
            if (x < 0)
                return null;
            bits[x >> 3] |= 1 << (x & 7);
        }
        return bits;
    }
    /** The index of `name` in scan.c's name table (registered on first use), or -1. */
    nameIndex(name) {
        let x = this.nameIndexes.get(name);
        if (x === undefined) {
            const bytes = Buffer.from(name, 'utf8');
            // A lone surrogate has no UTF-8: its bytes would be those of U+FFFD, another name.
            const exact = bytes.length <= this.nameInput.length - 1 && bytes.toString('utf8') === name;
            if (exact)
                this.nameInput.set(bytes);
            x = exact ? this.x.add_name(bytes.length) : -1;
            this.nameIndexes.set(name, x);
        }
        return x;
    }
    /**
     * project of scan.c: the values of the element at offset `o` of window `which`, where
     * projectSpans says (relative to `o`). True: the counts and string leaves are in walkOut, the
     * JSON text in projectText(); false: not projectable.
     */
    project(which, o, maxDepth) {
        return this.x.project(which, o, maxDepth) === 1;
    }
    /** The JSON text of the last successful project(). */
    projectText() {
        return this.text.toString('utf8', 0, this.walkOut[5]);
    }
    /** The bytes of window `which` (a view: valid until the next load or place). */
    bytesOf(which) {
        return which === 0 ? this.window : this.sideWindow;
    }
    /** Copies `bytes` (at most `capacity`) into the window; returns the view of them there. */
    load(bytes) {
        if (bytes.length > this.capacity)
            throw new RangeError('Kernel.load: more than capacity');
        this.window.set(bytes);
        return this.window.subarray(0, bytes.length);
    }
    /** Where `b` starts in the window, or -1 when `b` is not (a part of) it. */
    offsetOf(b) {
        return b.buffer === this.memory ? b.byteOffset - this.base : -1;
    }
    /** skipValue of peek.ts, for `b` in the window at offset `o` (offsetOf). */
    skipValue(o, i, n) {
        const end = this.x.skip_value(o + i, o + n);
        return end < 0 ? end : end - o;
    }
    /**
     * peekChange of peek.ts for the element at `start` of `b`, in the window at offset `o`: the
     * index after it, or SLOW / OUT_OF_BYTES (then peek.ts peeks itself). peekOut holds the rest.
     */
    peekChange(o, start, n) {
        const end = this.x.peek_change(o + start, o + n);
        return end < 0 ? end : end - o;
    }
    /** skipUnread of scan.ts over `stack`; out[0] = depth, out[1] = state after. */
    skipUnread(o, i, n, depth, state, floor) {
        return this.x.skip_unread(o + i, o + n, depth, state, floor) - o;
    }
    /**
     * Whole header-only UI message lines from i: returns where it stopped; out[0] = 1 when a
     * complete line the JavaScript must read starts there (its newline at out[1]), out[2] = lines
     * handled, out[3] = of them at `@level` "error", out[4] = 1 when that line is a whole ASCII
     * JSON object whose `type` is one the readers parse (nothing for a header peek to skip).
     */
    scanLines(o, i, n) {
        const at = this.x.scan_lines(o + i, o + n) - o;
        this.out[1] = this.out[1] - o;
        return at;
    }
    /**
     * Whether the `prior_state` resource object at b[i] counts (inventory.ts): the index after it
     * (out[0] = 1: its mode is "managed", out[1] = 1: it is deposed), or SLOW / OUT_OF_BYTES.
     */
    stateResource(o, i, n) {
        const end = this.x.state_resource(o + i, o + n);
        return end < 0 ? end : end - o;
    }
    /**
     * The `hook.resource.addr` strings of the refresh_complete messages the last scanLines handled
     * (those that name one), as refresh.ts refreshAddress reads them: (from, to, escaped) for
     * each, offsets in the window. An escaped one (1) is the JSON string text between its quotes
     * (JSON.parse it with the quotes); the others are the address's bytes.
     */
    refreshedSpans() {
        return new Int32Array(this.memory, this.refreshOut.byteOffset + 4, 3 * this.refreshOut[0]);
    }
}
/** scan.c NAMES: the attribute names project() can tell apart. */
const NAMES = 1024;
let instance;
let state = 'new';
/** The kernel, or undefined when WebAssembly is unavailable or turned off. */
function kernel() {
    if (state === 'new') {
        state = 'off';
        try {
            const bytes = Buffer.from(WASM_BASE64, 'base64');
            const module = new WebAssembly.Module(bytes);
            instance = new Kernel(new WebAssembly.Instance(module).exports);
            state = 'ready';
        }
        catch {
            // No WebAssembly here (node --jitless): the JavaScript paths do the same work.
            instance = undefined;
        }
    }
    return state === 'ready' ? instance : undefined;
}
/**
 * Hands `chunk` to `push` in the kernel's window, a window-full at a time (at once when it is
 * already there), or as it is when there is no kernel.
 */
function throughWindow(chunk, push) {
    const k = kernel();
    if (k === undefined || k.offsetOf(chunk) >= 0)
        return push(chunk);
    for (let at = 0; at < chunk.length; at += k.capacity) {
        push(k.load(chunk.subarray(at, at + k.capacity)));
    }
}

/**
 * Peeks into one JSON value held in contiguous bytes: a full grammar check (the same JSON that
 * `JSON.parse` accepts) that extracts only a handful of scalars on the way. About 90% of a
 * mature plan's `resource_changes` are no-ops whose values no rule reads, and most lines of a
 * `terraform plan -json` log are refresh messages; peeking costs a fraction of `JSON.parse` and
 * builds no garbage.
 *
 * A peek never guesses. Whenever the bytes are invalid, or hold anything the peek does not
 * model exactly (escaped or repeated keys, odd value types, nesting beyond its stack), it
 * answers SLOW and the caller takes the ordinary `JSON.parse` path, which then either
 * succeeds or reports the precise error. So a peek can only ever say "valid, and here is what
 * JSON.parse would give for these keys".
 */
/** Not peeked: invalid, or outside what the peek models. Take the JSON.parse path. */
const SLOW = -1;
/** The value does not end within the bytes given (it continues in the next chunk). */
const OUT_OF_BYTES = -2;
/** The element keys a change's skeleton is built from (normalize.ts `fromShowJson`). */
const PEEK_FIELDS = [
    'address',
    'module_address',
    'mode',
    'type',
    'name',
    'index',
    'provider_name',
    'deposed',
    'previous_address',
    'action_reason'
];
const encoder = new TextEncoder();
const UTF8$1 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Stack of open containers for skipValue; deeper values take the slow path.
const MAX_DEPTH$1 = 512;
const OBJECT = 1;
const ARRAY = 2;
const stack = new Uint8Array(MAX_DEPTH$1);
/** Set by skipString: the string just skipped held a backslash escape. */
let escaped = false;
const isSpace$1 = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
/** The index of the first byte at or after i that is not JSON whitespace (n at most). */
function ws(b, i, n) {
    while (i < n) {
        const c = b[i];
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
            break;
        i++;
    }
    return i;
}
/** Skips a string body (i is just past the opening quote); returns the index after the close. */
function skipString(b, i, n) {
    escaped = false;
    for (;;) {
        let c = 0;
        while (i < n) {
            c = b[i];
            if (c === 0x22 || c === 0x5c || c < 0x20)
                break;
            i++;
        }
        if (i >= n)
            return OUT_OF_BYTES;
        if (c === 0x22)
            return i + 1;
        if (c !== 0x5c)
            return SLOW; // raw control character
        escaped = true;
        if (i + 1 >= n)
            return OUT_OF_BYTES;
        const e = b[i + 1];
        if (e === 0x75) {
            if (i + 6 > n)
                return OUT_OF_BYTES;
            if (!HEX[b[i + 2]] || !HEX[b[i + 3]] || !HEX[b[i + 4]] || !HEX[b[i + 5]])
                return SLOW;
            i += 6;
        }
        else if (ESCAPE[e] === 1)
            i += 2;
        else
            return SLOW;
    }
}
/** Skips a number starting at i; the caller checks what follows it. */
function skipNumber(b, i, n) {
    if (b[i] === 0x2d)
        i++;
    if (i >= n)
        return OUT_OF_BYTES;
    let c = b[i];
    if (c === 0x30)
        i++;
    else if (c >= 0x31 && c <= 0x39) {
        i++;
        while (i < n && (c = b[i]) >= 0x30 && c <= 0x39)
            i++;
    }
    else
        return SLOW;
    if (i < n && b[i] === 0x2e) {
        i++;
        const from = i;
        while (i < n && (c = b[i]) >= 0x30 && c <= 0x39)
            i++;
        if (i === from)
            return i >= n ? OUT_OF_BYTES : SLOW;
    }
    if (i < n && (b[i] === 0x65 || b[i] === 0x45)) {
        i++;
        if (i < n && (b[i] === 0x2b || b[i] === 0x2d))
            i++;
        const from = i;
        while (i < n && (c = b[i]) >= 0x30 && c <= 0x39)
            i++;
        if (i === from)
            return i >= n ? OUT_OF_BYTES : SLOW;
    }
    return i;
}
const TRUE = encoder.encode('true');
const FALSE = encoder.encode('false');
const NULL = encoder.encode('null');
/** Skips `true`, `false` or `null` (`word`), whose first byte the caller has checked. */
function skipLiteral(b, i, n, word) {
    for (let k = 1; k < word.length; k++) {
        if (i + k >= n)
            return OUT_OF_BYTES;
        if (b[i + k] !== word[k])
            return SLOW;
    }
    return i + word.length;
}
/** Skips a scalar (string, number, literal) starting at i; SLOW for a container. */
function skipScalar(b, i, n) {
    const c = b[i];
    if (c === 0x22)
        return skipString(b, i + 1, n);
    if (c === 0x74)
        return skipLiteral(b, i, n, TRUE);
    if (c === 0x66)
        return skipLiteral(b, i, n, FALSE);
    if (c === 0x6e)
        return skipLiteral(b, i, n, NULL);
    if (c === 0x2d || (c >= 0x30 && c <= 0x39))
        return skipNumber(b, i, n);
    return SLOW;
}
/** Skips `"key" :` plus the whitespace after it, i at the opening quote. */
function skipKey(b, i, n) {
    if (b[i] !== 0x22)
        return SLOW;
    i = skipString(b, i + 1, n);
    if (i < 0)
        return i;
    i = ws(b, i, n);
    if (i >= n)
        return OUT_OF_BYTES;
    if (b[i] !== 0x3a)
        return SLOW;
    i = ws(b, i + 1, n);
    return i >= n ? OUT_OF_BYTES : i;
}
/**
 * Checks one JSON value starting at i (no leading whitespace) against the full grammar and
 * returns the index just after it, SLOW or OUT_OF_BYTES. UTF-8 is not checked here.
 */
function skipValue(b, i, n) {
    let depth = 0;
    for (;;) {
        // A value starts at i.
        if (i >= n)
            return OUT_OF_BYTES;
        const c = b[i];
        if (c === 0x22) {
            i = skipString(b, i + 1, n);
            if (i < 0)
                return i;
        }
        else if (c === 0x7b || c === 0x5b) {
            if (depth === MAX_DEPTH$1)
                return SLOW;
            i = ws(b, i + 1, n);
            if (i >= n)
                return OUT_OF_BYTES;
            if (b[i] === c + 2)
                i++; // `{}` or `[]`
            else {
                stack[depth++] = c === 0x7b ? OBJECT : ARRAY;
                if (c === 0x7b) {
                    i = skipKey(b, i, n);
                    if (i < 0)
                        return i;
                }
                continue;
            }
        }
        else {
            i = skipScalar(b, i, n);
            if (i < 0)
                return i;
        }
        // After a value: a comma (then the next value) or closing brackets.
        for (;;) {
            if (depth === 0)
                return i;
            i = ws(b, i, n);
            if (i >= n)
                return OUT_OF_BYTES;
            const d = b[i];
            const kind = stack[depth - 1];
            if (d === 0x2c) {
                i = ws(b, i + 1, n);
                if (i >= n)
                    return OUT_OF_BYTES;
                if (kind === OBJECT) {
                    i = skipKey(b, i, n);
                    if (i < 0)
                        return i;
                }
                break;
            }
            if (d !== (kind === OBJECT ? 0x7d : 0x5d))
                return SLOW;
            depth--;
            i++;
        }
    }
}
// The kernel and where the bytes of the current peekChange start in its window (-1: elsewhere).
let win;
let winOffset$1 = -1;
/** skipValue, in the kernel when the bytes are in its window. */
function skipAny(b, i, n) {
    return winOffset$1 >= 0 ? win.skipValue(winOffset$1, i, n) : skipValue(b, i, n);
}
/**
 * The value of a scalar token [start, end) in bytes known to be valid UTF-8. `unique`: a string
 * that seldom repeats (an address), not worth interning.
 */
function scalarAt(b, start, end, hasEscape, unique = false) {
    const c = b[start];
    if (c === 0x22) {
        if (hasEscape)
            return JSON.parse(UTF8$1.decode(b.subarray(start, end)));
        return textAt(b, start + 1, end - 1, unique);
    }
    if (c === 0x74)
        return true;
    if (c === 0x66)
        return false;
    if (c === 0x6e)
        return null;
    if (end - start <= 9) {
        // Small integers (count indexes) without making a string first.
        let k = c === 0x2d ? start + 1 : start;
        let value = 0;
        for (; k < end; k++) {
            const d = b[k] - 0x30;
            if (d < 0 || d > 9)
                break;
            value = value * 10 + d;
        }
        if (k === end && end > start + (c === 0x2d ? 1 : 0))
            return c === 0x2d ? -value : value;
    }
    return Number(textAt(b, start, end));
}
const latin1Slice$1 = Buffer.prototype.latin1Slice;
/** Text of [start, end) in bytes known to be valid UTF-8. */
function textAt(b, start, end, unique = false) {
    if (end - start <= INTERN_LENGTH && !unique)
        return internedAt(b, start, end);
    for (let k = start; k < end; k++) {
        if (b[k] >= 0x80)
            return UTF8$1.decode(b.subarray(start, end));
    }
    return asciiAt(b, start, end);
}
let lastBytes;
let lastIsBuffer = false;
function asciiAt(b, start, end) {
    if (b !== lastBytes) {
        lastBytes = b;
        lastIsBuffer = b instanceof Buffer && typeof latin1Slice$1 === 'function';
    }
    // Latin-1 decoding is the same as UTF-8 for ASCII, and much cheaper for short strings.
    if (lastIsBuffer)
        return latin1Slice$1.call(b, start, end);
    // apply() passes every byte as an argument: a long string would overflow the stack.
    if (end - start > 4096)
        return UTF8$1.decode(b.subarray(start, end));
    return String.fromCharCode.apply(null, b.subarray(start, end));
}
// Short strings repeat (types, providers, message types and levels): one copy of each.
const INTERN_LENGTH = 64;
const INTERN_SIZE = 4096;
const interned = new Map();
function internedAt(b, start, end) {
    let hash = end - start;
    let high = 0;
    for (let k = start; k < end; k++) {
        const c = b[k];
        high |= c;
        hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (high >= 0x80)
        return UTF8$1.decode(b.subarray(start, end));
    const hit = interned.get(hash);
    if (hit !== undefined && hit.length === end - start) {
        let same = true;
        for (let k = 0; k < hit.length; k++) {
            if (hit.charCodeAt(k) !== b[start + k]) {
                same = false;
                break;
            }
        }
        if (same)
            return hit;
    }
    const text = asciiAt(b, start, end);
    if (interned.size < INTERN_SIZE)
        interned.set(hash, text);
    return text;
}
/** Whether the key [start, end) (without quotes) is `word`. */
function keyIs(b, start, end, word) {
    if (end - start !== word.length)
        return false;
    for (let k = 0; k < word.length; k++)
        if (b[start + k] !== word[k])
            return false;
    return true;
}
const FIELD_BYTES = PEEK_FIELDS.map((f) => encoder.encode(f));
const CHANGE = encoder.encode('change');
const ACTIONS = encoder.encode('actions');
const IMPORTING = encoder.encode('importing');
const IS_CHANGE = FIELD_BYTES.length;
// Candidate keys by length, as indexes into FIELD_BYTES (IS_CHANGE for `change`).
const BY_LENGTH = [];
for (const [f, word] of [...FIELD_BYTES, CHANGE].entries()) {
    (BY_LENGTH[word.length] ??= []).push(f);
}
/** Index into PEEK_FIELDS of the key [start, end), IS_CHANGE for `change`, or -1. */
function fieldOf(b, start, end) {
    const candidates = BY_LENGTH[end - start];
    if (candidates === undefined)
        return -1;
    for (const f of candidates) {
        if (keyIs(b, start, end, f === IS_CHANGE ? CHANGE : FIELD_BYTES[f]))
            return f;
    }
    return -1;
}
/** Result slot of the last successful peekChange. */
let summary$1;
// Where each field's value token is: start, end, and 1 when the string has escapes.
const spans = new Int32Array(FIELD_BYTES.length * 3);
/**
 * Peeks at a `resource_changes` element: the object starting at `start` (its `{`). Returns the
 * index just after it (then `peekedChange()` holds the summary), SLOW or OUT_OF_BYTES.
 */
function peekChange(b, start, n) {
    summary$1 = undefined;
    if (b[start] !== 0x7b)
        return SLOW;
    valueBase = start;
    win = kernel();
    winOffset$1 = win === undefined ? -1 : win.offsetOf(b);
    if (winOffset$1 >= 0) {
        // The same loops in the kernel; where it stops, the JavaScript peeks and has the last word.
        const end = win.peekChange(winOffset$1, start, n);
        if (end >= 0)
            return peekedInKernel(b, start, end);
    }
    let actions;
    let importing = false;
    let seen = 0;
    let i = ws(b, start + 1, n);
    if (i >= n)
        return OUT_OF_BYTES;
    if (b[i] === 0x7d)
        return SLOW; // `{}`: let fromShowJson report it
    for (;;) {
        if (b[i] !== 0x22)
            return SLOW;
        const keyStart = i + 1;
        i = skipString(b, keyStart, n);
        if (i < 0)
            return i;
        if (escaped)
            return SLOW;
        const keyEnd = i - 1;
        i = ws(b, i, n);
        if (i >= n)
            return OUT_OF_BYTES;
        if (b[i] !== 0x3a)
            return SLOW;
        i = ws(b, i + 1, n);
        if (i >= n)
            return OUT_OF_BYTES;
        const f = fieldOf(b, keyStart, keyEnd);
        if (f >= 0 && f !== IS_CHANGE) {
            if ((seen & (1 << f)) !== 0)
                return SLOW; // a repeated key: JSON.parse keeps the last
            seen |= 1 << f;
            spans[3 * f] = i;
            i = skipScalar(b, i, n);
            if (i < 0)
                return i;
            spans[3 * f + 1] = i;
            spans[3 * f + 2] = escaped ? 1 : 0;
        }
        else if (f === IS_CHANGE) {
            if (actions !== undefined || b[i] !== 0x7b)
                return SLOW;
            i = peekChangeBody(b, i, n);
            if (i < 0)
                return i;
            actions = bodyActions;
            importing = bodyImporting;
        }
        else {
            i = skipAny(b, i, n);
            if (i < 0)
                return i;
        }
        i = ws(b, i, n);
        if (i >= n)
            return OUT_OF_BYTES;
        const c = b[i++];
        if (c === 0x7d)
            break;
        if (c !== 0x2c)
            return SLOW;
        i = ws(b, i, n);
        if (i >= n)
            return OUT_OF_BYTES;
    }
    if (actions === undefined)
        return SLOW;
    return summarize(b, start, i, seen, actions, importing);
}
/** What the kernel's peek_change found in the element [start, end): as the loop above makes it. */
function peekedInKernel(b, start, end) {
    const out = win.peekOut;
    const o = winOffset$1;
    const seen = out[44];
    for (let f = 0; f < FIELD_BYTES.length; f++) {
        if ((seen & (1 << f)) === 0)
            continue;
        spans[3 * f] = out[3 * f] - o;
        spans[3 * f + 1] = out[3 * f + 1] - o;
        spans[3 * f + 2] = out[3 * f + 2];
    }
    for (let k = 0; k < valueSpans.length; k++)
        valueSpans[k] = out[30 + k];
    const actions = [];
    for (let a = 0, count = out[43]; a < count; a++) {
        const p = 45 + 3 * a;
        actions.push(scalarAt(b, out[p] - o, out[p + 1] - o, out[p + 2] === 1));
    }
    return summarize(b, start, end, seen, actions, out[42] === 1);
}
/**
 * The summary of the element [start, i) whose keys peekChange has read (`seen`: the fields
 * found, their spans in `spans`, the values' in `valueSpans`), once it is known to be UTF-8.
 */
function summarize(b, start, i, seen, actions, importing) {
    if (!isAscii(b.subarray(start, i)) && !isUtf8(b.subarray(start, i)))
        return SLOW;
    const paths = valueSpans[2 * REPLACE_PATHS_SLOT];
    const replacePaths = paths < 0
        ? undefined
        : JSON.parse(UTF8$1.decode(b.subarray(start + paths, start + valueSpans[2 * REPLACE_PATHS_SLOT + 1])));
    summary$1 = {
        fields: {
            address: fieldAt(b, seen, 0),
            module_address: fieldAt(b, seen, 1),
            mode: fieldAt(b, seen, 2),
            type: fieldAt(b, seen, 3),
            name: fieldAt(b, seen, 4),
            index: fieldAt(b, seen, 5),
            provider_name: fieldAt(b, seen, 6),
            deposed: fieldAt(b, seen, 7),
            previous_address: fieldAt(b, seen, 8),
            action_reason: fieldAt(b, seen, 9)
        },
        actions,
        importing,
        replacePaths
    };
    return i;
}
/** PEEK_FIELDS that differ from element to element: `address`, `previous_address`. */
const UNIQUE = (1 << 0) | (1 << 8);
function fieldAt(b, seen, f) {
    if ((seen & (1 << f)) === 0)
        return undefined;
    const start = spans[3 * f];
    const end = spans[3 * f + 1];
    const escaped = spans[3 * f + 2] === 1;
    if ((UNIQUE & (1 << f)) !== 0)
        return scalarAt(b, start, end, escaped, true);
    // Neighbouring elements mostly share their mode, type, provider and reason: the last text of
    // the field, when the bytes are its bytes, is taken without interning again.
    const plain = !escaped && b[start] === 0x22;
    const last = lastText[f];
    if (plain && last !== undefined && sameText(b, start + 1, end - 1, last))
        return last;
    const value = scalarAt(b, start, end, escaped);
    // ASCII only (as many characters as bytes): then equal char codes mean equal bytes.
    if (plain && typeof value === 'string' && value.length === end - start - 2)
        lastText[f] = value;
    return value;
}
/** The last string each field had (ASCII, unescaped), by index into PEEK_FIELDS. */
const lastText = PEEK_FIELDS.map(() => undefined);
/** Whether the bytes [start, end) are the ASCII `text`. */
function sameText(b, start, end, text) {
    if (end - start !== text.length)
        return false;
    for (let k = 0; k < text.length; k++)
        if (b[start + k] !== text.charCodeAt(k))
            return false;
    return true;
}
/** The summary found by the last successful peekChange. */
function peekedChange() {
    if (summary$1 === undefined)
        throw new Error('no successful peekChange');
    return summary$1;
}
let bodyActions;
let bodyImporting = false;
/** The values of `change` whose spans peekChange records, in VALUE_SPANS order. */
const VALUE_KEYS = [
    'before',
    'after',
    'after_unknown',
    'before_sensitive',
    'after_sensitive',
    'replace_paths'
];
const VALUE_BYTES = VALUE_KEYS.map((k) => encoder.encode(k));
const REPLACE_PATHS_SLOT = VALUE_KEYS.indexOf('replace_paths');
/** [start, end) of each VALUE_KEYS value of the last peekChange's element, relative to its `{`; -1: absent. */
const valueSpans = new Int32Array(VALUE_KEYS.length * 2);
let valueBase = 0;
/**
 * Where the last successful peekChange found `change.before`, `after`, their masks and
 * `replace_paths`: [start, end) pairs in VALUE_KEYS order, relative to the element's `{`, -1
 * when absent. Valid until the next peekChange.
 */
function peekedValueSpans() {
    return valueSpans;
}
/** Index into VALUE_KEYS of the key [start, end), or -1. */
function valueKeyOf(b, start, end) {
    for (let k = 0; k < VALUE_BYTES.length; k++)
        if (keyIs(b, start, end, VALUE_BYTES[k]))
            return k;
    return -1;
}
/** The `change` object at i: `actions` (strings only), `importing`, and the value spans. */
function peekChangeBody(b, i, n) {
    bodyActions = undefined;
    bodyImporting = false;
    valueSpans.fill(-1);
    let actions;
    let importing;
    i = ws(b, i + 1, n);
    if (i >= n)
        return OUT_OF_BYTES;
    if (b[i] === 0x7d)
        return SLOW;
    for (;;) {
        if (b[i] !== 0x22)
            return SLOW;
        const keyStart = i + 1;
        i = skipString(b, keyStart, n);
        if (i < 0)
            return i;
        if (escaped)
            return SLOW;
        const keyEnd = i - 1;
        i = ws(b, i, n);
        if (i >= n)
            return OUT_OF_BYTES;
        if (b[i] !== 0x3a)
            return SLOW;
        i = ws(b, i + 1, n);
        if (i >= n)
            return OUT_OF_BYTES;
        if (keyIs(b, keyStart, keyEnd, ACTIONS)) {
            if (actions !== undefined || b[i] !== 0x5b)
                return SLOW;
            actions = [];
            i = ws(b, i + 1, n);
            if (i >= n)
                return OUT_OF_BYTES;
            if (b[i] === 0x5d)
                i++;
            else {
                for (;;) {
                    if (b[i] !== 0x22)
                        return SLOW;
                    const s = i;
                    i = skipString(b, i + 1, n);
                    if (i < 0)
                        return i;
                    for (let k = s; k < i; k++)
                        if (b[k] >= 0x80)
                            return SLOW; // never a known action
                    actions.push(scalarAt(b, s, i, escaped));
                    i = ws(b, i, n);
                    if (i >= n)
                        return OUT_OF_BYTES;
                    const c = b[i++];
                    if (c === 0x5d)
                        break;
                    if (c !== 0x2c)
                        return SLOW;
                    i = ws(b, i, n);
                    if (i >= n)
                        return OUT_OF_BYTES;
                }
            }
        }
        else if (keyIs(b, keyStart, keyEnd, IMPORTING)) {
            if (importing !== undefined)
                return SLOW;
            importing = !(b[i] === 0x6e && skipLiteral(b, i, n, NULL) > 0);
            i = skipAny(b, i, n);
            if (i < 0)
                return i;
        }
        else {
            const v = valueKeyOf(b, keyStart, keyEnd);
            if (v >= 0) {
                if (valueSpans[2 * v] >= 0)
                    return SLOW; // repeated: JSON.parse keeps the last
                valueSpans[2 * v] = i - valueBase;
            }
            i = skipAny(b, i, n);
            if (i < 0)
                return i;
            if (v >= 0)
                valueSpans[2 * v + 1] = i - valueBase;
        }
        i = ws(b, i, n);
        if (i >= n)
            return OUT_OF_BYTES;
        const c = b[i++];
        if (c === 0x7d)
            break;
        if (c !== 0x2c)
            return SLOW;
        i = ws(b, i, n);
        if (i >= n)
            return OUT_OF_BYTES;
    }
    if (actions === undefined)
        return SLOW;
    bodyActions = actions;
    bodyImporting = importing ?? false;
    return i;
}
const TYPE = encoder.encode('type');
const LEVEL = encoder.encode('@level');
const MODULE = encoder.encode('@module');
// Where peekMessage found each header value: start, end, 1 if escaped; start -1: not a string.
const header = new Int32Array(9);
// Which of them the last accepted line had (bits 2, 4, 8).
let headerSeen = 0;
/** peekMessage's `type` alone; then peekedHeader gives the rest (the same bytes, until the next peek). */
function peekMessageType(b, start, end, knownAscii = false) {
    // One loop with everything inlined, unlike skipValue: log lines are short and made of small
    // tokens, and a CLI run is over before helper calls would be optimized.
    headerSeen = 0;
    if (!knownAscii && !isAscii(b.subarray(start, end)))
        return undefined;
    const n = end;
    let i = start;
    while (i < n && isSpace$1(b[i]))
        i++;
    if (i >= n || b[i] !== 0x7b)
        return undefined;
    let depth = 0;
    let state = 0; // 0: a value, 1: a key, 2: after a value
    let slot = 0; // the top-level key just read: 1 type, 2 @level, 3 @module
    let seen = 0;
    for (;;) {
        if (state === 2 && depth === 0)
            break;
        if (i >= n)
            return undefined;
        let c = b[i];
        if (c <= 0x20) {
            // One comparison for the usual case; the rest is whitespace or invalid.
            if (!isSpace$1(c))
                return undefined;
            i++;
            continue;
        }
        if (state === 2) {
            const object = stack[depth - 1] === OBJECT;
            if (c === 0x2c)
                state = object ? 1 : 0;
            else if (c === (object ? 0x7d : 0x5d))
                depth--;
            else
                return undefined;
            i++;
            continue;
        }
        if (c === 0x22) {
            const from = i++;
            let escapes = false;
            for (;;) {
                while (i < n) {
                    c = b[i];
                    if (c === 0x22 || c === 0x5c || c < 0x20)
                        break;
                    i++;
                }
                if (i >= n || c !== 0x5c)
                    break;
                escapes = true;
                const e = b[i + 1];
                if (e === 0x75) {
                    if (i + 6 > n)
                        return undefined;
                    if (!HEX[b[i + 2]] || !HEX[b[i + 3]] || !HEX[b[i + 4]] || !HEX[b[i + 5]]) {
                        return undefined;
                    }
                    i += 6;
                }
                else if (e !== undefined && ESCAPE[e] === 1 && i + 1 < n)
                    i += 2;
                else
                    return undefined;
            }
            if (i >= n || c !== 0x22)
                return undefined; // cut, or a raw control character
            i++;
            if (state === 1) {
                slot = 0;
                if (depth === 1) {
                    if (escapes)
                        return undefined; // an escaped key might be one of ours
                    const k0 = from + 1;
                    const k1 = i - 1;
                    if (keyIs(b, k0, k1, TYPE))
                        slot = 1;
                    else if (keyIs(b, k0, k1, LEVEL))
                        slot = 2;
                    else if (keyIs(b, k0, k1, MODULE))
                        slot = 3;
                    if (slot !== 0) {
                        if ((seen & (1 << slot)) !== 0)
                            return undefined; // repeated: JSON.parse keeps the last
                        seen |= 1 << slot;
                    }
                }
                while (i < n && isSpace$1(b[i]))
                    i++;
                if (i >= n || b[i] !== 0x3a)
                    return undefined;
                i++;
                state = 0;
            }
            else {
                if (slot !== 0) {
                    header[3 * slot - 3] = from;
                    header[3 * slot - 2] = i;
                    header[3 * slot - 1] = escapes ? 1 : 0;
                    slot = 0;
                }
                state = 2;
            }
            continue;
        }
        if (state === 1 || slot === 1)
            return undefined; // a key, or `type`, must be a string
        if (slot !== 0) {
            header[3 * slot - 3] = -1; // a @level or @module that is not a string counts as absent
            slot = 0;
        }
        if (c === 0x7b || c === 0x5b) {
            if (depth === MAX_DEPTH$1)
                return undefined;
            const object = c === 0x7b;
            i++;
            while (i < n && isSpace$1(b[i]))
                i++;
            if (i < n && b[i] === (object ? 0x7d : 0x5d)) {
                i++;
                state = 2;
            }
            else {
                stack[depth++] = object ? OBJECT : ARRAY;
                state = object ? 1 : 0;
            }
            continue;
        }
        if (c === 0x74 || c === 0x66 || c === 0x6e) {
            const word = c === 0x74 ? TRUE : c === 0x66 ? FALSE : NULL;
            if (i + word.length > n)
                return undefined;
            for (let k = 1; k < word.length; k++)
                if (b[i + k] !== word[k])
                    return undefined;
            i += word.length;
            state = 2;
            continue;
        }
        if (c === 0x2d)
            c = i + 1 < n ? b[++i] : 0;
        if (c === 0x30)
            i++;
        else if (c >= 0x31 && c <= 0x39) {
            i++;
            while (i < n && (c = b[i]) >= 0x30 && c <= 0x39)
                i++;
        }
        else
            return undefined;
        if (i < n && b[i] === 0x2e) {
            const from = ++i;
            while (i < n && (c = b[i]) >= 0x30 && c <= 0x39)
                i++;
            if (i === from)
                return undefined;
        }
        if (i < n && (b[i] === 0x65 || b[i] === 0x45)) {
            i++;
            if (i < n && (b[i] === 0x2b || b[i] === 0x2d))
                i++;
            const from = i;
            while (i < n && (c = b[i]) >= 0x30 && c <= 0x39)
                i++;
            if (i === from)
                return undefined;
        }
        state = 2;
    }
    while (i < n && isSpace$1(b[i]))
        i++;
    if (i !== n || (seen & 2) === 0)
        return undefined;
    headerSeen = seen;
    return headerText(b, 1);
}
/** `@level` or `@module` of the line peekMessageType just accepted, if a string. */
function peekedHeader(b, key) {
    const slot = key === 'level' ? 2 : 3;
    return (headerSeen & (1 << slot)) === 0 ? undefined : headerText(b, slot);
}
function headerText(b, slot) {
    const from = header[3 * slot - 3];
    if (from < 0)
        return undefined;
    return scalarAt(b, from, header[3 * slot - 2], header[3 * slot - 1] === 1);
}

/**
 * Counting the managed resources of a show-json `prior_state` while it streams past, without
 * parsing it: the scanner walks only the containers that lead to resources (`prior_state`,
 * `values`, `root_module`, `resources`, `child_modules` and each resource object) and hands
 * this class their keys and the `mode` strings; every other value, each resource's `values`
 * above all, goes through the kernel's fast path unread.
 *
 * The answer is the one `countManaged` (read.ts) gives for `JSON.parse` of `prior_state.values`,
 * repeated keys included: the last one wins, as it does in JSON.parse, so every accumulator a
 * key feeds is reset when the key comes again.
 */
/** What a walked container is; anything else (None) is skipped unread. */
const Role = {
    None: 0,
    PriorState: 1,
    Values: 2,
    Module: 3,
    Resources: 4,
    ChildModules: 5,
    Resource: 6
};
/** The keys the walk cares about; every other key is `Other`. */
const Key = {
    Other: 0,
    Values: 1,
    RootModule: 2,
    Resources: 3,
    ChildModules: 4,
    Mode: 5,
    DeposedKey: 6
};
const KEYS = [
    ['values', Key.Values],
    ['root_module', Key.RootModule],
    ['resources', Key.Resources],
    ['child_modules', Key.ChildModules],
    ['mode', Key.Mode],
    ['deposed_key', Key.DeposedKey]
];
const KEY_BYTES = KEYS.map(([name, key]) => [Buffer.from(`"${name}"`), key]);
const MANAGED = Buffer.from('"managed"');
const BACKSLASH = 0x5c;
/** Bytes equal to a JSON string literal's (quotes included). */
const same = (bytes, literal) => bytesEqual(bytes, 0, bytes.length, literal);
/** The text of a JSON string literal (already checked by the scanner), quotes included. */
function textOf(bytes) {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString());
}
function keyOf(bytes) {
    if (bytes.includes(BACKSLASH)) {
        const text = textOf(bytes);
        return KEYS.find(([name]) => name === text)?.[1] ?? Key.Other;
    }
    for (const [literal, key] of KEY_BYTES)
        if (same(bytes, literal))
            return key;
    return Key.Other;
}
class Inventory {
    // One entry per walked container, innermost last.
    roles = [];
    keys = [];
    /**
     * Per container: PriorState, the count of its last `values` (-1: none, or not countable);
     * Values, of its last `root_module` (-1 likewise); Module, of its last `resources`;
     * Resources, managed resources so far; ChildModules, the sum of its modules; Resource, 1 when
     * its last `mode` is "managed".
     */
    first = [];
    /** Module: the sum of its last `child_modules`; Resource: 1 when it has a `deposed_key`. */
    second = [];
    managed = -1;
    /** `prior_state`'s object opens. */
    begin() {
        this.push(Role.PriorState);
    }
    /**
     * A container opens as the value of the current key (or as an element) of the innermost
     * walked one: true = walk it too, false = skip it unread.
     */
    enter(object) {
        const top = this.roles.length - 1;
        const role = this.child(this.roles[top], this.keys[top], object);
        if (role === Role.None)
            return false;
        this.push(role);
        return true;
    }
    /** The innermost walked container closes. */
    leave() {
        const role = this.roles.pop();
        this.keys.pop();
        const first = this.first.pop();
        const second = this.second.pop();
        const top = this.roles.length - 1;
        switch (role) {
            case Role.PriorState:
                this.managed = first;
                return;
            case Role.Values:
                this.first[top] = first; // prior_state's `values`: its root module's count, or -1
                return;
            case Role.Module: {
                const total = first + second;
                if (this.roles[top] === Role.Values)
                    this.first[top] = total;
                else
                    this.first[top] += total; // an element of child_modules
                return;
            }
            case Role.Resources:
                this.first[top] = first;
                return;
            case Role.ChildModules:
                this.second[top] = first;
                return;
            case Role.Resource:
                if (first === 1 && second === 0)
                    this.first[top]++;
                return;
        }
    }
    /** A key of the innermost walked object (its JSON string literal, quotes included). */
    key(bytes) {
        const top = this.roles.length - 1;
        const key = keyOf(bytes);
        this.keys[top] = key;
        // The last occurrence of a key wins: forget what an earlier one gave.
        switch (this.roles[top]) {
            case Role.PriorState:
                if (key === Key.Values)
                    this.first[top] = -1;
                return;
            case Role.Values:
                if (key === Key.RootModule)
                    this.first[top] = -1;
                return;
            case Role.Module:
                if (key === Key.Resources)
                    this.first[top] = 0;
                else if (key === Key.ChildModules)
                    this.second[top] = 0;
                return;
            case Role.Resource:
                if (key === Key.Mode)
                    this.first[top] = 0;
                else if (key === Key.DeposedKey)
                    this.second[top] = 1;
                return;
        }
    }
    /** Whether the container opening now would be a resource (an element of `resources`). */
    atResource() {
        return this.roles[this.roles.length - 1] === Role.Resources;
    }
    /** A resource read whole (the kernel's state_resource) instead of walked. */
    resource(managed, deposed) {
        if (managed && !deposed)
            this.first[this.roles.length - 1]++;
    }
    /** Whether the value of the current key is a string `mode` wants to see (it is recorded). */
    wantsString() {
        const top = this.roles.length - 1;
        return this.roles[top] === Role.Resource && this.keys[top] === Key.Mode;
    }
    /** The string value of a resource's `mode` (its JSON literal, quotes included). */
    mode(bytes) {
        const managed = bytes.includes(BACKSLASH) ? textOf(bytes) === 'managed' : same(bytes, MANAGED);
        this.first[this.roles.length - 1] = managed ? 1 : 0;
    }
    /**
     * Managed resource instances in `prior_state.values` (deposed objects aside), as countManaged
     * gives them; undefined when there is no countable tree.
     */
    result() {
        return this.managed < 0 ? undefined : this.managed;
    }
    child(parent, key, object) {
        switch (parent) {
            case Role.PriorState:
                return object && key === Key.Values ? Role.Values : Role.None;
            case Role.Values:
                return object && key === Key.RootModule ? Role.Module : Role.None;
            case Role.Module:
                if (object)
                    return Role.None;
                return key === Key.Resources
                    ? Role.Resources
                    : key === Key.ChildModules
                        ? Role.ChildModules
                        : Role.None;
            case Role.Resources:
                return object ? Role.Resource : Role.None;
            case Role.ChildModules:
                return object ? Role.Module : Role.None;
            default:
                return Role.None;
        }
    }
    push(role) {
        this.roles.push(role);
        this.keys.push(Key.Other);
        this.first.push(role === Role.PriorState || role === Role.Values ? -1 : 0);
        this.second.push(0);
    }
}

/**
 * Incremental byte scanner for `terraform show -json` output. Plans can exceed V8's string limit,
 * so only the change-section elements (and captured values) are sliced out for native
 * `JSON.parse`; every other byte is checked against the JSON grammar in place and dropped.
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
const SECTIONS = new Set(['resource_changes', 'resource_drift', 'deferred_changes']);
const TRAILER_CAP = 64 * 1024;
// Malformed input like `[[[[…` must not grow memory with the file.
const MAX_DEPTH = 1 << 16;
// Top-level key names are echoed in messages only when they cannot carry arbitrary content.
const SAFE_KEY = /^[a-z][a-z0-9_]{0,63}$/;
// Grammar states: which token may come next. The bracket stack holds each open container's
// empty state (G_KEY_OR_CLOSE or G_VALUE_OR_CLOSE) as its kind.
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
const R_VALUE = 2; // a top-level scalar, or a captured top-level container
const R_SUBKEY = 4; // a key inside a top-level object with captured children
const R_SUBVALUE = 5; // a captured child of a top-level object
const R_ELEMENT = 3;
const R_STATE_KEY = 6; // a key of a container the inventory walks
const R_STATE_VALUE = 7; // a string the inventory reads (a resource's `mode`)
const DIGIT = table('0123456789');
const DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const isSpace = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const describe = (c) => c > 0x20 && c < 0x7f ? `character '${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`;
/** Streams the change-section elements of a show-json document and validates everything else. */
class ShowJsonScanner {
    onElement;
    /** Parsed values named in options.capture (by the same names), available after end(). */
    captured = Object.create(null);
    capture;
    /** Top-level keys with captured children, and which. */
    captureIn = new Map();
    /** Inside the object value of a key in captureIn: its keys are read. */
    watch = false;
    subkey = '';
    peek;
    onSkipped;
    inventory;
    /** The depth of the innermost container the inventory walks inside `prior_state`, or 0. */
    stateDepth = 0;
    project;
    /** The summary of the element being finished, when the peek read it. */
    peeked;
    /** The element being recorded did not end in the chunk it started in: peek it at the end. */
    peekPending = false;
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
        const capture = options.capture ?? [];
        this.capture = new Set(capture.filter((name) => !name.includes('.')));
        for (const name of capture) {
            const dot = name.indexOf('.');
            if (dot < 0)
                continue;
            const parent = name.slice(0, dot);
            let children = this.captureIn.get(parent);
            if (children === undefined)
                this.captureIn.set(parent, (children = new Set()));
            children.add(name.slice(dot + 1));
        }
        this.peek = options.peek;
        this.project = options.project;
        this.onSkipped = options.onSkipped ?? (() => undefined);
        this.inventory = options.inventory === true ? new Inventory() : undefined;
    }
    /**
     * With options.inventory, after end(): the managed resource instances in
     * `prior_state.values` (deposed objects aside), as `countManaged` gives them for the parsed
     * value; undefined when there is no such tree.
     */
    managedInState() {
        return this.inventory?.result();
    }
    /** Containers at this depth and deeper are nobody's: the fast path skips them. */
    floor() {
        return this.watch ? 3 : this.stateDepth > 0 ? this.stateDepth + 1 : 2;
    }
    /** Feeds the next bytes; a chunk may end anywhere, even inside a token. */
    push(chunk) {
        throughWindow(chunk, (bytes) => this.pushBytes(bytes));
    }
    pushBytes(chunk) {
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
        const trailer = new TextDecoder().decode(concatBytes(this.trailer)).trim();
        const { keys, scalars, containers } = this;
        return { keys, scalars, containers, counts: { ...this.counts }, trailer, bytes: at };
    }
    tokens(b, i) {
        const n = b.length;
        if (this.depth >= this.floor() && this.section === null)
            i = this.skipUnread(b, i);
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
                        else if (this.depth === 2 && this.watch)
                            this.record(R_SUBKEY, i);
                        else if (this.depth === this.stateDepth)
                            this.record(R_STATE_KEY, i);
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
                    this.state = this.stack[this.depth - 1] === G_KEY_OR_CLOSE ? G_KEY : G_VALUE;
                    i++;
                    break;
                case 0x7b:
                case 0x5b:
                    if (this.value(i, c)) {
                        if (this.rec === R_ELEMENT && c === 0x7b && this.peeks()) {
                            const end = this.peekElement(b, i);
                            if (end >= 0) {
                                i = end;
                                break;
                            }
                        }
                        this.lex = L_SKIM;
                        this.sub = 1;
                        i = this.skim(b, i + 1);
                    }
                    else {
                        if (c === 0x7b &&
                            this.stateDepth > 0 &&
                            this.depth === this.stateDepth &&
                            this.inventory.atResource()) {
                            const end = this.stateResource(b, i);
                            if (end >= 0) {
                                i = end;
                                break;
                            }
                        }
                        this.open(c === 0x7b ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE, i);
                        i++;
                        if (this.depth >= this.floor() && this.section === null) {
                            i = this.skipUnread(b, i);
                        }
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
    /**
     * The fast path through containers nobody reads (planned_values, prior_state …): the grammar
     * of tokens() in local variables, whole tokens at a time. It stops before anything else — a
     * token cut by the end of the chunk, any error, a stack that must grow, the close back to the
     * top level — and tokens() carries on from there, so errors and chunk edges work as before.
     */
    skipUnread(b, i) {
        const n = b.length;
        // The depth it must not close: the top level's, or the watched object's.
        const floor = this.floor();
        const k = kernel();
        const o = k === undefined ? -1 : k.offsetOf(b);
        if (k !== undefined && o >= 0) {
            // The same loop in WebAssembly, on a copy of the stack.
            k.stack.set(this.stack.subarray(0, this.depth));
            i = k.skipUnread(o, i, n, this.depth, this.state, floor);
            const depth = k.out[0];
            this.reserve(depth);
            this.stack.set(k.stack.subarray(0, depth));
            this.depth = depth;
            this.state = k.out[1];
            return i;
        }
        const stack = this.stack;
        let depth = this.depth;
        let state = this.state;
        while (i < n) {
            const c = b[i];
            if (c <= 0x20) {
                // One comparison for the usual case; anything but whitespace is tokens()'s to report.
                if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
                    break;
                i++;
                continue;
            }
            if (state === G_AFTER) {
                const kind = stack[depth - 1];
                if (c === 0x2c)
                    state = kind === G_KEY_OR_CLOSE ? G_KEY : G_VALUE;
                else if (c === (kind === G_KEY_OR_CLOSE ? 0x7d : 0x5d) && depth > floor)
                    depth--;
                else
                    break;
                i++;
                continue;
            }
            if (state === G_COLON) {
                if (c !== 0x3a)
                    break;
                state = G_VALUE;
                i++;
                continue;
            }
            let end;
            if (c === 0x22) {
                end = skipString(b, i + 1, n);
                if (end < 0)
                    break;
                state = state === G_KEY || state === G_KEY_OR_CLOSE ? G_COLON : G_AFTER;
                i = end;
                continue;
            }
            if (state === G_KEY || state === G_KEY_OR_CLOSE) {
                if (c !== 0x7d || state !== G_KEY_OR_CLOSE || depth <= floor)
                    break;
                depth--;
                state = G_AFTER;
                i++;
                continue;
            }
            // G_VALUE or G_VALUE_OR_CLOSE
            if (c === 0x7b || c === 0x5b) {
                if (depth === stack.length)
                    break;
                state = c === 0x7b ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE;
                stack[depth++] = state;
                i++;
                continue;
            }
            if (c === 0x5d) {
                if (state !== G_VALUE_OR_CLOSE || depth <= floor)
                    break;
                depth--;
                state = G_AFTER;
                i++;
                continue;
            }
            if (c === 0x74)
                end = skipLiteral(b, i, n, TRUE);
            else if (c === 0x66)
                end = skipLiteral(b, i, n, FALSE);
            else if (c === 0x6e)
                end = skipLiteral(b, i, n, NULL);
            else if (c === 0x2d || DIGIT[c] === 1)
                end = skipNumber(b, i, n);
            else
                break;
            // A number may go on in the next chunk, and `01` must get tokens()'s message.
            if (end < 0 || end >= n || DIGIT[b[end]] === 1)
                break;
            state = G_AFTER;
            i = end;
        }
        this.depth = depth;
        this.state = state;
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
        if (this.stateDepth > 0 && this.depth === this.stateDepth) {
            // A container opens (open() asks the inventory); of the scalars only `mode` is read.
            if (c === 0x22 && this.inventory.wantsString())
                this.record(R_STATE_VALUE, i);
            return false;
        }
        if (this.depth === 2 && this.section !== null) {
            this.record(R_ELEMENT, i);
            return container;
        }
        if (this.depth === 2 && this.watch && this.captureIn.get(this.key)?.has(this.subkey)) {
            this.record(R_SUBVALUE, i);
            return container;
        }
        if (this.depth !== 1 || this.plain)
            return false;
        if (!container) {
            this.record(R_VALUE, i);
            return false;
        }
        const kind = c === 0x7b ? 'object' : 'array';
        this.containers[this.key] = kind;
        if (kind === 'array' && SECTIONS.has(this.key))
            this.section = this.key;
        else if (kind === 'object' && this.captureIn.has(this.key))
            this.watch = true;
        else if (this.capture.has(this.key)) {
            this.record(R_VALUE, i);
            return true;
        }
        return false;
    }
    /**
     * A resource of `prior_state` at b[i] read whole by the kernel when it lies in this chunk: the
     * index after it, or -1 to walk it token by token (no kernel, cut, or anything unusual).
     */
    stateResource(b, i) {
        const k = kernel();
        const o = k === undefined ? -1 : k.offsetOf(b);
        if (o < 0)
            return -1;
        const end = k.stateResource(o, i, b.length);
        if (end < 0)
            return -1;
        this.inventory.resource(k.out[0] === 1, k.out[1] === 1);
        return end;
    }
    /** Whether elements of the current section are offered to the peek. */
    peeks() {
        return this.peek !== undefined && this.section !== 'deferred_changes' && !this.plain;
    }
    /**
     * Peeks at the element starting at b[i] when it ends within this chunk and handles it: returns
     * the index after it, or -1 to skim it (it continues in the next chunk, or needs JSON.parse).
     */
    peekElement(b, i) {
        const end = peekChange(b, i, b.length);
        if (end < 0) {
            this.peekPending = end === OUT_OF_BYTES;
            return -1;
        }
        if (this.decide(peekedChange()))
            this.finish(b, end);
        return end;
    }
    /** Asks the peek callback; true = parse the element, false = it was reported as skipped. */
    decide(summary) {
        const section = this.section;
        if (section === null || this.peek?.(section, summary) !== 'skip') {
            this.peeked = summary;
            return true;
        }
        this.rec = R_NONE;
        this.counts[section]++;
        this.onSkipped(section, summary);
        return false;
    }
    open(kind, i) {
        if (this.depth === this.stack.length) {
            if (this.depth >= MAX_DEPTH)
                throw this.fail(`nesting deeper than ${MAX_DEPTH} levels`, i);
            this.reserve(this.depth + 1);
        }
        this.stack[this.depth++] = kind;
        this.state = kind;
        if (this.inventory !== undefined)
            this.enterState(kind === G_KEY_OR_CLOSE);
    }
    /** A container just opened: the inventory walks it if it leads to `prior_state` resources. */
    enterState(object) {
        const d = this.depth;
        if (d === 2) {
            if (object && this.key === 'prior_state' && !this.plain) {
                this.inventory.begin();
                this.stateDepth = 2;
            }
        }
        else if (this.stateDepth > 0 && d === this.stateDepth + 1 && this.inventory.enter(object)) {
            this.stateDepth = d;
        }
    }
    /** Grows the stack (doubling) to hold at least `size` entries, keeping the ones it has. */
    reserve(size) {
        if (size <= this.stack.length)
            return;
        let length = this.stack.length;
        while (length < size)
            length *= 2;
        const grown = new Uint8Array(length);
        grown.set(this.stack);
        this.stack = grown;
    }
    close(c, i) {
        const kind = c === 0x7d ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE;
        const d = this.depth;
        if (d === 0 || this.stack[d - 1] !== kind || (this.state !== G_AFTER && this.state !== kind)) {
            throw this.unexpected(c, i);
        }
        this.depth = d - 1;
        if (d === this.stateDepth) {
            this.inventory.leave();
            this.stateDepth = d === 2 ? 0 : d - 1;
        }
        if (d === 2) {
            this.section = null;
            this.watch = false;
        }
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
            if (DIGIT[c] === 1) {
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
            bytes = concatBytes(this.pieces);
            this.pieces = [];
        }
        const at = this.recOffset;
        if (this.rec >= R_STATE_KEY) {
            if (this.rec === R_STATE_KEY)
                this.inventory.key(bytes);
            else
                this.inventory.mode(bytes);
            this.rec = R_NONE;
            return;
        }
        if (this.peekPending) {
            this.peekPending = false;
            if (peekChange(bytes, 0, bytes.length) === bytes.length && !this.decide(peekedChange())) {
                return;
            }
        }
        const peeked = this.peeked;
        this.peeked = undefined;
        const section = this.section;
        if (peeked !== undefined && this.rec === R_ELEMENT && section !== null) {
            if (this.project?.(section, peeked, bytes) === true) {
                this.rec = R_NONE;
                this.counts[section]++;
                return;
            }
        }
        let text;
        try {
            text = DECODER.decode(bytes);
        }
        catch {
            throw new PlanSyntaxError(`invalid UTF-8 (or too long) in ${this.where()} at byte ${at}`, at);
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
        else if (kind === R_SUBKEY) {
            this.subkey = value;
        }
        else if (kind === R_SUBVALUE) {
            // Repeated keys: the last one wins, as with JSON.parse of the whole object.
            this.captured[`${key}.${this.subkey}`] = value;
        }
        else {
            if (value === null || typeof value !== 'object')
                this.scalars[key] = value;
            if (this.capture.has(key))
                this.captured[key] = value;
        }
    }
    /** Re-reads a skimmed container that JSON.parse rejected, with full checks, for a precise error. */
    locate(bytes) {
        const at = this.recOffset;
        // Only skimmed containers skip the grammar check; scalars and keys were already checked.
        if (bytes[0] === 0x7b || bytes[0] === 0x5b) {
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
 * An exact count of distinct strings that keeps no string: the addresses a `plan -json` stream's
 * refresh messages name (about 100,000 in a large one) are counted as the state's inventory, and
 * a `Set` of them cost the stream's reader about an eighth of its time, most of it in the
 * garbage collector moving the strings it kept.
 *
 * Strings whose UTF-16 units all fit a byte (every address the kernel hands over is ASCII) are
 * stored as those bytes in one growing buffer and found through an open-addressing table; the
 * rare others go to a plain `Set`. A string of one kind never equals one of the other, so the
 * count is the sum. Equal inputs compare equal unit by unit, never by hash alone: the count is
 * exact whatever the addresses are. The hash is seeded per run, so addresses cannot be chosen
 * to pile into one probe sequence.
 */
class DistinctStrings {
    /** Keys, back to back; `starts`/`lengths` locate each. */
    bytes = new Uint8Array(1 << 14);
    used = 0;
    /** Per slot: where its key starts in `bytes`, or -1 when the slot is empty. */
    starts = new Int32Array(1 << 10).fill(-1);
    lengths = new Int32Array(1 << 10);
    hashes = new Int32Array(1 << 10);
    count = 0;
    /** Strings with a unit above 0xff. */
    wide = new Set();
    /** The key being added, as bytes. */
    scratch = new Uint8Array(256);
    seed;
    constructor(seed = (Math.random() * 0x1_0000_0000) >>> 0) {
        this.seed = seed | 0;
    }
    /** How many distinct strings were added. */
    get size() {
        return this.count + this.wide.size;
    }
    add(text) {
        const n = text.length;
        const key = this.room(n);
        for (let i = 0; i < n; i++) {
            const unit = text.charCodeAt(i);
            if (unit > 0xff) {
                this.wide.add(text);
                return;
            }
            key[i] = unit;
        }
        this.insert(key, n);
    }
    /** Adds the string whose units are `source[from, to)` (latin1: one unit per byte). */
    addBytes(source, from, to) {
        const n = to - from;
        const key = this.room(n);
        for (let i = 0; i < n; i++)
            key[i] = source[from + i];
        this.insert(key, n);
    }
    room(n) {
        if (n > this.scratch.length)
            this.scratch = new Uint8Array(Math.max(n, this.scratch.length * 2));
        return this.scratch;
    }
    insert(key, n) {
        const h = hashOf(key, n, this.seed);
        const { starts, lengths, hashes, bytes } = this;
        const mask = starts.length - 1;
        for (let slot = h & mask;; slot = (slot + 1) & mask) {
            const start = starts[slot];
            if (start < 0)
                break;
            if (hashes[slot] === h && lengths[slot] === n && equalAt(bytes, start, key, n))
                return;
        }
        const start = this.store(key, n);
        this.place(h, start, n);
        this.count++;
        // At most half full: probe runs stay short.
        if (this.count * 2 > this.starts.length)
            this.grow();
    }
    /** Copies the key to the end of `bytes`; returns where it starts. */
    store(key, n) {
        if (this.used + n > this.bytes.length) {
            const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
            bigger.set(this.bytes.subarray(0, this.used));
            this.bytes = bigger;
        }
        const start = this.used;
        this.bytes.set(key.subarray(0, n), start);
        this.used += n;
        return start;
    }
    /** Puts an entry in the first empty slot of its probe sequence. */
    place(h, start, n) {
        const { starts } = this;
        const mask = starts.length - 1;
        let slot = h & mask;
        while (starts[slot] >= 0)
            slot = (slot + 1) & mask;
        starts[slot] = start;
        this.lengths[slot] = n;
        this.hashes[slot] = h;
    }
    /** Twice the slots; the entries keep their hashes, so none is hashed again. */
    grow() {
        const { starts, lengths, hashes } = this;
        this.starts = new Int32Array(starts.length * 2).fill(-1);
        this.lengths = new Int32Array(starts.length * 2);
        this.hashes = new Int32Array(starts.length * 2);
        for (let slot = 0; slot < starts.length; slot++) {
            const start = starts[slot];
            if (start >= 0)
                this.place(hashes[slot], start, lengths[slot]);
        }
    }
}
/**
 * FNV-1a over the bytes from a seeded basis, then MurmurHash3's finaliser to spread the bits.
 * Exported for its test, which needs two keys of one hash.
 */
function hashOf(key, n, seed) {
    let h = seed ^ 0x811c9dc5;
    for (let i = 0; i < n; i++)
        h = Math.imul(h ^ key[i], 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
}
function equalAt(bytes, start, key, n) {
    for (let i = 0; i < n; i++)
        if (bytes[start + i] !== key[i])
            return false;
    return true;
}

/** Zero for every action. */
const NO_ACTIONS = {
    create: 0,
    read: 0,
    update: 0,
    'no-op': 0,
    delete: 0,
    replace: 0,
    forget: 0,
    'forget-replace': 0,
    unknown: 0
};
/** A tally being built. */
class TallyCounter {
    actions = { ...NO_ACTIONS };
    moves = 0;
    imports = 0;
    managed = 0;
    add(change) {
        this.actions[change.action]++;
        if (change.moved)
            this.moves++;
        if (change.importing)
            this.imports++;
        if (change.mode === 'managed' && change.deposed === undefined)
            this.managed++;
    }
    result() {
        return {
            actions: { ...this.actions },
            move: this.moves,
            import: this.imports,
            managed: this.managed
        };
    }
}

/**
 * Reads the machine-readable UI (`terraform plan -json`, `tofu plan -json`): one message at a
 * time, from JSON Lines or from the same messages saved as one JSON array.
 */
const SUPPORTED_UI_MAJORS = new Set(['0', '1']);
/** Message types whose body `StreamCollector.add` reads; it reads only three keys of any other. */
const READ_TYPES = new Set([
    'version',
    'planned_change',
    'resource_drift',
    'diagnostic',
    'change_summary',
    'refresh_complete'
]);
/**
 * Whether `add` reads nothing of a message of this type but `type`, `@level` and `@module`
 * (refresh, apply and output messages …): then those three stand for the whole message.
 */
function onlyHeaderRead(type) {
    return !READ_TYPES.has(type);
}
/** Collects UI messages into a `Plan`. */
class StreamCollector {
    format;
    retain;
    tool = 'unknown';
    toolVersion;
    uiVersion;
    changes = [];
    drift = [];
    errors = 0;
    summaries = 0;
    operation;
    messages = 0;
    /** Managed objects named by refresh messages: what exists before the plan. */
    refreshed = new DistinctStrings();
    /** A "Resource targeting is in effect" warning: refresh covered only the targets. */
    targeted = false;
    tally = new TallyCounter();
    /** Counts from the first `plan` change_summary. */
    planned;
    constructor(format, retain = (c) => c) {
        this.format = format;
        this.retain = retain;
    }
    /** Adds one decoded message; `position` names it in errors (e.g. "line 12"). */
    add(message, position) {
        if (!isRecord$1(message)) {
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
            case 'planned_change': {
                const change = fromStream(message['change'], position, this.tool);
                this.tally.add(change);
                const kept = this.retain(change, 'change');
                if (kept !== undefined)
                    this.changes.push(kept);
                return;
            }
            case 'resource_drift': {
                const kept = this.retain(fromStream(message['change'], position, this.tool), 'drift');
                if (kept !== undefined)
                    this.drift.push(kept);
                return;
            }
            case 'diagnostic':
                if (message['@level'] === 'error' || severityOf(message) === 'error')
                    this.errors++;
                if (/targeting is in effect/i.test(summaryOf(message)))
                    this.targeted = true;
                return;
            case 'refresh_complete':
                return this.refresh(message);
            case 'change_summary':
                return this.summary(message, position);
            default:
                // Unknown and irrelevant message types are tolerated, as the UI docs ask.
                if (message['@level'] === 'error')
                    this.errors++;
        }
    }
    /**
     * What `add` does with a message whose type passes `onlyHeaderRead`, from those three keys
     * alone (non-string `@level` or `@module`: undefined).
     */
    addHeader(type, level, module) {
        // (`module` may be left out once toolKnown: noteModule ignores it then.)
        if (!onlyHeaderRead(type))
            throw new Error(`addHeader: "${type}" messages are read whole`);
        this.messages++;
        this.noteModule(module);
        if (level === 'error')
            this.errors++;
    }
    /**
     * What `add` does with a `refresh_complete` message, from its `@module` (as addHeader takes
     * it) and the address it names (`refreshAddress`: null when none).
     */
    addRefresh(module, addr) {
        this.messages++;
        this.noteModule(module);
        if (addr !== null)
            this.refreshedAddress(addr);
    }
    /**
     * `count` messages at once whose types pass `onlyHeaderRead`, `errors` of them at `@level`
     * "error": what `addHeader` does for each, once `@module` no longer matters. (The kernel's
     * count also takes refresh_complete messages; their addresses go to refreshedAddress.)
     */
    addHeaders(count, errors) {
        if (!this.toolKnown)
            throw new Error('addHeaders: the tool is not known yet');
        this.messages += count;
        this.errors += errors;
    }
    /** Whether `@module` no longer matters: the tool is known. */
    get toolKnown() {
        return this.tool !== 'unknown';
    }
    /** Finishes the stream; throws when it cannot be a complete plan log. */
    finish() {
        if (this.messages === 0)
            throw new PlanInputError('no Terraform UI messages found');
        if (this.summaries === 0 && this.errors === 0) {
            throw new PlanInputError('the stream has no change_summary message: the plan did not finish or the log is truncated');
        }
        this.checkSummary();
        return {
            source: {
                format: this.format,
                formatVersion: this.uiVersion,
                tool: this.tool,
                toolVersion: this.toolVersion
            },
            changes: this.changes,
            tally: this.tally.result(),
            drift: this.drift,
            deferred: [],
            errored: this.errors > 0,
            operation: this.operation,
            ...(this.refreshed.size === 0 || this.targeted
                ? {}
                : { inventory: { managed: this.refreshed.size, source: 'refresh' } }),
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
    /**
     * The plan's change_summary counts what Terraform planned. Fewer planned_change messages than
     * it counts means messages were lost or mangled (an unknown message type is tolerated, so a
     * corrupted `"type"` would otherwise drop a delete silently): fail closed. More is fine:
     * Terraform leaves create-then-forget replacements out of its counts.
     */
    checkSummary() {
        if (this.planned === undefined)
            return;
        const a = this.tally.result().actions;
        // An unknown action could be any of them; it is blocked on its own anyway.
        const seen = {
            add: a.create + a.replace + a['forget-replace'] + a.unknown,
            change: a.update + a.unknown,
            remove: a.delete + a.replace + a.unknown
        };
        for (const key of ['add', 'change', 'remove']) {
            if (this.planned[key] > seen[key]) {
                throw new PlanInputError(`change_summary counts ${this.planned[key]} to ${key} but the stream has ${seen[key]} such planned changes: messages are missing or corrupt`);
            }
        }
    }
    /** A managed object being refreshed exists before the plan (data sources are not counted). */
    refresh(message) {
        const hook = message['hook'];
        const resource = isRecord$1(hook) ? hook['resource'] : undefined;
        const addr = isRecord$1(resource) ? resource['addr'] : undefined;
        if (typeof addr === 'string')
            this.refreshedAddress(addr);
    }
    /**
     * A managed object a refresh_complete message names (`hook.resource.addr`, a string): counted
     * unless it is empty or a data source. The message itself is counted by the caller.
     */
    refreshedAddress(addr) {
        if (addr === '')
            return;
        // `module.a["k"].module.b[0].data.x.y`: the resource part after the module path decides.
        if (addr.includes('data.') &&
            addr.replace(/^(?:module\.[^.[]+(?:\[[^\]]*\])?\.)*/, '').startsWith('data.')) {
            return;
        }
        this.refreshed.add(addr);
    }
    /**
     * refreshedAddress for an address given as its bytes `b[from, to)` (ASCII, as the kernel hands
     * them over), without making a string of it unless it may name a data source.
     */
    refreshedBytes(b, from, to) {
        if (from === to)
            return;
        if (hasDataDot(b, from, to)) {
            this.refreshedAddress(b.toString('latin1', from, to));
            return;
        }
        this.refreshed.addBytes(b, from, to);
    }
    summary(message, position) {
        const changes = message['changes'];
        if (!isRecord$1(changes))
            throw new PlanInputError(`${position}: change_summary has no "changes"`);
        this.summaries++;
        const operation = changes['operation'];
        if (operation === 'plan' && this.planned === undefined) {
            const count = (key) => typeof changes[key] === 'number' ? changes[key] : 0;
            this.planned = { add: count('add'), change: count('change'), remove: count('remove') };
        }
        if (operation === 'plan' || operation === 'apply' || operation === 'destroy') {
            // A destroy anywhere in the log makes the whole run a destroy.
            if (this.operation !== 'destroy')
                this.operation = operation;
        }
    }
}
function summaryOf(message) {
    const diagnostic = message['diagnostic'];
    const summary = isRecord$1(diagnostic) ? diagnostic['summary'] : undefined;
    return typeof summary === 'string' ? summary.slice(0, 200) : '';
}
function severityOf(message) {
    const diagnostic = message['diagnostic'];
    return isRecord$1(diagnostic) ? diagnostic['severity'] : undefined;
}
/** Splits a byte stream into lines (LF or CRLF); memory is bounded by the longest line. */
class LineSplitter {
    onLine;
    onRaw;
    skipper;
    pending = [];
    decoder = new TextDecoder('utf-8', { fatal: true });
    lineNo = 0;
    constructor(onLine, onRaw, skipper) {
        this.onLine = onLine;
        this.onRaw = onRaw;
        this.skipper = skipper;
    }
    /** Splits `chunk`, which it does not keep: the caller may reuse it afterwards. */
    push(chunk) {
        const n = chunk.length;
        let start = 0;
        // One check per chunk rather than per line.
        const ascii = this.onRaw !== undefined && isAscii(chunk);
        if (this.pending.length > 0) {
            const nl = chunk.indexOf(0x0a);
            if (nl < 0) {
                this.pending.push(new Uint8Array(chunk)); // a copy (Buffer#slice would not be)
                return;
            }
            this.emit(chunk, 0, nl, ascii);
            start = nl + 1;
        }
        for (;;) {
            let parse = false;
            if (this.skipper !== undefined && start < n) {
                start = this.skipper.skip(chunk, start, n);
                this.lineNo += this.skipper.lines;
                parse = this.skipper.parseNext === true;
            }
            const nl = chunk.indexOf(0x0a, start);
            if (nl < 0)
                break;
            this.emit(chunk, start, nl, ascii, parse);
            start = nl + 1;
        }
        if (start < n)
            this.pending.push(new Uint8Array(chunk.subarray(start)));
    }
    end() {
        if (this.pending.length > 0)
            this.emit(new Uint8Array(0), 0, 0, false);
    }
    emit(chunk, start, end, ascii, parse = false) {
        this.lineNo++;
        const parts = this.pending;
        let bytes = chunk;
        if (parts.length > 0) {
            this.pending = [];
            bytes = concatBytes([...parts, chunk.subarray(start, end)]);
            start = 0;
            end = bytes.length;
            ascii = false;
        }
        if (!parse && this.onRaw?.(bytes, start, end, this.lineNo, ascii) === true)
            return;
        let line;
        try {
            line = this.decoder.decode(bytes.subarray(start, end));
        }
        catch {
            throw new PlanInputError(`line ${this.lineNo} is not valid UTF-8`);
        }
        this.onLine(line, this.lineNo);
    }
}
// ArrayElements states, outside an element.
const A_START = 0; // before '['
const A_FIRST = 1; // after '[': an element or ']'
const A_NEXT = 2; // after ',': an element
const A_AFTER = 3; // after an element: ',' or ']'
const A_DONE = 4; // after ']': whitespace only
const A_IN = 5; // inside an element
/**
 * Splits a top-level JSON array, pushed in chunks of any size, into its elements' bytes: the
 * brackets, commas and whitespace between elements are checked here, each element is left to
 * JSON.parse. Memory is bounded by the largest element. Throws PlanInputError on bad structure.
 */
class ArrayElements {
    onElement;
    invalid;
    notArray;
    state = A_START;
    depth = 0;
    /** Inside an element: 0 outside a string, 1 inside, 2 right after a backslash. */
    text = 0;
    /** The element is a number or a literal: it ends at the first delimiter. */
    bare = false;
    pieces = [];
    count = 0;
    constructor(onElement, invalid, notArray) {
        this.onElement = onElement;
        this.invalid = invalid;
        this.notArray = notArray;
    }
    push(chunk) {
        const n = chunk.length;
        let i = 0;
        let from = 0; // where the current element's bytes start in this chunk
        while (i < n) {
            const c = chunk[i];
            if (this.state === A_IN) {
                const end = this.scan(chunk, i);
                if (end < 0) {
                    i = n;
                    break;
                }
                this.emit(chunk, from, end);
                this.state = A_AFTER;
                i = end;
                continue;
            }
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
                i++;
                continue;
            }
            switch (this.state) {
                case A_START:
                    if (c !== 0x5b)
                        throw new PlanInputError(this.notArray);
                    this.state = A_FIRST;
                    i++;
                    continue;
                case A_AFTER:
                    if (c === 0x2c)
                        this.state = A_NEXT;
                    else if (c === 0x5d)
                        this.state = A_DONE;
                    else
                        throw new PlanInputError(this.invalid);
                    i++;
                    continue;
                case A_FIRST:
                case A_NEXT:
                    if (c === 0x5d && this.state === A_FIRST) {
                        this.state = A_DONE;
                        i++;
                        continue;
                    }
                    this.state = A_IN;
                    this.depth = 0;
                    this.text = 0;
                    this.bare = c !== 0x7b && c !== 0x5b && c !== 0x22;
                    from = i;
                    continue;
                default:
                    throw new PlanInputError(this.invalid); // text after the array
            }
        }
        if (this.state === A_IN)
            this.pieces.push(new Uint8Array(chunk.subarray(from)));
    }
    /** The number of elements; throws unless one whole array was read. */
    end() {
        if (this.state === A_IN && this.bare && this.pieces.length > 0) {
            // A number or literal right at the end: no delimiter follows, and no ']' either.
            throw new PlanInputError(this.invalid);
        }
        if (this.state === A_START)
            throw new PlanInputError(this.notArray);
        if (this.state !== A_DONE)
            throw new PlanInputError(this.invalid);
        return this.count;
    }
    /** Finds the end of the element being read from i: the index after it, or -1 (next chunk). */
    scan(b, i) {
        const n = b.length;
        if (this.bare) {
            while (i < n) {
                const c = b[i];
                if (c === 0x2c || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
                    return i;
                }
                i++;
            }
            return -1;
        }
        let depth = this.depth;
        let text = this.text;
        for (; i < n; i++) {
            const c = b[i];
            if (text !== 0) {
                if (text === 2)
                    text = 1;
                else if (c === 0x5c)
                    text = 2;
                else if (c === 0x22) {
                    text = 0;
                    if (depth === 0)
                        return i + 1; // a string element
                }
            }
            else if (c === 0x22)
                text = 1;
            else if (c === 0x7b || c === 0x5b)
                depth++;
            else if (c === 0x7d || c === 0x5d) {
                if (--depth <= 0)
                    return i + 1;
            }
        }
        this.depth = depth;
        this.text = text;
        return -1;
    }
    emit(chunk, from, end) {
        let bytes = chunk.subarray(from, end);
        if (this.pieces.length > 0) {
            bytes = concatBytes([...this.pieces, bytes]);
            this.pieces = [];
        }
        this.onElement(bytes, this.count++);
    }
}
/** Whether `b[from, to)` holds `data.` (refreshedAddress then reads the address as a string). */
function hasDataDot(b, from, to) {
    for (let i = from; i + 5 <= to; i++) {
        if (b[i] === 0x64 &&
            b[i + 1] === 0x61 &&
            b[i + 2] === 0x74 &&
            b[i + 3] === 0x61 &&
            b[i + 4] === 0x2e)
            return true;
    }
    return false;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const SLOTS = 5;
// Slots of the kernel's answer (scan.c project): peek.ts VALUE_KEYS order.
const BEFORE = VALUE_KEYS.indexOf('before');
const AFTER = VALUE_KEYS.indexOf('after');
const AFTER_UNKNOWN = VALUE_KEYS.indexOf('after_unknown');
const BEFORE_SENSITIVE = VALUE_KEYS.indexOf('before_sensitive');
const AFTER_SENSITIVE = VALUE_KEYS.indexOf('after_sensitive');
/**
 * The projected change of the `resource_changes` element `bytes`, which peekChange has just
 * read (so it is valid JSON and UTF-8, and `summary` and peekedValueSpans() are its own); or
 * undefined: parse it whole. Throws what fromShowJson throws for a malformed skeleton.
 *
 * One kernel call (scan.c project) walks `before` and `after` for the blast radius and their
 * masks, and copies the members the projection names (for the masks also those under which a
 * candidate leaf lies) into one JSON array; one JSON.parse gives all five values.
 */
function projectChange(bytes, summary, projection, position) {
    const k = kernel();
    if (k === undefined)
        return undefined;
    if (!k.walkLists(projection.leafNames, projection.leafPrefixes))
        return undefined;
    const spans = k.projectSpans;
    const peeked = peekedValueSpans();
    for (let k = 0; k < 2 * SLOTS; k++)
        spans[k] = peeked[k];
    const skeleton = fromSummary(summary, position);
    const place = k.place(bytes);
    if (place === undefined)
        return undefined;
    if (!k.keepNames(projection.attributes(skeleton.type)))
        return undefined;
    const [which, o] = place;
    if (!k.project(which, o, projection.maxDepth))
        return undefined;
    const out = k.walkOut;
    if (out[BEFORE] + out[AFTER] > projection.maxLeaves)
        return undefined;
    let values;
    try {
        values = JSON.parse(k.projectText());
    }
    catch {
        return undefined; // never expected: the kernel copies members of checked JSON
    }
    const at = (slot) => (spans[2 * slot] < 0 ? undefined : values[slot]);
    const beforeSensitive = at(BEFORE_SENSITIVE);
    const afterSensitive = at(AFTER_SENSITIVE);
    const b = k.bytesOf(which);
    const valueLeaves = [];
    const w = leaves(b, out, 8, out[2], beforeSensitive, valueLeaves);
    leaves(b, out, w, out[3], afterSensitive, valueLeaves);
    return withValues(skeleton, {
        before: at(BEFORE),
        after: at(AFTER),
        afterUnknown: at(AFTER_UNKNOWN),
        beforeSensitive,
        afterSensitive,
        valueLeaves
    });
}
/**
 * Reads `count` string leaf records of project from out[w] (scan.c), adds to `into` those that
 * the sensitivity mask does not hide, as blast-radius.ts `walk` steps through it; returns the
 * index after the records.
 */
function leaves(b, out, w, count, mask, into) {
    for (let r = 0; r < count; r++) {
        const s = out[w];
        const e = out[w + 1];
        const flags = out[w + 2];
        const depth = out[w + 3];
        const from = w + 4;
        w = from + 3 * depth;
        if (mask === true)
            continue;
        let m = mask;
        let hidden = false;
        const path = depth === 1 ? ONE_STEP : [];
        for (let p = from; p < w; p += 3) {
            const keyStart = out[p];
            let step;
            if (keyStart < 0) {
                step = out[p + 1];
                m = Array.isArray(m) ? m[step] : undefined;
            }
            else {
                step = keyText(b, keyStart, out[p + 1], out[p + 2]);
                m = isRecord(m) ? m[step] : undefined;
            }
            if (m === true) {
                hidden = true;
                break;
            }
            if (depth === 1)
                path[0] = step;
            else
                path.push(step);
        }
        if (hidden)
            continue;
        const value = (flags & 1) !== 0
            ? JSON.parse(b.toString('utf8', s, e))
            : (flags & 2) !== 0
                ? UTF8.decode(b.subarray(s + 1, e - 1))
                : ascii(b, s + 1, e - 1);
        into.push({ value, path: depth === 1 ? onePath(path[0]) : path });
    }
    return w;
}
// Most leaves are top-level attributes (`arn`, `id`, `region`): one frozen path per name, the
// step read into ONE_STEP first.
const ONE_STEP = [];
const onePaths = new Map();
function onePath(step) {
    let path = onePaths.get(step);
    if (path === undefined) {
        path = Object.freeze([step]);
        if (onePaths.size < KEYS_CACHED)
            onePaths.set(step, path);
    }
    return path;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
// Attribute names repeat across elements: one string per name, found by the kernel's hash.
const KEYS_CACHED = 1 << 14;
const keys = new Map();
/** A key's text: [start, end) unescaped, valid UTF-8, `hash` its hash (scan.c key_hash). */
function keyText(b, start, end, hash) {
    const hit = keys.get(hash);
    if (hit !== undefined && hit.length === end - start) {
        let same = true;
        for (let k = 0; k < hit.length; k++) {
            if (hit.charCodeAt(k) !== b[start + k]) {
                same = false;
                break;
            }
        }
        if (same)
            return hit;
    }
    const key = text(b, start, end);
    // ASCII only: then equal length and char codes mean equal bytes.
    if (keys.size < KEYS_CACHED && key.length === end - start)
        keys.set(hash, key);
    return key;
}
const latin1Slice = Buffer.prototype.latin1Slice;
/** Text of [start, end): unescaped, valid UTF-8 (peekChange checked it). */
function text(b, start, end) {
    for (let k = start; k < end; k++) {
        if (b[k] >= 0x80)
            return UTF8.decode(b.subarray(start, end));
    }
    return ascii(b, start, end);
}
/**
 * Text of [start, end), all ASCII: Latin-1 decoding gives the same, and the method itself skips
 * toString's checks.
 */
function ascii(b, start, end) {
    return latin1Slice === undefined
        ? b.toString('latin1', start, end)
        : latin1Slice.call(b, start, end);
}

/**
 * The address a `refresh_complete` message names (`hook.resource.addr`), read from its bytes
 * instead of `JSON.parse` of the whole line: a large stream is mostly refresh messages, and only
 * this one string of each counts (the state's inventory for the full-destroy rule).
 *
 * The line must be one peekMessageType (peek.ts) accepted: checked against the JSON grammar, all
 * ASCII, one object. The answer is the one `StreamCollector.refresh` reads from the parsed
 * message, repeated keys included (the last one wins, as in JSON.parse): the address, or null
 * when the message names none (no such member, or not an object or a string on the way). Any
 * key written with an escape, which would need decoding to compare, gives UNSURE: the caller
 * then parses the line.
 */
const UNSURE = Symbol('unsure');
const HOOK = bytesOf('hook');
const RESOURCE = bytesOf('resource');
const ADDR = bytesOf('addr');
function bytesOf(text) {
    return new TextEncoder().encode(text);
}
/** `hook.resource.addr` of the message at [start, end) of `b`; see above. */
function refreshAddress(b, start, end) {
    const k = kernel();
    winOffset = k === undefined ? -1 : k.offsetOf(b);
    const hook = member(b, ws(b, start, end), end, HOOK);
    if (hook === UNSURE || hook < 0 || b[hook] !== 0x7b)
        return hook === UNSURE ? UNSURE : null;
    const resource = member(b, hook, end, RESOURCE);
    if (resource === UNSURE || resource < 0 || b[resource] !== 0x7b) {
        return resource === UNSURE ? UNSURE : null;
    }
    const addr = member(b, resource, end, ADDR);
    if (addr === UNSURE || addr < 0 || b[addr] !== 0x22)
        return addr === UNSURE ? UNSURE : null;
    const close = skip(b, addr, end);
    if (close < 0)
        return UNSURE;
    const text = stringAt(b, addr, close);
    return text === '' ? null : text;
}
/**
 * Where the value of the last member `name` of the object starting at b[i] ('{') starts, or -1
 * when it has none; UNSURE when a key has an escape (or the bytes are not what the peek
 * promised).
 */
function member(b, i, n, name) {
    if (b[i] !== 0x7b)
        return UNSURE;
    let found = -1;
    i = ws(b, i + 1, n);
    if (b[i] === 0x7d)
        return -1;
    for (;;) {
        if (b[i] !== 0x22)
            return UNSURE;
        const keyEnd = skip(b, i, n);
        if (keyEnd < 0 || hasEscape(b, i, keyEnd))
            return UNSURE;
        const matches = bytesEqual(b, i + 1, keyEnd - 1, name);
        i = ws(b, keyEnd, n);
        if (b[i] !== 0x3a)
            return UNSURE;
        const value = ws(b, i + 1, n);
        if (matches)
            found = value;
        const after = skip(b, value, n);
        if (after < 0)
            return UNSURE;
        i = ws(b, after, n);
        if (b[i] === 0x7d)
            return found;
        if (b[i] !== 0x2c)
            return UNSURE;
        i = ws(b, i + 1, n);
    }
}
/** The kernel's offset of the bytes being read (-1: not in its window, use JavaScript). */
let winOffset = -1;
/** skipValue of peek.ts, in the kernel when the bytes are in its window. */
function skip(b, i, n) {
    return winOffset >= 0 ? kernel().skipValue(winOffset, i, n) : skipValue(b, i, n);
}
function hasEscape(b, from, to) {
    for (let k = from; k < to; k++)
        if (b[k] === 0x5c)
            return true;
    return false;
}
/** The text of the string literal b[from, to) (quotes included; ASCII, grammar checked). */
function stringAt(b, from, to) {
    const literal = Buffer.from(b.buffer, b.byteOffset + from, to - from);
    return literal.includes(0x5c)
        ? JSON.parse(literal.toString('latin1'))
        : literal.toString('latin1', 1, literal.length - 1);
}

/**
 * The plan reader: bytes in (pushed in chunks of any size), one normalized `Plan` out.
 * It detects the format (show-json, JSON Lines stream, JSON array of UI messages), the
 * encoding and the setup-terraform wrapper. Pure: the caller does the I/O.
 */
/** `format_version` majors plan-gate understands (0.1, 0.2, 1.0 … 1.2, and newer 1.x). */
/** Bytes readFrom reads at once without a kernel (with one: its window). */
const READ_SIZE = 1 << 20;
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
    /**
     * Pushes the rest of the input, read with `read`: a synchronous read of up to `into.length`
     * bytes into `into` that returns how many it read (0 at the end). The bytes go straight into
     * the kernel's window when there is one, so no chunk is ever copied. `onRead` gets the
     * running count of bytes read; returns the total. Call end() after it.
     */
    readFrom(read, onRead) {
        const into = kernel()?.window ?? new Uint8Array(READ_SIZE);
        let total = 0;
        for (;;) {
            const n = read(into);
            if (n <= 0)
                break;
            total += n;
            // Every stage copies what it keeps beyond the call, so the window can be read into again.
            this.push(into.subarray(0, n));
            onRead?.(total);
        }
        return total;
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
            // A copy: the caller may read into its buffer again (readFrom does).
            this.head.push(new Uint8Array(chunk));
            this.headLength += chunk.length;
            if (this.headLength >= 4096)
                this.choose(false);
        }
    }
    /** Picks the sink from the first bytes (or the forced format) and replays them. */
    choose(final) {
        const head = this.head;
        this.head = [];
        const prefix = new TextDecoder().decode(concatBytes(head).subarray(0, 4096));
        const format = this.options.format ?? sniff(prefix, final, this.stripper.wrapped);
        if (format === undefined)
            return;
        const { retain = lean, unchangedValues = this.options.retain !== undefined } = this.options;
        this.sink = makeSink(format, retain, !unchangedValues, this.options.project);
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
function makeSink(format, retain, skipUnchanged, projection) {
    switch (format) {
        case 'show-json':
            return showJsonSink(retain, skipUnchanged, projection);
        case 'jsonl':
            return jsonlSink(retain);
        case 'json-array':
            return jsonArraySink(retain);
    }
}
/** `["no-op"]` and `["read"]`: changes whose values no rule reads. */
function isUnchanged(actions) {
    return actions.length === 1 && (actions[0] === 'no-op' || actions[0] === 'read');
}
function showJsonSink(retain, skipUnchanged, projection) {
    const changes = [];
    const drift = [];
    const deferred = [];
    const tally = new TallyCounter();
    const registries = new Set();
    const seen = { resource_changes: 0, resource_drift: 0, deferred_changes: 0 };
    // Changes share a few providers: the registry of each provider name is worked out once.
    let lastFqn;
    const onChange = (change) => {
        tally.add(change);
        const fqn = change.provider.fqn;
        if (fqn !== lastFqn || registries.size === 0) {
            lastFqn = fqn;
            registries.add(fqn?.split('/')[0] ?? '');
        }
        keep(changes, retain(change, 'change'));
    };
    const onElement = (section, element) => {
        const index = seen[section]++;
        if (section === 'resource_changes') {
            onChange(fromShowJson(element, `resource_changes[${index}]`));
        }
        else if (section === 'resource_drift') {
            keep(drift, retain(fromShowJson(element, `resource_drift[${index}]`), 'drift'));
        }
        else {
            const position = `deferred_changes[${index}]`;
            const inner = isRecord$1(element) ? element['resource_change'] : undefined;
            keep(deferred, retain(fromShowJson(inner, `${position}.resource_change`), 'deferred'));
        }
    };
    // Only reached for resource_changes: the peek callback never skips anything else.
    const onSkipped = (section, summary) => {
        onChange(fromSummary(summary, `${section}[${seen[section]++}]`));
    };
    const scanner = new ShowJsonScanner(onElement, {
        // Only the provider blocks: the rest of `configuration` (one body per module call) can be
        // tens of MB on a large plan, and is never read.
        capture: ['configuration.provider_config'],
        // What exists before the plan, for the full-destroy rule: counted as `prior_state` streams
        // past, never parsed.
        inventory: true,
        peek: skipUnchanged || projection !== undefined
            ? (section, summary) => skipUnchanged && section === 'resource_changes' && isUnchanged(summary.actions)
                ? 'skip'
                : 'parse'
            : undefined,
        onSkipped,
        project: projection === undefined
            ? undefined
            : (section, summary, bytes) => {
                if (section !== 'resource_changes')
                    return false;
                const position = `resource_changes[${seen.resource_changes}]`;
                const change = projectChange(bytes, summary, projection, position);
                if (change === undefined)
                    return false;
                seen.resource_changes++;
                onChange(change);
                return true;
            }
    });
    // The scanner checks the grammar of every byte but the UTF-8 only of what it parses.
    const utf8 = new Utf8Check();
    return {
        push: (chunk) => {
            scanner.push(chunk);
            utf8.push(chunk);
        },
        end: () => {
            const scanned = scanner.end();
            utf8.end();
            const plan = showJsonPlan(scanned, {
                changes,
                drift,
                deferred,
                tally: tally.result(),
                registries
            });
            const blocks = scanner.captured['configuration.provider_config'];
            const managed = scanner.managedInState();
            return {
                ...plan,
                ...(managed === undefined ? {} : { inventory: { managed, source: 'prior_state' } }),
                providerConfigs: providerConfigs(blocks)
            };
        }
    };
}
function keep(list, change) {
    if (change !== undefined)
        list.push(change);
}
/**
 * The default `retain`: values of no-op and read changes are never looked at by any rule;
 * dropping them keeps memory proportional to what changes, not to the size of the estate.
 */
function lean(change) {
    return change.action === 'no-op' || change.action === 'read' ? withoutValues(change) : change;
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
    // Bounded, because the version is echoed below: 8 MB of digits is not a version number.
    const match = /^(\d{1,9})\.\d{1,9}(\.\d{1,9})?$/.exec(version);
    if (match === null) {
        throw new PlanInputError('unsupported format_version: not a version number like "1.2"');
    }
    if (!SUPPORTED_MAJORS.has(match[1])) {
        throw new PlanInputError(`unsupported format_version "${version}" (plan-gate reads plan formats 0.x and 1.x)`);
    }
    const keys = new Set(scan.keys);
    rejectMangledKeys(scan.keys);
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
            tool: toolOf(parts.registries, toolVersion),
            toolVersion
        },
        changes: parts.changes,
        tally: parts.tally,
        drift: parts.drift,
        deferred: parts.deferred,
        errored: errored === true,
        applyable: booleanFlag(scan, 'applyable'),
        complete: booleanFlag(scan, 'complete'),
        errorDiagnostics: 0
    };
}
/**
 * Literal arguments of each provider block (`configuration.provider_config`); references and
 * unknown shapes are skipped.
 */
function providerConfigs(blocks) {
    if (!isRecord$1(blocks))
        return [];
    return Object.entries(blocks).flatMap(([key, block]) => {
        if (!isRecord$1(block))
            return [];
        const constants = literalArguments(block['expressions']);
        const name = typeof block['name'] === 'string'
            ? block['name']
            : (key.replace(/^.*:/, '').split('.')[0] ?? key);
        const alias = typeof block['alias'] === 'string' ? block['alias'] : undefined;
        return [{ key, name, alias, constants }];
    });
}
/**
 * `{ region: { constant_value: 'x' }, assume_role: [{ role_arn: { constant_value: 'arn…' } }] }`
 * → `{ region: 'x', assume_role: [{ role_arn: 'arn…' }] }`; references are left out.
 */
function literalArguments(expressions) {
    if (!isRecord$1(expressions))
        return {};
    const out = [];
    for (const [name, expression] of Object.entries(expressions)) {
        if (isRecord$1(expression) && Object.hasOwn(expression, 'constant_value'))
            out.push([name, expression['constant_value']]);
        else if (Array.isArray(expression))
            out.push([name, expression.map(literalArguments)]);
    }
    // fromEntries defines each key as its own: an argument named `__proto__` stays a key the
    // fingerprint sees instead of becoming the record's prototype.
    return Object.fromEntries(out);
}
/** Every top-level key Terraform and OpenTofu write (formats.md A.2). */
const KNOWN_KEYS = new Set([
    'format_version',
    'terraform_version',
    'variables',
    'planned_values',
    'resource_drift',
    'resource_changes',
    'deferred_changes',
    'deferred_action_invocations',
    'output_changes',
    'action_invocations',
    'prior_state',
    'configuration',
    'relevant_attributes',
    'checks',
    'timestamp',
    'applyable',
    'complete',
    'errored'
]);
/**
 * Unknown top-level keys are fine (newer minors add some), but one a byte or two away from a
 * known key is corruption that happens to stay valid JSON: a renamed `resource_changes` would
 * otherwise read as a plan with no changes, and pass.
 */
function rejectMangledKeys(keys) {
    for (const key of keys) {
        if (KNOWN_KEYS.has(key) || key.length < 5)
            continue;
        const near = [...KNOWN_KEYS].find((known) => editDistance(key, known) <= 2);
        if (near !== undefined) {
            throw new PlanInputError(`a top-level key is a corrupted "${near}": the file is damaged`);
        }
    }
}
/** Levenshtein distance, for short keys only. */
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2)
        return 3;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
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
function toolOf(registries, version) {
    if (registries.has('registry.opentofu.org'))
        return 'opentofu';
    if (registries.has('registry.terraform.io'))
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
function jsonlSink(retain) {
    const collector = new StreamCollector('jsonl', retain);
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
    }, skipHeaderOnly, headerRuns(collector));
    // Most lines are refresh messages of which only three keys count: those are checked byte for
    // byte (peek.ts) but not parsed. Anything the peek is unsure of takes the path above.
    function skipHeaderOnly(bytes, start, end, _n, ascii) {
        const stop = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
        const type = peekMessageType(bytes, start, stop, ascii);
        if (type === undefined)
            return false;
        const refresh = type === 'refresh_complete';
        if (!refresh && !onlyHeaderRead(type))
            return false;
        // `@module` only counts until the tool is known.
        const module = collector.toolKnown ? undefined : peekedHeader(bytes, 'module');
        if (refresh) {
            // Of a refresh only the address it names counts: read from the bytes, not parsed.
            const addr = refreshAddress(bytes, start, stop);
            if (addr === UNSURE)
                return false;
            collector.addRefresh(module, addr);
            return true;
        }
        collector.addHeader(type, peekedHeader(bytes, 'level'), module);
        return true;
    }
    return {
        push: (chunk) => throughWindow(chunk, (bytes) => splitter.push(bytes)),
        end: () => {
            splitter.end();
            return collector.finish();
        }
    };
}
/**
 * The kernel's bulk version of skipHeaderOnly, for lines in its window once the tool is known:
 * runs of header-only messages are checked and counted without a call per line.
 */
function headerRuns(collector) {
    const k = kernel();
    if (k === undefined)
        return undefined;
    return {
        lines: 0,
        parseNext: false,
        skip(bytes, start, end) {
            this.lines = 0;
            this.parseNext = false;
            const o = k.offsetOf(bytes);
            if (o < 0 || !collector.toolKnown)
                return start;
            const at = k.scanLines(o, start, end);
            this.lines = k.out[2];
            // A planned_change (or another type read whole) that the kernel has just checked: the
            // splitter parses it without peeking at it again in JavaScript.
            this.parseNext = k.out[4] === 1;
            collector.addHeaders(k.out[2], k.out[3]);
            // The addresses' bytes go to the count as they lie in the window: no string for each.
            const spans = k.refreshedSpans();
            for (let i = 0; i < spans.length; i += 3) {
                const from = spans[i];
                const to = spans[i + 1];
                if (spans[i + 2] === 1)
                    collector.refreshedAddress(JSON.parse(k.window.toString('latin1', from - 1, to + 1)));
                else
                    collector.refreshedBytes(k.window, from, to);
            }
            return at;
        }
    };
}
function jsonArraySink(retain) {
    const collector = new StreamCollector('json-array', retain);
    const invalid = 'the JSON array of UI messages is not valid JSON (truncated or corrupt)';
    const decoder = new TextDecoder('utf-8', { fatal: true });
    // One message at a time, as with JSON Lines: the array is never held whole.
    const elements = new ArrayElements((bytes, index) => {
        let message;
        try {
            message = JSON.parse(decoder.decode(bytes));
        }
        catch {
            throw new PlanInputError(invalid);
        }
        collector.add(message, `message ${index + 1}`);
    }, invalid, 'expected a JSON array of UI messages');
    return {
        push: (chunk) => elements.push(chunk),
        end: () => {
            elements.end();
            return collector.finish();
        }
    };
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

/**
 * Reading attribute values and their unknown/sensitive masks by path. Values read here are
 * used for decisions; only `printable` values ever reach a finding's data.
 */
const parsed = new Map();
/** Parses `a[0].b[*].c` into steps (once per path: the catalog's paths are read per change). */
function parsePath(path) {
    let steps = parsed.get(path);
    if (steps === undefined) {
        steps = parseSteps(path);
        if (parsed.size < 10_000)
            parsed.set(path, steps);
    }
    return steps;
}
function parseSteps(path) {
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
    if (isRecord$1(value))
        return value[step];
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
/** Iterative: a mask nested 100,000 levels deep (JSON.parse takes it) must not overflow the stack. */
function containsTrue(mask) {
    const pending = [mask];
    while (pending.length > 0) {
        const value = pending.pop();
        if (value === true)
            return true;
        if (typeof value !== 'object' || value === null)
            continue;
        for (const child of Array.isArray(value) ? value : Object.values(value))
            pending.push(child);
    }
    return false;
}
const UNIT_SECONDS$1 = { s: 1, m: 60, h: 3600, d: 86400 };
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
        return Number(simple[1]) * (UNIT_SECONDS$1[simple[2]] ?? 1);
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

/** The policy's default floor: expiry or retention below 30 days is a weakening. */
const DEFAULT_EXPIRY_FLOOR_DAYS = 30;
const DAY_SECONDS = 86_400;
const UNIT_SECONDS = {
    days: DAY_SECONDS,
    hours: 3600,
    seconds: 1,
    ms: 0.001
};
/** A point in time in epoch milliseconds, or undefined. */
function instant(value, unit) {
    if (unit === 'epoch-ms') {
        const n = typeof value === 'string' ? Number(value) : value;
        return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
    }
    if (typeof value !== 'string' || value === '')
        return undefined;
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
}
/** A duration in seconds (Infinity for "never"), or undefined when the value is not one. */
function seconds(value, test) {
    const raw = typeof value === 'string' && test.unit !== 'duration' ? Number(value) : value;
    if (typeof raw === 'number' && test.unlimited?.includes(raw))
        return Infinity;
    if (test.unit === 'duration')
        return quantity(raw);
    if (typeof raw !== 'number' || !Number.isFinite(raw))
        return undefined;
    return raw * (UNIT_SECONDS[test.unit] ?? 1);
}
/**
 * Whether going from `before` to `after` deletes data sooner: an expiry set where there was
 * none, or shortened, to below the floor. `absent` says what an unset value means: `safe` =
 * kept for ever, `unsafe` = nothing kept (so it cannot be cut further).
 */
function expiryCut(test, absent, before, after, policyFloorDays) {
    const unset = (v) => v === undefined || v === null || v === '';
    if (test.unit === 'date' || test.unit === 'epoch-ms') {
        const to = instant(after, test.unit);
        if (to === undefined)
            return undefined;
        if (unset(before))
            return absent === 'safe' ? {} : undefined;
        const from = instant(before, test.unit);
        return from !== undefined && to < from ? {} : undefined;
    }
    const floorDays = test.floorDays ?? policyFloorDays;
    let from;
    if (unset(before)) {
        if (absent !== 'safe')
            return undefined;
        from = Infinity;
    }
    else {
        from = seconds(before, test);
        if (from === undefined)
            return undefined;
    }
    // Unset afterwards: kept for ever (safe), or nothing kept any more (unsafe).
    const to = unset(after) ? (absent === 'safe' ? Infinity : 0) : seconds(after, test);
    if (to === undefined)
        return undefined;
    return to < from && to < floorDays * DAY_SECONDS ? { floorDays } : undefined;
}

/** Classification with no configuration: the zero-config policy's values. */
const DEFAULT_CLASSIFY = {
    protectTypes: [],
    protectAddresses: [],
    tagKeys: [],
    backupRetentionFloor: 1
};

/**
 * What a policy is, and the zero-config policy: everything the gate needs at start-up. Parsing a
 * policy file (config.ts, with yaml and ajv) is loaded only when there is one.
 */
/** A problem in the policy file, located as precisely as the file allows. */
class ConfigError extends UserError {
    file;
    line;
    column;
    constructor(message, file, line, column) {
        super(`${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: ${message}`);
        this.file = file;
        this.line = line;
        this.column = column;
    }
}
/** The zero-config policy. */
const DEFAULT_POLICY = {
    source: '(defaults)',
    rules: [],
    protect: { types: [], addresses: [], tagKeys: [] },
    exemptions: [],
    thresholds: {
        backupRetentionFloor: DEFAULT_CLASSIFY.backupRetentionFloor,
        expiryFloorDays: DEFAULT_EXPIRY_FLOOR_DAYS,
        massDeleteCount: 10,
        massDeleteShare: 0.5,
        allowFullDestroy: []
    },
    environments: {},
    freezes: [],
    approvals: {
        count: 2,
        approvers: [],
        excludePusher: true,
        breakGlass: { enabled: false, allowed: [] },
        agentAccounts: [],
        protectedPaths: []
    }
};

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
    for (let i = 0; i < findings.length; i++) {
        const decision = findings[i].decision;
        if (decision === 'blocked')
            return 'blocked';
        if (decision === 'approval-required')
            verdict = 'approval-required';
    }
    return verdict;
}
/** Most dangerous first: decision, severity, then plan, address and rule for a stable order. */
function sortFindings(findings) {
    // The same order as sorting by byDanger: each finding put in its (decision, severity) group,
    // in input order, and each group sorted by the rest (Array.prototype.sort is stable).
    // Indexed loops: this runs once per report, mostly before V8 optimises it.
    const groups = Array.from({ length: GROUPS }, () => []);
    for (let i = 0; i < findings.length; i++) {
        const finding = findings[i];
        // 0 for blocked and critical … 11 for warn and low; undefined for what is neither.
        const at = (2 - DECISION_RANK[finding.decision]) * 4 + (3 - SEVERITY_RANK[finding.severity]);
        const group = groups[at];
        if (group === undefined)
            return [...findings].sort(byDanger);
        group.push(finding);
    }
    const sorted = [];
    for (const group of groups) {
        if (group.length > 1)
            group.sort(byPlace);
        for (let i = 0; i < group.length; i++)
            sorted.push(group[i]);
    }
    return sorted;
}
const GROUPS = 12;
/** The order of sortFindings, as one comparison: its reference. */
function byDanger(a, b) {
    return (DECISION_RANK[b.decision] - DECISION_RANK[a.decision] ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        byPlace(a, b));
}
/** Within a decision and severity: plan, address, deposed key, rule and attribute. */
function byPlace(a, b) {
    return (compare(a.plan ?? '', b.plan ?? '') ||
        compare(a.address, b.address) ||
        compare(a.deposed ?? '', b.deposed ?? '') ||
        compare(a.ruleId, b.ruleId) ||
        compare(String(a.data['attribute'] ?? ''), String(b.data['attribute'] ?? '')));
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [
                        {
                            path: 'skip_final_snapshot',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        },
                        { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
                    ]
                },
                {
                    copy: 'retained automated backups',
                    when: [
                        { path: 'delete_automated_backups', test: { kind: 'equals', safe: [false] } },
                        { path: 'backup_retention_period', test: { kind: 'min', min: 1 } }
                    ]
                },
                // a read replica takes no final snapshot; the data lives in its source
                {
                    copy: 'the source database (this is a read replica)',
                    when: [{ path: 'replicate_source_db', test: { kind: 'non-empty' } }]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [
                        {
                            path: 'skip_final_snapshot',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        },
                        { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
                    ]
                },
                {
                    copy: 'retained automated backups',
                    when: [
                        { path: 'delete_automated_backups', test: { kind: 'equals', safe: [false] } },
                        { path: 'backup_retention_period', test: { kind: 'min', min: 1 } }
                    ]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [
                        {
                            path: 'skip_final_snapshot',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        },
                        { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
                    ]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [
                        {
                            path: 'skip_final_snapshot',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        },
                        { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
                    ]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [
                        {
                            path: 'skip_final_snapshot',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        },
                        { path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }
                    ]
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
                },
                {
                    id: 'PG-AWS-W123',
                    path: 'ttl[0].enabled',
                    family: 'ttl',
                    test: { kind: 'equals', safe: [false] },
                    absent: 'safe'
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [
                        {
                            path: 'skip_final_snapshot',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        },
                        { path: 'final_snapshot_name', test: { kind: 'non-empty' } }
                    ]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [{ path: 'final_snapshot_name', test: { kind: 'non-empty' } }]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [{ path: 'final_snapshot_identifier', test: { kind: 'non-empty' } }]
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
            ],
            survives: [
                {
                    copy: 'the recovery points (a vault holding any cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                }
            ]
        },
        {
            id: 'PG-AWS-049',
            type: 'aws_backup_vault_lock_configuration',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-AWS-W125',
                    path: 'min_retention_days',
                    family: 'lock-retention',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W126',
                    path: 'max_retention_days',
                    family: 'lock-retention',
                    test: { kind: 'no-decrease' }
                }
            ]
        },
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
                },
                {
                    id: 'PG-AWS-W121',
                    path: 'lifecycle_rule[*].expiration[0].days',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [0] },
                    absent: 'safe',
                    where: { path: 'lifecycle_rule[*].enabled', test: { kind: 'equals', safe: [true] } }
                },
                {
                    id: 'PG-AWS-W122',
                    path: 'lifecycle_rule[*].noncurrent_version_expiration[0].days',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [0] },
                    absent: 'safe',
                    where: { path: 'lifecycle_rule[*].enabled', test: { kind: 'equals', safe: [true] } }
                }
            ],
            survives: [
                {
                    copy: 'the objects (a bucket that is not empty cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
                },
                {
                    id: 'PG-AWS-W127',
                    path: 'rule[0].default_retention[0].days',
                    family: 'lock-retention',
                    test: { kind: 'no-decrease' }
                },
                {
                    id: 'PG-AWS-W128',
                    path: 'rule[0].default_retention[0].years',
                    family: 'lock-retention',
                    test: { kind: 'no-decrease' }
                }
            ]
        },
        {
            id: 'PG-AWS-057',
            type: 'aws_s3_bucket_lifecycle_configuration',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AWS-W119',
                    path: 'rule[*].expiration[0].days',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days' },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].status', test: { kind: 'equals', safe: ['Enabled'] } }
                },
                {
                    id: 'PG-AWS-W120',
                    path: 'rule[*].noncurrent_version_expiration[0].noncurrent_days',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days' },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].status', test: { kind: 'equals', safe: ['Enabled'] } }
                }
            ]
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
            ],
            survives: [
                {
                    copy: 'the objects (a bucket that is not empty cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the tables (a table bucket holding any cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the vector indexes (a bucket holding any cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the objects (a bucket that is not empty cannot be deleted without force_delete)',
                    when: [{ path: 'force_delete', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'a final snapshot',
                    when: [{ path: 'final_snapshot', test: { kind: 'equals', safe: [true] } }]
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
            ],
            survives: [
                // the provider default is true (no final backup), so absent does not count
                {
                    copy: 'a final backup',
                    when: [{ path: 'skip_final_backup', test: { kind: 'equals', safe: [false] } }]
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
            ],
            survives: [
                {
                    copy: 'a final backup',
                    when: [
                        { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
                    ]
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
            ],
            survives: [
                {
                    copy: 'a final backup',
                    when: [
                        { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
                    ]
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
            ],
            survives: [
                {
                    copy: 'a final backup',
                    when: [
                        { path: 'skip_final_backup', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
                    ]
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
                },
                {
                    id: 'PG-AWS-W116',
                    path: 'is_enabled',
                    family: 'key-disabled',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the key, recoverable during its deletion window',
                    when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
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
                },
                {
                    id: 'PG-AWS-W117',
                    path: 'enabled',
                    family: 'key-disabled',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the key, recoverable during its deletion window',
                    when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
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
                },
                {
                    id: 'PG-AWS-W118',
                    path: 'enabled',
                    family: 'key-disabled',
                    test: { kind: 'equals', safe: [true] },
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the key, recoverable during its deletion window',
                    when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the key, recoverable during its deletion window',
                    when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the CA, restorable during its permanent-deletion period',
                    when: [
                        {
                            path: 'permanent_deletion_time_in_days',
                            test: { kind: 'min', min: 7 },
                            absent: 'safe'
                        }
                    ]
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
            ],
            survives: [
                {
                    copy: 'the key, restorable during its deletion window',
                    when: [{ path: 'deletion_window_in_days', test: { kind: 'min', min: 1 }, absent: 'safe' }]
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
            ],
            survives: [
                // 0 deletes at once without recovery; otherwise 7-30 days, default 30
                {
                    copy: 'the secret, recoverable during its recovery window',
                    when: [{ path: 'recovery_window_in_days', test: { kind: 'min', min: 7 }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the records (a zone that has records cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the account, which only leaves the organization',
                    when: [
                        { path: 'close_on_deletion', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
                    ]
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
                },
                {
                    id: 'PG-AWS-W124',
                    path: 'retention_in_days',
                    family: 'retention',
                    test: { kind: 'expiry', unit: 'days', unlimited: [0] },
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the log group and its events (skip_destroy only removes it from state)',
                    when: [{ path: 'skip_destroy', test: { kind: 'equals', safe: [true] } }]
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
            ],
            survives: [
                {
                    copy: 'the images (a repository holding any cannot be deleted without force_delete)',
                    when: [{ path: 'force_delete', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the images (a repository holding any cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the tables (a database that has tables cannot be dropped without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
            ],
            survives: [
                {
                    copy: 'the saved queries (a non-empty workgroup cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
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
        {
            id: 'PG-AWS-137',
            type: 'aws_sagemaker_domain',
            category: 'file-system',
            survives: [
                {
                    copy: 'the home EFS file system (retention policy Retain)',
                    when: [
                        {
                            path: 'retention_policy[0].home_efs_file_system',
                            test: { kind: 'equals', safe: ['Retain'] },
                            absent: 'safe'
                        }
                    ]
                }
            ]
        },
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

const on$2 = { kind: 'equals', safe: [true] };
const off$2 = { kind: 'equals', safe: [false] };
// Some no-decrease paths hold ISO-8601 durations ("P1Y", "PT0S" = off), not numbers.
const noDecrease$2 = { kind: 'no-decrease' };
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
                    test: noDecrease$2
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
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W004',
                    path: 'long_term_retention_policy[0].monthly_retention',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W005',
                    path: 'long_term_retention_policy[0].yearly_retention',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W006',
                    path: 'geo_backup_enabled',
                    family: 'backup-retention',
                    test: on$2,
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
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W009',
                    path: 'long_term_retention_policy[0].weekly_retention',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W010',
                    path: 'long_term_retention_policy[0].monthly_retention',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W011',
                    path: 'long_term_retention_policy[0].yearly_retention',
                    family: 'backup-retention',
                    test: noDecrease$2
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
                    test: noDecrease$2
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
                    test: noDecrease$2
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
                    test: noDecrease$2
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
        {
            id: 'PG-AZ-013',
            type: 'azurerm_cosmosdb_sql_container',
            category: 'database',
            guards: [
                {
                    id: 'PG-AZ-W049',
                    path: 'default_ttl',
                    family: 'ttl',
                    test: { kind: 'expiry', unit: 'seconds', unlimited: [-1] },
                    absent: 'safe'
                }
            ]
        },
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
                    test: on$2
                },
                {
                    id: 'PG-AZ-W019',
                    path: 'redis_configuration[0].aof_backup_enabled',
                    family: 'backup-retention',
                    test: on$2
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
                    test: off$2,
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
                    test: noDecrease$2,
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
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W023',
                    path: 'blob_properties[0].delete_retention_policy[0].permanent_delete_enabled',
                    family: 'soft-delete',
                    test: off$2,
                    absent: 'safe'
                },
                {
                    id: 'PG-AZ-W024',
                    path: 'blob_properties[0].container_delete_retention_policy[0].days',
                    family: 'soft-delete',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W025',
                    path: 'blob_properties[0].versioning_enabled',
                    family: 'versioning',
                    test: on$2
                },
                {
                    id: 'PG-AZ-W026',
                    path: 'blob_properties[0].change_feed_enabled',
                    family: 'point-in-time-recovery',
                    test: on$2
                },
                {
                    id: 'PG-AZ-W027',
                    path: 'blob_properties[0].restore_policy[0].days',
                    family: 'point-in-time-recovery',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W028',
                    path: 'share_properties[0].retention_policy[0].days',
                    family: 'soft-delete',
                    test: noDecrease$2
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
                    test: noDecrease$2
                },
                { id: 'PG-AZ-W031', path: 'locked', family: 'object-lock', test: on$2 }
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
                { id: 'PG-AZ-W032', path: 'purge_protection_enabled', family: 'soft-delete', test: on$2 },
                {
                    id: 'PG-AZ-W033',
                    path: 'soft_delete_retention_days',
                    family: 'soft-delete',
                    test: noDecrease$2
                }
            ],
            survives: [
                // without it the provider purges on destroy unless its features block says otherwise
                {
                    copy: 'the vault, soft-deleted; purge protection keeps it recoverable',
                    when: [{ path: 'purge_protection_enabled', test: { kind: 'equals', safe: [true] } }]
                }
            ]
        },
        {
            id: 'PG-AZ-036',
            type: 'azurerm_key_vault_key',
            category: 'encryption-key',
            guards: [
                {
                    id: 'PG-AZ-W046',
                    path: 'expiration_date',
                    family: 'key-disabled',
                    test: { kind: 'expiry', unit: 'date' },
                    absent: 'safe'
                }
            ]
        },
        { id: 'PG-AZ-037', type: 'azurerm_key_vault_secret', category: 'secret' },
        { id: 'PG-AZ-038', type: 'azurerm_key_vault_certificate', category: 'encryption-key' },
        // Its purge protection and retention force a new resource, so no update guard applies.
        {
            id: 'PG-AZ-039',
            type: 'azurerm_key_vault_managed_hardware_security_module',
            category: 'encryption-key',
            survives: [
                // without it the provider purges on destroy unless its features block says otherwise
                {
                    copy: 'the HSM, soft-deleted; purge protection keeps it recoverable',
                    when: [{ path: 'purge_protection_enabled', test: { kind: 'equals', safe: [true] } }]
                }
            ]
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
                { id: 'PG-AZ-W034', path: 'purge_protection_enabled', family: 'soft-delete', test: on$2 },
                {
                    id: 'PG-AZ-W035',
                    path: 'soft_delete_retention_days',
                    family: 'soft-delete',
                    test: noDecrease$2
                }
            ],
            survives: [
                // without it the provider purges on destroy unless its features block says otherwise
                {
                    copy: 'the store, soft-deleted; purge protection keeps it recoverable',
                    when: [{ path: 'purge_protection_enabled', test: { kind: 'equals', safe: [true] } }]
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
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W038',
                    path: 'retention_weekly[0].count',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W039',
                    path: 'retention_monthly[0].count',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W040',
                    path: 'retention_yearly[0].count',
                    family: 'backup-retention',
                    test: noDecrease$2
                },
                {
                    id: 'PG-AZ-W041',
                    path: 'instant_restore_retention_days',
                    family: 'backup-retention',
                    test: noDecrease$2
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
                    test: noDecrease$2
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
                    test: noDecrease$2
                }
            ]
        },
        {
            id: 'PG-AZ-049',
            type: 'azurerm_eventhub',
            category: 'stream-queue',
            guards: [
                {
                    id: 'PG-AZ-W047',
                    path: 'message_retention',
                    family: 'retention',
                    test: { kind: 'expiry', unit: 'days', floorDays: 7 }
                },
                {
                    id: 'PG-AZ-W048',
                    path: 'retention_description[0].retention_time_in_hours',
                    family: 'retention',
                    test: { kind: 'expiry', unit: 'hours', floorDays: 7 }
                }
            ]
        },
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
        {
            id: 'PG-AZ-061',
            type: 'azurerm_resource_group_template_deployment',
            category: 'account-org'
        },
        // Lifecycle management of a storage account: rules that delete blobs, snapshots and versions.
        {
            id: 'PG-AZ-062',
            type: 'azurerm_storage_management_policy',
            category: 'protection-control',
            guards: [
                {
                    id: 'PG-AZ-W050',
                    path: 'rule[*].actions[0].base_blob[0].delete_after_days_since_modification_greater_than',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
                },
                {
                    id: 'PG-AZ-W051',
                    path: 'rule[*].actions[0].base_blob[0].delete_after_days_since_creation_greater_than',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
                },
                {
                    id: 'PG-AZ-W052',
                    path: 'rule[*].actions[0].base_blob[0].delete_after_days_since_last_access_time_greater_than',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
                },
                {
                    id: 'PG-AZ-W053',
                    path: 'rule[*].actions[0].snapshot[0].delete_after_days_since_creation_greater_than',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
                },
                {
                    id: 'PG-AZ-W054',
                    path: 'rule[*].actions[0].version[0].delete_after_days_since_creation',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [-1] },
                    absent: 'safe',
                    onCreate: true,
                    where: { path: 'rule[*].enabled', test: { kind: 'equals', safe: [true] }, absent: 'safe' }
                }
            ]
        }
    ]
};

const on$1 = { kind: 'equals', safe: [true] };
const off$1 = { kind: 'equals', safe: [false] };
// Some no-decrease paths hold duration strings ("2592000s", "7d"), not numbers.
const noDecrease$1 = { kind: 'no-decrease' };
// `deletion_policy`: PREVENT fails the destroy at apply, ABANDON only drops it from state.
const kept = { kind: 'equals', safe: ['PREVENT', 'ABANDON'] };
// Resources whose own `deletion_policy` has DEFAULT/FORCE values: only FORCE is unsafe.
const notForce = { kind: 'equals', safe: ['DEFAULT', 'PREVENT', 'ABANDON'] };
// `deletion_policy = "ABANDON"` leaves the cloud object in place on destroy.
const abandoned = {
    copy: 'the resource, left in place (deletion_policy ABANDON only removes it from state)',
    when: [{ path: 'deletion_policy', test: { kind: 'equals', safe: ['ABANDON'] } }]
};
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
                    test: on$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W002',
                    path: 'settings[0].deletion_protection_enabled',
                    family: 'deletion-protection',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W003',
                    path: 'settings[0].backup_configuration[0].enabled',
                    family: 'backup-retention',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W004',
                    path: 'settings[0].backup_configuration[0].binary_log_enabled',
                    family: 'point-in-time-recovery',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W005',
                    path: 'settings[0].backup_configuration[0].point_in_time_recovery_enabled',
                    family: 'point-in-time-recovery',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W006',
                    path: 'settings[0].backup_configuration[0].transaction_log_retention_days',
                    family: 'point-in-time-recovery',
                    test: noDecrease$1
                },
                {
                    id: 'PG-GCP-W007',
                    path: 'settings[0].backup_configuration[0].backup_retention_settings[0].retained_backups',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-GCP-W008',
                    path: 'settings[0].retain_backups_on_delete',
                    family: 'retain-backups',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W009',
                    path: 'settings[0].final_backup_config[0].enabled',
                    family: 'final-snapshot',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W010',
                    path: 'settings[0].final_backup_config[0].retention_days',
                    family: 'final-snapshot',
                    test: noDecrease$1
                },
                { id: 'PG-GCP-W011', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'a final backup',
                    when: [
                        {
                            path: 'settings[0].final_backup_config[0].enabled',
                            test: { kind: 'equals', safe: [true] }
                        }
                    ]
                },
                {
                    copy: 'backups kept after delete',
                    when: [
                        {
                            path: 'settings[0].retain_backups_on_delete',
                            test: { kind: 'equals', safe: [true] }
                        },
                        {
                            path: 'settings[0].backup_configuration[0].enabled',
                            test: { kind: 'equals', safe: [true] }
                        }
                    ]
                },
                abandoned
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
                    test: on$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W015', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W016',
                    path: 'continuous_backup_config[0].enabled',
                    family: 'point-in-time-recovery',
                    test: on$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W017',
                    path: 'continuous_backup_config[0].recovery_window_days',
                    family: 'point-in-time-recovery',
                    test: noDecrease$1
                },
                {
                    id: 'PG-GCP-W018',
                    path: 'automated_backup_policy[0].enabled',
                    family: 'backup-retention',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W019',
                    path: 'automated_backup_policy[0].time_based_retention[0].retention_period',
                    family: 'backup-retention',
                    test: noDecrease$1
                },
                {
                    id: 'PG-GCP-W020',
                    path: 'automated_backup_policy[0].quantity_based_retention[0].count',
                    family: 'backup-retention',
                    test: noDecrease$1
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
                    test: off$1,
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
                    test: on$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W027',
                    path: 'enable_drop_protection',
                    family: 'deletion-protection',
                    test: on$1
                },
                {
                    id: 'PG-GCP-W028',
                    path: 'version_retention_period',
                    family: 'point-in-time-recovery',
                    test: noDecrease$1
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
                    test: noDecrease$1
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
                    test: on$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W033',
                    path: 'force_destroy',
                    family: 'force-destroy',
                    test: off$1,
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
                    test: noDecrease$1
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
            ],
            survives: [
                // ABANDON is the default for this resource
                {
                    copy: 'the database (deletion_policy ABANDON only removes it from state)',
                    when: [
                        { path: 'deletion_policy', test: { kind: 'equals', safe: ['ABANDON'] }, absent: 'safe' }
                    ]
                }
            ]
        },
        {
            id: 'PG-GCP-013',
            type: 'google_firestore_backup_schedule',
            category: 'snapshot-backup',
            guards: [
                { id: 'PG-GCP-W041', path: 'retention', family: 'backup-retention', test: noDecrease$1 },
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
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W044', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W157',
                    path: 'default_table_expiration_ms',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'ms' },
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W158',
                    path: 'default_partition_expiration_ms',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'ms' },
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the tables (a non-empty dataset is kept unless delete_contents_on_destroy is set)',
                    when: [
                        {
                            path: 'delete_contents_on_destroy',
                            test: { kind: 'equals', safe: [false] },
                            absent: 'safe'
                        }
                    ]
                },
                abandoned
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
                    test: on$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W046', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W159',
                    path: 'expiration_time',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'epoch-ms' },
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W160',
                    path: 'time_partitioning[0].expiration_ms',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'ms' },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-GCP-016',
            type: 'google_redis_instance',
            category: 'cache',
            guards: [
                // The docs call unset protected, but the provider's Delete treats unset as false.
                { id: 'PG-GCP-W047', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
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
                    test: on$1,
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
                    test: on$1,
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
                    test: on$1,
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
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W057', path: 'versioning[0].enabled', family: 'versioning', test: on$1 },
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
                    test: noDecrease$1
                },
                {
                    id: 'PG-GCP-W060',
                    path: 'retention_policy[0].is_locked',
                    family: 'object-lock',
                    test: on$1
                },
                { id: 'PG-GCP-W061', path: 'enable_object_retention', family: 'object-lock', test: on$1 },
                { id: 'PG-GCP-W062', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W152',
                    path: 'lifecycle_rule[*].condition[0].age',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days' },
                    absent: 'safe',
                    where: {
                        path: 'lifecycle_rule[*].action[0].type',
                        test: { kind: 'equals', safe: ['Delete'] }
                    }
                },
                {
                    id: 'PG-GCP-W153',
                    path: 'lifecycle_rule[*].condition[0].days_since_noncurrent_time',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [0] },
                    absent: 'safe',
                    where: {
                        path: 'lifecycle_rule[*].action[0].type',
                        test: { kind: 'equals', safe: ['Delete'] }
                    }
                },
                {
                    id: 'PG-GCP-W154',
                    path: 'lifecycle_rule[*].condition[0].days_since_custom_time',
                    family: 'data-expiry',
                    test: { kind: 'expiry', unit: 'days', unlimited: [0] },
                    absent: 'safe',
                    where: {
                        path: 'lifecycle_rule[*].action[0].type',
                        test: { kind: 'equals', safe: ['Delete'] }
                    }
                }
            ],
            survives: [
                {
                    copy: 'the objects (a bucket that is not empty cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                },
                {
                    copy: 'soft-deleted objects',
                    when: [
                        {
                            path: 'soft_delete_policy[0].retention_duration_seconds',
                            test: { kind: 'min', min: 1 },
                            absent: 'safe'
                        }
                    ]
                },
                abandoned
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
                    test: off$1,
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
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W067', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'the objects (a folder that is not empty cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                },
                abandoned
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
                    test: on$1
                },
                { id: 'PG-GCP-W069', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'a snapshot taken before destroy',
                    when: [{ path: 'create_snapshot_before_destroy', test: { kind: 'equals', safe: [true] } }]
                },
                abandoned
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
                    test: on$1
                },
                { id: 'PG-GCP-W071', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'a snapshot taken before destroy',
                    when: [{ path: 'create_snapshot_before_destroy', test: { kind: 'equals', safe: [true] } }]
                },
                abandoned
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
                { id: 'PG-GCP-W076', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                // true (the default) deletes the boot disk together with the VM.
                {
                    id: 'PG-GCP-W077',
                    path: 'boot_disk[0].auto_delete',
                    family: 'deletion-protection',
                    test: off$1
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
                    test: on$1,
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
                { id: 'PG-GCP-W081', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
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
                    test: on$1
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
                    test: noDecrease$1
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
                    test: noDecrease$1
                },
                { id: 'PG-GCP-W092', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                // the key itself cannot be deleted; destroy schedules its versions for destruction
                {
                    copy: 'the key versions, restorable until their scheduled destruction',
                    when: [
                        { path: 'destroy_scheduled_duration', test: { kind: 'non-empty' }, absent: 'safe' }
                    ]
                },
                abandoned
            ]
        },
        // Key rings cannot be deleted: destroy only forgets them, so no guard applies.
        { id: 'PG-GCP-040', type: 'google_kms_key_ring', category: 'encryption-key' },
        {
            id: 'PG-GCP-041',
            type: 'google_kms_crypto_key_version',
            category: 'encryption-key',
            guards: [
                { id: 'PG-GCP-W093', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W151',
                    path: 'state',
                    family: 'key-disabled',
                    test: { kind: 'equals', safe: ['ENABLED', 'PENDING_GENERATION', 'PENDING_IMPORT'] },
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-GCP-042',
            type: 'google_secret_manager_secret',
            category: 'secret',
            guards: [
                { id: 'PG-GCP-W094', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                // Unset destroys versions immediately; a duration string delays it.
                {
                    id: 'PG-GCP-W095',
                    path: 'version_destroy_ttl',
                    family: 'secret-recovery-window',
                    test: noDecrease$1
                },
                { id: 'PG-GCP-W096', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [abandoned]
        },
        {
            id: 'PG-GCP-043',
            type: 'google_secret_manager_regional_secret',
            category: 'secret',
            guards: [
                { id: 'PG-GCP-W097', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                { id: 'PG-GCP-W098', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [abandoned]
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
                { id: 'PG-GCP-W100', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                // true deletes the CA without the 30-day undelete grace period.
                {
                    id: 'PG-GCP-W101',
                    path: 'skip_grace_period',
                    family: 'soft-delete',
                    test: off$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W102',
                    path: 'ignore_active_certificates_on_deletion',
                    family: 'deletion-protection',
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W103', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'the CA, restorable during its 30-day grace period',
                    when: [
                        { path: 'skip_grace_period', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
                    ]
                },
                abandoned
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
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W105', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'the records (a zone that has records cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                },
                abandoned
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
                    test: on$1,
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
                    test: on$1,
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
                { id: 'PG-GCP-W112', path: 'retention_days', family: 'backup-retention', test: noDecrease$1 },
                { id: 'PG-GCP-W113', path: 'locked', family: 'object-lock', test: on$1 },
                { id: 'PG-GCP-W114', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-052',
            type: 'google_pubsub_topic',
            category: 'stream-queue',
            guards: [
                { id: 'PG-GCP-W115', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W155',
                    path: 'message_retention_duration',
                    family: 'retention',
                    test: { kind: 'expiry', unit: 'duration', floorDays: 7 }
                }
            ]
        },
        {
            id: 'PG-GCP-053',
            type: 'google_pubsub_subscription',
            category: 'stream-queue',
            guards: [
                { id: 'PG-GCP-W116', path: 'deletion_policy', family: 'deletion-protection', test: kept },
                {
                    id: 'PG-GCP-W156',
                    path: 'message_retention_duration',
                    family: 'retention',
                    test: { kind: 'expiry', unit: 'duration', floorDays: 7 },
                    absent: 'safe'
                }
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
                    test: noDecrease$1
                },
                {
                    id: 'PG-GCP-W119',
                    path: 'ignore_inactive_datasources',
                    family: 'force-destroy',
                    test: off$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W120',
                    path: 'ignore_backup_plan_references',
                    family: 'force-destroy',
                    test: off$1,
                    absent: 'safe'
                },
                {
                    id: 'PG-GCP-W121',
                    path: 'force_delete',
                    family: 'force-destroy',
                    test: off$1,
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
                { id: 'PG-GCP-W123', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                { id: 'PG-GCP-W124', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-057',
            type: 'google_dataproc_metastore_federation',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W125', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                { id: 'PG-GCP-W126', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-058',
            type: 'google_oracle_database_autonomous_database',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W127', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                { id: 'PG-GCP-W128', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-059',
            type: 'google_oracle_database_cloud_exadata_infrastructure',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W129', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
                { id: 'PG-GCP-W130', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ]
        },
        {
            id: 'PG-GCP-060',
            type: 'google_oracle_database_cloud_vm_cluster',
            category: 'database',
            guards: [
                { id: 'PG-GCP-W131', path: 'deletion_protection', family: 'deletion-protection', test: on$1 },
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
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W136', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'the entity types (a non-empty store cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                },
                abandoned
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
                    test: off$1,
                    absent: 'safe'
                },
                { id: 'PG-GCP-W138', path: 'deletion_policy', family: 'deletion-protection', test: kept }
            ],
            survives: [
                {
                    copy: 'the feature views (a non-empty store cannot be deleted without force_destroy)',
                    when: [{ path: 'force_destroy', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                },
                abandoned
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
                    test: on$1,
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
                    test: on$1,
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
                    test: on$1,
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
                    test: on$1,
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
                    test: on$1
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
        { id: 'PG-GCP-072', type: 'google_dataform_repository', category: 'code-repository' },
        {
            id: 'PG-GCP-073',
            type: 'google_backup_dr_backup_plan',
            category: 'backup-vault',
            guards: [
                {
                    id: 'PG-GCP-W161',
                    path: 'backup_rules[*].backup_retention_days',
                    family: 'backup-retention',
                    test: { kind: 'no-decrease' }
                }
            ]
        }
    ]
};

const on = { kind: 'equals', safe: [true] };
const off = { kind: 'equals', safe: [false] };
const retain = { kind: 'equals', safe: ['Retain'] };
const noDecrease = { kind: 'no-decrease' };
/** Kubernetes (hashicorp/kubernetes) resource types that hold data, and their reclaim policies. */
const kubernetes = {
    provider: 'kubernetes',
    prefix: 'PG-K8S',
    types: [
        {
            id: 'PG-K8S-001',
            type: 'kubernetes_namespace_v1',
            aliases: ['kubernetes_namespace'],
            category: 'k8s-cluster'
        },
        {
            id: 'PG-K8S-002',
            type: 'kubernetes_persistent_volume_claim_v1',
            aliases: ['kubernetes_persistent_volume_claim'],
            category: 'block-volume'
        },
        {
            id: 'PG-K8S-003',
            type: 'kubernetes_persistent_volume_v1',
            aliases: ['kubernetes_persistent_volume'],
            category: 'block-volume',
            guards: [
                // the provider documents Retain as the default
                {
                    id: 'PG-K8S-W001',
                    path: 'spec[0].persistent_volume_reclaim_policy',
                    family: 'deletion-protection',
                    test: retain,
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the backing volume (reclaim policy Retain)',
                    when: [
                        {
                            path: 'spec[0].persistent_volume_reclaim_policy',
                            test: { kind: 'equals', safe: ['Retain'] },
                            absent: 'safe'
                        }
                    ]
                }
            ]
        },
        {
            id: 'PG-K8S-004',
            type: 'kubernetes_storage_class_v1',
            aliases: ['kubernetes_storage_class'],
            category: 'block-volume',
            guards: [
                {
                    id: 'PG-K8S-W002',
                    path: 'reclaim_policy',
                    family: 'deletion-protection',
                    test: retain
                }
            ]
        },
        {
            id: 'PG-K8S-005',
            type: 'kubernetes_stateful_set_v1',
            aliases: ['kubernetes_stateful_set'],
            category: 'block-volume',
            // without volume claim templates its pods keep nothing of their own
            holdsDataWhen: [{ path: 'spec[0].volume_claim_template', test: { kind: 'non-empty' } }],
            guards: [
                {
                    id: 'PG-K8S-W003',
                    path: 'spec[0].persistent_volume_claim_retention_policy[0].when_deleted',
                    family: 'deletion-protection',
                    test: retain,
                    absent: 'safe'
                },
                {
                    id: 'PG-K8S-W004',
                    path: 'spec[0].persistent_volume_claim_retention_policy[0].when_scaled',
                    family: 'deletion-protection',
                    test: retain,
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the persistent volume claims (retention policy Retain on delete)',
                    when: [
                        {
                            path: 'spec[0].persistent_volume_claim_retention_policy[0].when_deleted',
                            test: { kind: 'equals', safe: ['Retain'] },
                            absent: 'safe'
                        }
                    ]
                }
            ]
        },
        {
            id: 'PG-K8S-006',
            type: 'kubernetes_secret_v1',
            aliases: ['kubernetes_secret'],
            category: 'secret'
        },
        {
            id: 'PG-K8S-007',
            type: 'kubernetes_config_map_v1',
            aliases: ['kubernetes_config_map'],
            category: 'secret'
        }
    ]
};
/** MongoDB Atlas (mongodb/mongodbatlas) resource types that hold data, and their guards. */
const mongodbatlas = {
    provider: 'mongodbatlas',
    prefix: 'PG-MDB',
    types: [
        {
            id: 'PG-MDB-001',
            type: 'mongodbatlas_advanced_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-MDB-W001',
                    path: 'termination_protection_enabled',
                    family: 'deletion-protection',
                    test: on
                },
                { id: 'PG-MDB-W002', path: 'backup_enabled', family: 'backup-retention', test: on },
                { id: 'PG-MDB-W003', path: 'pit_enabled', family: 'point-in-time-recovery', test: on },
                { id: 'PG-MDB-W004', path: 'retain_backups_enabled', family: 'retain-backups', test: on }
            ],
            survives: [
                {
                    copy: 'backup snapshots kept after delete',
                    when: [
                        { path: 'retain_backups_enabled', test: { kind: 'equals', safe: [true] } },
                        { path: 'backup_enabled', test: { kind: 'equals', safe: [true] } }
                    ]
                }
            ]
        },
        {
            id: 'PG-MDB-002',
            type: 'mongodbatlas_cluster',
            category: 'database-cluster',
            guards: [
                {
                    id: 'PG-MDB-W005',
                    path: 'termination_protection_enabled',
                    family: 'deletion-protection',
                    test: on
                },
                // this older resource turns cloud backup on with `cloud_backup`, not `backup_enabled`
                { id: 'PG-MDB-W006', path: 'cloud_backup', family: 'backup-retention', test: on },
                { id: 'PG-MDB-W007', path: 'pit_enabled', family: 'point-in-time-recovery', test: on },
                { id: 'PG-MDB-W008', path: 'retain_backups_enabled', family: 'retain-backups', test: on }
            ],
            survives: [
                {
                    copy: 'backup snapshots kept after delete',
                    when: [
                        { path: 'retain_backups_enabled', test: { kind: 'equals', safe: [true] } },
                        { path: 'cloud_backup', test: { kind: 'equals', safe: [true] } }
                    ]
                }
            ]
        },
        {
            id: 'PG-MDB-003',
            type: 'mongodbatlas_flex_cluster',
            category: 'database',
            guards: [
                {
                    id: 'PG-MDB-W009',
                    path: 'termination_protection_enabled',
                    family: 'deletion-protection',
                    test: on
                }
            ]
        },
        {
            id: 'PG-MDB-004',
            type: 'mongodbatlas_serverless_instance',
            category: 'database',
            guards: [
                {
                    id: 'PG-MDB-W010',
                    path: 'termination_protection_enabled',
                    family: 'deletion-protection',
                    test: on
                }
            ]
        },
        {
            id: 'PG-MDB-005',
            type: 'mongodbatlas_cloud_backup_schedule',
            category: 'backup-vault',
            guards: [
                // true: destroy only removes the schedule from state
                { id: 'PG-MDB-W011', path: 'skip_destroy', family: 'deletion-protection', test: on }
            ]
        },
        {
            id: 'PG-MDB-006',
            type: 'mongodbatlas_cloud_backup_snapshot',
            category: 'snapshot-backup'
        },
        {
            id: 'PG-MDB-007',
            type: 'mongodbatlas_backup_compliance_policy',
            category: 'backup-vault',
            guards: [
                { id: 'PG-MDB-W012', path: 'pit_enabled', family: 'point-in-time-recovery', test: on },
                // keeps snapshot copies when a copy region is removed
                {
                    id: 'PG-MDB-W013',
                    path: 'copy_protection_enabled',
                    family: 'retain-backups',
                    test: on
                }
            ]
        },
        {
            id: 'PG-MDB-008',
            type: 'mongodbatlas_project',
            category: 'account-org'
        },
        {
            id: 'PG-MDB-009',
            type: 'mongodbatlas_search_index',
            category: 'search'
        },
        {
            id: 'PG-MDB-010',
            type: 'mongodbatlas_online_archive',
            category: 'database'
        },
        {
            id: 'PG-MDB-011',
            type: 'mongodbatlas_stream_instance',
            category: 'stream-queue'
        }
    ]
};
/** GitHub (integrations/github) repositories and the controls that protect their branches. */
const github = {
    provider: 'github',
    prefix: 'PG-GH',
    types: [
        {
            id: 'PG-GH-001',
            type: 'github_repository',
            category: 'code-repository',
            guards: [
                { id: 'PG-GH-W001', path: 'archive_on_destroy', family: 'deletion-protection', test: on }
            ],
            survives: [
                {
                    copy: 'the repository, archived instead of deleted',
                    when: [{ path: 'archive_on_destroy', test: { kind: 'equals', safe: [true] } }]
                }
            ]
        },
        {
            id: 'PG-GH-002',
            type: 'github_repository_file',
            category: 'code-repository'
        },
        {
            id: 'PG-GH-003',
            type: 'github_branch_protection',
            category: 'protection-control'
        },
        {
            id: 'PG-GH-004',
            type: 'github_branch_protection_v3',
            category: 'protection-control'
        },
        {
            id: 'PG-GH-005',
            type: 'github_repository_ruleset',
            category: 'protection-control'
        },
        {
            id: 'PG-GH-006',
            type: 'github_organization_ruleset',
            category: 'protection-control'
        }
    ]
};
/** PostgreSQL (cyrilgdn/postgresql) objects whose destroy drops data, and their cascade flags. */
const postgresql = {
    provider: 'postgresql',
    prefix: 'PG-PSQL',
    types: [
        {
            id: 'PG-PSQL-001',
            type: 'postgresql_database',
            category: 'database'
        },
        {
            id: 'PG-PSQL-002',
            type: 'postgresql_schema',
            category: 'database',
            guards: [
                {
                    id: 'PG-PSQL-W001',
                    path: 'drop_cascade',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the objects in it (a non-empty schema cannot be dropped without drop_cascade)',
                    when: [{ path: 'drop_cascade', test: { kind: 'equals', safe: [false] }, absent: 'safe' }]
                }
            ]
        },
        {
            id: 'PG-PSQL-003',
            type: 'postgresql_extension',
            category: 'database',
            guards: [
                {
                    id: 'PG-PSQL-W002',
                    path: 'drop_cascade',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-PSQL-004',
            type: 'postgresql_server',
            category: 'database',
            guards: [
                {
                    id: 'PG-PSQL-W003',
                    path: 'drop_cascade',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-PSQL-005',
            type: 'postgresql_function',
            category: 'database',
            guards: [
                {
                    id: 'PG-PSQL-W004',
                    path: 'drop_cascade',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-PSQL-006',
            type: 'postgresql_role',
            category: 'identity-store',
            guards: [
                // true: destroy cleans up ownership but leaves the role in place
                { id: 'PG-PSQL-W005', path: 'skip_drop_role', family: 'deletion-protection', test: on }
            ]
        }
    ]
};
/** Vault (hashicorp/vault) secret stores and keys, and their destroy flags. */
const vault = {
    provider: 'vault',
    prefix: 'PG-VLT',
    types: [
        {
            id: 'PG-VLT-001',
            type: 'vault_mount',
            category: 'secret'
        },
        {
            id: 'PG-VLT-002',
            type: 'vault_kv_secret_v2',
            category: 'secret',
            guards: [
                {
                    id: 'PG-VLT-W001',
                    path: 'delete_all_versions',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                }
            ],
            survives: [
                {
                    copy: 'the versions (only the latest is soft-deleted, and it can be undeleted)',
                    when: [
                        { path: 'delete_all_versions', test: { kind: 'equals', safe: [false] }, absent: 'safe' }
                    ]
                }
            ]
        },
        {
            id: 'PG-VLT-003',
            type: 'vault_generic_secret',
            category: 'secret',
            guards: [
                {
                    id: 'PG-VLT-W002',
                    path: 'delete_all_versions',
                    family: 'force-destroy',
                    test: off,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-VLT-004',
            type: 'vault_kv_secret_backend_v2',
            category: 'secret'
        },
        {
            id: 'PG-VLT-005',
            type: 'vault_transit_secret_backend_key',
            category: 'encryption-key',
            guards: [
                // the key cannot be destroyed until this is true
                {
                    id: 'PG-VLT-W003',
                    path: 'deletion_allowed',
                    family: 'deletion-protection',
                    test: off,
                    absent: 'safe'
                }
            ]
        },
        {
            id: 'PG-VLT-006',
            type: 'vault_kv_secret',
            category: 'secret'
        }
    ]
};
/** Cloudflare (cloudflare/cloudflare) zones, storage and queues, and their retention. */
const cloudflare = {
    provider: 'cloudflare',
    prefix: 'PG-CF',
    types: [
        {
            id: 'PG-CF-001',
            type: 'cloudflare_zone',
            category: 'dns-zone'
        },
        {
            id: 'PG-CF-002',
            type: 'cloudflare_dns_record',
            aliases: ['cloudflare_record'],
            category: 'dns-zone'
        },
        {
            id: 'PG-CF-003',
            type: 'cloudflare_r2_bucket',
            category: 'object-storage'
        },
        {
            id: 'PG-CF-004',
            type: 'cloudflare_r2_bucket_lock',
            category: 'protection-control'
        },
        {
            id: 'PG-CF-005',
            type: 'cloudflare_r2_bucket_lifecycle',
            category: 'protection-control'
        },
        {
            id: 'PG-CF-006',
            type: 'cloudflare_d1_database',
            category: 'database'
        },
        {
            id: 'PG-CF-007',
            type: 'cloudflare_workers_kv_namespace',
            category: 'database'
        },
        {
            id: 'PG-CF-008',
            type: 'cloudflare_queue',
            category: 'stream-queue',
            guards: [
                {
                    id: 'PG-CF-W001',
                    path: 'settings.message_retention_period',
                    family: 'backup-retention',
                    test: noDecrease
                }
            ]
        }
    ]
};
/** Snowflake (Snowflake-Labs/snowflake) databases and accounts, and their Time Travel windows. */
const snowflake = {
    provider: 'snowflake',
    prefix: 'PG-SF',
    types: [
        {
            id: 'PG-SF-001',
            type: 'snowflake_database',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-SF-W001',
                    path: 'data_retention_time_in_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ],
            survives: [
                {
                    copy: 'the database, restorable with UNDROP during its Time Travel period',
                    when: [{ path: 'data_retention_time_in_days', test: { kind: 'min', min: 1 } }]
                }
            ]
        },
        {
            id: 'PG-SF-002',
            type: 'snowflake_schema',
            category: 'data-warehouse',
            guards: [
                {
                    id: 'PG-SF-W002',
                    path: 'data_retention_time_in_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ],
            survives: [
                {
                    copy: 'the schema, restorable with UNDROP during its Time Travel period',
                    when: [{ path: 'data_retention_time_in_days', test: { kind: 'min', min: 1 } }]
                }
            ]
        },
        {
            id: 'PG-SF-003',
            type: 'snowflake_table',
            category: 'data-warehouse',
            guards: [
                // -1 (inherit from the schema) counts as unsafe, so a change to -1 asks for approval
                {
                    id: 'PG-SF-W003',
                    path: 'data_retention_time_in_days',
                    family: 'backup-retention',
                    test: { kind: 'min', min: 1 }
                }
            ]
        },
        {
            id: 'PG-SF-004',
            type: 'snowflake_account',
            category: 'account-org',
            guards: [
                {
                    id: 'PG-SF-W004',
                    path: 'grace_period_in_days',
                    family: 'soft-delete',
                    test: noDecrease
                }
            ],
            survives: [
                {
                    copy: 'the account, restorable during its grace period',
                    when: [{ path: 'grace_period_in_days', test: { kind: 'min', min: 3 }, absent: 'safe' }]
                }
            ]
        }
    ]
};

/**
 * Chart names (as published, without repository or version) of well-known stateful charts.
 * Matched against the chart's last path segment with any `.tgz` and version suffix removed.
 */
const STATEFUL_CHARTS = [
    // relational
    'postgresql',
    'postgresql-ha',
    'postgres',
    'postgres-operator',
    'cloudnative-pg',
    'timescaledb-single',
    'timescaledb-multinode',
    'mysql',
    'mysql-innodbcluster',
    'mariadb',
    'mariadb-galera',
    'percona-xtradb-cluster',
    'pxc-db',
    'psmdb-db',
    'cockroachdb',
    'yugabyte',
    'tidb-cluster',
    'vitess',
    // document, key-value, wide-column
    'mongodb',
    'mongodb-sharded',
    'couchdb',
    'couchbase-operator',
    'redis',
    'redis-cluster',
    'redis-ha',
    'valkey',
    'valkey-cluster',
    'keydb',
    'dragonfly',
    'cassandra',
    'k8ssandra-cluster',
    'scylla',
    'aerospike',
    'etcd',
    'zookeeper',
    'consul',
    'vault',
    'neo4j',
    'arangodb',
    // analytics, time series, search, vectors
    'clickhouse',
    'druid',
    'pinot',
    'influxdb',
    'influxdb2',
    'victoria-metrics-single',
    'victoria-metrics-cluster',
    'prometheus',
    'kube-prometheus-stack',
    'loki',
    'mimir-distributed',
    'elasticsearch',
    'eck-elasticsearch',
    'opensearch',
    'solr',
    'meilisearch',
    'typesense',
    'milvus',
    'qdrant',
    'weaviate',
    // streams and queues
    'kafka',
    'strimzi-kafka-operator',
    'redpanda',
    'pulsar',
    'rabbitmq',
    'rabbitmq-cluster-operator',
    'nats',
    'activemq-artemis',
    // object and file storage, registries, source control
    'minio',
    'minio-operator',
    'seaweedfs',
    'rook-ceph-cluster',
    'longhorn',
    'harbor',
    'nexus-repository-manager',
    'gitea',
    'gitlab'
];
/** hashicorp/helm: a release of a known stateful chart holds data. */
const helm = {
    provider: 'helm',
    prefix: 'PG-HELM',
    types: [
        {
            id: 'PG-HELM-001',
            type: 'helm_release',
            category: 'stateful-workload',
            holdsDataWhen: [{ path: 'chart', test: { kind: 'chart', names: STATEFUL_CHARTS } }]
        }
    ]
};
/**
 * The bare name of a chart reference: `bitnami/postgresql`, `oci://registry-1.docker.io/
 * bitnamicharts/postgresql`, `https://charts.example.com/postgresql-15.5.0.tgz` and
 * `./charts/postgresql` all name `postgresql`.
 */
function chartName(reference) {
    const path = reference.trim().toLowerCase().split(/[?#]/)[0] ?? '';
    const last = path.replace(/\/+$/, '').split('/').at(-1) ?? '';
    return last
        .replace(/\.tgz$|\.tar\.gz$/, '')
        .replace(/[:@].*$/, '')
        .replace(/-v?\d+\.\d+\.\d+(?:[-+][0-9a-z.-]*)?$/, '');
}

/** The catalog registry: every provider file, indexed by resource type (aliases included). */
/** Every provider catalog, in a fixed order. */
const PROVIDERS = [
    aws,
    google,
    azurerm,
    kubernetes,
    helm,
    mongodbatlas,
    github,
    postgresql,
    vault,
    cloudflare,
    snowflake
];
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

/**
 * What the rules read from a change: whether it destroys, its tags, its identity, why it is
 * replaced, whether it looks like state storage. Pure; shared by the rule modules.
 */
/** Actions that destroy the real object. */
function isDestroy(change) {
    return change.action === 'delete' || change.action === 'replace';
}
/** Managed changes of real objects (deposed leftovers aside). */
function managed(plan) {
    return plan.changes.filter(isManaged);
}
/** `reason` and, for replacements, the attribute names that forced them. */
function reasonData(change) {
    const data = change.reason === undefined ? {} : { reason: change.reason };
    if (change.replacePaths !== undefined && change.replacePaths.length > 0) {
        // Attribute names only (map keys could be data, so a path stops at its first name).
        const names = [...new Set(change.replacePaths.map((p) => String(p[0])))];
        data['forcedBy'] = names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
    }
    return data;
}
/**
 * `{ ...data, ...reasonData(change) }`, or `data` itself when the change gives no reason: the
 * data of a type's findings is then one object for all of them (findings' data is never
 * changed, only copied). With a reason alone (no forcing attributes), one frozen object per
 * data record and reason: a destroy plan gives thousands of changes the same few reasons, and
 * their reasons (formatMessage) are then made once too.
 */
function withReason(data, change) {
    const forced = change.replacePaths !== undefined && change.replacePaths.length > 0;
    if (change.reason === undefined && !forced)
        return data;
    if (forced || !Object.isFrozen(data))
        return { ...data, ...reasonData(change) };
    let byReason = withReasons.get(data);
    if (byReason === undefined)
        withReasons.set(data, (byReason = new Map()));
    let made = byReason.get(change.reason);
    if (made === undefined) {
        made = { ...data, ...reasonData(change) };
        // Terraform has a dozen reasons; a plan that makes up more gets copies of its own.
        if (byReason.size >= REASONS_PER_RECORD)
            return made;
        byReason.set(change.reason, (made = Object.freeze(made)));
    }
    return made;
}
const withReasons = new WeakMap();
const REASONS_PER_RECORD = 64;
/** Why this resource looks like Terraform state storage, or undefined. Names no value. */
function stateStorageEvidence(change) {
    const before = change.before;
    if (change.type === 'aws_dynamodb_table' &&
        isRecord$1(before) &&
        before['hash_key'] === LOCK_TABLE_HASH_KEY) {
        return `DynamoDB table with hash_key "${LOCK_TABLE_HASH_KEY}", the S3 backend's lock table`;
    }
    const attributes = own(STATE_STORAGE_NAMES, change.type);
    if (attributes === undefined)
        return undefined;
    for (const attribute of attributes) {
        const value = isRecord$1(before) ? before[attribute] : undefined;
        const marker = typeof value === 'string' ? stateMarker(value) : undefined;
        if (marker !== undefined)
            return `its ${attribute} contains "${marker}"`;
    }
    const marker = stateMarker(change.name);
    return marker === undefined ? undefined : `its resource name contains "${marker}"`;
}
function stateMarker(text) {
    const lower = text.toLowerCase();
    return STATE_NAME_MARKERS.find((marker) => lower.includes(marker));
}
/** The tag map and key that mark a value protected, or undefined. */
function protectedTag(values, extraKeys = NO_KEYS) {
    if (!isRecord$1(values))
        return undefined;
    // The maps in tagMaps() order, read in place: this runs for every destroy of a plan.
    const keys = protectedKeys(extraKeys);
    for (const map of TAG_MAPS) {
        const key = protectedKey(values[map], keys);
        if (key !== undefined)
            return { map, key };
    }
    for (const block of TAG_BLOCKS) {
        const list = values[block];
        const first = Array.isArray(list) ? list[0] : undefined;
        if (!isRecord$1(first))
            continue;
        for (const map of TAG_MAPS) {
            const key = protectedKey(first[map], keys);
            if (key !== undefined)
                return { map: `${block}[0].${map}`, key };
        }
    }
    return undefined;
}
const NO_KEYS = [];
const keySets = new WeakMap();
/** The lower-case tag keys that mark a resource protected, worked out once per key list. */
function protectedKeys(extraKeys) {
    let keys = keySets.get(extraKeys);
    if (keys === undefined) {
        keys = new Set([PROTECTED_TAG_KEY, ...extraKeys.map((k) => k.toLowerCase())]);
        keySets.set(extraKeys, keys);
    }
    return keys;
}
/** The first key of a tag map that marks it protected, or undefined. */
function protectedKey(tags, keys) {
    if (!isRecord$1(tags))
        return undefined;
    for (const key of Object.keys(tags)) {
        if (keys.has(lowerCase(key)) && isYes(tags[key]))
            return key;
    }
    return undefined;
}
// Tag keys repeat from resource to resource: each lowered once.
const lowered = new Map();
function lowerCase(key) {
    let lower = lowered.get(key);
    if (lower === undefined) {
        lower = key.toLowerCase();
        if (lowered.size < 4096)
            lowered.set(key, lower);
    }
    return lower;
}
/** Every tag/label map of a value, with where it was found. */
function tagMaps(values) {
    if (!isRecord$1(values))
        return [];
    const found = [];
    for (const map of TAG_MAPS) {
        const tags = values[map];
        if (isRecord$1(tags))
            found.push({ map, tags });
    }
    for (const block of TAG_BLOCKS) {
        const first = getAt(values, [block, 0]);
        if (!isRecord$1(first))
            continue;
        for (const map of TAG_MAPS) {
            const tags = first[map];
            if (isRecord$1(tags))
                found.push({ map: `${block}[0].${map}`, tags });
        }
    }
    return found;
}
/**
 * A tag value as text. Tag values are strings; a map or list in their place is not converted
 * with String(), which would call the plan's own `toString` key (`{"toString":1}` throws).
 */
function tagText(value) {
    return typeof value === 'object' && value !== null
        ? Object.prototype.toString.call(value)
        : String(value);
}
function isYes(value) {
    if (value === true || value === 1)
        return true;
    return (typeof value === 'string' &&
        PROTECTED_TAG_VALUES.includes(value.trim().toLowerCase()));
}
/** Whether a value passes a catalog test (absent values per `absent`). */
function isSafe(test, absent, value) {
    if (value === undefined || value === null)
        return absent === 'safe';
    if (test.kind === 'equals')
        return test.safe.includes(value);
    if (test.kind === 'min')
        return typeof value === 'number' && value >= test.min;
    if (test.kind === 'non-empty') {
        return (typeof value === 'string' || Array.isArray(value)) && value.length > 0;
    }
    if (test.kind === 'chart')
        return typeof value === 'string' && test.names.includes(chartName(value));
    return true;
}
/**
 * Whether a catalog type holds data in this change: its category does, and the entry's own
 * conditions hold on `before` (always assumed without values, as in the stream).
 */
function holdsData(entry, change) {
    if (!CATEGORIES[entry.category].guarded)
        return false;
    if (entry.holdsDataWhen === undefined || !change.hasValues)
        return true;
    return entry.holdsDataWhen.every((c) => holds(c, change.before));
}
/** Which copy survives per the catalog (`copy` undefined: none), or undefined when unknown. */
function survivingCopy(entry, before) {
    if (entry.survives === undefined || entry.survives.length === 0)
        return undefined;
    const options = copyOptions(entry.survives);
    const found = entry.survives.find((s) => s.when.every((c) => holds(c, before)));
    return { copy: found?.copy, options };
}
const optionTexts = new WeakMap();
/** The copies a type's delete may leave, as one text: the same for every change of the type. */
function copyOptions(survives) {
    let text = optionTexts.get(survives);
    if (text === undefined) {
        text = survives.map((s) => s.copy).join('; or ');
        optionTexts.set(survives, text);
    }
    return text;
}
function holds(condition, before) {
    const steps = parsePath(condition.path);
    // Most catalog paths name one attribute or block, without `[*]`: nothing to expand.
    if (!steps.includes('*')) {
        return isSafe(condition.test, condition.absent, getAt(before, steps));
    }
    return expand(steps, before).some((path) => isSafe(condition.test, condition.absent, getAt(before, path)));
}
/** Attributes that usually carry a resource's real-world name. */
const IDENTITY_ATTRIBUTES = [
    'name',
    'bucket',
    'identifier',
    'cluster_identifier',
    'function_name',
    'table_name',
    'domain_name',
    'repository_name',
    'topic_name',
    'queue_name'
];
/** Identifying attributes of what a delete removes or a create makes (strings only). */
function identityOf(change) {
    if (change.facts !== undefined)
        return { ...change.facts.identity };
    const values = change.action === 'create' ? change.after : change.before;
    const identity = {};
    if (!change.hasValues || !isRecord$1(values))
        return identity;
    for (const key of IDENTITY_ATTRIBUTES) {
        const value = values[key];
        if (typeof value === 'string' && value !== '')
            identity[key] = value;
    }
    return identity;
}
/** Managed resources deleted or replaced by the plan. */
function deletedCount(plan) {
    return countManaged(plan.changes, 'replace');
}
/** What managed() keeps. */
function isManaged(change) {
    return change.mode === 'managed' && change.deposed === undefined;
}
/**
 * Managed changes (as managed() keeps them) that delete, or also replace: counted in one
 * indexed loop, conditions written out. Plan-wide rules run once per plan, so this loop mostly
 * runs before V8 optimises it, where an iterator or a call per change costs several times more.
 */
function countManaged(changes, also) {
    let count = 0;
    for (let i = 0; i < changes.length; i++) {
        const c = changes[i];
        if (c.mode !== 'managed' || c.deposed !== undefined)
            continue;
        if (c.action === 'delete' || (also !== undefined && c.action === also))
            count++;
    }
    return count;
}
/**
 * Whether the plan destroys everything that exists before it, and how that was counted: every
 * managed resource instance in the state is deleted (a replace keeps its resource, so it never
 * counts). The state is `prior_state` (show-json) or the objects the stream's refresh messages
 * name; without either, a complete show-json plan's `resource_changes` (which list unchanged
 * resources too), and for a stream without refresh messages (`-refresh=false`) only a
 * change_summary that says `destroy`. A targeted plan without `prior_state` cannot tell.
 */
function fullDestroy(plan) {
    const deleted = countManaged(plan.changes, undefined);
    if (deleted === 0)
        return undefined;
    // More deletes than objects in state is no real state (a hand-made plan): count otherwise.
    const inventory = plan.inventory !== undefined && plan.inventory.managed >= deleted ? plan.inventory : undefined;
    if (inventory !== undefined) {
        if (deleted < inventory.managed)
            return undefined;
        return {
            count: inventory.managed,
            countedFrom: inventory.source === 'prior_state'
                ? `all ${inventory.managed} managed resource(s) in prior_state`
                : `all ${inventory.managed} managed object(s) the plan refreshed`
        };
    }
    if (plan.source.format === 'show-json') {
        const existing = plan.tally.managed - plan.tally.actions.create;
        if (plan.complete === false || deleted < existing)
            return undefined;
        return {
            count: existing,
            countedFrom: `all ${existing} existing resource(s) in resource_changes (no prior_state)`
        };
    }
    if (plan.operation === 'destroy') {
        return { count: deleted, countedFrom: 'the change_summary says destroy' };
    }
    return undefined;
}
/** Whether the plan deletes everything that exists before it (see fullDestroy). */
function destroysEverything(plan) {
    return fullDestroy(plan) !== undefined;
}

/**
 * What the rules read from a change's values, as one projection (plan/project.ts) so that the
 * reader parses only that from each changed element of a large plan. It is derived, not listed
 * per rule: the catalog's guard and survival paths for the type, the generic protection data
 * (tag maps, state storage names, the lock table key), the identity attributes, the backend
 * match's attributes and the blast radius's names and prefixes.
 *
 * Whatever reads `before` / `after` (or their masks) of a change must read only attributes
 * named here: add new ones to the catalog, or to IDENTITY_KEYS / VALUE_ATTRIBUTES below. The
 * equivalence tests (test/plan/project.test.ts) compare everything the gate computes from the
 * projected values with what it computes from the whole values, on every fixture.
 */
/**
 * Attributes that identify the real object a change acts on (its id, ARN, name, self link and
 * where it lives), for whatever binds to an object's identity (fingerprints, rename hints).
 */
const IDENTITY_KEYS = [
    'id',
    'arn',
    'name',
    'self_link',
    'account_id',
    'project',
    'subscription_id',
    'region',
    'location'
];
/**
 * Attributes whose values name the real object a destructive change acts on: they enter the
 * fingerprint's object hash (src/policy/fingerprint.ts), so the projection must read them.
 */
const OBJECT_ATTRIBUTES = [
    'id',
    'arn',
    'self_link',
    'identifier',
    'cluster_identifier',
    'name',
    'bucket',
    'function_name',
    'table_name',
    'domain_name',
    'repository_name',
    'topic_name',
    'queue_name',
    'project',
    'location',
    'region',
    'zone',
    'availability_zone',
    'resource_group_name',
    'subscription_id',
    'account_id'
];
/** Attributes read for every type, whatever the catalog says. */
const VALUE_ATTRIBUTES = [
    ...new Set([
        ...TAG_MAPS,
        ...TAG_BLOCKS,
        ...Object.values(STATE_STORAGE_NAMES).flat(),
        // The S3 backend's lock table is recognised by its partition key.
        'hash_key',
        ...IDENTITY_ATTRIBUTES,
        ...IDENTITY_KEYS,
        ...OBJECT_ATTRIBUTES,
        ...BACKEND_ATTRIBUTES
    ])
];
const byType$1 = new Map();
/** The top-level attributes the rules read for a resource type. */
function neededAttributes(type) {
    let names = byType$1.get(type);
    if (names === undefined) {
        const entry = lookupType(type)?.entry;
        const paths = [
            ...(entry?.guards ?? []).map((g) => g.path),
            ...(entry?.survives ?? []).flatMap((s) => s.when.map((c) => c.path))
        ];
        names = new Set([...VALUE_ATTRIBUTES, ...paths.map((p) => String(parsePath(p)[0]))]);
        if (byType$1.size < 10_000)
            byType$1.set(type, names);
    }
    return names;
}
/** The projection of the gate (CLI and Action). */
const GATE_PROJECTION = {
    attributes: neededAttributes,
    leafNames: RADIUS_NAMES,
    leafPrefixes: RADIUS_PREFIXES,
    maxDepth: MAX_DEPTH$3,
    maxLeaves: MAX_LEAVES
};

/**
 * The fingerprint of a plan's destructive subset. Approvals bind to it: a new push that changes
 * what gets destroyed (or which protection is weakened) changes the fingerprint, and a push
 * that only changes harmless things does not.
 *
 * Format v2 names objects, not addresses: each destructive line carries a hash of the object's
 * identity (id, ARN, identifier, name or self link, whichever it has), of its provider
 * configuration (literal arguments) and of the accounts, projects, subscriptions and regions it
 * lives in; each weakening line carries its new value (or what stands for it). Only hashes enter
 * the fingerprint; nothing of it is printed.
 */
/** Actions whose presence is part of the fingerprint. */
const FINGERPRINTED = new Set(['delete', 'replace', 'forget', 'forget-replace', 'unknown']);
/** One line per destructive change or gating finding, independent of input key order. */
function fingerprintLines(plan, findings) {
    const lines = [];
    // Many changes share a provider: its identity (configurations, literal arguments) is the
    // same text for all of them, worked out once.
    const providers = new Map();
    let last;
    let identity = '';
    // An indexed loop: this runs once per plan, over every change, mostly before V8 optimises it.
    const changes = plan.changes;
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        if (!fingerprinted(change))
            continue;
        // Changes of one provider usually come one after the other: no lookup for them.
        const provider = change.provider;
        if (last === undefined ||
            provider.name !== last.name ||
            provider.fqn !== last.fqn ||
            provider.alias !== last.alias) {
            identity = providerOf(change, plan.providerConfigs, providers);
            last = provider;
        }
        // The change's line, joined rather than a template: a template's pieces make a tree of
        // string parts per line, which the sort then copies flat, and a full destroy holds a line
        // per resource until the hash.
        const object = short(`${objectIdentity(change)}\n${identity}`);
        lines.push([
            change.address,
            change.deposed ?? '',
            change.action,
            change.order ?? '',
            change.reason ?? '',
            `object:${object}`
        ].join('\t'));
    }
    for (const finding of findings) {
        // Weakened protection on an update is destructive in intent: which guard, and to what.
        if (finding.messageId === 'protection-weakened') {
            lines.push([
                'weaken',
                finding.address,
                finding.ruleId,
                String(finding.data['attribute'] ?? ''),
                `to:${short(newValue(finding))}`
            ].join('\t'));
        }
    }
    if (plan.errored)
        lines.push('errored');
    // Each line once (a set): sorted, equal lines are neighbours.
    lines.sort();
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (kept === 0 || line !== lines[kept - 1])
            lines[kept++] = line;
    }
    lines.length = kept;
    return lines;
}
/** Whether a change has a line of its own in the fingerprint (and so needs its object hash). */
function fingerprinted(change) {
    if (change.mode === 'data' && change.action !== 'unknown')
        return false;
    return FINGERPRINTED.has(change.action);
}
/** The provider identity of a change, from `known` when another change had the same provider. */
function providerOf(change, providers = [], known) {
    const { name, fqn, alias } = change.provider;
    // NUL cannot occur in a provider name, source address or alias.
    const key = `${name}\0${fqn ?? ''}\0${alias ?? ''}`;
    let identity = known.get(key);
    if (identity === undefined)
        known.set(key, (identity = providerIdentity(change, providers)));
    return identity;
}
/**
 * A hash of what the change's object is and where it lives: its identifying attributes (before
 * the change) and the accounts, projects, subscriptions and regions its values name (`radius`,
 * when the caller has it already). 32 hex digits: the first half of `objectDigest`.
 */
function objectIdentity(change, radius) {
    return objectDigest(change, radius).slice(0, 32);
}
/**
 * The whole SHA-256 (64 hex digits) objectIdentity takes its half of. Computed while reading
 * when the values are dropped (`facts.object`) and kept whole: a slice of it would be a second
 * string that keeps the whole one alive, and a large destroy keeps one per change.
 */
function objectDigest(change, radius = change.facts?.radius ?? changeRadius(change)) {
    if (change.facts?.object !== undefined)
        return change.facts.object;
    const values = change.action === 'create' ? change.after : change.before;
    const parts = [];
    if (change.hasValues && typeof values === 'object' && values !== null) {
        objectAttributes(values, parts);
    }
    // Plain loops, not spread maps: this runs for every destructive change of a plan.
    for (const a of radius.awsAccounts)
        parts.push(`aws=${a}`);
    for (const p of radius.gcpProjects)
        parts.push(`gcp=${p}`);
    for (const s of radius.azureSubscriptions)
        parts.push(`azure=${s}`);
    for (const r of radius.regions)
        parts.push(`region=${r}`);
    return sha256Hex(parts.join('\n'));
}
/** OBJECT_ATTRIBUTES by name: their place in the object hash. */
const ATTRIBUTE_INDEX = new Map(OBJECT_ATTRIBUTES.map((k, i) => [k, i]));
/**
 * `key=value` for each of OBJECT_ATTRIBUTES the record has as a string or number, in the order
 * of OBJECT_ATTRIBUTES. A plain record (what a plan's values are) is read by its own keys, a
 * handful, instead of looking up each of the attributes; anything else by the attributes.
 */
function objectAttributes(record, parts) {
    const proto = Object.getPrototypeOf(record);
    if (proto !== Object.prototype && proto !== null) {
        for (const key of OBJECT_ATTRIBUTES)
            attribute(key, record[key], parts);
        return;
    }
    const found = [];
    for (const key in record) {
        const at = ATTRIBUTE_INDEX.get(key);
        if (at !== undefined)
            found[at] = key;
    }
    for (const key of found)
        if (key !== undefined)
            attribute(key, record[key], parts);
}
function attribute(key, value, parts) {
    if (typeof value === 'string' || typeof value === 'number')
        parts.push(`${key}=${value}`);
}
/** The provider of a change and the literal arguments of its configurations (region, role …). */
function providerIdentity(change, providers) {
    const { name, fqn, alias } = change.provider;
    const configs = providers
        .filter((p) => p.name === name && (p.alias ?? '') === (alias ?? ''))
        .map((p) => `${p.key}=${stableJson(p.constants)}`)
        .sort();
    return [fqn ?? name, alias ?? '', ...configs].join('\n');
}
/** What a weakened guard is set to: the value when printable, else what stands for it. */
function newValue(finding) {
    const d = finding.data;
    if (d['to'] !== undefined)
        return `value=${String(d['to'])}`;
    if (d['unknown'] === true)
        return 'unknown';
    if (d['sensitive'] === true)
        return 'sensitive';
    return `text=${String(d['toText'] ?? '')}`;
}
function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (typeof value === 'object' && value !== null)
        return `{${Object.keys(value)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
            .join(',')}}`;
    return JSON.stringify(value) ?? 'null';
}
/** The first 128 bits of the SHA-256 of `text`, in hex. */
function short(text) {
    return sha256Hex(text).slice(0, 32);
}
/** `sha256:<hex>` over the sorted lines (format v2: objects, providers, new values). */
function fingerprint(lines) {
    return hashLines('plan-gate fingerprint v2', lines);
}
/** `sha256:<hex>` over a header line and the given lines, each ending in a newline. */
function hashLines(header, lines) {
    return `sha256:${sha256HexOfLines(header, lines)}`;
}

const EMPTY_COUNTS = { ...NO_ACTIONS, move: 0, import: 0, drift: 0 };
/** Counts planned changes by action; moves and imports are also counted on their own. */
function countActions(plan) {
    const { tally } = plan;
    return { ...tally.actions, move: tally.move, import: tally.import, drift: plan.drift.length };
}
/** One pass over the findings, whatever their number. */
function countFindings(findings) {
    const counts = { blocked: 0, 'approval-required': 0, warn: 0 };
    // Counted in locals (the loop runs once per report, mostly before V8 optimises it); a
    // decision that is none of the three still counts as `counts[decision]++` does.
    let blocked = 0;
    let approval = 0;
    let warn = 0;
    for (let i = 0; i < findings.length; i++) {
        const decision = findings[i].decision;
        if (decision === 'warn')
            warn++;
        else if (decision === 'approval-required')
            approval++;
        else if (decision === 'blocked')
            blocked++;
        else
            counts[decision]++;
    }
    counts.blocked += blocked;
    counts['approval-required'] += approval;
    counts.warn += warn;
    return counts;
}
function summary(input) {
    const { plan, result } = input;
    return {
        file: input.file,
        format: plan.source.format,
        formatVersion: plan.source.formatVersion,
        tool: plan.source.tool,
        toolVersion: plan.source.toolVersion,
        errored: plan.errored,
        applyable: plan.applyable,
        complete: plan.complete,
        operation: plan.operation,
        hasValues: plan.source.format === 'show-json',
        decision: decide(result.findings),
        fingerprint: result.fingerprint,
        counts: { actions: countActions(plan), findings: countFindings(result.findings) }
    };
}
/** With several plans, the combined fingerprint covers each plan's file and fingerprint. */
function combinedFingerprint(plans) {
    if (plans.length === 1 && plans[0] !== undefined)
        return plans[0].fingerprint;
    const lines = plans.map((p) => `${p.file}\t${p.fingerprint}`).sort();
    return hashLines('plan-gate combined fingerprint v1', lines);
}
function union(radii) {
    const merge = (key) => [...new Set(radii.flatMap((r) => r[key]))].sort();
    return {
        awsAccounts: merge('awsAccounts'),
        gcpProjects: merge('gcpProjects'),
        azureSubscriptions: merge('azureSubscriptions'),
        regions: merge('regions'),
        providers: merge('providers')
    };
}
function sumCounts(plans) {
    const total = { ...EMPTY_COUNTS };
    for (const plan of plans) {
        for (const key of Object.keys(total))
            total[key] += plan.counts.actions[key];
    }
    return total;
}
/** The report for one or more evaluated plans. */
function buildReport(inputs, options) {
    const several = inputs.length > 1;
    const plans = inputs.map(summary);
    // Each finding copied once, into the ReportedFinding it becomes, then sorted.
    const findings = [];
    for (const input of inputs) {
        const found = input.result.findings;
        // An indexed loop: it runs once, mostly before V8 optimises it.
        for (let i = 0; i < found.length; i++) {
            const f = found[i];
            findings.push(reported(f, several ? input.file : f.plan));
        }
    }
    const only = plans.length === 1 ? plans[0] : undefined;
    const environment = inputs.find((i) => i.result.environment !== undefined)?.result.environment;
    const source = options.policySource ?? '(defaults)';
    return {
        schemaVersion: 1,
        tool: { name: 'plan-gate', version: options.version },
        // One plan: its findings are the report's, and its summary has counted them already.
        decision: only === undefined ? decide(findings) : only.decision,
        fingerprint: combinedFingerprint(plans),
        plans,
        counts: {
            actions: sumCounts(plans),
            findings: only === undefined ? countFindings(findings) : { ...only.counts.findings }
        },
        blastRadius: union(inputs.map((i) => i.result.blastRadius)),
        policy: environment === undefined ? { source } : { source, environment },
        findings: sortFindings(findings)
    };
}
/**
 * A finding with its reason (and plan label), every declared field in declaration order: all
 * findings of a report have one shape, whichever rule made them.
 */
function reported(f, plan) {
    return {
        ruleId: f.ruleId,
        address: f.address,
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
        plan,
        exemption: f.exemption,
        override: f.override,
        reason: formatMessage(f)
    };
}

/**
 * Severity and default decision of the rules the catalog defines: one per resource type (its
 * delete or replacement) and one per guard (protection weakened). Written here once; the
 * registry's metadata and the findings both take them from here.
 */
const GUARDED = { severity: 'high', defaultDecision: 'approval-required' };
const UNGUARDED = { severity: 'low', defaultDecision: 'warn' };
/** A data store's delete needs approval; a type that holds no data of its own only warns. */
function typeRuleDefaults(entry) {
    return CATEGORIES[entry.category].guarded ? GUARDED : UNGUARDED;
}
const stamps = new WeakMap();
/** The stamp of a type's own delete findings (its id, with the defaults above), made once. */
function typeStamp(entry) {
    let stamp = stamps.get(entry);
    if (stamp === undefined) {
        const { severity, defaultDecision } = typeRuleDefaults(entry);
        stamp = { ruleId: entry.id, severity, decision: defaultDecision };
        stamps.set(entry, stamp);
    }
    return stamp;
}
/** Weakening a guard needs approval. */
const GUARD_RULE_DEFAULTS = {
    severity: 'high',
    defaultDecision: 'approval-required'
};

const NOOP = change('aws_vpc', 'main', ['no-op'], { cidr_block: '10.0.0.0/16' }, { cidr_block: '10.0.0.0/16' });
/** A `resource_changes` element. */
function change(type, name, actions, before, after, extra = {}) {
    return {
        address: `${type}.${name}`,
        mode: 'managed',
        type,
        name,
        provider_name: `registry.terraform.io/hashicorp/${type.split('_')[0] ?? type}`,
        change: { actions, before, after, after_unknown: {} },
        ...extra
    };
}
/** A minimal show-json plan around some changes; a no-op keeps it from being a full destroy. */
function plan(changes, extra = {}) {
    return {
        format_version: '1.2',
        terraform_version: '1.9.8',
        resource_changes: [NOOP, ...changes],
        ...extra
    };
}
/** A value with `leaf` at a guard path (`[*]`/`[n]` become one-element lists). */
function valueAt(path, leaf, into = {}) {
    const steps = parsePath(path);
    let node = into;
    steps.forEach((step, i) => {
        const last = i === steps.length - 1;
        const nextStep = steps[i + 1];
        const key = typeof step === 'string' && step !== '*' ? step : 0;
        const existing = Array.isArray(node) ? node[key] : node[key];
        const fresh = typeof nextStep === 'string' && nextStep !== '*' ? {} : [];
        const next = last ? leaf : (existing ?? fresh);
        if (Array.isArray(node))
            node[key] = next;
        else
            node[key] = next;
        node = next;
    });
    return into;
}
/** A long (safe) and a short (unsafe) expiry in a test's unit. */
function expiryValue(test, long) {
    const days = long ? 400 : 1 / 24;
    if (test.unit === 'date')
        return long ? '2099-01-01T00:00:00Z' : '2020-01-01T00:00:00Z';
    if (test.unit === 'epoch-ms')
        return long ? 4070908800000 : 1577836800000;
    if (test.unit === 'duration')
        return `${Math.round(days * 86400)}s`;
    const perDay = { days: 1, hours: 24, seconds: 86400, ms: 86_400_000 }[test.unit];
    return Math.round(days * perDay * 1000) / 1000;
}
/** A value that passes the test. */
function safeValue(test) {
    if (test.kind === 'expiry')
        return expiryValue(test, true);
    if (test.kind === 'equals')
        return test.safe[0];
    if (test.kind === 'min')
        return test.min + 10;
    if (test.kind === 'non-empty')
        return 'kept-on-delete';
    if (test.kind === 'chart')
        return `bitnami/${test.names[0] ?? 'postgresql'}`;
    return 30;
}
/** A value that fails the test (for no-decrease: a lower one). */
function unsafeValue(test) {
    if (test.kind === 'expiry')
        return expiryValue(test, false);
    if (test.kind === 'min')
        return 0;
    if (test.kind === 'no-decrease')
        return 1;
    if (test.kind === 'non-empty')
        return '';
    if (test.kind === 'chart')
        return 'ingress-nginx';
    const safe = test.safe[0];
    if (typeof safe === 'boolean')
        return !safe;
    return typeof safe === 'number' ? safe + 1000 : 'UNSAFE_VALUE';
}
/** A `before` in which the first way a copy survives holds, so a delete needs only approval. */
function survivingBefore(entry) {
    const value = {};
    for (const condition of [
        ...(entry.holdsDataWhen ?? []),
        ...(entry.survives?.[0]?.when ?? [])
    ]) {
        valueAt(condition.path, safeValue(condition.test), value);
    }
    return value;
}
/** Examples for a catalog type: its delete is flagged, an in-place update is not. */
function typeExamples(entry) {
    const before = survivingBefore(entry);
    return {
        bad: [{ plan: plan([change(entry.type, 'this', ['delete'], before, null)]) }],
        good: [{ plan: plan([change(entry.type, 'this', ['update'], before, before)]) }]
    };
}
/** Examples for a guard: switching it from safe to unsafe is flagged, keeping it safe is not. */
function guardExamples(entry, guard) {
    const scope = () => guard.where === undefined ? {} : valueAt(guard.where.path, safeValue(guard.where.test));
    const safe = valueAt(guard.path, safeValue(guard.test), scope());
    const unsafe = valueAt(guard.path, unsafeValue(guard.test), scope());
    return {
        bad: [{ plan: plan([change(entry.type, 'this', ['update'], safe, unsafe)]) }],
        good: [{ plan: plan([change(entry.type, 'this', ['update'], safe, safe)]) }]
    };
}
/** `n` null_resource changes with these actions. */
const many = (n, actions) => Array.from({ length: n }, (_, i) => change('null_resource', `r${i}`, actions, {}, actions.includes('delete') ? null : {}));
/** An RDS instance whose delete leaves no copy. */
const RDS_NO_COPY = {
    skip_final_snapshot: true,
    delete_automated_backups: true,
    backup_retention_period: 7
};
/** An RDS instance whose delete leaves a final snapshot. */
const RDS_FINAL_SNAPSHOT = {
    ...RDS_NO_COPY,
    skip_final_snapshot: false,
    final_snapshot_identifier: 'orders-final'
};
/** A JSON Lines stream planning one action on an RDS instance. */
const stream = (action) => [
    {
        '@level': 'info',
        '@message': 'Terraform 1.9.8',
        type: 'version',
        terraform: '1.9.8',
        ui: '1.2'
    },
    {
        '@level': 'info',
        '@message': 'aws_db_instance.db: Plan to ' + action,
        type: 'planned_change',
        change: {
            resource: {
                addr: 'aws_db_instance.db',
                module: '',
                resource_type: 'aws_db_instance',
                resource_name: 'db',
                resource_key: null,
                implied_provider: 'aws'
            },
            action
        }
    },
    {
        '@level': 'info',
        '@message': 'Plan',
        type: 'change_summary',
        changes: {
            add: action === 'create' ? 1 : 0,
            change: 0,
            remove: action === 'delete' ? 1 : 0,
            operation: 'plan'
        }
    }
]
    .map((m) => JSON.stringify(m))
    .join('\n') + '\n';

const DOCS_BASE = 'https://github.com/plan-gate/plan-gate/blob/main/docs/rules';
/** A finding of `meta`'s rule, with the rule's severity and default decision. */
function found(meta, fields) {
    return { ...fields, ruleId: meta.id, severity: meta.severity, decision: meta.defaultDecision };
}
/** Where a planned change's findings point: its address, type, action and object. */
function changeBase(change, source = 'change') {
    return {
        address: change.address,
        type: change.type,
        action: change.action,
        order: change.order,
        deposed: change.deposed,
        source
    };
}
/** The stamp of a generic rule's own findings, from its metadata. */
function stampOf(meta) {
    return { ruleId: meta.id, severity: meta.severity, decision: meta.defaultDecision };
}
/**
 * A finding about a planned change: the same object as
 * `found(meta, { ...changeBase(change), ...message })`, keys in the same order, built in one
 * step. A destroy plan makes one for nearly every change.
 */
function changeFinding(change, message, stamp) {
    return {
        address: change.address,
        type: change.type,
        action: change.action,
        order: change.order,
        deposed: change.deposed,
        source: 'change',
        category: message.category,
        messageId: message.messageId,
        data: message.data,
        ruleId: stamp.ruleId,
        severity: stamp.severity,
        decision: stamp.decision
    };
}

const FREEZE = 'version: 1\nfreezes:\n  - from: 2026-12-20\n    to: 2027-01-04\n    reason: end-of-year freeze\n';
const rule$f = {
    meta: {
        id: 'PG-0010',
        slug: 'change-freeze',
        title: 'Destructive change during a freeze window',
        description: 'The policy declares a freeze window now; every destructive change is blocked until it ends.',
        remediation: 'Wait until the freeze ends, or get an exception recorded in the policy.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [{ plan: plan(many(1, ['delete'])), policy: FREEZE, at: '2026-12-24T12:00:00Z' }],
            good: [{ plan: plan(many(1, ['delete'])), policy: FREEZE, at: '2027-01-05T12:00:00Z' }]
        }
    }
};
/** The finding for a freeze that is on now, given the plan's classified findings. */
function freezeFindings(plan, classified, freeze) {
    const destructive = new Set(managed(plan)
        .filter((c) => isDestroy(c) || c.action === 'forget' || c.action === 'forget-replace')
        .map((c) => c.address));
    for (const f of classified)
        if (f.messageId === 'protection-weakened')
            destructive.add(f.address);
    if (destructive.size === 0)
        return [];
    return [
        found(rule$f.meta, {
            address: '(plan)',
            source: 'plan',
            messageId: 'freeze',
            data: { until: freeze.to, why: freeze.reason, count: destructive.size }
        })
    ];
}

/** PG-0006: a data store removed from state (forget): no longer protected by code review. */
const rule$e = {
    meta: {
        id: 'PG-0006',
        slug: 'data-store-forget',
        title: 'Data store removed from state (forget)',
        description: 'The object is not destroyed, but Terraform stops managing it: its protections are no longer enforced by code review.',
        remediation: 'Make sure someone owns the object after Terraform forgets it (another workspace, or an import elsewhere).',
        severity: 'medium',
        defaultDecision: 'warn',
        examples: {
            bad: [{ plan: plan([change('aws_db_instance', 'db', ['forget'], {}, null)]) }],
            good: [{ plan: plan([change('null_resource', 'x', ['forget'], {}, null)]) }]
        }
    },
    checkChange: ({ change, entry, options }) => {
        if (change.action !== 'forget' && change.action !== 'forget-replace')
            return undefined;
        const guarded = entry !== undefined && holdsData(entry, change);
        if (!guarded && protectedTag(change.before, options.tagKeys) === undefined)
            return [];
        const label = entry === undefined ? 'protected resource' : CATEGORIES[entry.category].label;
        return [
            found(rule$e.meta, {
                ...changeBase(change),
                category: entry?.category,
                messageId: 'forget-data-store',
                data: { categoryLabel: label, ...reasonData(change) }
            })
        ];
    }
};

/** PG-0007: a delete found by refresh happened outside Terraform: worth seeing, never planned. */
const rule$d = {
    meta: {
        id: 'PG-0007',
        slug: 'drift-delete',
        title: 'Resource deleted outside Terraform',
        description: 'Refresh found that the object no longer exists. This already happened outside Terraform; it is not a planned delete.',
        remediation: 'Find out who deleted it outside Terraform; the next apply will recreate it empty.',
        severity: 'low',
        defaultDecision: 'warn',
        examples: {
            bad: [
                {
                    plan: plan([], {
                        resource_drift: [change('aws_sns_topic', 't', ['delete'], { name: 't' }, null)]
                    })
                }
            ],
            good: [
                {
                    plan: plan([], {
                        resource_drift: [change('aws_sns_topic', 't', ['update'], { name: 't' }, { name: 't' })]
                    })
                }
            ]
        }
    },
    checkDrift: (change) => {
        if (change.mode === 'data' || change.action !== 'delete')
            return [];
        return [
            found(rule$d.meta, {
                address: change.address,
                type: change.type,
                action: change.action,
                source: 'drift',
                messageId: 'drift-delete',
                data: {}
            })
        ];
    }
};

/**
 * PG-0011: a plan reaching an account, project, subscription or region outside its
 * environment. The policy step selects the environment; this module compares the plan's blast
 * radius with it.
 */
const ENVIRONMENTS = 'version: 1\nenvironments:\n  staging:\n    plans: ["*"]\n    aws_accounts: ["111111111111"]\n';
const arn = (account) => plan([
    change('aws_sqs_queue', 'q', ['update'], { arn: `arn:aws:sqs:eu-west-1:${account}:q`, delay_seconds: 0 }, { arn: `arn:aws:sqs:eu-west-1:${account}:q`, delay_seconds: 5 })
]);
const rule$c = {
    meta: {
        id: 'PG-0011',
        slug: 'environment-guard',
        title: 'Plan touches an account, project, subscription or region outside its environment',
        description: 'The policy says what this environment may touch. A plan that reaches further is how a "staging" task runs against production.',
        remediation: 'Check the credentials and workspace this plan ran with; fix the environment mapping if the plan is right.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [{ plan: arn('222222222222'), policy: ENVIRONMENTS }],
            good: [{ plan: arn('111111111111'), policy: ENVIRONMENTS }]
        }
    }
};
const LABELS = {
    'aws-account': 'AWS account',
    'gcp-project': 'Google project',
    'azure-subscription': 'Azure subscription',
    region: 'region'
};
/**
 * With environments declared: blocked when none is selected (or an unknown one), and when the
 * blast radius reaches outside the selected one. Without environments: nothing.
 */
function environmentFindings(radius, environment, environments) {
    const names = Object.keys(environments);
    if (names.length === 0)
        return [];
    const base = { address: '(plan)', source: 'plan' };
    const spec = environment === undefined ? undefined : own(environments, environment);
    if (environment === undefined || spec === undefined) {
        const known = names.join(', ');
        return [
            found(rule$c.meta, {
                ...base,
                messageId: 'environment-unselected',
                data: {
                    environments: environment === undefined ? known : `${known}; "${environment}" is not one of them`
                }
            })
        ];
    }
    const outside = outsideEnvironment(radius, spec);
    if (outside.length === 0)
        return [];
    return [
        found(rule$c.meta, {
            ...base,
            messageId: 'environment-outside',
            data: {
                environment,
                outside: outside.map((o) => `${LABELS[o.kind] ?? o.kind} ${o.value}`).join(', ')
            }
        })
    ];
}

/**
 * PG-0014: an exemption matched the plan but has expired, so it no longer applies. The policy
 * step applies exemptions; this module words the warning.
 */
const exemptUntil = (expires) => `version: 1\nexemptions:\n  - address: aws_db_instance.legacy\n    reason: decommissioning, OPS-123\n    expires: ${expires}\n`;
const rule$b = {
    meta: {
        id: 'PG-0014',
        slug: 'exemption-expired',
        title: 'An exemption has expired',
        description: 'An exemption in the policy file matched this plan but has expired, so it no longer applies.',
        remediation: 'Renew the exemption with a new date and reason, or remove it.',
        severity: 'medium',
        defaultDecision: 'warn',
        examples: {
            bad: [
                {
                    plan: plan([change('aws_db_instance', 'legacy', ['delete'], RDS_FINAL_SNAPSHOT, null)]),
                    policy: exemptUntil('2026-01-31'),
                    at: '2026-11-21T00:00:00Z'
                }
            ],
            good: [
                {
                    plan: plan([change('aws_db_instance', 'legacy', ['delete'], RDS_FINAL_SNAPSHOT, null)]),
                    policy: exemptUntil('2026-12-31'),
                    at: '2026-11-21T00:00:00Z'
                }
            ]
        }
    }
};
/** The warning for an expired exemption: what it targeted, why, and when it expired. */
function expiredFinding(exemption) {
    return found(rule$b.meta, {
        address: '(plan)',
        source: 'plan',
        messageId: 'exemption-expired',
        data: { target: exemption.target, why: exemption.why, expires: exemption.expires }
    });
}

/** PG-0009: a plan that deletes everything it manages, unless allowed for this plan. */
const rule$a = {
    meta: {
        id: 'PG-0009',
        slug: 'full-destroy',
        title: 'Every managed resource is deleted',
        description: 'The plan destroys everything it manages, as `terraform destroy` does. Blocked unless the policy allows a full destroy for this plan (e.g. ephemeral previews).',
        remediation: 'Destroy on purpose only: allow it for this plan with thresholds.allow_full_destroy (e.g. preview environments).',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [{ plan: { format_version: '1.2', resource_changes: many(2, ['delete']) } }],
            good: [{ plan: plan(many(1, ['delete'])) }]
        }
    },
    checkPlan: (plan, { volume }) => {
        if (volume === undefined || volume.allowFullDestroy)
            return [];
        const full = fullDestroy(plan);
        if (full === undefined)
            return [];
        return [
            found(rule$a.meta, {
                address: '(plan)',
                source: 'plan',
                messageId: 'full-destroy',
                data: { count: full.count, countedFrom: full.countedFrom }
            })
        ];
    }
};

/** PG-0008: more deletes than the configured count or share of the plan need approval. */
const rule$9 = {
    meta: {
        id: 'PG-0008',
        slug: 'mass-delete',
        title: 'Many resources deleted at once',
        description: 'The plan deletes more resources than the configured threshold (count or share of the plan). Reviewers should see that before it happens.',
        remediation: 'Split the change, or have a second reviewer approve it.',
        severity: 'high',
        defaultDecision: 'approval-required',
        examples: {
            bad: [
                {
                    plan: plan([
                        ...many(11, ['delete']),
                        ...many(20, ['no-op']).map((c, i) => ({ ...c, address: `null_resource.keep${i}` }))
                    ])
                }
            ],
            good: [
                {
                    plan: plan([
                        ...many(3, ['delete']),
                        ...many(20, ['no-op']).map((c, i) => ({ ...c, address: `null_resource.keep${i}` }))
                    ])
                }
            ]
        }
    },
    checkPlan: (plan, { volume }) => {
        if (volume === undefined)
            return [];
        const total = plan.tally.managed;
        const deleted = deletedCount(plan);
        // Deleting everything is PG-0009's: blocked, or allowed for this plan.
        if (deleted === 0 || destroysEverything(plan))
            return [];
        const share = deleted / total;
        const overCount = deleted > volume.massDeleteCount;
        const overShare = plan.source.format === 'show-json' && total > 1 && share > volume.massDeleteShare;
        if (!overCount && !overShare)
            return [];
        const threshold = overCount
            ? `${volume.massDeleteCount} resources`
            : `${Math.round(volume.massDeleteShare * 100)}% of the plan`;
        return [
            found(rule$9.meta, {
                address: '(plan)',
                source: 'plan',
                messageId: 'mass-delete',
                data: { count: deleted, total, threshold }
            })
        ];
    }
};

/**
 * PG-0013, and the catalog's data stores: a data store's delete needs approval (the type's own
 * rule), and is blocked when the catalog knows how a copy could survive and none does. Deposed
 * objects are leftovers of a replacement whose new object exists, so they never block on
 * survival.
 */
const rule$8 = {
    meta: {
        id: 'PG-0013',
        slug: 'no-copy-survives',
        title: 'Data store deleted and no copy survives',
        description: 'The data store is deleted or replaced, and its settings show that no final snapshot, retained backup, soft delete or other copy will remain.',
        remediation: 'Take or keep a backup first in a separate change (e.g. set skip_final_snapshot = false and a final_snapshot_identifier, apply, then delete), or add an exemption with a reason.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [{ plan: plan([change('aws_db_instance', 'orders', ['delete'], RDS_NO_COPY, null)]) }],
            good: [
                {
                    plan: plan([change('aws_db_instance', 'orders', ['delete'], RDS_FINAL_SNAPSHOT, null)])
                }
            ]
        }
    },
    checkChange: ({ change, entry }) => {
        if (!isDestroy(change) || entry === undefined || !holdsData(entry, change)) {
            return undefined;
        }
        // A deposed object (left by create_before_destroy) is a data store of its own: its settings
        // decide whether a copy survives, as for any other delete.
        const survival = change.hasValues ? survivingCopy(entry, change.before) : undefined;
        if (survival !== undefined && survival.copy === undefined) {
            const data = withReason(noCopyData(entry, survival.options), change);
            const message = { category: entry.category, messageId: 'destroy-no-copy', data };
            return [changeFinding(change, message, STAMP$3)];
        }
        const data = withReason(dataStoreData(entry, survival?.copy), change);
        const message = { category: entry.category, messageId: 'destroy-data-store', data };
        return [changeFinding(change, message, typeStamp(entry))];
    }
};
const STAMP$3 = stampOf(rule$8.meta);
// The data before any reason, worked out once per type (and surviving copy): a destroy plan
// deletes many resources of each type.
const noCopy = new WeakMap();
const dataStore = new WeakMap();
function noCopyData(entry, missing) {
    let data = noCopy.get(entry);
    if (data === undefined) {
        const categoryLabel = CATEGORIES[entry.category].label;
        data = Object.freeze({ categoryLabel, missing, catalogRule: entry.id });
        noCopy.set(entry, data);
    }
    return data;
}
function dataStoreData(entry, copy) {
    let byCopy = dataStore.get(entry);
    if (byCopy === undefined)
        dataStore.set(entry, (byCopy = new Map()));
    let data = byCopy.get(copy);
    if (data === undefined) {
        const categoryLabel = CATEGORIES[entry.category].label;
        const made = copy === undefined ? { categoryLabel } : { categoryLabel, copy };
        data = Object.freeze(made);
        byCopy.set(copy, data);
    }
    return data;
}

/** PG-0001: a plan saved despite errors is incomplete and must not be applied. */
const rule$7 = {
    meta: {
        id: 'PG-0001',
        slug: 'plan-errored',
        title: 'Plan reported errors',
        description: 'Terraform saved the plan despite errors (errored: true, or error diagnostics in the stream). Such a plan is incomplete and must not be applied.',
        remediation: 'Fix the errors and plan again; never apply an errored plan.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [{ plan: plan([], { errored: true }) }],
            good: [{ plan: plan([], { errored: false }) }]
        }
    },
    checkPlan: (plan) => {
        if (plan.errorDiagnostics === 0 && !plan.errored)
            return [];
        return [
            found(rule$7.meta, {
                address: '(plan)',
                source: 'plan',
                messageId: plan.errorDiagnostics > 0 ? 'stream-error-diagnostics' : 'plan-errored',
                data: plan.errorDiagnostics > 0 ? { count: plan.errorDiagnostics } : {}
            })
        ];
    }
};

/** PG-0015: a type or address the policy file protects is deleted or replaced. */
const PROTECT_COGNITO = 'version: 1\nprotect:\n  types: ["aws_cognito_*"]\n';
const rule$6 = {
    meta: {
        id: 'PG-0015',
        slug: 'policy-protected-destroy',
        title: 'Resource protected by the policy file deleted or replaced',
        description: 'The policy file protects this type or address, so deleting or replacing it needs a second approver.',
        remediation: 'Get a second approval, or change the policy file in a reviewed change.',
        severity: 'high',
        defaultDecision: 'approval-required',
        examples: {
            bad: [
                {
                    plan: plan([change('aws_cognito_user_group', 'admins', ['delete'], {}, null)]),
                    policy: PROTECT_COGNITO
                }
            ],
            good: [
                {
                    plan: plan([change('aws_iam_group', 'admins', ['delete'], {}, null)]),
                    policy: PROTECT_COGNITO
                }
            ]
        }
    },
    checkChange: ({ change, entry, options }) => {
        if (!isDestroy(change))
            return undefined;
        const pattern = protectedType(options, change.type) ??
            options.protectAddresses.find((g) => matchGlob(g, change.address, NAME));
        if (pattern === undefined)
            return undefined;
        const data = { pattern, ...reasonData(change) };
        const message = {
            category: entry?.category,
            messageId: 'destroy-policy-protected',
            data
        };
        return [changeFinding(change, message, STAMP$2)];
    }
};
const STAMP$2 = stampOf(rule$6.meta);
/** The answers of `protect.types`, per classify options (one plan) and type. */
const byType = new WeakMap();
/** The first `protect.types` glob the type matches, worked out once per plan and type. */
function protectedType(options, type) {
    if (options.protectTypes.length === 0)
        return undefined;
    let answers = byType.get(options);
    if (answers === undefined)
        byType.set(options, (answers = new Map()));
    let pattern = answers.get(type);
    if (pattern === undefined) {
        pattern = options.protectTypes.find((g) => matchGlob(g, type, NAME)) ?? null;
        answers.set(type, pattern);
    }
    return pattern ?? undefined;
}

/** PG-0004: a resource tagged `protected` is destroyed, whatever its type. */
const rule$5 = {
    meta: {
        id: 'PG-0004',
        slug: 'protected-tag-destroy',
        title: 'Resource tagged protected deleted or replaced',
        description: 'The resource carries a tag or label `protected` = true/yes/1, so whatever its type, deleting or replacing it needs a second approver.',
        remediation: 'Get a second approval, or remove the protected tag in a separate, reviewed change first.',
        severity: 'high',
        defaultDecision: 'approval-required',
        examples: {
            bad: [
                {
                    plan: plan([
                        change('aws_iam_role', 'deployer', ['delete'], { tags: { Protected: 'true' } }, null)
                    ])
                }
            ],
            good: [
                {
                    plan: plan([
                        change('aws_iam_role', 'deployer', ['delete'], { tags: { Protected: 'false' } }, null)
                    ])
                }
            ]
        }
    },
    checkChange: ({ change, entry, options }) => {
        if (!isDestroy(change))
            return undefined;
        const tag = protectedTag(change.before, options.tagKeys);
        if (tag === undefined)
            return undefined;
        const data = { tagMap: tag.map, tagKey: tag.key, ...reasonData(change) };
        const message = { category: entry?.category, messageId: 'destroy-tagged', data };
        return [changeFinding(change, message, STAMP$1)];
    }
};
const STAMP$1 = stampOf(rule$5.meta);

const rule$4 = {
    meta: {
        id: 'PG-0005',
        slug: 'resource-destroy',
        title: 'Resource deleted or replaced',
        description: 'A resource that is not a known data store is deleted or replaced. Shown as a warning so that reviewers see every destroy.',
        remediation: 'Check that the delete is intended.',
        severity: 'low',
        defaultDecision: 'warn',
        examples: {
            bad: [{ plan: plan([change('null_resource', 'x', ['delete'], {}, null)]) }],
            good: [{ plan: plan([change('null_resource', 'x', ['create'], null, {})]) }]
        }
    },
    checkChange: ({ change, entry }) => {
        if (!isDestroy(change))
            return undefined;
        const message = {
            category: entry?.category,
            messageId: 'destroy-resource',
            data: withReason(typeData(change.type), change)
        };
        if (entry === undefined)
            return [changeFinding(change, message, STAMP)];
        // A catalog type that holds no data here (a release of a stateless chart) only warns.
        return [
            changeFinding(change, message, holdsData(entry, change) ? typeStamp(entry) : quiet(entry))
        ];
    }
};
const STAMP = stampOf(rule$4.meta);
// Worked out once per type: most changes of a destroy plan end up here.
const dataByType = new Map();
const quietStamps = new WeakMap();
/** The data of a type's findings, before any reason. */
function typeData(type) {
    let data = dataByType.get(type);
    if (data === undefined) {
        data = Object.freeze({ type });
        if (dataByType.size < 10_000)
            dataByType.set(type, data);
    }
    return data;
}
/** A catalog type's own rule, but only a warning. */
function quiet(entry) {
    let stamp = quietStamps.get(entry);
    if (stamp === undefined) {
        stamp = { ruleId: entry.id, severity: 'low', decision: 'warn' };
        quietStamps.set(entry, stamp);
    }
    return stamp;
}

/** PG-0012: the storage of the state backend that holds this very state is changed. */
const BACKEND_TF = 'terraform {\n  backend "s3" {\n    bucket = "acme-state"\n    key    = "prod.tfstate"\n    region = "eu-west-1"\n  }\n}\n';
const rule$3 = {
    meta: {
        id: 'PG-0012',
        slug: 'state-backend-change',
        title: 'The configured state backend is changed',
        description: 'The bucket, lock table, storage account or container of the backend that holds this very state is changed or destroyed, or a resource that targets it (versioning, policy, lifecycle, replication, object lock, public access block, notification) is created, changed or deleted.',
        remediation: 'Change the state backend storage from a separate configuration that does not keep its own state there.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [
                {
                    plan: plan([
                        change('aws_s3_bucket_versioning', 'state', ['update'], { bucket: 'acme-state' }, { bucket: 'acme-state' })
                    ]),
                    files: { 'main.tf': BACKEND_TF }
                }
            ],
            good: [
                {
                    plan: plan([
                        change('aws_s3_bucket_versioning', 'logs', ['update'], { bucket: 'acme-logs' }, { bucket: 'acme-logs' })
                    ]),
                    files: { 'main.tf': BACKEND_TF }
                }
            ]
        }
    },
    checkChange: ({ change, options }) => {
        // Creates too: a new versioning, policy, lifecycle or replication resource on the state
        // bucket changes it as much as an update does.
        if (change.action === 'no-op')
            return undefined;
        const evidence = options.backendEvidence?.(change);
        if (evidence === undefined)
            return undefined;
        return [
            found(rule$3.meta, {
                ...changeBase(change),
                category: 'state-storage',
                messageId: isDestroy(change) ? 'destroy-state-backend' : 'change-state-backend',
                data: { evidence, ...reasonData(change) }
            })
        ];
    }
};

/** PG-0003: the bucket, container or lock table holding Terraform state is destroyed. */
const rule$2 = {
    meta: {
        id: 'PG-0003',
        slug: 'state-storage-destroy',
        title: 'Terraform state storage deleted or replaced',
        description: 'A bucket, container or DynamoDB lock table that holds Terraform state or locks is deleted or replaced. Every state it holds, and locking for every workspace, would be lost.',
        remediation: 'Move the state elsewhere first (terraform init -migrate-state), in a separate change; never destroy the bucket or lock table that holds it.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [
                {
                    plan: plan([
                        change('aws_s3_bucket', 'state', ['delete'], { bucket: 'acme-tfstate', force_destroy: false }, null)
                    ])
                }
            ],
            good: [
                {
                    plan: plan([
                        change('aws_s3_bucket', 'assets', ['delete'], { bucket: 'acme-assets', force_destroy: false }, null)
                    ])
                }
            ]
        }
    },
    checkChange: ({ change }) => {
        if (!isDestroy(change))
            return undefined;
        const evidence = stateStorageEvidence(change);
        if (evidence === undefined)
            return undefined;
        return [
            found(rule$2.meta, {
                ...changeBase(change),
                category: 'state-storage',
                messageId: 'destroy-state-storage',
                data: { evidence, ...reasonData(change) }
            })
        ];
    }
};

/** PG-0016: a JSON Lines stream has no values, so value-based checks cannot run. */
const rule$1 = {
    meta: {
        id: 'PG-0016',
        slug: 'stream-without-values',
        title: 'Plan read from a stream without attribute values',
        description: 'The JSON Lines stream has no attribute values, so tags, state-storage names, surviving copies and protection attributes cannot be checked. Gate on `terraform show -json` for full coverage.',
        remediation: 'Gate on `terraform show -json` output of the saved plan instead of the stream.',
        severity: 'low',
        defaultDecision: 'warn',
        examples: { bad: [{ plan: stream('delete') }], good: [{ plan: stream('create') }] }
    },
    checkPlan: (plan) => {
        if (plan.source.format === 'show-json')
            return [];
        let destroys = 0;
        for (const c of plan.changes)
            if (c.mode === 'managed' && isDestroy(c))
                destroys++;
        if (destroys === 0)
            return [];
        return [
            found(rule$1.meta, {
                address: '(plan)',
                source: 'plan',
                messageId: 'stream-no-values',
                data: { count: destroys }
            })
        ];
    }
};

const rule = {
    meta: {
        id: 'PG-0002',
        slug: 'unknown-action',
        title: 'Unknown change action',
        description: 'The plan contains an action plan-gate does not know. It cannot tell whether the object is destroyed, so it fails closed.',
        remediation: 'Upgrade plan-gate, or report the action if it is new in Terraform or OpenTofu.',
        severity: 'critical',
        defaultDecision: 'blocked',
        examples: {
            bad: [{ plan: plan([change('null_resource', 'x', ['obliterate'], {}, null)]) }],
            good: [{ plan: plan([change('null_resource', 'x', ['delete'], {}, null)]) }]
        }
    },
    checkChange: ({ change }) => unknownAction(change, 'change'),
    checkDrift: (change) => unknownAction(change, 'drift'),
    checkDeferred: (change) => unknownAction(change, 'deferred') ?? []
};
function unknownAction(change, source) {
    if (change.action !== 'unknown')
        return undefined;
    return [
        found(rule.meta, {
            address: change.address,
            type: change.type,
            action: change.action,
            source,
            messageId: 'unknown-action',
            data: { actions: safeActions(change.actions) }
        })
    ];
}
/** Unknown action arrays are echoed, but only as short identifier-like words. */
function safeActions(actions) {
    const words = actions.map((a) => (/^[a-z][a-z_-]{0,23}$/.test(a) ? a : '?'));
    return `[${words.join(', ')}]`;
}

/**
 * The generic rules, one module each in this folder. The order is the order their checks run
 * in: for each change, the first rule that answers classifies it (state backend before state
 * storage before data stores before tags …). A test checks every module here is listed.
 */
const GENERIC_RULES = [
    // Plan-wide, from the plan alone.
    rule$7,
    rule$1,
    rule$9,
    rule$a,
    // Per change, in order of precedence.
    rule,
    rule$3,
    rule$2,
    rule$8,
    rule$5,
    rule$6,
    rule$4,
    rule$e,
    rule$d,
    // Applied by the policy step (src/policy/gate.ts) after classification.
    rule$f,
    rule$c,
    rule$b
];

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
    'termination-protection': 'Termination protection keeps the resource from being deleted by mistake.',
    'key-disabled': 'A disabled, destroyed or expiring key makes everything encrypted with it unreadable: the data is lost without any delete in the plan.',
    'data-expiry': 'An expiry rule deletes the data itself once it runs out: a new or shorter expiration on a data store destroys data through an update.',
    ttl: 'Turning on time to live makes the table delete its items as they expire.',
    retention: 'Cutting message, stream or log retention deletes everything older than the new period as soon as it applies.',
    'lock-retention': 'A shorter or removed lock lets backups and objects be deleted before their retention ends.'
};
function typeRule(entry) {
    const { label, guarded } = CATEGORIES[entry.category];
    return {
        id: entry.id,
        slug: `${entry.type.replace(/_/g, '-')}-destroy`,
        aliases: (entry.aliases ?? []).map((alias) => `${alias.replace(/_/g, '-')}-destroy`),
        title: `${entry.type} deleted or replaced`,
        description: guarded
            ? `${entry.type} is ${withArticle(label)}. Deleting or replacing it loses what it holds unless a copy survives, so it needs a second approver.`
            : `${entry.type} is ${withArticle(label)}: its data lives elsewhere, so deleting it is shown as a warning.`,
        remediation: guarded
            ? 'Make sure a copy survives (snapshot, backup, versioning) and have a second reviewer approve. If the replacement is unintended, look at the attributes that force it.'
            : 'Check that the delete is intended.',
        ...typeRuleDefaults(entry),
        category: entry.category,
        helpUri: `${DOCS_BASE}/${entry.id}.md`,
        examples: typeExamples(entry)
    };
}
function build() {
    const rules = new Map();
    for (const { meta } of GENERIC_RULES) {
        rules.set(meta.id, { ...meta, helpUri: `${DOCS_BASE}/${meta.id}.md` });
    }
    for (const { entry } of allEntries())
        rules.set(entry.id, typeRule(entry));
    for (const { entry, guard } of allGuards()) {
        rules.set(guard.id, {
            id: guard.id,
            slug: `${entry.type.replace(/_/g, '-')}-${guard.path.replace(/\[[^\]]*\]/g, '').replace(/[._]/g, '-')}-weakened`,
            title: `${entry.type}: ${guard.path} weakened`,
            description: FAMILY_WHY[guard.family],
            remediation: `Keep ${guard.path} at its safe value, or make the change in its own pull request with a second approver and a recent backup.`,
            ...GUARD_RULE_DEFAULTS,
            category: entry.category,
            helpUri: `${DOCS_BASE}/${guard.id}.md`,
            examples: guardExamples(entry, guard)
        });
    }
    return rules;
}
let cache;
let references;
function rules$1() {
    cache ??= build();
    return cache;
}
/** Metadata of a rule id, or undefined for an unknown id. */
function ruleMeta(id) {
    return rules$1().get(id);
}
/** Every rule, in id order. */
function allRules() {
    return [...rules$1().values()].sort((a, b) => a.id.localeCompare(b.id));
}
/** The rule id for an id, slug or alias (case-insensitive), or undefined. */
function resolveRule(reference) {
    if (references === undefined) {
        references = new Map();
        for (const rule of allRules()) {
            for (const name of [rule.id, rule.slug, ...(rule.aliases ?? [])]) {
                if (!references.has(name.toLowerCase()))
                    references.set(name.toLowerCase(), rule.id);
            }
        }
    }
    return references.get(reference.toLowerCase());
}

/** plan-gate's version; a test keeps it equal to package.json. */
const VERSION = '0.1.0';

/**
 * The policy step: the plan's classified findings (with their rules' default decisions) in,
 * the findings the policy file makes of them out. It adds the policy's own plan-wide findings
 * (freezes, environments), then applies overrides and exemptions. It never runs a rule's check:
 * classification is finished before it starts. Pure: the clock and the plan file's name come in
 * as arguments.
 */
/** What the rules take from the policy, worked out once per plan before classification. */
function classifyOptions(context) {
    const { policy } = context;
    const backends = context.backends ?? [];
    return {
        protectTypes: policy.protect.types,
        protectAddresses: policy.protect.addresses,
        tagKeys: policy.protect.tagKeys,
        backupRetentionFloor: policy.thresholds.backupRetentionFloor,
        expiryFloorDays: policy.thresholds.expiryFloorDays,
        backendEvidence: backends.length === 0 ? undefined : (change) => matchBackend(change, backends),
        volume: {
            massDeleteCount: policy.thresholds.massDeleteCount,
            massDeleteShare: policy.thresholds.massDeleteShare,
            allowFullDestroy: policy.thresholds.allowFullDestroy.some((g) => matchGlob(g, context.planFile))
        }
    };
}
/** Whether `match: { tag }` overrides need the changes' tag maps kept while reading. */
function needsTags(policy) {
    return policy.rules.some((rule) => rule.match.tag !== undefined);
}
/** Applies the policy to a classified plan. */
function applyPolicy(plan, classification, context) {
    const { policy } = context;
    const { fingerprint, blastRadius } = classification;
    const environment = selectEnvironment(context);
    const freeze = policy.freezes.find((f) => f.fromAt <= context.now && context.now <= f.toAt);
    const findings = [
        ...classification.findings,
        ...(freeze === undefined ? [] : freezeFindings(plan, classification.findings, freeze)),
        ...environmentFindings(blastRadius, environment, policy.environments)
    ];
    // Only `match: { tag }` reads the change behind a finding; without overrides there is
    // nothing to apply to each finding.
    const byAddress = policy.rules.some((rule) => rule.match.tag !== undefined)
        ? new Map(plan.changes.map((c) => [c.address, c]))
        : undefined;
    const overrides = policy.rules.map((rule) => ({ rule, matches: matcher(rule.match) }));
    const overridden = overrides.length === 0
        ? findings
        : findings.flatMap((f) => applyOverrides(f, overrides, byAddress?.get(f.address)));
    return {
        findings: applyExemptions(overridden, policy.exemptions, fingerprint, context.now),
        fingerprint,
        blastRadius,
        environment
    };
}
function selectEnvironment(context) {
    if (context.environment !== undefined)
        return context.environment;
    const entries = Object.entries(context.policy.environments);
    return entries.find(([, env]) => env.plans?.some((g) => matchGlob(g, context.planFile)))?.[0];
}
/**
 * An override's match, with what does not depend on the finding worked out once: its rule id,
 * its tag, and its type glob's answer once per type (a plan has many findings of each type).
 */
function matcher(match) {
    const ruleId = match.rule === undefined ? undefined : resolveRule(match.rule);
    const typeMatches = match.type === undefined ? undefined : perType(match.type);
    const tag = match.tag === undefined ? undefined : parseTag(match.tag);
    return (finding, change) => {
        if (match.rule !== undefined && !isRule(ruleId, finding))
            return false;
        if (match.category !== undefined && finding.category !== match.category)
            return false;
        if (typeMatches !== undefined && (finding.type === undefined || !typeMatches(finding.type)))
            return false;
        if (match.address !== undefined && !matchGlob(match.address, finding.address, NAME))
            return false;
        if (tag !== undefined && !hasTag(change, tag))
            return false;
        return true;
    };
}
/** A type glob's matcher that remembers its answer for each type. */
function perType(glob) {
    const answers = new Map();
    return (type) => {
        let answer = answers.get(type);
        if (answer === undefined)
            answers.set(type, (answer = matchGlob(glob, type, NAME)));
        return answer;
    };
}
/** The last matching override decides; `off` drops the finding. */
function applyOverrides(finding, overrides, change) {
    let result = finding;
    let off = false;
    for (const { rule, matches } of overrides) {
        if (!matches(finding, change))
            continue;
        off = rule.decision === 'off';
        if (rule.decision !== 'off' && rule.decision !== finding.decision) {
            result = {
                ...finding,
                decision: rule.decision,
                override: { from: finding.decision, reason: rule.reason }
            };
        }
        else if (rule.decision === finding.decision) {
            result = finding;
        }
    }
    return off ? [] : [result];
}
/**
 * A rule reference (resolved: `id`) matches the finding's rule, or the catalog rule behind a
 * no-copy block.
 */
function isRule(id, finding) {
    return id !== undefined && (id === finding.ruleId || id === finding.data['catalogRule']);
}
function parseTag(tag) {
    const at = tag.indexOf('=');
    if (at < 0)
        return { key: tag.toLowerCase() };
    return { key: tag.slice(0, at).toLowerCase(), value: tag.slice(at + 1) };
}
function hasTag(change, tag) {
    if (change === undefined)
        return false;
    const maps = change.facts?.tags ?? [...tagMaps(change.before), ...tagMaps(change.after)];
    return maps.some(({ tags }) => Object.entries(tags).some(([k, v]) => k.toLowerCase() === tag.key && (tag.value === undefined || tagText(v) === tag.value)));
}
/**
 * Matching exemptions lower a finding to a warning and say why. An expired one stops applying
 * and is reported once as expired.
 */
function applyExemptions(findings, exemptions, print, now) {
    if (exemptions.length === 0)
        return [...findings];
    const expired = new Set();
    const compiled = exemptions.map((e) => ({ exemption: e, matches: exemptionMatcher(e, print) }));
    const out = findings.map((finding) => {
        if (finding.decision === 'warn')
            return finding;
        const matching = [];
        for (const { exemption, matches } of compiled)
            if (matches(finding))
                matching.push(exemption);
        const live = matching.find((e) => e.expiresAt === undefined || now <= e.expiresAt);
        for (const e of matching)
            if (e !== live && e.expiresAt !== undefined && now > e.expiresAt)
                expired.add(e);
        if (live === undefined)
            return finding;
        const exemption = live.expires === undefined
            ? { reason: live.reason }
            : { reason: live.reason, expires: live.expires };
        return { ...finding, decision: 'warn', exemption };
    });
    for (const e of expired) {
        out.push(expiredFinding({
            target: [e.address, e.rule, e.fingerprint === undefined ? undefined : 'this fingerprint']
                .filter((x) => x !== undefined)
                .join(' / '),
            why: e.reason,
            expires: e.expires ?? ''
        }));
    }
    return out;
}
/** Whether an exemption covers a finding; its rule reference is resolved once. */
function exemptionMatcher(exemption, print) {
    const ruleId = exemption.rule === undefined ? undefined : resolveRule(exemption.rule);
    return (finding) => {
        if (exemption.fingerprint !== undefined && exemption.fingerprint !== print)
            return false;
        if (exemption.address !== undefined && !matchGlob(exemption.address, finding.address, NAME))
            return false;
        if (exemption.rule !== undefined && !isRule(ruleId, finding))
            return false;
        return true;
    };
}

/** Weakening findings of an update, over every guard of its type. */
function guardFindings(change, entry, options) {
    return (entry.guards ?? []).flatMap((guard) => weakenings(change, entry, guard, options));
}
/** The guard as the policy sees it: retention minimums rise to the configured floor. */
function effectiveGuard(guard, options) {
    if (guard.family !== 'backup-retention' || guard.test.kind !== 'min')
        return guard;
    if (options.backupRetentionFloor <= guard.test.min)
        return guard;
    return { ...guard, test: { kind: 'min', min: options.backupRetentionFloor } };
}
/** Weakening findings for one guard on an in-place update. */
function weakenings(change, entry, catalogGuard, options) {
    const guard = effectiveGuard(catalogGuard, options);
    const steps = parsePath(guard.path);
    return expand(steps, change.before, change.after).flatMap((path) => {
        // On create, only guards whose creation changes existing data (onCreate) apply.
        if (change.action === 'create' && guard.onCreate !== true)
            return [];
        if (guard.where !== undefined && !whereHolds(guard.where, path, change.after))
            return [];
        const data = weakening(change, guard, path, options);
        if (data === undefined)
            return [];
        const floor = guard.test.kind === 'min' && guard !== catalogGuard ? { floor: guard.test.min } : {};
        return [
            {
                ...changeBase(change),
                ruleId: guard.id,
                category: entry.category,
                severity: GUARD_RULE_DEFAULTS.severity,
                decision: GUARD_RULE_DEFAULTS.defaultDecision,
                messageId: 'protection-weakened',
                data: { attribute: formatPath(path), family: guard.family, ...floor, ...data }
            }
        ];
    });
}
/**
 * Whether a guard's `where` holds for the element its concrete path is in: each `[*]` of the
 * condition takes the index at the same place in the guard's path. A value not known yet holds
 * (fail closed).
 */
function whereHolds(where, path, after) {
    const steps = parsePath(where.path).map((step, i) => step === '*' && typeof path[i] === 'number' ? path[i] : step);
    return expand(steps, after).some((concrete) => {
        const value = getAt(after, concrete);
        return value === undefined || isSafe(where.test, where.absent, value);
    });
}
function weakening(change, guard, path, options) {
    const before = getAt(change.before, path);
    const after = getAt(change.after, path);
    const unknown = marked(change.afterUnknown, path);
    if (guard.test.kind === 'expiry') {
        if (unknown)
            return { unknown: true };
        const floor = options.expiryFloorDays ?? DEFAULT_EXPIRY_FLOOR_DAYS;
        const cut = expiryCut(guard.test, guard.absent, before, after, floor);
        if (cut === undefined)
            return undefined;
        const data = shown(change, guard, path, before, after);
        if (data['sensitive'] === true)
            return data;
        const timed = guard.test.unit === 'date' || guard.test.unit === 'epoch-ms';
        return {
            ...data,
            ...(before === undefined || before === null ? { fromText: 'unset' } : {}),
            ...(timed && data['to'] === undefined ? { toText: 'an earlier date' } : {}),
            ...(cut.floorDays === undefined ? {} : { floorDays: cut.floorDays })
        };
    }
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
    if (!isSafe(guard.test, guard.absent, before))
        return undefined;
    if (unknown)
        return { unknown: true };
    if (isSafe(guard.test, guard.absent, after))
        return undefined;
    return shown(change, guard, path, before, after);
}
/**
 * The before/after values a finding may print: booleans, numbers, and strings that are one of
 * the catalog's own safe values or a duration (anything else could be a secret). Nothing at all
 * when either side is marked sensitive.
 */
function shown(change, guard, path, before, after) {
    if (markedAnywhere(change.beforeSensitive, path) || markedAnywhere(change.afterSensitive, path)) {
        return { sensitive: true };
    }
    const safeList = guard.test.kind === 'equals' ? guard.test.safe : [];
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

/**
 * Classification: normalized plan → findings with their rules' default decisions. Pure: no
 * I/O, no clock, no policy. The rules are modules (src/rules/generic/ and the catalog's types
 * and guards); this runs their checks in order. The policy applies afterwards (policy/gate).
 */
const PLAN_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkPlan ? [r.checkPlan] : []));
const CHANGE_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkChange ? [r.checkChange] : []));
const DRIFT_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkDrift ? [r.checkDrift] : []));
const DEFERRED_CHECKS = GENERIC_RULES.flatMap((r) => (r.checkDeferred ? [r.checkDeferred] : []));
/** Every finding the rules make about a plan, with default decisions. */
function evaluate(plan, options = DEFAULT_CLASSIFY) {
    const findings = PLAN_CHECKS.flatMap((check) => check(plan, options));
    // Indexed loops: this runs once per plan, over every change, mostly before it is optimised.
    const changes = plan.changes;
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        const found = change.facts?.findings ?? changeFindings(change, options);
        for (let j = 0; j < found.length; j++)
            findings.push(found[j]);
    }
    for (const change of plan.drift)
        findings.push(...firstAnswer(DRIFT_CHECKS, change));
    for (const change of plan.deferred)
        findings.push(...firstAnswer(DEFERRED_CHECKS, change));
    return addRenameHints(plan, findings);
}
/** Findings for one planned change: the first rule that answers classifies it. */
function changeFindings(change, options = DEFAULT_CLASSIFY) {
    // Data sources never destroy anything; Terraform filters their deletes out of plans anyway.
    if (change.mode === 'data' && change.action !== 'unknown')
        return [];
    const entry = lookupType(change.type)?.entry;
    const input = { change, entry, options };
    for (const check of CHANGE_CHECKS) {
        const answer = check(input);
        if (answer !== undefined)
            return answer;
    }
    if (change.action === 'update' && entry?.guards !== undefined) {
        return guardFindings(change, entry, options);
    }
    // Creating some resources changes data that already exists (a lifecycle rule on a bucket).
    if (change.action === 'create' && entry?.guards?.some((g) => g.onCreate === true)) {
        return guardFindings(change, entry, options);
    }
    return [];
}
function firstAnswer(checks, input) {
    for (const check of checks) {
        const answer = check(input);
        if (answer !== undefined)
            return answer;
    }
    return [];
}
/**
 * A delete and a create of the same type with the same identity (same name attribute, or the
 * same resource name under another module) look like a rename that lacks a `moved` block. The
 * finding keeps its decision and gains a hint.
 */
function addRenameHints(plan, findings) {
    // Creates by type, each with its identity worked out once: every delete is checked against
    // every create of its type, which on a large plan is millions of pairs.
    const creates = new Map();
    const changes = plan.changes;
    for (let i = 0; i < changes.length; i++) {
        const change = changes[i];
        if (change.action !== 'create' || change.mode !== 'managed')
            continue;
        let list = creates.get(change.type);
        if (list === undefined)
            creates.set(change.type, (list = []));
        list.push({ change, identity: identityOf(change) });
    }
    if (creates.size === 0)
        return findings;
    const deletes = new Map(plan.changes
        .filter((c) => c.action === 'delete' && c.deposed === undefined)
        .map((c) => [c.address, c]));
    return findings.map((finding) => {
        const deleted = finding.source === 'change' ? deletes.get(finding.address) : undefined;
        if (deleted === undefined)
            return finding;
        const before = identityOf(deleted);
        const target = creates
            .get(deleted.type)
            ?.find((c) => sameIdentity(deleted, before, c.change, c.identity))?.change;
        return target === undefined
            ? finding
            : { ...finding, data: { ...finding.data, renameTo: target.address } };
    });
}
function sameIdentity(deleted, before, created, after) {
    if (IDENTITY_ATTRIBUTES.some((key) => before[key] !== undefined && before[key] === after[key])) {
        return true;
    }
    return (deleted.name === created.name &&
        deleted.index === created.index &&
        deleted.moduleAddress !== created.moduleAddress);
}

/**
 * One plan through the gate, in order: classify (the rules, from the plan alone and options
 * worked out once from the policy), fingerprint and blast radius, then decide (the policy).
 */
/** Classifies a plan, then applies the policy to it. */
function gate(plan, context) {
    const findings = evaluate(plan, classifyOptions(context));
    const classification = {
        findings,
        fingerprint: fingerprint(fingerprintLines(plan, findings)),
        blastRadius: inferBlastRadius(plan)
    };
    return applyPolicy(plan, classification, context);
}
const NO_TAGS = Object.freeze([]);
const NO_FINDINGS = Object.freeze([]);
const NO_IDENTITY = Object.freeze({});
/**
 * A `retain` for the plan reader that keeps memory bounded by what changes: no-op and read
 * changes are dropped (the reader still counts them), and every other change keeps only its
 * skeleton plus the facts the gate needs, classified from its values right away.
 */
function slimmer(context) {
    const options = classifyOptions(context);
    // Tag maps are only read by `match: { tag }` overrides; without one, keeping them would be
    // most of the memory a large plan's changes take.
    const needTags = needsTags(context.policy);
    return (change, section) => {
        if (section === 'change' && (change.action === 'no-op' || change.action === 'read')) {
            return undefined;
        }
        const skeleton = withoutValues(change);
        if (section !== 'change')
            return skeleton;
        const radius = changeRadius(change);
        // A full destroy keeps facts for every change until the report: the findings list at its
        // length (a list that grew by push keeps room for 17), and one empty list and identity.
        const findings = changeFindings(change, options);
        const identity = identityOf(change);
        const facts = {
            findings: findings.length === 0 ? NO_FINDINGS : findings.slice(),
            radius,
            tags: needTags ? [...tagFacts(change.before), ...tagFacts(change.after)] : NO_TAGS,
            identity: hasKeys(identity) ? identity : NO_IDENTITY,
            // Only the fingerprint reads it, for the changes it has a line for.
            object: fingerprinted(change) ? objectDigest(change, radius) : undefined
        };
        skeleton.facts = facts;
        return skeleton;
    };
}
/** Whether the record has an enumerable key (without listing them). */
function hasKeys(record) {
    for (const _ in record)
        return true;
    return false;
}
/** A value's tag maps with their values as text; maps whose values are all text as they are. */
function tagFacts(values) {
    return tagMaps(values).map(({ map, tags }) => ({
        map,
        tags: Object.values(tags).every((v) => typeof v === 'string')
            ? tags
            : Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, tagText(v)]))
    }));
}

/**
 * The evaluation pipeline both adapters call: expand the inputs, then for each plan read it,
 * classify it (rules), decide (policy), and build one report. Every file-system and process
 * access goes through the `PipelineIO` it is given, so it runs in tests without a disk.
 */
/** Plans read at once; each reader streams, so memory stays bounded by this times one element. */
const PARALLEL_PLANS = 2;
/**
 * Reads, gates and reports every plan. Throws a one-line error (`errorMessage()`) when anything
 * cannot be evaluated: the caller turns that into exit 2 or a failed step, never a pass.
 */
async function evaluatePlans(options, io) {
    const policy = options.policy ?? (await loadPolicy(io, options.config));
    const { files, skipped } = io.expandInputs(options.files);
    const now = options.at ?? Date.now();
    const evaluated = await mapLimit(files, PARALLEL_PLANS, async (file) => {
        const backends = await io.loadBackends(file, options.terraformDir);
        const context = {
            policy,
            now,
            planFile: file,
            environment: options.environment,
            backends
        };
        const plan = await labelled(file, () => readPlan(file, io, options.inputFormat, slimmer(context)));
        return { file, plan, result: gate(plan, context) };
    });
    return {
        report: buildReport(evaluated, { version: VERSION, policySource: policy.source }),
        policy,
        skipped
    };
}
/**
 * The policy file `config`, or the first one found from the working directory upward. Its
 * parser (yaml, ajv) is loaded only when there is a file: start-up does not pay for it.
 */
async function loadPolicy(io, config) {
    const found = io.readPolicy(config);
    if (found === undefined)
        return DEFAULT_POLICY;
    const { parsePolicy } = await import('./config.js');
    return parsePolicy(found.text, found.path, (id) => resolveRule(id) !== undefined);
}
async function readPlan(file, io, format, retain) {
    // slimmer() drops no-op and read changes whole, so their values need not even be parsed; of
    // the others only what the rules read is (plan/project.ts).
    const reader = new PlanReader({
        format,
        retain,
        unchangedValues: false,
        project: GATE_PROJECTION
    });
    await io.readPlan(file, (chunk) => reader.push(chunk), (read, onRead) => reader.readFrom(read, onRead));
    return reader.end();
}
/** Runs `fn` over the items with at most `limit` in flight; results keep the items' order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
/** Prefixes an error with the file it is about. */
async function labelled(file, fn) {
    try {
        return await fn();
    }
    catch (error) {
        throw new UserError(`${file === '-' ? 'stdin' : file}: ${errorMessage(error)}`);
    }
}

/**
 * The policy schema of this version, at its release tag. The npm package carries the same file
 * (`plan-gate/schema/plan-gate.schema.json`, exported in package.json).
 */
const POLICY_SCHEMA_URL = `https://raw.githubusercontent.com/plan-gate/plan-gate/v${VERSION}/schema/plan-gate.schema.json`;
/** The commented starter policy that `plan-gate init` writes. Every option, with an example. */
const STARTER_POLICY = `# yaml-language-server: $schema=${POLICY_SCHEMA_URL}
# plan-gate policy. Everything here is optional: without this file plan-gate uses safe defaults.
# The line above gives editors with the YAML language server (VS Code's YAML extension, and
# others) completion and checks from the schema of this plan-gate version.
version: 1

# Decision overrides, applied in order; the last match wins. Match on any of:
#   rule (id, slug or alias: see \`plan-gate rules\`), category, type (glob), address (glob),
#   tag ("key" or "key=value" on the resource's tags/labels).
# decision: blocked | approval-required | warn | off
rules:
  # Snapshots are cheap to recreate here: warn instead of asking for approval.
  # - match: { category: snapshot-backup }
  #   decision: warn
  # Deleting anything in the production module needs approval, whatever it is.
  # - match: { address: "module.production.*" }
  #   decision: approval-required
  #   reason: production is hand-curated

# More things to protect: deleting or replacing them needs a second approver.
protect:
  types: [] # e.g. ["aws_cognito_user_pool*"]
  addresses: [] # e.g. ["module.core.*"]
  tag_keys: [] # e.g. ["do-not-delete"] (besides the built-in "protected")

# Known and accepted findings. A reason is required; expired exemptions stop applying.
exemptions:
  # - address: aws_db_instance.legacy
  #   rule: PG-AWS-001
  #   reason: decommissioning, ticket OPS-123
  #   expires: 2026-12-31

thresholds:
  backup_retention_floor: 1 # retention below this is a weakening (e.g. 7 for 7 days)
  expiry_floor_days: 30 # expiry or retention set or cut below this many days is a weakening
  mass_delete_count: 10 # deleting more than this many resources needs approval
  mass_delete_share: 0.5 # ... or more than this share of the plan
  allow_full_destroy: [] # plan file globs allowed to destroy everything, e.g. ["previews/**"]

# What each environment may touch. A plan that touches anything else is blocked.
# The environment is chosen with --environment, or by the first "plans" glob that matches.
environments:
  # staging:
  #   plans: ["envs/staging/**"]
  #   aws_accounts: ["111111111111"]
  #   regions: ["eu-west-*"]

# Change freezes: every destructive change is blocked inside these intervals.
freezes:
  # - from: 2026-12-20
  #   to: 2027-01-04
  #   reason: end-of-year freeze

# Used by the GitHub Action.
approvals:
  count: 2 # approvals needed: a second approving human besides the usual one
  approvers: [] # logins or org/team slugs; empty: anyone with write access
  exclude_pusher: true # whoever pushed the head commit cannot approve it
  break_glass:
    enabled: false
    allowed: []
`;

/** One line per rule: id, decision, slug, title. */
function renderRuleList(rules) {
    const idWidth = Math.max(...rules.map((r) => r.id.length));
    const decisionWidth = Math.max(...rules.map((r) => r.defaultDecision.length));
    const lines = rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.defaultDecision.padEnd(decisionWidth)}  ${r.slug}  ${r.title}`);
    return `${lines.join('\n')}\n\n${rules.length} rules. \`plan-gate explain <id>\` tells more about one.\n`;
}
/** A rule's explanation as plain text. */
function renderExplain(rule) {
    const lines = [
        `${rule.id} ${rule.slug}`,
        rule.title,
        '',
        `Default decision: ${rule.defaultDecision}  Severity: ${rule.severity}`,
        '',
        `Why: ${rule.description}`,
        '',
        `What to do: ${rule.remediation}`
    ];
    if (rule.aliases !== undefined && rule.aliases.length > 0)
        lines.push('', `Also known as: ${rule.aliases.join(', ')}`);
    lines.push('', `Docs: ${rule.helpUri}`);
    return `${lines.join('\n')}\n`;
}

function renderRuleListJson(rules) {
    const list = rules.map((r) => ({
        id: r.id,
        slug: r.slug,
        ...(r.aliases === undefined || r.aliases.length === 0 ? {} : { aliases: [...r.aliases] }),
        title: r.title,
        defaultDecision: r.defaultDecision,
        severity: r.severity,
        ...(r.category === undefined ? {} : { category: r.category }),
        description: r.description,
        remediation: r.remediation,
        helpUri: r.helpUri
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
}

/** What every CLI command gets: the outside world (tests pass fakes) and the exit codes. */
/** Exit codes. */
const EXIT = { pass: 0, gate: 1, error: 2 };

/**
 * The CLI's subcommands besides gating a plan. To add one: write its `Command` here (or in its
 * own module) and list it in COMMANDS; `--help` and argument dispatch pick it up from there.
 */
const rules = {
    name: 'rules',
    usage: 'rules [--format json]',
    summary: 'list every rule with its id, default decision and title',
    options: ['format'],
    run(args, io) {
        if (args.operands.length > 0)
            throw new UserError(`usage: plan-gate ${rules.usage}`);
        const format = args.format ?? 'text';
        if (format !== 'text' && format !== 'json')
            throw new UserError(`--format must be one of text, json, not "${format.slice(0, 40)}"`);
        io.stdout.write(format === 'json' ? renderRuleListJson(allRules()) : renderRuleList(allRules()));
        return EXIT.pass;
    }
};
const explain = {
    name: 'explain',
    usage: 'explain <rule>',
    summary: 'explain a rule (id, slug or alias)',
    run(args, io) {
        const [reference] = args.operands;
        if (args.operands.length !== 1 || reference === undefined)
            throw new UserError('usage: plan-gate explain <rule>');
        const id = resolveRule(reference);
        const rule = id === undefined ? undefined : ruleMeta(id);
        if (rule === undefined) {
            io.stderr.write(`plan-gate: unknown rule "${reference.slice(0, 60)}" (see \`plan-gate rules\`)\n`);
            return EXIT.error;
        }
        io.stdout.write(renderExplain(rule));
        return EXIT.pass;
    }
};
const init = {
    name: 'init',
    usage: 'init [--force]',
    summary: 'write a commented starter .plan-gate.yml here',
    options: ['force'],
    run(args, io) {
        if (args.operands.length > 0)
            throw new UserError('usage: plan-gate init [--force]');
        const target = join(io.cwd, '.plan-gate.yml');
        if (existsSync(target) && !args.force) {
            io.stderr.write(`plan-gate: ${target} exists; use --force to overwrite\n`);
            return EXIT.error;
        }
        writeFileSync(target, STARTER_POLICY);
        io.stdout.write(`wrote ${target}\n`);
        return EXIT.pass;
    }
};
const doctor = {
    name: 'doctor',
    usage: 'doctor --repo owner/name',
    summary: 'check the repository settings the gate relies on (GITHUB_TOKEN)',
    // It parses its own --repo/--branch/--environment options.
    rawArgs: true,
    async run(args, io) {
        // Loaded on demand: only `doctor` needs the GitHub client.
        const { runDoctor } = await import('./doctor-cli.js');
        return runDoctor(args.raw ?? [], io);
    }
};
/**
 * The agent hook and exec wrapper (src/agents/): a chunk of their own, loaded by these two
 * commands only, so gating a plan does not compile them.
 */
const agents = () => import('./command.js');
/** The agent hook and exec wrapper gate saved plans with this same pipeline. */
const agentDeps = {
    evaluate: async (file, cwd, env, terraformBin) => {
        const { report } = await evaluatePlans({ files: [file] }, nodeIO({
            cwd,
            env,
            stdin: (async function* () { })(),
            stderr: { write: () => true },
            ...(terraformBin === undefined ? {} : { terraformBin })
        }));
        return report;
    }
};
const hook = {
    name: 'hook',
    usage: 'hook [install|uninstall]',
    summary: 'a pre-tool hook for coding agents, and its install (see `plan-gate hook --help`)',
    rawArgs: true,
    run: async (args, io) => (await agents()).runAgents(['hook', ...(args.raw ?? [])], io, agentDeps)
};
const exec = {
    name: 'exec',
    usage: 'exec -- <command…>',
    summary: 'run terraform/tofu/terragrunt only when the agent rules allow it (PATH shim: --shim)',
    rawArgs: true,
    run: async (args, io) => (await agents()).runAgents(['exec', ...(args.raw ?? [])], io, agentDeps)
};
/** Every subcommand, in the order `--help` lists them. */
const COMMANDS = [rules, explain, init, doctor, hook, exec];
/** The subcommand named `name`, if any. */
function findCommand(name) {
    return COMMANDS.find((command) => command.name === name);
}

/** Thresholds of `--fail-on`: the weakest outcome that makes the run exit 1. */
const FAIL_ON = ['blocked', 'approval-required', 'warn', 'never'];
/**
 * 1 when the report reaches the `--fail-on` threshold, else 0. `never` always gives 0: only a
 * plan that cannot be evaluated fails then, with 2, which no threshold changes.
 */
function exitCodeFor(report, failOn) {
    switch (failOn) {
        case 'never':
            return 0;
        case 'blocked':
            return report.decision === 'blocked' ? 1 : 0;
        case 'approval-required':
            return report.decision === 'pass' ? 0 : 1;
        case 'warn':
            return report.decision !== 'pass' || report.counts.findings.warn > 0 ? 1 : 0;
    }
}
/**
 * Colour in text output. `--color`/`--no-color` win; then `FORCE_COLOR` (any value but `0` or
 * `false` turns it on, as Node and most tools read it; CI logs such as GitHub Actions' show
 * colour); then `NO_COLOR` (any non-empty value turns it off) and `TERM=dumb`; else a terminal.
 */
function useColor(flag, env, isTTY) {
    if (flag !== undefined)
        return flag;
    const force = env['FORCE_COLOR'];
    if (force !== undefined)
        return !['0', 'false'].includes(force.trim().toLowerCase());
    if (env['NO_COLOR'])
        return false;
    if (env['TERM'] === 'dumb')
        return false;
    return isTTY;
}
/**
 * `--format` values (`fmt`, or `fmt=file` to write that format to a file) and `--output` → the
 * renderings. At most one `--format` has no file: it goes to `--output` or standard output
 * (default: text). Each file is named once. `quiet` leaves standard output to the verdict line.
 */
function planOutputs(formats, output, quiet, allowed, fail) {
    const targets = [];
    let plain;
    for (const value of formats) {
        const eq = value.indexOf('=');
        const name = eq < 0 ? value : value.slice(0, eq);
        const format = allowed.find((f) => f === name);
        if (format === undefined)
            fail(`--format must be one of ${allowed.join(', ')}, not "${name.slice(0, 40)}"`);
        if (eq < 0) {
            if (plain !== undefined)
                fail(`--format ${plain} and --format ${format}: only one format goes to standard output or --output; write the others to files with --format ${format}=<file>`);
            plain = format;
            continue;
        }
        const file = value.slice(eq + 1);
        if (file === '')
            fail(`--format ${format}= needs a file name`);
        targets.push({ format, file });
    }
    if (output !== undefined)
        targets.unshift({ format: plain ?? 'text', file: output });
    else if (!quiet)
        targets.unshift({ format: plain ?? 'text' });
    else if (plain !== undefined && plain !== 'text')
        fail(`--quiet prints the verdict and counts; write --format ${plain} to a file (--output or --format ${plain}=<file>)`);
    const files = targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
    const twice = files.find((f, i) => files.indexOf(f) !== i);
    if (twice !== undefined)
        fail(`${twice} is named as the output of two formats`);
    return { targets, quietLine: quiet };
}

/** The command line: `--help` text and argv → what to run, with node:util's parseArgs. */
const INPUT_FORMATS = ['show-json', 'jsonl', 'json-array'];
const commandLines = COMMANDS.map((c) => `  ${c.usage.padEnd(26)}${c.summary}`).join('\n');
const HELP = `Usage: plan-gate [options] <plan>...
       plan-gate [options] ${COMMANDS.map((c) => c.usage).join(' | ')}

Gates a Terraform or OpenTofu plan: deletes and replacements of data stores need a
second approver, state storage is never destroyed, weakened protection is flagged.

<plan> is one of (several, directories and globs are judged together):
  plan.json     output of \`terraform show -json tfplan\` (any format_version 0.1 to 1.x)
  plan.jsonl    output of \`terraform plan -json\` (JSON Lines; also a JSON array of messages)
  tfplan        a binary plan file, read through \`terraform show -json\` (or \`tofu\`)
  -             standard input (JSON or JSON Lines)
A plan file whose name starts with "-" or is a command's name goes after \`--\`.

Options:
  -f, --format <fmt>        report format: text (default), markdown, json, sarif, junit,
                            github (workflow commands); sarif, junit and github point at the
                            .tf line of each block (root module: --terraform-dir, else the
                            plan's directory, else the working directory)
  -f, --format <fmt>=<file> also write the report in <fmt> to <file> (repeatable), e.g.
                            -f sarif=plan-gate.sarif -f json=report.json
  -o, --output <file>       write the report to <file> instead of standard output
  -q, --quiet               print only the verdict and the counts (files get full reports)
      --fail-on <level>     exit 1 from this outcome on: blocked, approval-required
                            (default), warn (any finding), never (exit 0 unless it cannot
                            evaluate)
  -c, --config <file>       policy file (default: .plan-gate.yml/.yaml/.json, searched from
                            the working directory up to the repository root)
      --environment <name>  the policy environment this plan belongs to
      --terraform-dir <dir> read the state backend from this directory's *.tf files and
                            .terraform/terraform.tfstate (default: the plan's directory,
                            when it holds .tf files)
      --at <time>           judge freezes and exemptions as of this RFC 3339 time
      --input-format <fmt>  force the input format: show-json, jsonl, json-array
      --terraform-bin <p>   program used to read binary plans (default: terraform, then tofu on PATH)
      --terraform-env <n>   environment variables terraform may see besides PATH, HOME and TF_*
                            (names, comma-separated; repeatable)
      --progress            show reading progress on stderr (default: on a terminal, for plans
                            over 50 MB; never in CI)
      --color, --no-color   colour in text output (default: on a terminal; FORCE_COLOR=1 turns
                            it on, NO_COLOR=1 off)
      --verbose             text: one line per finding instead of grouped rows; with a
                            directory or glob, the files skipped as no plan (stderr)
  -h, --help                show this help
  -V, --version             show the version
Short options combine (-qfjson); \`--\` ends the options.

Commands:
${commandLines}

Exit codes:
  0  pass: nothing reached --fail-on (warnings included, by default)
  1  the gate did not pass: approval required or blocked (what --fail-on names)
  2  could not evaluate: usage error, unreadable, malformed or unsupported input or policy,
     or a report file that could not be written; --fail-on never does not change it
`;
/** Every option, for node:util's parseArgs. */
const OPTIONS = {
    format: { type: 'string', short: 'f', multiple: true },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'fail-on': { type: 'string' },
    config: { type: 'string', short: 'c' },
    environment: { type: 'string' },
    'terraform-dir': { type: 'string' },
    at: { type: 'string' },
    'input-format': { type: 'string' },
    'terraform-bin': { type: 'string' },
    'terraform-env': { type: 'string', multiple: true },
    progress: { type: 'boolean' },
    verbose: { type: 'boolean' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' }
};
/** Options of a gate run, besides --help, --version, --color and --no-color. */
const RUN_OPTIONS = [
    'format',
    'output',
    'quiet',
    'fail-on',
    'config',
    'environment',
    'terraform-dir',
    'at',
    'input-format',
    'terraform-bin',
    'terraform-env',
    'progress',
    'verbose'
];
/**
 * Parses argv (without node and script) with node:util's parseArgs: long and short options,
 * `--opt=value` and `-fvalue`, short options combined, `--` ending the options. A command
 * is the first operand before `--`, wherever the options are.
 */
function parseArgs(argv) {
    // Commands that parse their own arguments (hook, exec) come first and get the rest as is.
    const own = findCommand(argv[0]);
    if (own?.rawArgs === true)
        return {
            kind: 'command',
            command: own,
            args: { operands: argv.slice(1), raw: argv.slice(1), force: false }
        };
    let parsed;
    try {
        parsed = parseArgs$1({
            args: [...argv],
            options: OPTIONS,
            allowPositionals: true,
            strict: true,
            tokens: true
        });
    }
    catch (error) {
        throw new UserError(usageMessage(error));
    }
    const { values, positionals, tokens } = parsed;
    if (values.help === true)
        return { kind: 'help' };
    if (values.version === true)
        return { kind: 'version' };
    const first = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
    const command = first?.kind === 'positional' ? findCommand(first.value) : undefined;
    const operands = command === undefined ? positionals : positionals.slice(1);
    // The last of --color and --no-color wins.
    let color;
    for (const t of tokens)
        if (t.kind === 'option' && (t.name === 'color' || t.name === 'no-color'))
            color = t.name === 'color';
    const allowed = command?.options ?? RUN_OPTIONS;
    for (const t of tokens) {
        if (t.kind !== 'option' || ['help', 'version', 'color', 'no-color'].includes(t.name))
            continue;
        if (!allowed.includes(t.name))
            throw new UserError(command === undefined
                ? `--${t.name} goes with ${t.name === 'force' ? 'init' : 'a command'} (see --help)`
                : `${command.name} does not take --${t.name} (see --help)`);
        if (typeof t.value === 'string' && t.value === '')
            throw new UserError(`--${t.name} needs a value`);
    }
    if (command !== undefined) {
        const formats = values.format ?? [];
        if (formats.length > 1)
            throw new UserError(`${command.name} takes one --format`);
        return {
            kind: 'command',
            command,
            args: { operands, format: formats[0], force: values.force === true }
        };
    }
    const files = positionals;
    if (files.length === 0)
        throw new UserError('no plan given (see --help)');
    if (files.filter((f) => f === '-').length > 1)
        throw new UserError('stdin (-) can be given once');
    const quiet = values.quiet === true;
    const { targets } = planOutputs(values.format ?? [], values.output, quiet, REPORT_FORMATS, (m) => {
        throw new UserError(m);
    });
    return {
        kind: 'run',
        options: {
            files,
            targets,
            quiet,
            failOn: oneOf('--fail-on', values['fail-on'] ?? 'approval-required', FAIL_ON),
            inputFormat: values['input-format'] === undefined
                ? undefined
                : oneOf('--input-format', values['input-format'], INPUT_FORMATS),
            terraformBin: values['terraform-bin'],
            ...(values['terraform-env'] === undefined
                ? {}
                : {
                    passEnv: values['terraform-env'].flatMap((v) => v
                        .split(',')
                        .map((n) => n.trim())
                        .filter(Boolean))
                }),
            color,
            config: values.config,
            environment: values.environment,
            terraformDir: values['terraform-dir'],
            at: values.at === undefined ? undefined : parseTime(values.at),
            progress: values.progress === true ? true : undefined,
            verbose: values.verbose === true ? true : undefined
        }
    };
}
/** node:util's parse errors, as one line naming the option. */
function usageMessage(error) {
    const text = error instanceof Error ? error.message : String(error);
    const code = error.code;
    const unknown = /Unknown option '([^']+)'/.exec(text);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown)
        return `unknown option ${unknown[1]} (see --help)`;
    const option = /Option '(?:-\w, )?(--?[\w-]+)/.exec(text)?.[1];
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
        if (/does not take an argument/.test(text))
            return `${option} does not take a value`;
        if (/ambiguous/.test(text))
            return `${longName(option)} needs a value (one starting with "-" goes as ${longName(option)}=-…)`;
        return `${longName(option)} needs a value`;
    }
    return text.split('\n')[0] ?? text;
}
function longName(option) {
    if (option.startsWith('--'))
        return option;
    const entry = Object.entries(OPTIONS).find(([, o]) => 'short' in o && `-${o.short}` === option);
    return entry === undefined ? option : `--${entry[0]}`;
}
function parseTime(text) {
    const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(text) ? Date.parse(text) : NaN;
    if (Number.isNaN(ms))
        throw new UserError(`--at needs an RFC 3339 time such as 2026-12-24T12:00:00Z, not "${text.slice(0, 40)}"`);
    return ms;
}
/** The value if it is one of `allowed`; a usage error naming the flag otherwise. */
function oneOf(flag, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UserError(`${flag} must be one of ${allowed.join(', ')}, not "${value.slice(0, 40)}"`);
}

const VERDICT = {
    pass: 'PASS',
    'approval-required': 'APPROVAL REQUIRED',
    blocked: 'BLOCKED'
};
const COLOR = {
    pass: '\u001b[32m',
    'approval-required': '\u001b[33m',
    blocked: '\u001b[31m'
};
function renderQuiet(report, options) {
    const { findings } = report.counts;
    const verdict = VERDICT[report.decision];
    const head = options.color ? `${COLOR[report.decision]}${verdict}\u001b[0m` : verdict;
    const plans = report.plans.length === 1 ? '1 plan' : `${report.plans.length} plans`;
    return `${head}: ${findings.blocked} blocked, ${findings['approval-required']} approval required, ${findings.warn} ${findings.warn === 1 ? 'warning' : 'warnings'} (${plans})\n`;
}

/**
 * The command line adapter: argv → the evaluation pipeline → the rendered report and an exit
 * code. Arguments are parsed in src/cli/args.ts, subcommands live in src/cli/commands.ts, and
 * all reading goes through the pipeline's I/O (src/io/).
 */
/** Formats whose findings point at the `.tf` line of their block. */
const LOCATED_FORMATS = new Set(['sarif', 'junit', 'github']);
/** Runs the CLI and returns the exit code. Never throws. */
async function run(argv, io) {
    let parsed;
    try {
        parsed = parseArgs(argv);
        if (parsed.kind === 'command')
            return await parsed.command.run(parsed.args, io);
    }
    catch (error) {
        io.stderr.write(`plan-gate: ${errorMessage(error)}\n`);
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
    return gatePlans(parsed.options, io);
}
async function gatePlans(options, io) {
    let evaluation;
    try {
        const { terraformBin, terraformDir, progress, passEnv } = options;
        evaluation = await evaluatePlans(options, nodeIO({ ...io, terraformBin, terraformDir, progress, passEnv }));
    }
    catch (error) {
        io.stderr.write(`plan-gate: ${errorMessage(error)}\n`);
        return EXIT.error;
    }
    const { report } = evaluation;
    // Verbose: what a directory or glob found but passed over because its name says it is no plan.
    if (options.verbose === true)
        for (const { path, why } of evaluation.skipped)
            io.stderr.write(`plan-gate: skipped ${path} (${why}, not a plan)\n`);
    const color = useColor(options.color, io.env, io.stdout.isTTY === true);
    // SARIF, JUnit and workflow commands point at the .tf block of each finding. The locator and
    // its HCL parser are a chunk of their own, loaded only then: a plain run does not compile them.
    let located = {};
    if (options.targets.some((t) => LOCATED_FORMATS.has(t.format))) {
        try {
            const { locatorFor } = await import('./sources.js');
            located = await locatorFor({
                cwd: io.cwd,
                env: io.env,
                files: report.plans.map((plan) => plan.file),
                terraformDir: options.terraformDir
            });
        }
        catch (error) {
            // Only a broken installation (a missing chunk): one line and exit 2, never a stack trace.
            io.stderr.write(`plan-gate: ${errorMessage(error)}\n`);
            return EXIT.error;
        }
    }
    const columns = io.stdout.columns ?? Number(io.env['COLUMNS']);
    const deps = {
        rules: ruleMeta,
        ...located,
        ...(options.verbose === undefined ? {} : { verbose: options.verbose })
    };
    // Files first, never coloured: a report that cannot be written fails the run (exit 2).
    for (const target of options.targets) {
        if (target.file === undefined)
            continue;
        try {
            const fd = openSync(resolve(io.cwd, target.file), 'w');
            try {
                writeInPieces(renderChunks(target.format, report, { ...deps, color: false }), (text) => writeSync(fd, text));
            }
            finally {
                closeSync(fd);
            }
        }
        catch (error) {
            const code = error.code;
            const why = code === 'EISDIR'
                ? 'is a directory'
                : code === 'ENOENT'
                    ? 'its directory does not exist'
                    : errorMessage(error);
            io.stderr.write(`plan-gate: cannot write ${target.file}: ${why}\n`);
            return EXIT.error;
        }
    }
    const stdout = options.targets.find((t) => t.file === undefined);
    if (stdout !== undefined) {
        const chunks = renderChunks(stdout.format, report, {
            ...deps,
            color,
            ...(Number.isInteger(columns) && columns > 0 ? { width: columns } : {})
        });
        writeInPieces(chunks, (text) => io.stdout.write(text));
    }
    if (options.quiet)
        io.stdout.write(renderQuiet(report, { color }));
    return exitCodeFor(report, options.failOn) === 0 ? EXIT.pass : EXIT.gate;
}
/** Writes the chunks in pieces of about 1 MiB: a huge report is never one string. */
function writeInPieces(chunks, write) {
    let pending = [];
    let size = 0;
    for (const chunk of chunks) {
        pending.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) {
            write(pending.join(''));
            pending = [];
            size = 0;
        }
    }
    if (pending.length > 0)
        write(pending.join(''));
}
/**
 * `process.stdin`, made on first use: only `-` and the agent commands read it, and making the
 * stream (a file, pipe or terminal reader) costs start-up time on every run.
 */
const lazyStdin = {
    [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
    get isTTY() {
        return process.stdin.isTTY;
    }
};
/** The process entry point. */
async function main() {
    process.exitCode = await run(process.argv.slice(2), {
        cwd: process.cwd(),
        stdin: lazyStdin,
        stdout: process.stdout,
        stderr: process.stderr,
        env: process.env
    });
}

var cli = /*#__PURE__*/Object.freeze({
    __proto__: null,
    EXIT: EXIT,
    HELP: HELP,
    main: main,
    parseArgs: parseArgs,
    run: run
});

export { ConfigError as C, DEFAULT_POLICY as D, CATEGORIES as a, cli as b, compileGlob as c };
