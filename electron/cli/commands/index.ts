import type { Command } from 'commander';
import { register as registerExport } from './export';

/** Every subcommand registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerExport];
