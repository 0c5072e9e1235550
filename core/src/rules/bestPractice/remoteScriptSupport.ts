// What the download rules share: which commands download, which run a script, and which check
// what was downloaded, read from a RUN's shell view.
import type { OptionSyntax, ShellCommand } from '../../shell';

export const DOWNLOADERS = ['curl', 'wget'];

/** Options of curl and wget that take the next word as their value (so it is not read as the URL). */
export const CURL_SYNTAX: OptionSyntax = {
  shortWithValue: 'oHdwuxXAerTbcKmCEFQYyzDtUP',
  longWithValue: [
    ...['output', 'output-dir', 'header', 'data', 'data-binary', 'data-raw', 'form', 'url', 'write-out', 'request'],
    ...['user', 'user-agent', 'proxy', 'retry', 'retry-delay', 'retry-max-time', 'max-time', 'connect-timeout'],
    ...['cacert', 'cert', 'key', 'referer', 'cookie', 'range', 'upload-file', 'continue-at', 'limit-rate', 'config'],
    ...['max-filesize', 'resolve', 'proto', 'proto-redir', 'interface', 'time-cond', 'speed-limit', 'speed-time'],
  ],
};
export const WGET_SYNTAX: OptionSyntax = {
  shortWithValue: 'OoaPUeTtwYiBdlAQDI',
  longWithValue: ['output-document', 'directory-prefix'],
};

/** Shells that run a script read from their standard input or named as their first operand. */
export const SCRIPT_SHELLS = ['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh'];

/** Programs that verify a download: a checksum tool with -c, or a signature check. */
export function verifiesDownload(command: ShellCommand): boolean {
  const program = command.program ?? '';
  const args = command.args.map((arg) => arg.value ?? arg.raw);
  if (/^(sha\d*|md5|b2)sum$|^shasum$/.test(program))
    return args.some((arg) => arg === '-c' || arg === '--check' || /^-[a-zA-Z0-9]*c/.test(arg));
  if (program === 'gpg' || program === 'gpg2' || program === 'gpgv')
    return program === 'gpgv' || args.includes('--verify');
  return program === 'cosign' || program === 'minisign' || program === 'signify';
}
