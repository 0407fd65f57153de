/*
 * The hot loops of the plan readers, compiled to WebAssembly (scripts/build-wasm.mjs).
 * Each function is an exact port of a JavaScript function that stays the reference and the
 * fallback (when WebAssembly is unavailable, for example under --jitless):
 *
 *   skip_value   peek.ts   skipValue        one JSON value, full grammar
 *   skip_unread  scan.ts   skipUnread       the grammar fast path through unread sections
 *   scan_lines   read.ts   skipHeaderOnly   whole JSON Lines messages of which only the header counts,
 *                                           and refresh_complete messages (refresh.ts: the address)
 *   state_resource  inventory.ts (the scanner's walk)  one resource object of prior_state:
 *                                           whether it counts as a managed resource
 *   peek_change  peek.ts   peekChange       the skeleton of a resource_changes element (the
 *                                           JavaScript then checks UTF-8 and makes the strings)
 *   project      project.ts                 the values of one changed element: the attributes
 *                                           the rules read, the string leaves that may carry ids,
 *                                           leaf counts (the reference is JSON.parse of the
 *                                           element plus the rules)
 *
 * Like their JavaScript twins they never decide anything on uncertain input: whenever the bytes
 * are invalid or outside what they model, they stop (or answer SLOW) and the JavaScript path
 * takes over and reports the precise error. UTF-8 is validated separately, for the whole input.
 *
 * The caller copies at most CAPACITY bytes into `buf` and passes offsets into it. No libc, no
 * allocation, no imports.
 */

#include <wasm_simd128.h>

typedef unsigned char u8;
typedef int i32;

#define CAPACITY (1 << 20)
#define MAX_DEPTH 65536   /* scan.ts MAX_DEPTH */
#define PEEK_DEPTH 512    /* peek.ts MAX_DEPTH */

#define SLOW (-1)
#define OUT_OF_BYTES (-2)

/* scan.ts grammar states */
#define G_KEY_OR_CLOSE 1
#define G_KEY 2
#define G_COLON 3
#define G_VALUE 4
#define G_VALUE_OR_CLOSE 5
#define G_AFTER 6

/* 16 bytes more: a 16-byte load at any index below CAPACITY stays inside. */
static u8 buf[CAPACITY + 16];
static u8 stk[MAX_DEPTH];
static u8 vstk[PEEK_DEPTH];
static i32 out[5];

u8 *buffer(void) { return buf; }
u8 *stack(void) { return stk; }
i32 *result(void) { return out; }
i32 capacity(void) { return CAPACITY; }

static inline int is_space(u8 c) { return c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09; }
static inline int is_digit(u8 c) { return (u8)(c - 0x30) < 10; }
static inline int is_hex(u8 c) {
  return is_digit(c) || (u8)((c | 0x20) - 0x61) < 6;
}
static inline int is_escape(u8 c) {
  return c == 0x22 || c == 0x5c || c == 0x2f || c == 0x62 || c == 0x66 || c == 0x6e ||
         c == 0x72 || c == 0x74;
}

static inline i32 ws(const u8 *b, i32 i, i32 n) {
  while (i < n && is_space(b[i])) i++;
  return i;
}

/* Set by skip_string: the string held a backslash escape. */
static int escaped;

/* peek.ts skipString: i is just past the opening quote. */
static i32 skip_string(const u8 *b, i32 i, i32 n) {
  escaped = 0;
  const v128_t quote = wasm_i8x16_splat(0x22);
  const v128_t backslash = wasm_i8x16_splat(0x5c);
  const v128_t space = wasm_i8x16_splat(0x20);
  for (;;) {
    /* Sixteen bytes at a time to the first quote, backslash or control character; bytes at or
       past n are loaded (the window has room) but masked off. */
    for (;;) {
      if (i >= n) return OUT_OF_BYTES;
      v128_t v = wasm_v128_load(b + i);
      v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, quote), wasm_i8x16_eq(v, backslash)),
                                wasm_u8x16_lt(v, space));
      i32 mask = wasm_i8x16_bitmask(hit);
      if (n - i < 16) mask &= (1 << (n - i)) - 1;
      if (mask != 0) {
        i += __builtin_ctz(mask);
        break;
      }
      i += 16;
    }
    u8 c = b[i];
    if (c == 0x22) return i + 1;
    if (c != 0x5c) return SLOW; /* raw control character */
    escaped = 1;
    if (i + 1 >= n) return OUT_OF_BYTES;
    u8 e = b[i + 1];
    if (e == 0x75) {
      if (i + 6 > n) return OUT_OF_BYTES;
      if (!is_hex(b[i + 2]) || !is_hex(b[i + 3]) || !is_hex(b[i + 4]) || !is_hex(b[i + 5]))
        return SLOW;
      i += 6;
    } else if (is_escape(e))
      i += 2;
    else
      return SLOW;
  }
}

/* peek.ts skipNumber: the caller checks what follows. */
static i32 skip_number(const u8 *b, i32 i, i32 n) {
  if (b[i] == 0x2d) i++;
  if (i >= n) return OUT_OF_BYTES;
  u8 c = b[i];
  if (c == 0x30)
    i++;
  else if (c >= 0x31 && c <= 0x39) {
    i++;
    while (i < n && is_digit(b[i])) i++;
  } else
    return SLOW;
  if (i < n && b[i] == 0x2e) {
    i++;
    i32 from = i;
    while (i < n && is_digit(b[i])) i++;
    if (i == from) return i >= n ? OUT_OF_BYTES : SLOW;
  }
  if (i < n && (b[i] == 0x65 || b[i] == 0x45)) {
    i++;
    if (i < n && (b[i] == 0x2b || b[i] == 0x2d)) i++;
    i32 from = i;
    while (i < n && is_digit(b[i])) i++;
    if (i == from) return i >= n ? OUT_OF_BYTES : SLOW;
  }
  return i;
}

