/**
 * Salesforce record ids: 3-char key prefix + 12 chars (15-char case-sensitive form) and a 3-char checksum
 * suffix that makes the 18-char form case-insensitively unique.
 *
 * Checksum (documented in the SOAP API Developer Guide, "ID Field Type"): split the 15-char id into three
 * chunks of 5; for each chunk build a 5-bit number whose bit i is set when char i is an upper-case A-Z; map the
 * number into "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
 */
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_PATTERN = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return suffix;
}

/** True for a syntactically valid 15- or 18-char id whose 18-char suffix (if present) matches the checksum. */
export function isValidId(value: string): boolean {
  if (!ID_PATTERN.test(value)) return false;
  if (value.length === 15) return true;
  return checksumSuffix(value.slice(0, 15)).toLowerCase() === value.slice(15).toLowerCase();
}

/** The 18-char form; the input must be a valid id. */
export function to18(id: string): string {
  if (id.length === 18) return id.slice(0, 15) + checksumSuffix(id.slice(0, 15));
  return id + checksumSuffix(id);
}

export function to15(id: string): string {
  return id.slice(0, 15);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/** Index key for an id: the 18-char form lower-cased is unique, because the checksum encodes the case. */
export function idKey(id: string): string {
  return to18(id).toLowerCase();
}

/** Hands out ids per key prefix: prefix + pod '5g' + '0' + 9-char base-62 counter. */
export class IdGenerator {
  private counter = 0;

  constructor(private readonly pod = '5g') {}

  next(keyPrefix: string): string {
    this.counter++;
    let n = this.counter;
    let digits = '';
    for (let i = 0; i < 9; i++) {
      digits = BASE62[n % 62] + digits;
      n = Math.floor(n / 62);
    }
    return to18(keyPrefix + this.pod + '0' + digits);
  }

  /** So ids stay unique across snapshot/restore: the counter never goes back. */
  get issued(): number {
    return this.counter;
  }
}
