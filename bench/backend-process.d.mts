export interface BackendProcess {
  url: string;
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}
export function startBackendProcess(options?: { exposeGc?: boolean; env?: Record<string, string> }): Promise<BackendProcess>;
