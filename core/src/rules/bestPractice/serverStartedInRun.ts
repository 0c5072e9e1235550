// A RUN that starts a long-running server (`npm start`, `gunicorn app:app`, `service nginx start`,
// ...). RUN runs while the image is built: a server in the foreground makes the build wait for it
// forever, and one in the background is stopped when the step ends, so no container ever sees it.
// The server belongs in CMD. A server started only to prepare something later in the same RUN
// (`service mysql start && mysql < schema.sql`) is fine and stays quiet.
import type { Instruction, Position } from '../../parser';
import { runShell, type ShellCommand } from '../../shell';
import { defineMessages } from '../messages';
import type { Finding, Fix, LocalizedText, StageRule } from '../rule';
import { BEST_PRACTICES } from './support';

/**
 * `foreground`: the command keeps running until stopped.
 * `daemon`: it starts the server in the background and returns.
 */
type ServerKind = 'foreground' | 'daemon';

/** Options that only ask a program about itself (version, help, a config test). */
const INFO_OPTIONS = new Set([
  '-v',
  '-V',
  '--version',
  '-h',
  '--help',
  '-?',
  '-t',
  '-T',
  '--test',
  '--check-config',
  '--print-config',
]);
const asksForInfo = (args: readonly string[]): boolean => args.some((arg) => INFO_OPTIONS.has(arg));
const operands = (args: readonly string[]): string[] => args.filter((arg) => !arg.startsWith('-'));
const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** Package scripts that start the app: `start`, `serve`, `dev` (and `start:prod`, ...). */
const SERVER_SCRIPT = /^(start|serve|dev)(:[\w-]+)?$/;
/** Entry files a Node app is usually started from. */
const NODE_ENTRY = /^(server|app|index|main|start|serve|www)(\.[cm]?[jt]s)?$/;
const NODE_OPTIONS_WITH_VALUE = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '-C',
  '--conditions',
  '--env-file',
  '--title',
]);
const NODE_ONE_SHOT = new Set(['-e', '--eval', '-p', '--print', '-c', '--check', '--test']);
/** Python modules that serve: `python -m uvicorn app:app`. */
const PYTHON_SERVERS = new Set(['uvicorn', 'gunicorn', 'hypercorn', 'daphne', 'waitress', 'http.server']);
const INIT_ACTIONS = new Set(['start', 'restart']);

/** `npm start`, `yarn dev`, `pnpm run start`, `bun run serve`. */
function packageScript(args: readonly string[]): ServerKind | undefined {
  let [script, next] = operands(args);
  if (script === 'run' || script === 'run-script') script = next;
  return script !== undefined && SERVER_SCRIPT.test(script) ? 'foreground' : undefined;
}

/** `node server.js`, `node -r dotenv/config dist/app.js`; not `node build.js` or `node -e ...`. */
function nodeScript(args: readonly string[]): ServerKind | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (NODE_ONE_SHOT.has(arg) || INFO_OPTIONS.has(arg)) return undefined;
    if (NODE_OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return NODE_ENTRY.test(basename(arg)) ? 'foreground' : undefined;
  }
  return undefined;
}

/** `python manage.py runserver`, `python -m flask run`, `python -m uvicorn app:app`. */
function python(args: readonly string[]): ServerKind | undefined {
  if (asksForInfo(args)) return undefined;
  const module = args.indexOf('-m');
  if (module >= 0) {
    const name = args[module + 1] ?? '';
    if (name === 'flask') return args.slice(module + 2).includes('run') ? 'foreground' : undefined;
    return PYTHON_SERVERS.has(name) ? 'foreground' : undefined;
  }
  const [script, command] = operands(args);
  return script !== undefined && basename(script) === 'manage.py' && command === 'runserver' ? 'foreground' : undefined;
}

/** `java -jar app.jar` with nothing after the jar; not `java -Djarmode=layertools -jar app.jar extract`. */
function javaJar(args: readonly string[]): ServerKind | undefined {
  const jar = args.indexOf('-jar');
  if (jar < 0 || jar + 2 !== args.length || args.some((arg) => arg.startsWith('-Djarmode'))) return undefined;
  return asksForInfo(args) ? undefined : 'foreground';
}

