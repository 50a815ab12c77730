/**
 * What the framework hosts' tests (React, Vue) share: the demo server on a free loopback port,
 * and a page that records what a careful host would not want to see.
 */
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createDemoServer } from '../../../demo/demo-server.js';

export interface DemoOrigin {
  origin: string;
  close(): Promise<void>;
}

/** The demo server (the pages, dist/ and the reference backend) on 127.0.0.1. */
export async function listenDemo(): Promise<DemoOrigin> {
  const server = createDemoServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Console errors and warnings (CSP violations among them) and uncaught errors, as they come. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