/* peek.ts skipLiteral: `true`, `false` or `null`, by its first byte (checked by the caller). */
static i32 skip_literal(const u8 *b, i32 i, i32 n) {
  const char *word = b[i] == 0x74 ? "true" : b[i] == 0x66 ? "false" : "null";
  i32 k = 1;
  for (; word[k] != 0; k++) {
    if (i + k >= n) return OUT_OF_BYTES;
    if (b[i + k] != (u8)word[k]) return SLOW;
  }
  return i + k;
}

static i32 skip_scalar(const u8 *b, i32 i, i32 n) {
  u8 c = b[i];
  if (c == 0x22) return skip_string(b, i + 1, n);
  if (c == 0x74 || c == 0x66 || c == 0x6e) return skip_literal(b, i, n);
  if (c == 0x2d || is_digit(c)) return skip_number(b, i, n);
  return SLOW;
}

static i32 skip_key(const u8 *b, i32 i, i32 n) {
  if (b[i] != 0x22) return SLOW;
  i = skip_string(b, i + 1, n);
  if (i < 0) return i;
  i = ws(b, i, n);
  if (i >= n) return OUT_OF_BYTES;
  if (b[i] != 0x3a) return SLOW;
  i = ws(b, i + 1, n);
  return i >= n ? OUT_OF_BYTES : i;
}

#define OBJECT 1
#define ARRAY 2

/* peek.ts skipValue: one value starting at i (no leading whitespace). */
static i32 skip_value_in(const u8 *b, i32 i, i32 n) {
  i32 depth = 0;
  for (;;) {
    if (i >= n) return OUT_OF_BYTES;
    u8 c = b[i];
    if (c == 0x22) {
      i = skip_string(b, i + 1, n);
      if (i < 0) return i;
    } else if (c == 0x7b || c == 0x5b) {
      if (depth == PEEK_DEPTH) return SLOW;
      i = ws(b, i + 1, n);
      if (i >= n) return OUT_OF_BYTES;
      if (b[i] == c + 2)
        i++;
      else {
        vstk[depth++] = c == 0x7b ? OBJECT : ARRAY;
        if (c == 0x7b) {
          i = skip_key(b, i, n);
          if (i < 0) return i;
        }
        continue;
      }
    } else {
      i = skip_scalar(b, i, n);
      if (i < 0) return i;
    }
    for (;;) {
      if (depth == 0) return i;
      i = ws(b, i, n);
      if (i >= n) return OUT_OF_BYTES;
      u8 d = b[i];
      u8 kind = vstk[depth - 1];
      if (d == 0x2c) {
        i = ws(b, i + 1, n);
        if (i >= n) return OUT_OF_BYTES;
        if (kind == OBJECT) {
          i = skip_key(b, i, n);
          if (i < 0) return i;
        }
        break;
      }
      if (d != (kind == OBJECT ? 0x7d : 0x5d)) return SLOW;
      depth--;
      i++;
    }
  }
}

i32 skip_value(i32 i, i32 n) { return skip_value_in(buf, i, n); }

/*
 * scan.ts skipUnread over stk[0, depth): returns where it stopped; out[0] = depth,
 * out[1] = state.
 */
i32 skip_unread(i32 i, i32 n, i32 depth, i32 state, i32 floor) {
  const u8 *b = buf;
  while (i < n) {
    u8 c = b[i];
    if (c <= 0x20) {
      if (!is_space(c)) break;
      i++;
      continue;
    }
    if (state == G_AFTER) {
      u8 kind = stk[depth - 1];
      if (c == 0x2c)
        state = kind == G_KEY_OR_CLOSE ? G_KEY : G_VALUE;
      else if (c == (kind == G_KEY_OR_CLOSE ? 0x7d : 0x5d) && depth > floor)
        depth--;
      else
        break;
      i++;
      continue;
    }
    if (state == G_COLON) {
      if (c != 0x3a) break;
      state = G_VALUE;
      i++;
      continue;
    }
    i32 end;
    if (c == 0x22) {
      end = skip_string(b, i + 1, n);
      if (end < 0) break;
      state = state == G_KEY || state == G_KEY_OR_CLOSE ? G_COLON : G_AFTER;
      i = end;
      continue;
    }
    if (state == G_KEY || state == G_KEY_OR_CLOSE) {
      if (c != 0x7d || state != G_KEY_OR_CLOSE || depth <= floor) break;
      depth--;
      state = G_AFTER;
      i++;
      continue;
    }
    if (c == 0x7b || c == 0x5b) {
      if (depth == MAX_DEPTH) break;
      state = c == 0x7b ? G_KEY_OR_CLOSE : G_VALUE_OR_CLOSE;
      stk[depth++] = (u8)state;
      i++;
      continue;
    }
    if (c == 0x5d) {
      if (state != G_VALUE_OR_CLOSE || depth <= floor) break;
      depth--;
      state = G_AFTER;
      i++;
      continue;
    }
    if (c == 0x74 || c == 0x66 || c == 0x6e)
      end = skip_literal(b, i, n);
    else if (c == 0x2d || is_digit(c))
      end = skip_number(b, i, n);
    else
      break;
    if (end < 0 || end >= n || is_digit(b[end])) break;
    state = G_AFTER;
    i = end;
  }
  out[0] = depth;
  out[1] = state;
  return i;
}

/* The message types read.ts reads more of than the header (stream.ts READ_TYPES). */
static int is_word(const u8 *b, i32 from, i32 to, const char *word) {
  i32 k = 0;
  for (; word[k] != 0; k++)
    if (from + k >= to || b[from + k] != (u8)word[k]) return 0;
  return from + k == to;
}