/** `nginx -g 'daemon off;'` stays in the foreground; plain `nginx` forks into the background. */
function nginx(args: readonly string[]): ServerKind | undefined {
  if (asksForInfo(args) || args.includes('-s')) return undefined;
  const global = args.indexOf('-g');
  return global >= 0 && /daemon\s+off/.test(args[global + 1] ?? '') ? 'foreground' : 'daemon';
}

/** `httpd -DFOREGROUND`, `apachectl -D FOREGROUND`, `apachectl start`. */
function apache(args: readonly string[]): ServerKind | undefined {
  if (asksForInfo(args)) return undefined;
  if (args.includes('-DFOREGROUND') || args.some((arg, i) => arg === '-D' && args[i + 1] === 'FOREGROUND'))
    return 'foreground';
  return operands(args)[0] === 'start' ? 'daemon' : undefined;
}

/** Each program that can start a server, by the name it is called with, reading its arguments. */
const SERVERS: Record<string, (args: readonly string[]) => ServerKind | undefined> = {
  npm: packageScript,
  yarn: packageScript,
  pnpm: packageScript,
  bun: packageScript,
  node: nodeScript,
  nodemon: () => 'foreground',
  flask: (args) => (operands(args).includes('run') ? 'foreground' : undefined),
  uvicorn: (args) => (asksForInfo(args) ? undefined : 'foreground'),
  gunicorn: (args) => (asksForInfo(args) ? undefined : 'foreground'),
  hypercorn: (args) => (asksForInfo(args) ? undefined : 'foreground'),
  daphne: (args) => (asksForInfo(args) ? undefined : 'foreground'),
  'waitress-serve': (args) => (asksForInfo(args) ? undefined : 'foreground'),
  rails: (args) => (['server', 's'].includes(operands(args)[0] ?? '') ? 'foreground' : undefined),
  'django-admin': (args) => (operands(args)[0] === 'runserver' ? 'foreground' : undefined),
  php: (args) =>
    args.includes('-S') || (basename(operands(args)[0] ?? '') === 'artisan' && operands(args)[1] === 'serve')
      ? 'foreground'
      : undefined,
  java: javaJar,
  nginx,
  httpd: apache,
  apache2: apache,
  apachectl: apache,
  apache2ctl: apache,
  'httpd-foreground': () => 'foreground',
  service: (args) => (INIT_ACTIONS.has(args[1] ?? '') ? 'daemon' : undefined),
  'rc-service': (args) => (INIT_ACTIONS.has(args[1] ?? '') ? 'daemon' : undefined),
  systemctl: (args) => (INIT_ACTIONS.has(operands(args)[0] ?? '') ? 'daemon' : undefined),
  supervisord: (args) =>
    asksForInfo(args) ? undefined : args.includes('-n') || args.includes('--nodaemon') ? 'foreground' : 'daemon',
};

/** Commands that run the rest of their words as the command: `exec npm start`, `bundle exec rails s`. */
function unwrap(words: readonly string[]): string[] {
  let rest = [...words];
  for (;;) {
    const [first = '', second] = rest;
    if (first === 'exec' || first === 'nohup') rest = rest.slice(1);
    else if (first === 'bundle' && second === 'exec') rest = rest.slice(2);
    else return rest;
  }
}

interface ServerStart {
  kind: ServerKind;
  /** The command without `exec`/`nohup`, as CMD would run it. */
  words: string[];
}

function serverStart(command: ShellCommand): ServerStart | undefined {
  const name = command.name.value ?? command.name.raw;
  const all = [name, ...command.args.map((arg) => arg.value ?? arg.raw)];
  const words = unwrap(all);
  const [program = '', ...args] = words;
  const base = basename(program);
  if (program.startsWith('/etc/init.d/'))
    return INIT_ACTIONS.has(args[0] ?? '') ? { kind: 'daemon', words } : undefined;
  const recognise = /^python[\d.]*$/.test(base) ? python : Object.hasOwn(SERVERS, base) ? SERVERS[base] : undefined;
  const kind = recognise?.(args);
  return kind ? { kind, words } : undefined;
}

const topLevel = (command: ShellCommand): boolean =>
  !command.inSubshell && !command.inControlFlow && !command.inPipeline && !command.inSubstitution;

