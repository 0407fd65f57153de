// SHA-256 (FIPS 180-4) for src/common/sha256.ts: the first hashes of a run, before loading
// node:crypto pays. Build: `npm run build:wasm` (clang --target=wasm32, no libc).
//
// The caller writes up to INPUT_CAPACITY bytes at `input` and calls sha256_update(length), as
// often as it likes between sha256_init() and sha256_final(); the digest is then at `digest`.
// test/common/sha256.test.ts compares it with node:crypto on the FIPS vectors and random text.

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define INPUT_CAPACITY 65536

u8 input[INPUT_CAPACITY];
u8 digest[32];

u32 input_capacity(void) { return INPUT_CAPACITY; }

static const u32 K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

// The running state: chaining value, the partial block and the message length in bytes.
static u32 state[8];
static u8 block[64];
static u32 filled;
static u64 length;

static u32 rotr(u32 x, u32 n) { return (x >> n) | (x << (32 - n)); }

static void compress(const u8 *p) {
  u32 w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (u32)p[4 * i] << 24 | (u32)p[4 * i + 1] << 16 | (u32)p[4 * i + 2] << 8 |
           (u32)p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    u32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    u32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  u32 a = state[0], b = state[1], c = state[2], d = state[3];
  u32 e = state[4], f = state[5], g = state[6], h = state[7];
  for (int i = 0; i < 64; i++) {
    u32 t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    u32 t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

void sha256_init(void) {
  state[0] = 0x6a09e667;
  state[1] = 0xbb67ae85;
  state[2] = 0x3c6ef372;
  state[3] = 0xa54ff53a;
  state[4] = 0x510e527f;
  state[5] = 0x9b05688c;
  state[6] = 0x1f83d9ab;
  state[7] = 0x5be0cd19;
  filled = 0;
  length = 0;
}

// Hashes the first `n` bytes at `input` (n ≤ INPUT_CAPACITY; more are ignored). Without a libc,
// the byte loops must not become memcpy or memset calls.
__attribute__((no_builtin("memcpy"))) void sha256_update(u32 n) {
  if (n > INPUT_CAPACITY) n = INPUT_CAPACITY;
  const u8 *p = input;
  length += n;
  while (n > 0) {
    if (filled == 0 && n >= 64) {
      compress(p);
      p += 64;
      n -= 64;
      continue;
    }
    u32 take = 64 - filled < n ? 64 - filled : n;
    for (u32 i = 0; i < take; i++) block[filled + i] = p[i];
    filled += take;
    p += take;
    n -= take;
    if (filled == 64) {
      compress(block);
      filled = 0;
    }
  }
}

// Pads, finishes and writes the big-endian digest to `digest`.
__attribute__((no_builtin("memset"))) void sha256_final(void) {
  u64 bits = length * 8;
  block[filled++] = 0x80;
  if (filled > 56) {
    while (filled < 64) block[filled++] = 0;
    compress(block);
    filled = 0;
  }
  while (filled < 56) block[filled++] = 0;
  for (int i = 7; i >= 0; i--) block[filled++] = (u8)(bits >> (8 * i));
  compress(block);
  filled = 0;
  for (int i = 0; i < 8; i++) {
    digest[4 * i] = (u8)(state[i] >> 24);
    digest[4 * i + 1] = (u8)(state[i] >> 16);
    digest[4 * i + 2] = (u8)(state[i] >> 8);
    digest[4 * i + 3] = (u8)state[i];
  }
}
