// A worker of pool.ts. The pipeline is TypeScript and a worker starts without its parent's loader,
// so tsx is registered here before the pipeline is imported. A worker that cannot start says so,
// and the files given to it are read on the loading thread, which would otherwise wait for it forever.
import { parentPort, workerData } from "node:worker_threads";

try {
  const { register } = await import("tsx/esm/api");
  register();
  const { serveExtraction } = await import("./pool.ts");
  serveExtraction(parentPort);
} catch (err) {
  workerData.port.postMessage({ unavailable: String(err) });
  Atomics.add(workerData.signal, 0, 1);
  Atomics.notify(workerData.signal, 0);
}
