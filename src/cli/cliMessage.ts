import type { EoscheckError } from '../errors.js';

/**
 * The flag that sets each API parameter the library names in its errors. The library speaks of
 * its own parameters (`theta`, `params`, `observers`, ...); only the CLI knows them as flags.
 */
const FLAG_OF: ReadonlyMap<string, string> = new Map([
  ['model', '--model'],
  ['theta', '--theta'],
  ['params', '--param'],
  ['data', '--data'],
  ['expr', '--expr'],
  ['vars', '--vars'],
  ['precision', '--precision'],
  ['optimizer', '--optimizer'],
  ['lr', '--lr'],
  ['steps', '--steps'],
  ['every', '--every'],
  ['beta', '--param beta'],
  ['lstar', '--param lstar'],
  ['observers', '--observe'],
  ['reference', '--reference'],
  ['claimsFile', '--claims'],
  ['fixturesDir', '--fixtures'],
  ['duration', '--time'],
]);

/** The flag of an API parameter; a name that is already a flag (or a positional like FILE) is kept. */
export function flagFor(param: string): string {
  return FLAG_OF.get(param) ?? param;
}

/** An EoscheckError as the CLI prints it: the parameter at fault named by its flag. */
export function cliMessage(e: EoscheckError): string {
  const text = e.param === undefined ? e.message : `${flagFor(e.param)}: ${e.detail}`;
  // One line on stderr, whatever the message holds (a parser's multi-line report, a file's text).
  return text.replace(/\s*\n\s*/g, ' ');
}
