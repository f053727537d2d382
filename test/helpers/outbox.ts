// A local SMTP server and a local webhook endpoint on 127.0.0.1, catching what the reminder job sends.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { setClock } from '../../server/clock.js';
import { closeMail } from '../../server/delivery/channels.js';
import { startTestApp, type TestApp } from './app.js';

export interface CaughtMail {
  to: string[];
  raw: string;
}

export async function startSmtp() {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Answers like a DingTalk robot; `failNext` makes the next calls fail with HTTP 500. */
export async function startWebhook() {
  const bodies: unknown[] = [];
  const state = { failNext: 0 };
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(500).end('busy');
        return;
      }
      bodies.push(JSON.parse(data));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { bodies, state, url: `http://127.0.0.1:${port}/robot/send?access_token=test`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The app with a local SMTP server and webhook endpoint for one test file: registers its own beforeAll/afterAll
 * and returns a holder whose fields are set once beforeAll has run.
 */
export function useAppWithOutbox() {
  const ctx = {} as { t: TestApp; smtp: Awaited<ReturnType<typeof startSmtp>>; hook: Awaited<ReturnType<typeof startWebhook>> };
  beforeAll(async () => {
    ctx.smtp = await startSmtp();
    ctx.hook = await startWebhook();
    process.env.LUOSHI_SMTP_URL = ctx.smtp.url;
    // the local robot listens on 127.0.0.1: the administrator's allow-list names it (webhookGuard.ts refuses loopback otherwise)
    process.env.LUOSHI_WEBHOOK_ALLOW = '127.0.0.1';
    ctx.t = await startTestApp();
  });
  afterAll(async () => {
    setClock(null);
    delete process.env.LUOSHI_SMTP_URL;
    delete process.env.LUOSHI_WEBHOOK_ALLOW;
    closeMail();
    await ctx.t.close();
    await ctx.smtp.close();
    await ctx.hook.close();
  });
  return ctx;
}
