// Command lines shown beside forms and actions must paste into a POSIX shell as they are.

/** One shell word: bare when it is safe, else single-quoted (a quote inside becomes '\''). */
export function sh(word: string): string {
  if (word === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `openstack` and its words, each quoted as needed; empty or undefined words are left out. */
export function command(...words: Array<string | undefined | false>): string {
  return words.filter((w): w is string => typeof w === 'string' && w !== '').map((w, i) => (i === 0 ? w : sh(w))).join(' ');
}
