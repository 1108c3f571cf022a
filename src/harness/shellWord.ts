/**
 * A word of a POSIX shell command line, quoted only when it needs to be: printed commands (replay,
 * re-run) must run as printed when pasted, even for a path with a space or a quote in it.
 */
export function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