const label = (command: ShellCommand): string => [command.name, ...command.args].map((word) => word.raw).join(' ');

/** What to do instead: remove the server (a later CMD has it), or start it with CMD. */
type Advice = 'laterCmd' | 'execForm' | 'foreground';

const ADVICE: Record<Advice, LocalizedText> = {
  laterCmd: {
    en: 'The CMD below already says what the container runs: remove the server from this RUN.',
    ko: '컨테이너가 실행할 명령은 아래의 CMD에 이미 있으니, 이 RUN에서 서버 실행을 지우세요.',
  },
  execForm: {
    en: 'Start it with CMD in exec form, which runs when a container starts.',
    ko: '서버는 컨테이너가 시작될 때 실행되는 CMD에 exec 형식으로 적으세요.',
  },
  foreground: {
    en: 'Start the server with CMD instead, in the foreground (for example CMD ["nginx", "-g", "daemon off;"]).',
    ko: '대신 CMD에서 서버를 포그라운드로 실행하세요(예: CMD ["nginx", "-g", "daemon off;"]).',
  },
};

const messages = defineMessages({
  hangsBuild: {
    en: (p: { text: string; advice: LocalizedText }) =>
      `\`${p.text}\` starts a server, but RUN runs only while the image is being built: the build waits for this ` +
      `command to finish, and a server never does, so the build hangs. ${p.advice.en}`,
    ko: (p) =>
      `\`${p.text}\` 명령은 서버를 띄우지만 RUN은 이미지를 빌드하는 동안에만 실행됩니다. 빌드는 이 명령이 끝나기를 기다리는데 서버는 끝나지 않으므로 빌드가 멈춥니다. ` +
      `${p.advice.ko}`,
  },
  stopsWithStep: {
    en: (p: { text: string; advice: LocalizedText }) =>
      `\`${p.text}\` starts a server in the background, but RUN runs only while the image is being built: the ` +
      `server is stopped as soon as this step ends, and no container ever sees it. ${p.advice.en}`,
    ko: (p) =>
      `\`${p.text}\` 명령은 서버를 백그라운드로 띄우지만 RUN은 이미지를 빌드하는 동안에만 실행됩니다. 이 단계가 끝나면 서버도 멈추므로 어떤 컨테이너에서도 돌지 않습니다. ` +
      `${p.advice.ko}`,
  },
  laterCmd: {
    en: () => 'The CMD that says what the container runs',
    ko: () => '컨테이너가 실행할 명령을 정하는 CMD',
  },
});

function message(command: ShellCommand, start: ServerStart, background: boolean, laterCmd: boolean): LocalizedText {
  const text = label(command);
  const advice = ADVICE[laterCmd ? 'laterCmd' : start.kind === 'foreground' ? 'execForm' : 'foreground'];
  return background ? messages.stopsWithStep({ text, advice }) : messages.hangsBuild({ text, advice });
}

