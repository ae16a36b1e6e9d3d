import { SingleBar } from 'cli-progress';
import { isDomainError } from '@kakehashi/kernel';
import { InvalidDocumentError, SECTIONS, type ImportReport, type Progress, type ProgressListener } from '@kakehashi/interchange';

/**
 * Progress on stderr: a bar per phase on a terminal, plain lines otherwise (CI logs, pipes).
 * stdout is kept for the report (or the exported document).
 */
export class ProgressReporter {
  private bar?: SingleBar;
  private phase?: string;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(private readonly verb: string) {}

  readonly listener: ProgressListener = (p: Progress) => {
    if (this.tty) return this.onTerminal(p);
    // One line per step of real progress: the chunks of a large section, nothing for empty ones.
    if (p.done > 0) process.stderr.write(`${this.verb}: ${p.phase} ${p.done}/${p.total}\n`);
  };

  private onTerminal(p: Progress): void {
    if (p.phase !== this.phase) {
      this.bar?.stop();
      this.phase = p.phase;
      this.bar = new SingleBar({ format: `${this.verb} ${p.phase.padEnd(14)} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true });
      this.bar.start(p.total, p.done);
    } else {
      this.bar?.setTotal(p.total);
      this.bar?.update(p.done);
    }
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

/** A plain text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n') + '\n';
}

export function importSummary(report: ImportReport): string {
  const rows = SECTIONS.map((s) => [s, report.sections[s].created, report.sections[s].updated, report.sections[s].unchanged]);
  const total = (i: number) => rows.reduce((n, r) => n + (r[i] as number), 0);
  return table(['type', 'created', 'updated', 'unchanged'], [...rows, ['total', total(1), total(2), total(3)]]) + `elapsed ms: ${report.elapsedMs}\n`;
}

/** Commander's own errors (usage, help), duck-typed: commander is nest-commander's dependency, not ours. */
function isCommanderError(e: unknown): e is Error & { code: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('commander.');
}

/**
 * Prints why a command failed (stderr) and returns the exit code: 2 for usage errors (commander has
 * already said what was wrong), 1 for everything else. Input problems are listed with their paths.
 */
export function reportFailure(error: unknown): number {
  if (isCommanderError(error)) return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
  // `export - | head`: the reader has all it wants. Not a failure worth a message.
  if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return 0;
  if (isDomainError(error)) {
    const lines = [`error: ${error.message}`, ...error.details.map((d) => `  ${d.path}: ${d.message}`)];
    if (error instanceof InvalidDocumentError && error.problemCount > error.details.length) lines.push(`  … and ${error.problemCount - error.details.length} more`);
    process.stderr.write(`${lines.join('\n')}\n`);
    return 1;
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
