// luoshi db backup FILE / luoshi db restore FILE [--force]: a portable logical copy of every table,
// the same for embedded PGlite and a PostgreSQL server, so a backup of one restores into the other.
//
// The file is JSON lines (gzip-compressed when its name ends in .gz; restore detects it either way):
//   ["luoshi-backup", { format, createdAt, source, migrations: [{ hash, createdAt }], tables: [...] }]
//   ["table", name, { columns, rows, sequences: { column: { value, called } } }]
//   { …one row as PostgreSQL's to_jsonb(row)… }            (rows in primary-key order)
//   ["end", { tables, rows }]
// Rows are written as the database renders them (to_jsonb: bytea as \x hex, timestamps with their offset,
// float8 in shortest exact form) and read back by jsonb_populate_recordset, never parsed in JavaScript,
// so every value comes back bit for bit. The backup is taken in one read-only repeatable-read transaction
// (one consistent snapshot); the restore runs in one transaction: it checks that the target's migrations
// are the backup's, refuses a target that holds any row unless --force (which empties it first), loads
// every table with foreign keys set aside, puts the foreign keys back (which checks every reference),
// restores the id sequences and checks each table's row count. Any failure leaves the target as it was.
import { createReadStream, createWriteStream, openSync, readSync, closeSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import type { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import type { DbHandle, DbOrTx } from './client.js';

export const BACKUP_FORMAT = 'luoshi-backup';
const FORMAT_VERSION = 1;

export interface BackupSummary {
  file: string;
  source: DbHandle['kind'];
  migrations: number;
  tables: Record<string, number>;
}

interface Migration {
  hash: string;
  createdAt: string;
}
interface TableMeta {
  columns: string[];
  rows: number;
  sequences: Record<string, { value: string; called: boolean }>;
}

const q = async <T>(db: DbOrTx, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const ident = (name: string) => sql.identifier(name);

async function migrations(db: DbOrTx): Promise<Migration[]> {
  const [exists] = await q<{ t: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists?.t) return [];
  return (await q<{ hash: string; created_at: string }>(db, sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`)).map((m) => ({ hash: m.hash, createdAt: m.created_at }));
}

async function tableNames(db: DbOrTx): Promise<string[]> {
  const rows = await q<{ name: string }>(db, sql`select table_name::text as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  return rows.map((r) => r.name);
}

async function columnsOf(db: DbOrTx, table: string): Promise<{ name: string; type: string; serial: boolean }[]> {
  const rows = await q<{ name: string; type: string; def: string | null }>(
    db,
    sql`select column_name::text as name, data_type::text as type, column_default::text as def from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((r) => ({ name: r.name, type: r.type, serial: !!r.def && r.def.startsWith('nextval(') }));
}

async function primaryKey(db: DbOrTx, table: string): Promise<string[]> {
  const rows = await q<{ name: string }>(
    db,
    sql`select a.attname::text as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${`public.${quoteIdent(table)}`}::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
  );
  return rows.map((r) => r.name);
}

async function sequenceOf(db: DbOrTx, table: string, column: string): Promise<string | null> {
  const [row] = await q<{ seq: string | null }>(db, sql`select pg_get_serial_sequence(${`public.${quoteIdent(table)}`}, ${column})::text as seq`);
  return row?.seq ?? null;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Writes lines to a file (gzip when it ends in .gz), waiting when the stream is full. */
function lineWriter(file: string, compress: boolean) {
  const fileStream = createWriteStream(file);
  const gzip = compress ? createGzip() : null;
  if (gzip) gzip.pipe(fileStream);
  const out: Writable = gzip ?? fileStream;
  let failed: Error | null = null;
  out.on('error', (e) => (failed = e));
  fileStream.on('error', (e) => (failed = e));
  return {
    async line(text: string) {
      if (failed) throw failed;
      if (!out.write(text + '\n')) await once(out, 'drain');
    },
    async close() {
      out.end();
      await once(fileStream, 'close');
      if (failed) throw failed;
    },
    destroy() {
      out.destroy();
      fileStream.destroy();
    },
  };
}

export async function backupDb(handle: DbHandle, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const out = lineWriter(partial, file.endsWith('.gz'));
  try {
    const summary = await handle.db.transaction(
      async (tx) => {
        const applied = await migrations(tx);
        if (!applied.length) throw new Error('数据库尚未初始化(没有迁移记录),无可备份的内容');
        const tables = await tableNames(tx);
        await out.line(JSON.stringify([BACKUP_FORMAT, { format: FORMAT_VERSION, createdAt: new Date().toISOString(), source: handle.kind, migrations: applied, tables }]));
        const counts: Record<string, number> = {};
        let total = 0;
        for (const table of tables) {
          const cols = await columnsOf(tx, table);
          const [{ n }] = await q<{ n: string }>(tx, sql`select count(*)::text as n from ${ident(table)}`);
          const sequences: TableMeta['sequences'] = {};
          for (const c of cols.filter((x) => x.serial)) {
            const seq = await sequenceOf(tx, table, c.name);
            if (!seq) continue;
            const [s] = await q<{ value: string; called: boolean }>(tx, sql`select last_value::text as value, is_called as called from ${sql.raw(seq)}`);
            sequences[c.name] = { value: s.value, called: s.called };
          }
          const meta: TableMeta = { columns: cols.map((c) => c.name), rows: Number(n), sequences };
          await out.line(JSON.stringify(['table', table, meta]));
          const pk = await primaryKey(tx, table);
          const order = pk.length ? sql.join(pk.map((c) => sql`t.${ident(c)}`), sql`, `) : sql`t::text`;
          // rows holding file bytes are read a few at a time
          const batch = cols.some((c) => c.type === 'bytea') ? 10 : 1000;
          let written = 0;
          // a cursor reads the table once in order; pages by OFFSET sorted and skipped every row before each page
          // again (a district's backup took ten minutes, the report tables' last pages most of it)
          await tx.execute(sql`declare luoshi_backup no scroll cursor for select to_jsonb(t)::text as j from ${ident(table)} t order by ${order}`);
          for (;;) {
            const rows = await q<{ j: string }>(tx, sql`fetch forward ${sql.raw(String(batch))} from luoshi_backup`);
            for (const r of rows) await out.line(r.j);
            written += rows.length;
            if (rows.length < batch) break;
          }
          await tx.execute(sql`close luoshi_backup`);
          counts[table] = written;
          total += written;
        }
        await out.line(JSON.stringify(['end', { tables: tables.length, rows: total }]));
        return { file, source: handle.kind, migrations: applied.length, tables: counts };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await out.close();
    renameSync(partial, file);
    return summary;
  } catch (e) {
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = isGzip(file) ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield line;
}

const control = (line: string): [string, ...unknown[]] => {
  const v = JSON.parse(line);
  if (!Array.isArray(v) || typeof v[0] !== 'string') throw new Error('备份文件格式有误');
  return v as [string, ...unknown[]];
};

export async function restoreDb(handle: DbHandle, file: string, opts: { force?: boolean } = {}): Promise<BackupSummary> {
  const it = lines(file)[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new Error('备份文件为空');
  let header: { format: number; source: DbHandle['kind']; migrations: Migration[]; tables: string[] };
  try {
    const [tag, h] = control(first.value);
    if (tag !== BACKUP_FORMAT) throw new Error();
    header = h as typeof header;
  } catch {
    throw new Error('不是落实的备份文件');
  }
  if (header.format !== FORMAT_VERSION) throw new Error(`不支持的备份格式版本 ${header.format}`);

  return handle.db.transaction(async (tx) => {
    const applied = await migrations(tx);
    const same = applied.length === header.migrations.length && applied.every((m, i) => m.hash === header.migrations[i].hash);
    if (!same)
      throw new Error(`备份的数据库结构(迁移 ${header.migrations.length} 个)与当前程序的(迁移 ${applied.length} 个)不一致:请用生成该备份的程序版本恢复,再升级`);
    const tables = await tableNames(tx);
    if (tables.join() !== [...header.tables].sort().join()) throw new Error(`备份中的表与当前数据库不一致:${header.tables.join(',')}`);

    const nonEmpty: string[] = [];
    for (const t of tables) if ((await q(tx, sql`select 1 from ${ident(t)} limit 1`)).length) nonEmpty.push(t);
    if (nonEmpty.length && !opts.force) throw new Error(`目标数据库不是空的(${nonEmpty.join('、')} 中已有数据);确认要用备份覆盖请加 --force`);
    if (nonEmpty.length) await tx.execute(sql`truncate table ${sql.join(tables.map(ident), sql`, `)} restart identity cascade`);

    // foreign keys are set aside while the tables load in any order, then put back, which checks every reference
    const fks = await q<{ tbl: string; name: string; def: string }>(
      tx,
      sql`select conrelid::regclass::text as tbl, conname::text as name, pg_get_constraintdef(oid) as def from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace order by conrelid::regclass::text, conname`,
    );
    for (const fk of fks) await tx.execute(sql`alter table ${sql.raw(fk.tbl)} drop constraint ${ident(fk.name)}`);
    // the tables' own triggers (task_statuses marks a task's maintained status stale when its rows change) would
    // rewrite what the backup holds: the rows come back as they were, so the triggers sleep while they load
    for (const t of tables) await tx.execute(sql`alter table ${ident(t)} disable trigger user`);

    const counts: Record<string, number> = {};
    let table: string | null = null;
    let meta: TableMeta | null = null;
    let pending: string[] = [];
    let pendingBytes = 0;
    let ended = false;
    const flush = async () => {
      if (!pending.length || !table) return;
      const json = `[${pending.join(',')}]`;
      await tx.execute(sql`insert into ${ident(table)} select * from jsonb_populate_recordset(null::${ident(table)}, ${json}::jsonb)`);
      counts[table] += pending.length;
      pending = [];
      pendingBytes = 0;
    };
    const finishTable = async () => {
      await flush();
      if (!table || !meta) return;
      if (counts[table] !== meta.rows) throw new Error(`表 ${table} 恢复了 ${counts[table]} 行,备份中记有 ${meta.rows} 行`);
      for (const [column, s] of Object.entries(meta.sequences)) {
        const seq = await sequenceOf(tx, table, column);
        if (!seq) continue;
        // never below the largest id present, so the next insert cannot collide
        const [{ max }] = await q<{ max: string | null }>(tx, sql`select max(${ident(column)})::text as max from ${ident(table)}`);
        const value = max && BigInt(max) > BigInt(s.value) ? max : s.value;
        await tx.execute(sql`select setval(${seq}::regclass, ${value}::bigint, ${value === s.value ? s.called : true})`);
      }
    };

    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = next.value;
      if (ended) throw new Error('备份文件在结束标记之后还有内容');
      if (line.startsWith('{')) {
        if (!table) throw new Error('备份文件格式有误:数据行前缺少表名');
        pending.push(line);
        pendingBytes += line.length;
        if (pending.length >= 1000 || pendingBytes >= 8 * 1024 * 1024) await flush();
        continue;
      }
      const [tag, ...rest] = control(line);
      if (tag === 'table') {
        await finishTable();
        table = rest[0] as string;
        meta = rest[1] as TableMeta;
        if (!tables.includes(table)) throw new Error(`备份中的表 ${table} 在当前数据库中不存在`);
        const cols = (await columnsOf(tx, table)).map((c) => c.name);
        if ([...cols].sort().join() !== [...meta.columns].sort().join()) throw new Error(`表 ${table} 的字段与备份不一致`);
        counts[table] = 0;
      } else if (tag === 'end') {
        await finishTable();
        ended = true;
      } else throw new Error(`备份文件格式有误:未知标记 ${tag}`);
    }
    if (!ended) throw new Error('备份文件不完整(缺少结束标记),未恢复任何数据');

    for (const fk of fks) await tx.execute(sql`alter table ${sql.raw(fk.tbl)} add constraint ${ident(fk.name)} ${sql.raw(fk.def)}`);
    for (const t of tables) await tx.execute(sql`alter table ${ident(t)} enable trigger user`);
    return { file, source: header.source, migrations: applied.length, tables: counts };
  });
}
