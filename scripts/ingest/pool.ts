import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from "node:worker_threads";
import type { Codebook } from "./codebook";
import { type Prepared, prepare } from "./prepare";
import type { SourcesFile } from "./read";

/**
 * Worker threads that read and extract the files the pipeline will load next, while this thread
 * loads the ones before them: the pipeline still decides and loads every file in order, one
 * transaction each, and takes each file's reading when its turn comes (waiting on a shared counter,
 * as convert.ts does, since a run is one synchronous call). Reading and extracting are pure, so a
 * file's reading is the same whichever thread made it; a file a worker could not answer for is
 * read on this thread instead.
 */

interface Job {
  file: string;
  bytes: Uint8Array;
  contentHash: string;
  /** Who reads the file: UNCLAIMED until a worker starts it or the loading thread takes it back. */
  claim: Int32Array;
}

const UNCLAIMED = 0;
const BY_WORKER = 1;
const BY_LOADER = 2;

/** A file's reading; or `failed` when it could not be sent back; or `unavailable` when the worker could not start (it is given no more files). */
export type Answer = ({ file: string } & Prepared) | { file: string; failed: string } | { unavailable: string };

export interface Setup {
  signal: Int32Array;
  port: MessagePort;
  book: Codebook;
  sources: SourcesFile;
  root: string;
}

/**
 * A worker's stack as deep as this thread's (V8's 984 kB, plus the 192 kB Node keeps in reserve on a worker's):
 * a document nested too deeply to read here is too deep there too, where the default 4 MB took minutes over one.
 */
const STACK_MB = (984 + 192) / 1024;

interface Thread {
  worker: Worker;
  port: MessagePort;
  pending: number;
  unavailable: boolean;
}

interface Submitted {
  thread: Thread;
  claim: Int32Array;
}

/** Tells this thread that a worker has posted an answer. */
function announce(signal: Int32Array): void {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

export class ExtractionPool {
  /** Started with the first file submitted: a run that finds everything unchanged starts no worker. */
  private threads: Thread[] = [];
  /** How many answers the workers have posted: this thread waits for it to move. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly answers = new Map<string, Prepared | null>();
  private readonly submitted = new Map<string, Submitted>();
  private readonly forgotten = new Set<string>();

  constructor(
    private readonly size: number,
    private readonly book: Codebook,
    private readonly sources: SourcesFile,
    private readonly root: string,
  ) {}

  private start(): Thread {
    const { port1, port2 } = new MessageChannel();
    const setup: Setup = { signal: this.signal, port: port2, book: this.book, sources: this.sources, root: this.root };
    const worker = new Worker(new URL("./pool-worker.mjs", import.meta.url), {
      workerData: setup,
      transferList: [port2],
      resourceLimits: { stackSizeMb: STACK_MB },
    });
    worker.unref();
    return { worker, port: port1, pending: 0, unavailable: false };
  }

  /** Files handed to a worker and not yet taken. */
  get inFlight(): number {
    return this.submitted.size;
  }

  /** Hands a file to the least busy worker; false when none can take it. */
  submit(file: string, bytes: Uint8Array, contentHash: string): boolean {
    if (this.threads.length === 0) this.threads = Array.from({ length: this.size }, () => this.start());
    this.drain();
    const thread = this.threads.filter((t) => !t.unavailable).reduce<Thread | null>((least, t) => (least && least.pending <= t.pending ? least : t), null);
    if (!thread) return false;
    const claim = new Int32Array(new SharedArrayBuffer(4));
    thread.pending++;
    this.submitted.set(file, { thread, claim });
    thread.worker.postMessage({ file, bytes, contentHash, claim } satisfies Job);
    return true;
  }

  /**
   * The file's reading once its worker answers; null when it was not submitted, its worker could not
   * answer, or no worker had started it: then this thread reads it rather than wait, and the worker skips it.
   */
  take(file: string): Prepared | null {
    const job = this.submitted.get(file);
    if (!job) return null;
    this.submitted.delete(file);
    job.thread.pending--;
    if (Atomics.compareExchange(job.claim, 0, UNCLAIMED, BY_LOADER) === UNCLAIMED) return null;
    for (;;) {
      const answer = this.answers.get(file);
      if (answer !== undefined) {
        this.answers.delete(file);
        return answer;
      }
      const seen = Atomics.load(this.signal, 0);
      if (!this.drain()) Atomics.wait(this.signal, 0, seen);
    }
  }

  /** Gives up a file's reading if it was not taken: not started, its worker skips it; else its answer is let go. */
  forget(file: string): void {
    const job = this.submitted.get(file);
    if (!job) return;
    this.submitted.delete(file);
    job.thread.pending--;
    if (Atomics.compareExchange(job.claim, 0, UNCLAIMED, BY_LOADER) === UNCLAIMED) return;
    if (!this.answers.delete(file)) this.forgotten.add(file);
  }

  private drain(): boolean {
    let any = false;
    for (const thread of this.threads) {
      for (let message = receiveMessageOnPort(thread.port); message; message = receiveMessageOnPort(thread.port)) {
        any = true;
        const answer = message.message as Answer;
        if ("unavailable" in answer) thread.unavailable = true;
        else if (!this.forgotten.delete(answer.file)) {
          const { file, ...prepared } = answer;
          this.answers.set(file, "failed" in prepared ? null : prepared);
        }
      }
    }
    return any;
  }

  close(): void {
    for (const thread of this.threads) {
      thread.port.close();
      void thread.worker.terminate();
    }
  }
}

/** The worker's side: answers each file with its reading, on its own port, then moves the shared counter. */
export function serveExtraction(parent: MessagePort): void {
  const { signal, port, book, sources, root } = workerData as Setup;
  parent.on("message", ({ file, bytes, contentHash, claim }: Job) => {
    // Taken back by the loading thread, which reads it itself: nothing to answer.
    if (Atomics.compareExchange(claim, 0, UNCLAIMED, BY_WORKER) !== UNCLAIMED) return;
    try {
      port.postMessage({ file, ...prepare(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentHash, sources, root, book) } satisfies Answer);
    } catch (err) {
      // A reading that cannot cross threads: the file is read again on the loading thread.
      port.postMessage({ file, failed: String(err) } satisfies Answer);
    }
    announce(signal);
  });
}
