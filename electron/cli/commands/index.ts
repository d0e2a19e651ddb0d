import type { Command } from 'commander';
import { register as convert } from './convert';
import { register as exportCommand } from './export';

/** Every subcommand registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [convert, exportCommand];