/* Refresh addresses of the lines scan_lines handled: rout[0] = count, then (from, to, escaped)
   for each: the string literal's body, quotes excluded. */
#define RCAP 4096
static i32 rout[1 + 3 * RCAP];
i32 *refresh_out(void) { return rout; }

/* Roles of the objects on the way to hook.resource.addr (vrole, next to vstk). */
#define R_OTHER 0
#define R_TOP 1
#define R_HOOK 2
#define R_RESOURCE 3
#define R_ADDR 4 /* the value of an `addr` key of a resource */
static u8 vrole[PEEK_DEPTH];

static int read_type(const u8 *b, i32 from, i32 to) {
  return is_word(b, from, to, "version") || is_word(b, from, to, "planned_change") ||
         is_word(b, from, to, "resource_drift") || is_word(b, from, to, "diagnostic") ||
         is_word(b, from, to, "change_summary") || is_word(b, from, to, "refresh_complete");
}

/*
 * One line [i, e) of a UI message log: 1 when it is an ASCII JSON object (full grammar) whose
 * string `type` is a header-only type; out[3] += 1 when its `@level` is "error". Also 1 for a
 * refresh_complete message, whose `hook.resource.addr`, when a string, goes into rout (as
 * refresh.ts refreshAddress reads it: the last of repeated keys; an escaped key on the way
 * gives 0). 2: such an object whose `type` is one read.ts parses (no header peek can skip it).
 * 0: the JavaScript path must look at it.
 */
static int header_line(const u8 *b, i32 i, i32 e) {
  i = ws(b, i, e);
  if (i >= e || b[i] != 0x7b) return 0;
  i32 type_from = -1, type_to = -1;
  int level_error = 0, seen = 0;
  i32 depth = 0;
  /* The address so far (-1: none), and the role the next value gets. */
  i32 addr_from = -1, addr_to = -1, addr_escaped = 0;
  u8 next = R_TOP;
  for (;;) {
    /* at a key or the close of an object, or a value */
    u8 c = b[i];
    if (c == 0x7b || c == 0x5b) {
      if (depth == PEEK_DEPTH) return 0;
      i = ws(b, i + 1, e);
      if (i >= e) return 0;
      u8 role = c == 0x7b && next != R_ADDR ? next : R_OTHER;
      next = R_OTHER;
      if (b[i] == c + 2) {
        i++;
        goto after;
      }
      vrole[depth] = role;
      vstk[depth++] = c == 0x7b ? OBJECT : ARRAY;
      if (c == 0x7b) goto key;
      continue;
    }
    next = R_OTHER;
    if (c == 0x22) {
      i = skip_string(b, i + 1, e);
      if (i < 0) return 0;
    } else {
      i = skip_scalar(b, i, e);
      if (i < 0) return 0;
    }
  after:
    for (;;) {
      if (depth == 0) {
        i = ws(b, i, e);
        if (i != e || type_from < 0) return 0;
        if (is_word(b, type_from, type_to, "refresh_complete")) {
          /* (stream.ts counts no `@level` of a refresh_complete message) */
          if (addr_from >= 0) {
            i32 k = 1 + 3 * rout[0]++;
            rout[k] = addr_from;
            rout[k + 1] = addr_to;
            rout[k + 2] = addr_escaped;
          }
          return 1;
        }
        if (read_type(b, type_from, type_to)) return 2;
        if (level_error) out[3]++;
        return 1;
      }
      i = ws(b, i, e);
      if (i >= e) return 0;
      u8 d = b[i];
      u8 kind = vstk[depth - 1];
      if (d == 0x2c) {
        i = ws(b, i + 1, e);
        if (i >= e) return 0;
        if (kind == OBJECT) goto key;
        break;
      }
      if (d != (kind == OBJECT ? 0x7d : 0x5d)) return 0;
      depth--;
      i++;
    }
    continue;
  key : {
    if (b[i] != 0x22) return 0;
    i32 from = i + 1;
    i = skip_string(b, from, e);
    if (i < 0) return 0;
    i32 to = i - 1;
    int slot = 0;
    u8 role = vrole[depth - 1];
    if (role != R_OTHER && escaped) return 0; /* an escaped key might be one of ours */
    if (depth == 1) {
      if (is_word(b, from, to, "type"))
        slot = 1;
      else if (is_word(b, from, to, "@level"))
        slot = 2;
      if (slot != 0) {
        if (seen & slot) return 0; /* repeated: JSON.parse keeps the last */
        seen |= slot;
      }
    }
    /* The last `hook`, its last `resource`, that one's last `addr` count: a key coming again
       forgets what the earlier one gave. */
    if (role == R_TOP && is_word(b, from, to, "hook")) {
      addr_from = -1;
      next = R_HOOK;
    } else if (role == R_HOOK && is_word(b, from, to, "resource")) {
      addr_from = -1;
      next = R_RESOURCE;
    } else if (role == R_RESOURCE && is_word(b, from, to, "addr")) {
      addr_from = -1;
      next = R_ADDR;
    }
    i = ws(b, i, e);
    if (i >= e || b[i] != 0x3a) return 0;
    i = ws(b, i + 1, e);
    if (i >= e) return 0;
    if (next == R_ADDR && b[i] == 0x22) {
      i32 start = i + 1;
      i = skip_string(b, start, e);
      if (i < 0) return 0;
      addr_from = start;
      addr_to = i - 1;
      addr_escaped = escaped;
      next = R_OTHER;
      goto after;
    }
    if (slot != 0) {
      /* `type` must be a string; `@level` counts only as a string. Escapes: the slow path. */
      if (b[i] != 0x22) {
        if (slot == 1) return 0;
      } else {
        i32 start = i + 1;
        i = skip_string(b, start, e);
        if (i < 0 || escaped) return 0;
        if (slot == 1) {
          type_from = start;
          type_to = i - 1;
        } else
          level_error = is_word(b, start, i - 1, "error");
        goto after;
      }
    }
    continue;
  }
  }
}

