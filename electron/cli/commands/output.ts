/** Where a subcommand writes: the program's configured output (the terminal, or a test's buffer). */
import type { Command } from 'commander';

export function writeOut(command: Command, text: string): void {
  const write = command.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
  write(text);
}

export function writeErr(command: Command, text: string): void {
  const write = command.configureOutput().writeErr ?? ((s: string) => process.stderr.write(s));
  write(text);
}
