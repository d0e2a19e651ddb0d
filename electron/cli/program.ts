/**
 * The `wengao` command line. Node only: never imports electron. Each capability registers its
 * subcommand from electron/cli/commands/.
 */
import { Command, CommanderError } from 'commander';
import { UserError } from '../../shared/api/errors';
import { APP_NAME, APP_NAME_EN } from '../../shared/app';
import { COMMANDS } from './commands';

/** A failure the user caused: printed as one line, exit code 1 (or the given one). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * The program with the subcommands `argv` may need: the one it names, none for the version, or
 * all of them otherwise (help, a mistyped command, which commander answers with a suggestion).
 */
export async function buildProgram(version: string, argv: readonly string[] = []): Promise<Command> {
  const first = argv[0];
  const named =
    first === '-v' || first === '--version' ? [] : first !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, first) ? [COMMANDS[first]!] : Object.values(COMMANDS);
  const registers = await Promise.all(named.map((load) => load()));
  const program = new Command();
  program
    .name('wengao')
    .description(`${APP_NAME} ${APP_NAME_EN}：公文写作工具的命令行（离线处理 .txt / .docx / .wgd 文稿）`)
    .version(version, '-v, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个子命令的帮助')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
    });
  for (const register of registers) register(program);
  return program;
}

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the CLI; returns the exit code. Messages for bad input are one line, no stack trace. */
export async function runCli(argv: string[], version: string, io: CliIo = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = await buildProgram(version, argv);
  program.exitOverride();
  program.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed its message (help, version, or a usage error).
      return e.exitCode;
    }
    if (e instanceof CliError) {
      io.stderr(`wengao: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof UserError) {
      io.stderr(`wengao: ${e.message}\n`);
      return 1;
    }
    io.stderr(`wengao: 内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
}
