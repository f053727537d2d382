// The two outside channels: e-mail over SMTP (LUOSHI_SMTP_URL) and group-robot webhooks
// (DingTalk and WeCom both accept {"msgtype":"text","text":{"content":…}}).
import http from 'node:http';
import https from 'node:https';
import nodemailer, { type Transporter } from 'nodemailer';
import { allowList, checkWebhookTarget, guardedLookup, WebhookRefusedError } from './webhookGuard.js';

export const smtpUrl = () => process.env.LUOSHI_SMTP_URL || null;
export const mailFrom = () => process.env.LUOSHI_MAIL_FROM || '落实平台 <luoshi@localhost>';

const transports = new Map<string, Transporter>();

/** A pooled transport per URL: one connection per message costs ~0.2 s, a pooled one a few ms. */
function transport(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    const pooled = new URL(url);
    if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
    transports.set(url, (t = nodemailer.createTransport(pooled.toString())));
  }
  return t;
}

export async function sendMail(to: string, subject: string, text: string): Promise<void> {
  const url = smtpUrl();
  if (!url) throw new Error('未配置邮件服务器(LUOSHI_SMTP_URL)');
  await transport(url).sendMail({ from: mailFrom(), to, subject, text });
}

/** Closes pooled SMTP connections (server shutdown, tests). */
export function closeMail(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

export function webhookBody(subject: string, text: string) {
  return { msgtype: 'text', text: { content: `【${subject}】\n${text}` } };
}

export async function postWebhook(url: string, subject: string, text: string): Promise<void> {
  const { status, body } = await postJson(url, JSON.stringify(webhookBody(subject, text)), 10_000);
  if (status < 200 || status >= 300) throw new Error(`HTTP ${status}: ${body.slice(0, 200)}`);
  // the robots answer 200 with an error code when they refuse a message
  let parsed: { errcode?: number; errmsg?: string } | null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed.errcode === 'number' && parsed.errcode !== 0) throw new Error(`errcode ${parsed.errcode}: ${parsed.errmsg ?? ''}`);
}

/**
 * POSTs JSON to a webhook through the SSRF guard (webhookGuard.ts): http(s) only, no refused address,
 * checked on the address actually connected to; redirects are not followed; the answer is read up to 64 KB.
 */
function postJson(raw: string, payload: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  const allow = allowList();
  const target = checkWebhookTarget(raw, allow); // throws WebhookRefusedError
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      target.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        signal: AbortSignal.timeout(timeoutMs),
        ...(target.allowedByName ? {} : { lookup: guardedLookup(allow) as never }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < 64 * 1024) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EWEBHOOKREFUSED' && !(err instanceof WebhookRefusedError) ? new WebhookRefusedError(err.message) : err));
    req.end(payload);
  });
}