/** A word the exec form keeps as the shell would have passed it: no expansion, no glob. */
const literal = (command: ShellCommand): boolean =>
  [command.name, ...command.args].every((word) => word.value !== undefined && !/[*?[]/.test(word.value));

/**
 * Moves a foreground server to `CMD [...]` after the RUN: the whole RUN when the server is its
 * only command, or just `&& server` when it ends an `&&` chain, the rest staying in RUN.
 */
function moveToCmd(
  instruction: Instruction,
  command: ShellCommand,
  start: ServerStart,
  commands: readonly ShellCommand[],
  escape: string,
  lines: readonly string[],
): Fix | undefined {
  if (
    start.kind !== 'foreground' ||
    instruction.heredocs.length > 0 ||
    command.assignments.length > 0 ||
    !literal(command)
  )
    return undefined;
  if (command.after !== undefined && command.after !== '&') return undefined;
  if (commands[commands.length - 1] !== command || !onlySpaceAfter(command.range.end, instruction.range.end, lines))
    return undefined;
  const cmd = `CMD [${start.words.map((word) => JSON.stringify(word)).join(', ')}]`;
  const title = { en: `Move \`${start.words.join(' ')}\` to ${cmd}`, ko: `CMD로 옮기기: ${cmd}` };
  if (commands.length === 1)
    return { title, edits: [{ range: { start: instruction.range.start, end: instruction.range.end }, newText: cmd }] };
  if (command.before !== '&&') return undefined;
  const chainEnd = endBeforeOperator(command.range.start, escape, lines);
  if (!chainEnd) return undefined;
  return {
    title,
    edits: [
      { range: { start: chainEnd, end: instruction.range.end }, newText: '' },
      { range: { start: instruction.range.end, end: instruction.range.end }, newText: `\n${cmd}` },
    ],
  };
}

/** Whether only spaces (and a background `&`) follow the command up to the end of the instruction. */
function onlySpaceAfter(from: Position, to: Position, lines: readonly string[]): boolean {
  if (from.line !== to.line) return false;
  return /^[\s&]*$/.test((lines[from.line] ?? '').slice(from.character, to.character));
}

/**
 * Where the command before `&& <command>` ends: back from the command over spaces, line
 * continuations (and the comment lines BuildKit allows between them), then `&&`, then spaces and
 * continuations again. Undefined when the text there is anything else.
 */
function endBeforeOperator(start: Position, escape: string, lines: readonly string[]): Position | undefined {
  let line = start.line;
  let character = start.character;
  /** Moves back over spaces and continuations; false at the start of the instruction. Each step goes up a line. */
  const skipSpace = (): boolean => {
    for (;;) {
      const text = lines[line] ?? '';
      while (character > 0 && /\s/.test(text[character - 1]!)) character--;
      if (character > 0) return true;
      let up = line - 1;
      while (up >= 0 && /^\s*(#.*)?$/.test(lines[up] ?? '')) up--;
      const above = (lines[up] ?? '').trimEnd();
      if (up < 0 || !above.endsWith(escape)) return false;
      line = up;
      character = above.length - escape.length;
    }
  };
  if (!skipSpace() || (lines[line] ?? '').slice(character - 2, character) !== '&&') return undefined;
  character -= 2;
  return skipSpace() ? { line, character } : undefined;
}

export const serverStartedInRun: StageRule = {
  scope: 'stage',
  messages,
  code: 'ServerStartedInRun',
  severity: 'info',
  docs: `${BEST_PRACTICES}#cmd`,
  description: {
    en:
      'A server started in RUN runs only while the image is built: in the foreground it hangs the build, ' +
      'in the background it stops when the step ends. Start it with CMD.',
    ko: 'RUN으로 띄운 서버는 이미지를 빌드하는 동안에만 실행됩니다. 포그라운드면 빌드가 멈추고, 백그라운드면 단계가 끝날 때 함께 멈춥니다. 서버는 CMD로 실행하세요.',
  },
  category: 'best-practice',
  equivalents: [],
  examples: {
    invalid: [{ dockerfile: 'FROM node:22\nRUN node server.js\n', range: '1:4-1:18' }],
    valid: ['FROM node:22\nRUN node build.js\nCMD ["node", "server.js"]\n'],
  },
  check(stage, { facts, lines }) {
    const findings: Finding[] = [];
    // An ENTRYPOINT here or in a stage this one builds on would take a new CMD as its arguments.
    const entrypoint = stage.handsDown.entrypoint;
    stage.instructions.forEach((instruction, index) => {
      if (instruction.keyword !== 'RUN') return;
      const shell = runShell(instruction);
      if (!shell || shell.error) return;
      const last = shell.commands[shell.commands.length - 1];
      for (const command of shell.commands) {
        if (!topLevel(command)) continue;
        const start = serverStart(command);
        if (!start) continue;
        // A server in the background, or a daemon, followed by more commands serves those commands: fine.
        const background = start.kind === 'daemon' || command.after === '&';
        if (background && command !== last) continue;
        const laterCmd = stage.instructions.slice(index + 1).find((later) => later.keyword === 'CMD');
        const fix =
          laterCmd || entrypoint
            ? undefined
            : moveToCmd(instruction, command, start, shell.commands, facts.escapeChar, lines);
        findings.push({
          range: command.range,
          instruction,
          message: message(command, start, background, laterCmd !== undefined),
          ...(laterCmd && { related: [{ range: laterCmd.range, message: messages.laterCmd() }] }),
          fixes: fix ? [fix] : undefined,
        });
      }
    });
    return findings;
  },
};
