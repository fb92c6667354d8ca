import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { DocumentError } from "./document";

/** A text item as pdf.js places it: PDF user space, origin bottom-left, y the baseline. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

export interface PdfConversion {
  pages: PdfTextItem[][];
  /** The document information dictionary: Title, Author and CreationDate where present. */
  info: Record<string, string>;
}

export interface DocxConversion {
  html: string;
  /** docProps/core.xml: title, creator and dates as Word saved them; null when absent. */
  core: string | null;
}

interface Answer<T> {
  result?: T;
  error?: { name: string; message: string };
}

const TIMEOUT_MS = 60_000;
let worker: Worker | null = null;

/**
 * pdf.js and mammoth answer only through Promises, while the pipeline reads a document in one
 * synchronous step (its transactions and callers are synchronous): the conversion runs on a worker
 * thread and this thread waits for the answer on a shared flag, with a time limit.
 */
function convert<T>(file: string, format: "pdf" | "docx", bytes: Uint8Array): T {
  worker ??= new Worker(new URL("./convert-worker.mjs", import.meta.url));
  worker.unref();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ signal, port: port2, format, bytes }, [port2]);
  const waited = Atomics.wait(signal, 0, 0, TIMEOUT_MS);
  const message = receiveMessageOnPort(port1)?.message as Answer<T> | undefined;
  port1.close();
  if (waited === "timed-out" || !message) {
    void worker.terminate();
    worker = null;
    throw new DocumentError(file, null, `took longer than ${TIMEOUT_MS / 1000} s to read as ${format.toUpperCase()}; not loaded`);
  }
  if (message.error) throw Object.assign(new Error(message.error.message), { name: message.error.name });
  return message.result as T;
}

export function convertPdf(file: string, bytes: Uint8Array): PdfConversion {
  return convert<PdfConversion>(file, "pdf", bytes);
}

export function convertDocx(file: string, bytes: Uint8Array): DocxConversion {
  return convert<DocxConversion>(file, "docx", bytes);
}
