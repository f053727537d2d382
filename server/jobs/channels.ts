// The two outside channels: e-mail over SMTP (LUOSHI_SMTP_URL) and group-robot webhooks
// (DingTalk and WeCom both accept {"msgtype":"text","text":{"content":…}}).
import nodemailer, { type Transporter } from 'nodemailer';

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
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webhookBody(subject, text)), signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${body.slice(0, 200)}`);
  // the robots answer 200 with an error code when they refuse a message
  let parsed: { errcode?: number; errmsg?: string } | null = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = null;
  }
  if (parsed && typeof parsed.errcode === 'number' && parsed.errcode !== 0) throw new Error(`errcode ${parsed.errcode}: ${parsed.errmsg ?? ''}`);
}
