import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { badInput } from '@kakehashi/kernel';
import type { ExportSink } from '@kakehashi/interchange';

const unreadable = (file: string, e: unknown) =>
  badInput(`Cannot read ${file}`, [{ path: 'FILE', message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message }]);

/** The text of FILE, or of stdin for `-`. A missing file is a BAD_USER_INPUT naming it. */
export async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw unreadable(file, e);
  }
}

/** FILE (or stdin for `-`) as a stream, with its size when known. Checked before anything else starts. */
export async function openInput(file: string): Promise<{ stream: Readable; size?: number }> {
  if (file === '-') return { stream: process.stdin };
  try {
    const { size } = await stat(file);
    return { stream: createReadStream(file, { highWaterMark: 1 << 20 }), size };
  } catch (e) {
    throw unreadable(file, e);
  }
}

/** An export sink that respects the stream's backpressure. */
const sinkOf = (stream: Writable): ExportSink => ({
  write: async (text) => {
    if (!stream.write(text)) await once(stream, 'drain');
  },
});

/**
 * Runs `work` with a sink onto FILE (or stdout for `-`). A file is written beside its final name
 * and renamed at the end, so a failed export never leaves a truncated document behind.
 */
export async function withOutput<T>(file: string, work: (sink: ExportSink) => Promise<T>): Promise<T> {
  if (file === '-') return work(sinkOf(process.stdout));
  const partial = `${file}.partial-${process.pid}`;
  const stream = createWriteStream(partial);
  try {
    await once(stream, 'open');
    const result = await work(sinkOf(stream));
    stream.end();
    await once(stream, 'finish');
    await rename(partial, file);
    return result;
  } catch (e) {
    stream.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}
