// Command lines shown beside forms and actions must paste into a POSIX shell as they are.

/** One shell word: bare when it is safe, else single-quoted (a quote inside becomes '\''). */
export function sh(word: string): string {
  if (word === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Options by flag: a string value (even empty: `--description ''` clears) follows its flag, `true` is the flag alone, false or absent leaves it out. */
export type CliOptions = Record<string, string | boolean | null | undefined>;

const optionWords = (o: CliOptions) => Object.entries(o).flatMap(([flag, v]) => (v === true ? [flag] : typeof v === 'string' ? [flag, sh(v)] : []));

/** The program and its words (or options), each quoted as needed; empty or undefined words are left out. */
export function command(...words: Array<string | undefined | false | CliOptions>): string {
  return words.flatMap((w, i) => (w && typeof w === 'object' ? optionWords(w) : w ? [i === 0 ? w : sh(w)] : [])).join(' ');
}
