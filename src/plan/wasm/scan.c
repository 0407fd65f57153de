/*
 * The hot loops of the plan readers, compiled to WebAssembly (scripts/build-wasm.mjs).
 * Each function is an exact port of a JavaScript function that stays the reference and the
 * fallback (when WebAssembly is unavailable, for example under --jitless):
 *
 *   skip_value   peek.ts   skipValue        one JSON value, full grammar
 *   skip_unread  scan.ts   skipUnread       the grammar fast path through unread sections
 *   scan_lines   read.ts   skipHeaderOnly   whole JSON Lines messages of which only the header counts
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
static i32 out[4];

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
i32 skip_value(i32 i, i32 n) {
  const u8 *b = buf;
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

static int read_type(const u8 *b, i32 from, i32 to) {
  return is_word(b, from, to, "version") || is_word(b, from, to, "planned_change") ||
         is_word(b, from, to, "resource_drift") || is_word(b, from, to, "diagnostic") ||
         is_word(b, from, to, "change_summary") || is_word(b, from, to, "refresh_complete");
}

/*
 * One line [i, e) of a UI message log: 1 when it is an ASCII JSON object (full grammar) whose
 * string `type` is a header-only type; out[3] += 1 when its `@level` is "error". 0: the
 * JavaScript path must read it.
 */
static int header_line(const u8 *b, i32 i, i32 e) {
  i = ws(b, i, e);
  if (i >= e || b[i] != 0x7b) return 0;
  i32 type_from = -1, type_to = -1;
  int level_error = 0, seen = 0;
  i32 depth = 0;
  for (;;) {
    /* at a key or the close of an object, or a value */
    u8 c = b[i];
    if (c == 0x7b || c == 0x5b) {
      if (depth == PEEK_DEPTH) return 0;
      i = ws(b, i + 1, e);
      if (i >= e) return 0;
      if (b[i] == c + 2) {
        i++;
        goto after;
      }
      vstk[depth++] = c == 0x7b ? OBJECT : ARRAY;
      if (c == 0x7b) goto key;
      continue;
    }
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
        if (read_type(b, type_from, type_to)) return 0;
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
    if (depth == 1) {
      if (escaped) return 0; /* an escaped key might be one of ours */
      if (is_word(b, from, to, "type"))
        slot = 1;
      else if (is_word(b, from, to, "@level"))
        slot = 2;
      if (slot != 0) {
        if (seen & slot) return 0; /* repeated: JSON.parse keeps the last */
        seen |= slot;
      }
    }
    i = ws(b, i, e);
    if (i >= e || b[i] != 0x3a) return 0;
    i = ws(b, i + 1, e);
    if (i >= e) return 0;
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
 * 0 when no newline is left. out[2] = lines handled, out[3] = of them at `@level` "error".
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
  for (;;) {
    i32 e = line_end(b, i, n);
    if (e < n && b[e] >= 0x80) {
      while (e < n && b[e] != 0x0a) e++;
      if (e >= n) break;
      out[0] = 1;
      out[1] = e;
      return i;
    }
    if (e >= n) break;
    if (!header_line(b, i, e)) {
      out[0] = 1;
      out[1] = e;
      return i;
    }
    out[2]++;
    i = e + 1;
  }
  out[0] = 0;
  return i;
}
