/** A one-line progress display for a sync run on a terminal: the run's stage, a bar and the transaction count. */
import type { ProgressEvent } from './localRun.ts';

const STAGES = ['Queued', 'Fetching', 'Planning', 'Preparing', 'Applying', 'Recording', 'Completed'];
const WIDTH = 28;

export function renderProgress(event: ProgressEvent): string {
  const status = event.run?.status ?? 'Queued';
  const index = STAGES.indexOf(status);
  const done = index < 0 ? STAGES.length - 1 : index;
  const filled = Math.round((done / (STAGES.length - 1)) * WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const counters = event.run ? ` · fetched ${event.run.counters.fetched} · created ${event.run.counters.created}` : '';
  return `${bar} ${status.padEnd(16)} ${String(event.transactions).padStart(4)} transactions${counters}`;
}

/** Writes progress in place on a TTY, or one line per stage change otherwise (CI logs). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stdout): {
  update(event: ProgressEvent): void;
  done(): void;
} {
  let lastStatus = '';
  return {
    update(event) {
      if (stream.isTTY) stream.write(`\r${renderProgress(event)}\x1b[K`);
      else if ((event.run?.status ?? '') !== lastStatus) {
        lastStatus = event.run?.status ?? '';
        stream.write(`${renderProgress(event)}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
