/** How a command that failed tells the user: a notice, never an unhandled rejection nobody sees. */
import { Notice } from 'obsidian';

export function reportFailure(e: unknown): void {
  new Notice(`Network CRM: ${e instanceof Error ? e.message : String(e)}`);
}