/*
 * Handles whole lines from i while they are header-only messages, stopping at the first line
 * that is not (or that is not ASCII) and before an incomplete last line. Returns the start of
 * the line it stopped at; out[0] = 1 when a complete line starts there (its newline at out[1]),
 * 0 when no newline is left. out[2] = lines handled, out[3] = of them at `@level` "error",
 * out[4] = 1 when the line it stopped at is one header_line gave 2 (parse it, nothing to peek).
 */
/* The first newline or non-ASCII byte from e, or n. */
static i32 line_end(const u8 *b, i32 e, i32 n) {
  const v128_t newline = wasm_i8x16_splat(0x0a);
  for (; e < n; e += 16) {
    v128_t v = wasm_v128_load(b + e);
    /* The bitmask takes each lane's top bit: set for a newline (all ones) or a byte >= 0x80. */
    i32 mask = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(v, newline), v));
    if (n - e < 16) mask &= (1 << (n - e)) - 1;
    if (mask != 0) return e + __builtin_ctz(mask);
  }
  return n;
}

i32 scan_lines(i32 i, i32 n) {
  const u8 *b = buf;
  out[2] = 0;
  out[3] = 0;
  out[4] = 0;
  rout[0] = 0;
  for (;;) {
    i32 e = line_end(b, i, n);
    if (rout[0] == RCAP) {
      /* No room for another address: the JavaScript reads this line, then calls again. */
      while (e < n && b[e] != 0x0a) e++;
      if (e >= n) break;
      out[0] = 1;
      out[1] = e;
      return i;
    }
    if (e < n && b[e] >= 0x80) {
      while (e < n && b[e] != 0x0a) e++;
      if (e >= n) break;
      out[0] = 1;
      out[1] = e;
      return i;
    }
    if (e >= n) break;
    int h = header_line(b, i, e);
    if (h != 1) {
      out[0] = 1;
      out[1] = e;
      out[4] = h == 2;
      return i;
    }
    out[2]++;
    i = e + 1;
  }
  out[0] = 0;
  return i;
}

/* ---- peek_change: the skeleton of one resource_changes element, for peek.ts ----------------- */

/*
 * Output of peek_change: pout[3f .. 3f+2] = start, end and 1 if escaped of the value of field f
 * (peek.ts PEEK_FIELDS order; start -1: absent); pout[30 .. 41] = [start, end) of each of
 * peek.ts VALUE_KEYS in `change`, relative to the element's `{` (-1: absent); pout[42] = 1 when
 * `change.importing` is there and not null; pout[43] = the number of actions, pout[44] = the
 * fields seen (bit f), and from pout[45] start, end and 1 if escaped of each action string.
 */
#define PEEK_FIELDS 10
#define ACTIONS_MAX 16
static i32 pout[45 + 3 * ACTIONS_MAX];

i32 *peek_out(void) { return pout; }

static const char *const FIELD_NAMES[PEEK_FIELDS] = {
    "address", "module_address", "mode",    "type",             "name",
    "index",   "provider_name",  "deposed", "previous_address", "action_reason"};
static const char *const VALUE_NAMES[6] = {"before",           "after",           "after_unknown",
                                           "before_sensitive", "after_sensitive", "replace_paths"};

/* Index into FIELD_NAMES of the key [from, to), PEEK_FIELDS for `change`, or -1. */
static int field_of(const u8 *b, i32 from, i32 to) {
  for (int f = 0; f < PEEK_FIELDS; f++)
    if (is_word(b, from, to, FIELD_NAMES[f])) return f;
  return is_word(b, from, to, "change") ? PEEK_FIELDS : -1;
}

/* `"key" :` and the whitespace after it, i at the quote: the index of the value; the key's span
   (without quotes) in *from, *to. Escaped keys answer SLOW, as in peek.ts. */
static i32 peek_key(const u8 *b, i32 i, i32 n, i32 *from, i32 *to) {
  if (b[i] != 0x22) return SLOW;
  *from = i + 1;
  i = skip_string(b, i + 1, n);
  if (i < 0) return i;
  if (escaped) return SLOW;
  *to = i - 1;
  i = ws(b, i, n);
  if (i >= n) return OUT_OF_BYTES;
  if (b[i] != 0x3a) return SLOW;
  i = ws(b, i + 1, n);
  return i >= n ? OUT_OF_BYTES : i;
}

/* After a member: the index after its `,` and whitespace (*more = 1) or after the closing `}`. */
static i32 peek_next(const u8 *b, i32 i, i32 n, int *more) {
  i = ws(b, i, n);
  if (i >= n) return OUT_OF_BYTES;
  u8 c = b[i++];
  *more = c == 0x2c;
  if (c == 0x7d) return i;
  if (c != 0x2c) return SLOW;
  i = ws(b, i, n);
  return i >= n ? OUT_OF_BYTES : i;
}

