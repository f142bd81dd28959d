/** What a CLI command may do to the outside world, so tests can run commands in-process. */
import readline from 'node:readline';
import type { Writable } from 'node:stream';
import { escapeControlCharsInOutput } from '../core/text/control-chars';
import { OutputBlocks } from './output-blocks';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /**
   * True once the user pressed Ctrl-C (or a SIGTERM, a SIGHUP came). A command that asks is
   * stopped gracefully from then on; one that never asks ends at the first signal.
   */
  interrupted(): boolean;
  /** Lets pending events (a Ctrl-C) through. */
  breathe(): Promise<void>;
  /**
   * The exit code of a command stopped by a signal (commands return 130, Ctrl-C's): 143 when
   * it was a SIGTERM, 129 a SIGHUP. Absent in-process.
   */
  stoppedExitCode?: () => number;
  /** The bundled read-ahead worker beside dist/cli.js; absent in-process (no bundle to start). */
  workerScript?: string;
  /**
   * How long work is going ("Reading calendar.ics… 40%"), on one line that is rewritten;
   * null ends it. Only on a terminal: a pipe or a file gets none.
   */
  progress?: (text: string | null) => void;
  /**
   * Asks a yes/no question and waits for the answer (no by default). Only when both stdin and
   * stderr are a terminal: a script or a pipe is never asked, and gets the exit code instead.
   */
  confirm?: (question: string) => Promise<boolean>;
  /** Writes out what stdout holds (see OutputBlocks): the bin calls it once the command is done. */
  flush?: () => void;
}

/** A yes/no question on the terminal; Enter, Ctrl-C or Ctrl-D mean no. */
function askOnTerminal(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    const done = (yes: boolean) => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(yes);
    };
    // Ctrl-C or Ctrl-D leave the cursor after the question: end its line.
    rl.on('SIGINT', () => {
      if (!answered) process.stderr.write('\n');
      done(false);
    });
    rl.on('close', () => {
      if (!answered) process.stderr.write('\n');
      done(false);
    });
    rl.question(`${escapeControlCharsInOutput(question)} [y/N] `, (answer) => done(/^y(es)?$/i.test(answer.trim())));
  });
}

/**
 * Makes writes to stdout wait for the reader. Node makes pipes blocking only on Windows;
 * elsewhere what a slower reader (`| jq`, a parent process) has not taken yet is queued in
 * memory: `triage --json` at 100,000 people peaked at 1.3 GB through a pipe, 420 MB into a
 * file. The `set-blocking` package does the same.
 */
function blockingStdout(): void {
  const handle = (process.stdout as unknown as { _handle?: { setBlocking?: (on: boolean) => unknown } })._handle;
  handle?.setBlocking?.(true);
}

/**
 * May the process exit at once? Only when nothing written is still queued (a Windows console,
 * or stderr into a slow pipe, is written asynchronously: exiting would cut it) and no write
 * failed (its error must still fail the command, with exit code 1).
 */
export function doneWriting(streams: ReadonlyArray<Pick<Writable, 'writableLength' | 'errored'>>): boolean {
  return streams.every((s) => s.writableLength === 0 && s.errored === null);
}

/** What stdout holds before writing it to a pipe or a file: the block of C's stdio, and of a pipe. */
const BLOCK = 1 << 16;

/** The signals that stop a command, with the exit code of a process they end (128 + their number). */
const STOP_SIGNALS: ReadonlyArray<[NodeJS.Signals, number]> = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
];

export function processIo(workerScript?: string): CliIo {
  let stop = false;
  let stopCode = 130;
  blockingStdout();
  // Text from an export or a note never reaches the terminal raw (escape sequences, bidi overrides).
  const stdout = new OutputBlocks(process.stdout, process.stdout.isTTY ? 0 : BLOCK, escapeControlCharsInOutput);
  // Whatever ends the process (a second Ctrl-C, a bug) still writes what was printed, if it can:
  // an error thrown while exiting would only hide the one that ended it.
  process.on('exit', () => {
    try {
      stdout.flush();
    } catch {
      // nowhere left to say it
    }
  });
  // `network-crm … | head` closes our stdout early: that is not an error worth a stack trace.
  // Nor is output that cannot be written (a full disk, /dev/full): one line says so, exit 1.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    stdout.drop();
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`network-crm: could not write the output (${e.message})\n`);
    process.exit(1);
  });
  // Ctrl-C, a `kill` (SIGTERM) or the terminal closing (SIGHUP) stop the work of a command that
  // looks for them (the import, decide) at the next note: it ends as after Ctrl-C, its changes
  // recorded for undo, the summary said, and the next run finishes without duplicates. A second
  // signal ends the process at once. A command that never looks ends at the first signal, as
  // any process does: a read command has nothing to finish, and an edit's notes are journaled.
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    for (const [signal, code] of STOP_SIGNALS)
      process.on(signal, () => {
        if (stop) process.exit(code);
        stop = true;
        stopCode = code;
      });
  };
  return {
    out: (line) => stdout.line(line),
    err: (line) => {
      stdout.flush();
      process.stderr.write(`${escapeControlCharsInOutput(line)}\n`);
    },
    interrupted: () => {
      listen();
      return stop;
    },
    stoppedExitCode: () => stopCode,
    // Long work lets events through now and then: what it printed so far goes out too.
    breathe: () => {
      listen();
      stdout.flush();
      return new Promise((resolve) => setImmediate(resolve));
    },
    flush: () => stdout.flush(),
    ...(workerScript === undefined ? {} : { workerScript }),
    ...(process.stderr.isTTY
      ? {
          progress: (text: string | null) => {
            stdout.flush();
            process.stderr.write(text === null ? '\r\x1b[K' : `\r${escapeControlCharsInOutput(text)}\x1b[K`);
          },
        }
      : {}),
    // stderr first: reading process.stdin makes its stream (~2 ms), which a script or a pipe never needs.
    ...(process.stderr.isTTY && process.stdin.isTTY
      ? {
          confirm: (question: string) => {
            stdout.flush();
            return askOnTerminal(question);
          },
        }
      : {}),
  };
}
