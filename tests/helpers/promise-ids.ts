const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
let serial = 0;

/** A fresh valid promise id (five characters of the id alphabet), different on every call. */
export function nextPromiseId(): string {
  let n = serial++;
  let id = '';
  for (let i = 0; i < 5; i++, n = Math.floor(n / ALPHABET.length)) id = ALPHABET[n % ALPHABET.length] + id;
  return id;
}
