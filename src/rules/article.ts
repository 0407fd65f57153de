/**
 * English indefinite articles for the nouns plan-gate writes ("an object storage", "a DNS zone").
 * Chosen by sound, not by letter: "a unique key", "an hour", "an S3 bucket", "a DNS zone".
 */

/** Words that start with a vowel letter but a consonant sound, by prefix. */
const CONSONANT_SOUND =
  /^(?:uni(?!nd|nt|nf|nst|mp)|use|usa|usu|ure|uri|uti|eu|ewe|one\b|once\b|ouija)/

/** Words that start with a consonant letter but a vowel sound. */
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/

/** Letters whose spoken name starts with a vowel sound (for acronyms like "S3", "RDS"). */
const VOWEL_LETTER_NAMES = new Set([...'AEFHILMNORSX'])

/** "a" or "an" for `phrase`, judged by its first word. */
export function article(phrase: string): 'a' | 'an' {
  const word = /^[\s"'`(]*([^\s"'`(),.:;]*)/.exec(phrase)?.[1] ?? ''
  if (word === '') return 'a'
  if (/^\d/.test(word)) return /^(?:8|11|18)(?!\d)|^8\d/.test(word) ? 'an' : 'a'
  // An acronym (two or more capitals, digits allowed, e.g. "DNS", "S3", "RDS") is spelled out.
  if (/^[A-Z][A-Z0-9]+$/.test(word)) return VOWEL_LETTER_NAMES.has(word[0] ?? '') ? 'an' : 'a'
  const lower = word.toLowerCase()
  if (VOWEL_SOUND.test(lower)) return 'an'
  if (CONSONANT_SOUND.test(lower)) return 'a'
  return /^[aeiou]/.test(lower) ? 'an' : 'a'
}

/** `phrase` with its indefinite article: "an object storage", "a DNS zone". */
export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`
}