/* peek.ts peekChangeBody: the `change` object at i of the element at `base`. */
static i32 peek_body(const u8 *b, i32 i, i32 n, i32 base) {
  i32 actions = -1, importing = -1, from = 0, to = 0;
  for (int k = 30; k < 42; k++) pout[k] = -1;
  i = ws(b, i + 1, n);
  if (i >= n) return OUT_OF_BYTES;
  if (b[i] == 0x7d) return SLOW;
  for (int more = 1; more;) {
    i = peek_key(b, i, n, &from, &to);
    if (i < 0) return i;
    if (is_word(b, from, to, "actions")) {
      if (actions >= 0 || b[i] != 0x5b) return SLOW;
      actions = 0;
      i = ws(b, i + 1, n);
      if (i >= n) return OUT_OF_BYTES;
      if (b[i] == 0x5d)
        i++;
      else
        for (;;) {
          if (b[i] != 0x22) return SLOW;
          i32 s = i;
          i = skip_string(b, i + 1, n);
          if (i < 0) return i;
          for (i32 k = s; k < i; k++)
            if (b[k] >= 0x80) return SLOW; /* never a known action */
          if (actions == ACTIONS_MAX) return SLOW; /* peek.ts reads them */
          pout[45 + 3 * actions] = s;
          pout[46 + 3 * actions] = i;
          pout[47 + 3 * actions] = escaped;
          actions++;
          i = ws(b, i, n);
          if (i >= n) return OUT_OF_BYTES;
          u8 c = b[i++];
          if (c == 0x5d) break;
          if (c != 0x2c) return SLOW;
          i = ws(b, i, n);
          if (i >= n) return OUT_OF_BYTES;
        }
    } else if (is_word(b, from, to, "importing")) {
      if (importing >= 0) return SLOW;
      importing = !(b[i] == 0x6e && skip_literal(b, i, n) > 0);
      i = skip_value_in(b, i, n);
      if (i < 0) return i;
    } else {
      int v = 0;
      while (v < 6 && !is_word(b, from, to, VALUE_NAMES[v])) v++;
      if (v < 6) {
        if (pout[30 + 2 * v] >= 0) return SLOW; /* repeated: JSON.parse keeps the last */
        pout[30 + 2 * v] = i - base;
      }
      i = skip_value_in(b, i, n);
      if (i < 0) return i;
      if (v < 6) pout[31 + 2 * v] = i - base;
    }
    i = peek_next(b, i, n, &more);
    if (i < 0) return i;
  }
  if (actions < 0) return SLOW;
  pout[42] = importing == 1;
  pout[43] = actions;
  return i;
}

/*
 * peek.ts peekChange for the object at `start` in buf, up to n: the index after it (pout holds
 * what it found) or SLOW / OUT_OF_BYTES, where the JavaScript peeks again (it also reads
 * elements with more than ACTIONS_MAX actions) and has the last word. UTF-8 is checked there.
 */
i32 peek_change(i32 start, i32 n) {
  const u8 *b = buf;
  i32 seen = 0, change = 0, from = 0, to = 0;
  if (start >= n || b[start] != 0x7b) return SLOW;
  i32 i = ws(b, start + 1, n);
  if (i >= n) return OUT_OF_BYTES;
  if (b[i] == 0x7d) return SLOW; /* `{}`: let fromShowJson report it */
  for (int more = 1; more;) {
    i = peek_key(b, i, n, &from, &to);
    if (i < 0) return i;
    int f = field_of(b, from, to);
    if (f >= 0 && f < PEEK_FIELDS) {
      if (seen & (1 << f)) return SLOW; /* repeated: JSON.parse keeps the last */
      seen |= 1 << f;
      pout[3 * f] = i;
      i = skip_scalar(b, i, n);
      if (i < 0) return i;
      pout[3 * f + 1] = i;
      pout[3 * f + 2] = escaped;
    } else if (f == PEEK_FIELDS) {
      if (change || b[i] != 0x7b) return SLOW;
      i = peek_body(b, i, n, start);
      if (i < 0) return i;
      change = 1;
    } else {
      i = skip_value_in(b, i, n);
      if (i < 0) return i;
    }
    i = peek_next(b, i, n, &more);
    if (i < 0) return i;
  }
  if (!change) return SLOW;
  pout[44] = seen;
  return i;
}

/* ---- state_resource: one resource of prior_state for inventory.ts -------------------------- */

/*
 * The resource object at b[i] ('{'), checked against the full grammar: returns the index after
 * it, with out[0] = 1 when its last `mode` is the string "managed" and out[1] = 1 when it has a
 * `deposed_key` (what the scanner's walk tells inventory.ts). SLOW when a key or the mode is
 * written with an escape, or on anything invalid; OUT_OF_BYTES when it is cut. Then the
 * scanner walks the object itself.
 */
i32 state_resource(i32 i, i32 n) {
  const u8 *b = buf;
  int managed = 0, deposed = 0;
  i = ws(b, i + 1, n);
  if (i >= n) return OUT_OF_BYTES;
  if (b[i] == 0x7d) {
    out[0] = 0;
    out[1] = 0;
    return i + 1;
  }
  for (;;) {
    if (b[i] != 0x22) return SLOW;
    i32 from = i + 1;
    i = skip_string(b, from, n);
    if (i < 0) return i;
    if (escaped) return SLOW;
    i32 to = i - 1;
    i = ws(b, i, n);
    if (i >= n) return OUT_OF_BYTES;
    if (b[i] != 0x3a) return SLOW;
    i = ws(b, i + 1, n);
    if (i >= n) return OUT_OF_BYTES;
    int mode = is_word(b, from, to, "mode");
    if (is_word(b, from, to, "deposed_key")) deposed = 1;
    i32 value = i;
    i = skip_value_in(b, i, n);
    if (i < 0) return i;
    if (mode) {
      /* the last `mode` decides, as in JSON.parse */
      managed = 0;
      if (b[value] == 0x22) {
        if (escaped) return SLOW;
        managed = is_word(b, value + 1, i - 1, "managed");
      }
    }
    i = ws(b, i, n);
    if (i >= n) return OUT_OF_BYTES;
    if (b[i] == 0x7d) {
      out[0] = managed;
      out[1] = deposed;
      return i + 1;
    }
    if (b[i] != 0x2c) return SLOW;
    i = ws(b, i + 1, n);
    if (i >= n) return OUT_OF_BYTES;
  }
}

