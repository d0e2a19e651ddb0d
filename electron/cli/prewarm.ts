/**
 * Imported first by the CLI's entry (main.ts): for a command that reads or writes documents, the
 * document worker starts loading on the other core while the rest of the CLI (its commands and
 * their data) loads here, instead of after it. A command that turns out not to need it (a usage
 * error, --help) leaves it idle and unreferenced: the process still exits at once.
 */
import { documentRunner } from '../services/documents/runner';

const DOCUMENT_COMMANDS = new Set(['export', 'convert', 'outline', 'check', 'clean']);

if (DOCUMENT_COMMANDS.has(process.argv[2] ?? '')) documentRunner().prewarm();
