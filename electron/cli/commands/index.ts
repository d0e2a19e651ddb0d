import type { Command } from 'commander';
import { register as registerCheck } from './check';
import { register as registerOutline } from './outline';

/** Every subcommand registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [registerOutline, registerCheck];