/* ---- project: the values of one changed element, for project.ts ----------------------------- */

/* A second window for elements that did not arrive in one chunk (copied there by the caller). */
static u8 side_buf[CAPACITY + 16];
/* The kept parts of the values, as one JSON array (see project). It is never longer than the
   element plus a few brackets; 16 bytes more for put()'s last store. */
static u8 gout[CAPACITY + 64 + 16];
static i32 g;
/* The string leaves and counts (see project). */
#define WOUT 65536
static i32 wout[WOUT];
static i32 w;
/* [start, end) of before, after, after_unknown, before_sensitive and after_sensitive relative
   to the element (peek.ts VALUE_KEYS order), start -1 when absent: set by the caller. */
static i32 pspans[10];
/* String prefixes that are wanted anywhere: each a length byte and the bytes, a zero length
   ending the list. */
static u8 tables[4096];

/* The attribute names project looks for: every name the caller registered (add_name), by
   index, with a hash index over them; the set of indexes `wanted` (kept) for the current
   element, and the set `radius`, whose string leaves are wanted at any depth. */
#define NAMES 1024
#define NAME_BYTES 16384
#define NAME_SLOTS 2048
static u8 name_bytes[NAME_BYTES];
static i32 name_from[NAMES];
static i32 name_len[NAMES];
static i32 names, name_used;
static i32 slot_name[NAME_SLOTS]; /* index + 1; 0: empty */
static unsigned slot_hash[NAME_SLOTS];
static u8 wanted[NAMES / 8];
static u8 radius[NAMES / 8];
/* Where the caller writes the name add_name registers. */
static u8 name_in[256 + 16];

/* The top-level members of before (0) and after (1) under which a string leaf was recorded:
   their masks keep those members too. */
#define TOPS 4096
static i32 tops_from[2][TOPS];
static i32 tops_to[2][TOPS];
static unsigned tops_hash[2][TOPS];
static i32 tops_n[2];

#define WALK_DEPTH 512
static u8 wkind[WALK_DEPTH];
static u8 wnear[WALK_DEPTH];
static i32 widx[WALK_DEPTH];
static i32 wks[WALK_DEPTH];
static i32 wke[WALK_DEPTH];
static unsigned wserial[WALK_DEPTH];
static unsigned whash[WALK_DEPTH];

/* Repeated keys: (object, key hash) pairs of this walk; a generation number clears them. */
#define DUP_BITS 13
#define DUP_SLOTS (1 << DUP_BITS)
static unsigned dup_fp[DUP_SLOTS];
static unsigned dup_gen_of[DUP_SLOTS];
static unsigned dup_gen;
static i32 dup_count;

u8 *side(void) { return side_buf; }
i32 *walk_out(void) { return wout; }
u8 *walk_tables(void) { return tables; }
i32 *project_spans(void) { return pspans; }
u8 *project_text(void) { return gout; }
u8 *project_names(void) { return wanted; }
u8 *radius_names(void) { return radius; }
u8 *name_input(void) { return name_in; }

/* A hash of a key's bytes, sixteen at a time (FNV-1a byte by byte waits on a multiplication
   per byte): each block, its bytes past `to` zeroed, is folded into the hash with two
   multiplications. Reads up to 15 bytes past `to` (every buffer has room). */
