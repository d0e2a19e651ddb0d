import type { Command } from 'commander';

/** Every subcommand registers itself on the program. */
export type RegisterCommand = (program: Command) => void;

/**
 * The subcommands by name, each loaded when it is needed: a command line that names one loads
 * only that one (`wengao export` never loads the 校对 data, the phrase index or the PDF
 * renderers); help and usage errors load them all (program.ts).
 */
export const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  convert: async () => (await import('./convert')).register,
  export: async () => (await import('./export')).register,
  outline: async () => (await import('./outline')).register,
  check: async () => (await import('./check')).register,
  index: async () => (await import('./indexCommand')).register,
  suggest: async () => (await import('./suggestCommand')).register,
  clean: async () => (await import('./cleanCommand')).register,
  new: async () => (await import('./newCommand')).register,
  proofread: async () => (await import('./proofread')).register,
};
