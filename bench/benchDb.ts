// The database a bench script runs on: embedded PGlite by default, or a fresh database on the PostgreSQL server
// named by LUOSHI_BENCH_PG, created for this run and dropped by `drop`.
import pg from 'pg';

export async function benchDatabase(tag: string): Promise<{ url: string; drop: (() => Promise<void>) | null }> {
  const adminUrl = process.env.LUOSHI_BENCH_PG;
  if (!adminUrl) return { url: 'memory://', drop: null };
  const name = `luoshi_bench_${tag}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const drop = async () => {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return { url: u.toString(), drop };
}