static unsigned key_hash(const u8 *b, i32 from, i32 to) {
  const v128_t iota = wasm_i8x16_make(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  unsigned long long h = 0x9e3779b97f4a7c15ull ^ (unsigned long long)(to - from);
  for (i32 k = from; k < to; k += 16) {
    v128_t v = wasm_v128_load(b + k);
    if (to - k < 16)
      v = wasm_v128_and(v, wasm_i8x16_lt(iota, wasm_i8x16_splat((signed char)(to - k))));
    unsigned long long lo = wasm_i64x2_extract_lane(v, 0), hi = wasm_i64x2_extract_lane(v, 1);
    h = (h ^ lo) * 0xff51afd7ed558ccdull;
    h = (h ^ hi ^ (h >> 29)) * 0xc4ceb9fe1a85ec53ull;
  }
  h ^= h >> 32;
  return (unsigned)h;
}

static int same_bytes(const u8 *a, const u8 *b, i32 len) {
  i32 k = 0;
  while (k < len && a[k] == b[k]) k++;
  return k == len;
}

/* The index of the name [from, to) of b (hash h) among the registered names, or -1. */
static i32 name_index(const u8 *b, i32 from, i32 to, unsigned h) {
  for (unsigned s = h & (NAME_SLOTS - 1); slot_name[s] != 0; s = (s + 1) & (NAME_SLOTS - 1)) {
    i32 x = slot_name[s] - 1;
    if (slot_hash[s] == h && name_len[x] == to - from &&
        same_bytes(name_bytes + name_from[x], b + from, to - from))
      return x;
  }
  return -1;
}

/* Registers the name in name_in[0, len): its index (the same one for the same bytes), or -1
   when the table is full (then the caller parses elements that need it whole). */
__attribute__((no_builtin("memcpy"))) i32 add_name(i32 len) {
  if (len < 0 || len > 255) return -1;
  unsigned h = key_hash(name_in, 0, len);
  i32 x = name_index(name_in, 0, len, h);
  if (x >= 0) return x;
  if (names == NAMES || name_used + len > NAME_BYTES) return -1;
  x = names++;
  name_from[x] = name_used;
  name_len[x] = len;
  for (i32 k = 0; k < len; k++) name_bytes[name_used++] = name_in[k];
  unsigned s = h & (NAME_SLOTS - 1);
  while (slot_name[s] != 0) s = (s + 1) & (NAME_SLOTS - 1);
  slot_name[s] = x + 1;
  slot_hash[s] = h;
  return x;
}

static int has(const u8 *set, i32 x) { return x >= 0 && (set[x >> 3] >> (x & 7)) & 1; }

/* Whether the top-level member named [from, to) (hash h, name index x) is kept: a wanted name,
   or (keep 0 or 1) a member of that side under which a string leaf lies. */
static int kept(const u8 *b, i32 from, i32 to, unsigned h, i32 x, i32 keep) {
  if (has(wanted, x)) return 1;
  if (keep < 0) return 0;
  for (i32 t = 0; t < tops_n[keep]; t++) {
    i32 at = tops_from[keep][t], len = tops_to[keep][t] - at;
    if (tops_hash[keep][t] == h && len == to - from && same_bytes(b + at, b + from, len)) return 1;
  }
  return 0;
}

/* Copies [from, to) of b to gout, 16 bytes at a time (both have room past the end). No libc:
   the loop must not become a memcpy call. */
__attribute__((no_builtin("memcpy"))) static void put(const u8 *b, i32 from, i32 to) {
  for (i32 k = from; k < to; k += 16) wasm_v128_store(gout + g + (k - from), wasm_v128_load(b + k));
  g += to - from;
}

/* 1 when (object, key) was seen before in this walk, or when the table is full (both: take
   the slow path; a hash collision only costs that). */
static int dup_seen(unsigned serial, unsigned h) {
  unsigned fp = (h ^ (serial * 0x9e3779b1u)) * 0x85ebca6bu;
  fp ^= fp >> 16;
  if (++dup_count > DUP_SLOTS / 2) return 1;
  unsigned slot = (fp * 0x9e3779b1u) >> (32 - DUP_BITS);
  while (dup_gen_of[slot] == dup_gen) {
    if (dup_fp[slot] == fp) return 1;
    slot = (slot + 1) & (DUP_SLOTS - 1);
  }
  dup_gen_of[slot] = dup_gen;
  dup_fp[slot] = fp;
  return 0;
}
/* Whether [from, to) starts with one of the words of the list at t (which ends with a zero
   length). */
static int has_prefix(const u8 *t, const u8 *b, i32 from, i32 to) {
  for (i32 p = 0; t[p] != 0; p += 1 + t[p]) {
    i32 len = t[p];
    if (to - from < len) continue;
    i32 k = 0;
    while (k < len && b[from + k] == t[p + 1 + k]) k++;
    if (k == len) return 1;
  }
  return 0;
}

/* Whether [from, to) holds a byte >= 0x80, 16 at a time (reads up to 15 bytes past `to`). */
static int non_ascii(const u8 *b, i32 from, i32 to) {
  for (i32 k = from; k < to; k += 16) {
    i32 mask = wasm_i8x16_bitmask(wasm_v128_load(b + k));
    if (to - k < 16) mask &= (1 << (to - k)) - 1;
    if (mask != 0) return 1;
  }
  return 0;
}

/* Whether the escaped string body [from, to) may start with one of the words of the list at t
   once unescaped: bytes before its first backslash are the text itself, so a word that differs
   from them cannot be its start; one that agrees up to a backslash might. */
static int may_have_prefix(const u8 *t, const u8 *b, i32 from, i32 to) {
  for (i32 p = 0; t[p] != 0; p += 1 + t[p]) {
    i32 len = t[p];
    i32 k = 0;
    while (k < len && from + k < to && b[from + k] != 0x5c && b[from + k] == t[p + 1 + k]) k++;
    if (k == len || (from + k < to && b[from + k] == 0x5c)) return 1;
  }
  return 0;
}

/*
 * One JSON object [i, n) of b, already checked against the grammar by peekChange; anything
 * unexpected still answers SLOW. Returns the index after it, or SLOW. Every escaped key and
 * every repeated key (in any object walked) answers SLOW: then the JavaScript parses the
 * element whole.
 *
 * Appends to gout one object of the top-level members that are kept (kept(), `keep`), each
 * copied as it is, `"key": value`: JSON.parse of it gives exactly those members of JSON.parse of
 * the whole object.
 *
 * side = -1: only the top-level members. side = 0 (before) or 1 (after): also what
 * blast-radius.ts `walk` visits (values at depth <= maxd, the root at depth 0): wout[side] =
 * the number of leaves it counts (scalars and empty containers), and a record in wout for every
 * string leaf that starts with a listed prefix (or might, once unescaped: may_have_prefix) or
 * whose nearest attribute name is in `radius`, wout[2 + side] = their number; the top-level
 * members they lie under go into tops[side]. Non-empty containers at depth >= maxd are skipped. A record is: start, end, flags (1: escaped, 2: a byte >= 0x80), depth
 * d, then d triples (key start, key end, key hash) or (-1, index, 0), its path; key spans
 * exclude the quotes, string spans include them.
 */
static i32 walk(const u8 *b, i32 i, i32 n, i32 side, i32 maxd, i32 keep) {
  int deep = side >= 0;
  i32 depth = 0, leaves = 0, strings = 0;
  /* The kept top-level member being read: where its key's quote is, else -1. */
  i32 member = -1;
  /* No kept member copied yet; a string leaf was recorded under the current top-level member. */
  int first = 1, marked = 0;
  unsigned serial = 0;
  int near = 0;
  dup_gen++;
  dup_count = 0;
  if (i >= n || b[i] != 0x7b) return SLOW;
  gout[g++] = 0x7b;
  for (;;) {
    /* A value at depth `depth` starts at i. */
    if (i >= n) return SLOW;
    u8 c = b[i];
    int counted = deep && depth <= maxd;
    if (c == 0x7b || c == 0x5b) {
      i32 j = ws(b, i + 1, n);
      if (j >= n) return SLOW;
      if (b[j] == c + 2) {
        if (counted) leaves++;
        i = j + 1;
      } else if (depth > 0 && (!deep || depth >= maxd)) {
        i = skip_value_in(b, i, n);
        if (i < 0) return SLOW;
      } else {
        if (depth == WALK_DEPTH) return SLOW;
        wkind[depth] = c == 0x7b ? OBJECT : ARRAY;
        wnear[depth] = near;
        widx[depth] = 0;
        wserial[depth] = ++serial;
        depth++;
        i = j;
        goto member;
      }
    } else if (c == 0x22) {
      i32 e = skip_string(b, i + 1, n);
      if (e < 0) return SLOW;
      if (counted) {
        leaves++;
        if (near || has_prefix(tables, b, i + 1, e - 1) ||
            (escaped && may_have_prefix(tables, b, i + 1, e - 1))) {
          if (w + 4 + 3 * depth > WOUT) return SLOW;
          wout[w] = i;
          wout[w + 1] = e;
          wout[w + 2] = escaped | non_ascii(b, i + 1, e - 1) << 1;
          wout[w + 3] = depth;
          w += 4;
          for (i32 l = 0; l < depth; l++) {
            int object = wkind[l] == OBJECT;
            wout[w++] = object ? wks[l] : -1;
            wout[w++] = object ? wke[l] : widx[l];
            wout[w++] = object ? (i32)whash[l] : 0;
          }
          strings++;
          if (!marked) {
            /* depth >= 1: the root is an object, so the leaf lies under a top-level member. */
            i32 t = tops_n[side];
            if (t == TOPS) return SLOW;
            tops_from[side][t] = wks[0];
            tops_to[side][t] = wke[0];
            tops_hash[side][t] = whash[0];
            tops_n[side] = t + 1;
            marked = 1;
          }
        }
      }
      i = e;
    } else {
      i = skip_scalar(b, i, n);
      if (i < 0) return SLOW;
      if (counted) leaves++;
    }
    /* After a value: a comma and the next member, or closing brackets. */
    for (;;) {
      if (depth == 1 && member >= 0) {
        if (!first) gout[g++] = 0x2c;
        put(b, member, i);
        first = 0;
        member = -1;
      }
      if (depth == 0) {
        gout[g++] = 0x7d;
        if (deep) {
          wout[side] = leaves;
          wout[2 + side] = strings;
        }
        return i;
      }
      i = ws(b, i, n);
      if (i >= n) return SLOW;
      u8 d = b[i];
      u8 kind = wkind[depth - 1];
      if (d == 0x2c) {
        i = ws(b, i + 1, n);
        if (kind == ARRAY) {
          widx[depth - 1]++;
          near = wnear[depth - 1];
          break;
        }
        goto member;
      }
      if (d != (kind == OBJECT ? 0x7d : 0x5d)) return SLOW;
      depth--;
      i++;
    }
    continue;
  member:
    /* The next member of the innermost open container (an object: its key first). */
    if (wkind[depth - 1] == ARRAY) {
      near = wnear[depth - 1];
      continue;
    }
    if (i >= n || b[i] != 0x22) return SLOW;
    {
      i32 e = skip_string(b, i + 1, n);
      if (e < 0 || escaped) return SLOW;
      unsigned h = key_hash(b, i + 1, e - 1);
      if (dup_seen(wserial[depth - 1], h)) return SLOW;
      wks[depth - 1] = i + 1;
      wke[depth - 1] = e - 1;
      whash[depth - 1] = h;
      i32 x = name_index(b, i + 1, e - 1, h);
      near = deep && has(radius, x);
      if (depth == 1) {
        member = kept(b, i + 1, e - 1, h, x, keep) ? i : -1;
        marked = 0;
      }
      i = ws(b, e, n);
      if (i >= n || b[i] != 0x3a) return SLOW;
      i = ws(b, i + 1, n);
    }
  }
}

/*
 * The values of one changed element (in buf at offset o, or in side_buf when `which` is 1),
 * where project_spans() says, for project.ts: 1, or SLOW when they cannot be given with
 * certainty.
 *
 * gout[0, wout[5]) is one JSON array of five: before, after, after_unknown, before_sensitive,
 * after_sensitive, each `0` when absent. before and after must be objects (walked with side 0
 * and 1: their kept members) or null; an object mask holds its kept members and, for
 * before_sensitive and after_sensitive, those under which a string leaf of its side lies; any
 * other mask is copied whole. wout[0, 1] = leaves of before and after (1 when null or absent),
 * wout[2, 3] = their string leaf records, which start at wout[8], before's first; wout[4] =
 * ints written.
 */
i32 project(i32 which, i32 o, i32 maxd) {
  const u8 *b = which ? side_buf : buf;
  g = 0;
  w = 8;
  tops_n[0] = tops_n[1] = 0;
  gout[g++] = 0x5b;
  for (i32 slot = 0; slot < 5; slot++) {
    if (slot > 0) gout[g++] = 0x2c;
    if (slot < 2) {
      wout[slot] = 1;
      wout[2 + slot] = 0;
    }
    i32 s = pspans[2 * slot], e = pspans[2 * slot + 1];
    if (s < 0) {
      gout[g++] = 0x30;
      continue;
    }
    s += o;
    e += o;
    if (s >= e || e > CAPACITY) return SLOW;
    if (b[s] != 0x7b) {
      if (slot < 2 && b[s] != 0x6e) return SLOW; /* a value that is neither object nor null */
      put(b, s, e);
      continue;
    }
    i32 keep = slot == 3 ? 0 : slot == 4 ? 1 : -1;
    if (walk(b, s, e, slot < 2 ? slot : -1, maxd, keep) != e) return SLOW;
  }
  gout[g++] = 0x5d;
  wout[4] = w;
  wout[5] = g;
  return 1;
}
