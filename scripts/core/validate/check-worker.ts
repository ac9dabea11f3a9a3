/** A worker thread of `checkMany` (./check-many.ts): checks client files until none is left. */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

enableCompileCache?.();
const { runWorker } = await import('./check-many.ts');
runWorker(workerData, (message) => parentPort!.postMessage(message));
