import type { Command } from 'commander';
import { register as convert } from './convert';
import { register as exportCommand } from './export';
import { register as registerClean } from './cleanCommand';
import { register as registerIndex } from './indexCommand';
import { register as registerSuggest } from './suggestCommand';
import { register as registerCheck } from './check';
import { register as registerOutline } from './outline';
import { register as registerNew } from './newCommand';
import { register as registerProofread } from './proofread';

/** Every subcommand registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [convert, exportCommand, registerOutline, registerCheck, registerIndex, registerSuggest, registerClean, registerNew, registerProofread];
